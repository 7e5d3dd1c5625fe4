import { strict as assert } from 'node:assert';
import type { RetentionTable } from '../../../src/shared/report';
import { averageCells, cohortCells, hasPartialCells, offsetCount, pooledTotals } from '../../../src/webview/tableModel';
import { ordersReport } from './sampleReports';

const texts = (cells: { text: string }[]): string[] => cells.map((c) => c.text);

describe('webview/tableModel', () => {
  const table = ordersReport().retention;
  const ctx = (display: 'percent' | 'count' = 'percent', t: RetentionTable = table) => ({ table: t, display, dataEnd: '2024-03-31' });

  it('shows the DESIGN.md §6 example as percentages and as counts', () => {
    assert.deepEqual(texts(cohortCells(table.cohorts[0], ctx())), ['100%', '67%', '33%']);
    assert.deepEqual(texts(cohortCells(table.cohorts[1], ctx())), ['100%', '50%', '']);
    assert.deepEqual(texts(cohortCells(table.cohorts[0], ctx('count'))), ['3', '2', '1']);
    assert.deepEqual(texts(averageCells(table)), ['100%', '60%', '33%']);
  });

  it('marks absent cells and gives them no tooltip; present cells get "n of size (rate)"', () => {
    const [c0, c1, c2] = cohortCells(table.cohorts[1], ctx());
    assert.deepEqual(c2, { offset: 2, text: '', title: null, classes: ['cell', 'absent'] });
    assert.deepEqual(c0.classes, ['cell', 'heat-10']);
    assert.equal(c1.title, '2024-02 · M1: 1 of 2 (50.0%)');
  });

  it('flags partial cells with a class and a tooltip naming the data end', () => {
    const t: RetentionTable = { ...table, cohorts: [{ cohort: '2024-03', size: 4, counts: [4, 1], rates: [1, 0.25], partial: [false, true] }] };
    const cell = cohortCells(t.cohorts[0], ctx('percent', t))[1];
    assert.ok(cell.classes.includes('partial'));
    assert.match(cell.title!, /\nPeriod not complete: data ends 2024-03-31$/);
    assert.ok(hasPartialCells(t));
    assert.ok(!hasPartialCells(table));
  });

  it('pads short rows to the widest row with absent cells', () => {
    const t: RetentionTable = { ...table, cohorts: [...table.cohorts, { cohort: '2024-03', size: 1, counts: [1], rates: [1], partial: [false] }] };
    assert.equal(offsetCount(t), 3);
    assert.deepEqual(cohortCells(t.cohorts[2], ctx('percent', t)).map((c) => c.classes.includes('absent')), [false, true, true]);
    assert.equal(offsetCount({ ...table, cohorts: [], average: { rates: [], method: 'pooled' } }), 0);
  });

  it('explains the pooled average with the totals of the complete cohorts', () => {
    assert.deepEqual(pooledTotals(table, 1), { cohorts: 2, retained: 3, size: 5 });
    assert.deepEqual(pooledTotals(table, 2), { cohorts: 1, retained: 1, size: 3 });
    assert.equal(averageCells(table)[1].title, 'Average (pooled) · M1: 60.0%\n3 of 5 customers in 2 cohorts whose period is complete');
  });
});

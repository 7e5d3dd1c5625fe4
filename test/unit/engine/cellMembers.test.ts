import { strict as assert } from 'node:assert';
import { cellMembers } from '../../../src/engine/cellMembers';
import { retentionTable } from '../../../src/engine/retention';
import { resolveOptions, type RetentionOptions } from '../../../src/shared/options';
import { ORDERS_ROWS, makeDataset, syntheticDataset } from './makeDataset';

describe('engine/cellMembers', () => {
  it('lists the customers behind a cell of the §6 example, by customer index', () => {
    const ds = makeDataset(ORDERS_ROWS, { dataEnd: '2024-04-01' });
    const o = resolveOptions({ period: 'month', weekStart: 'monday' });
    const ids = (cohort: string, column: number) => [...cellMembers(ds, o, cohort, column)].map((u) => ds.customerIds.at(u));
    assert.deepEqual(ids('2024-01', 0), ['c1', 'c2', 'c3']);
    assert.deepEqual(ids('2024-01', 1), ['c1', 'c2']);
    assert.deepEqual(ids('2024-01', 2), ['c1']);
    assert.deepEqual(ids('2024-02', 1), ['c4']);
    assert.deepEqual(ids('2024-02', 2), []);        // absent cell
    assert.deepEqual(ids('2024-05', 0), []);        // no such cohort
    assert.deepEqual(ids('2024-01', 7), []);        // no such column
  });

  it('has exactly the count of every cell, ascending and distinct, in every mode', () => {
    const ds = syntheticDataset({ rows: 3000, customers: 400, seed: 9, days: 250 });
    const variants: Partial<RetentionOptions>[] = [
      {}, { mode: 'unbounded' }, { mode: 'streak' }, { mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3, to: 8 }] },
      { window: 'rolling' }, { cohorts: 'recurring' }, { minOccurrences: 2 },
    ];
    let cells = 0;
    for (const v of variants) {
      const o = resolveOptions({ period: 'month', weekStart: 'monday', ...v });
      for (const row of retentionTable(ds, o).cohorts) {
        row.counts.forEach((n, j) => {
          const members = cellMembers(ds, o, row.cohort, j);
          assert.equal(members.length, n ?? 0, `${JSON.stringify(v)} ${row.cohort} ${j}`);
          for (let i = 1; i < members.length; i++) assert.ok(members[i] > members[i - 1]);
          cells++;
        });
      }
    }
    assert.ok(cells > 300);
  });
});

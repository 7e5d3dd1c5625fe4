import { strict as assert } from 'node:assert';
import {
  clvExportName, customerCells, customerColumns, customerCsv, nextSort, showingLine, sortCustomers,
} from '../../../src/webview/customerTableModel';
import { HOSTILE_ID, samplePredictive, sampleCustomers } from './samplePredictive';

const ids = (rows: { id: string }[]): string[] => rows.map((r) => r.id);
const MARKUP = '<img src=x onerror=alert(1)>';

describe('webview/customerTableModel', () => {
  it('cycles the sort: a new column starts high-to-low (ids A→Z), the same column flips', () => {
    assert.deepEqual(nextSort(null, 'clv'), { key: 'clv', direction: 'descending' });
    assert.deepEqual(nextSort({ key: 'clv', direction: 'descending' }, 'clv'), { key: 'clv', direction: 'ascending' });
    assert.deepEqual(nextSort({ key: 'clv', direction: 'ascending' }, 'clv'), { key: 'clv', direction: 'descending' });
    assert.deepEqual(nextSort({ key: 'clv', direction: 'ascending' }, 'id'), { key: 'id', direction: 'ascending' });
  });

  it('sorts numbers as numbers, stably, unknown values last in both directions', () => {
    const rows = sampleCustomers();
    assert.deepEqual(ids(sortCustomers(rows, null)), ids(rows));
    assert.notEqual(sortCustomers(rows, null), rows);
    // x: 18, 3, 3, 0 — the two 3s keep the report's order in both directions.
    assert.deepEqual(ids(sortCustomers(rows, { key: 'x', direction: 'ascending' })), [MARKUP, HOSTILE_ID, 'c2', 'c10']);
    assert.deepEqual(ids(sortCustomers(rows, { key: 'x', direction: 'descending' })), ['c10', HOSTILE_ID, 'c2', MARKUP]);
    // CLV: 1175.77, 60.5, 60.5, null — numeric (a string sort would put 60.5 after 1175.77 descending… and 1175 first ascending).
    assert.deepEqual(ids(sortCustomers(rows, { key: 'clv', direction: 'ascending' })), [HOSTILE_ID, 'c2', 'c10', MARKUP]);
    assert.deepEqual(ids(sortCustomers(rows, { key: 'clv', direction: 'descending' })), ['c10', HOSTILE_ID, 'c2', MARKUP]);
    assert.deepEqual(ids(sortCustomers(rows, { key: 'pAlive', direction: 'descending' })), [MARKUP, 'c2', 'c10', HOSTILE_ID]);
    // Ids in natural order: c2 before c10.
    assert.deepEqual(ids(sortCustomers(rows, { key: 'id', direction: 'ascending' })), [MARKUP, HOSTILE_ID, 'c2', 'c10']);
    assert.deepEqual(ids(sortCustomers(rows, { key: 'id', direction: 'descending' })), ['c10', 'c2', HOSTILE_ID, MARKUP]);
  });

  it('formats a row\'s cells and its line button', () => {
    assert.deepEqual(customerCells(sampleCustomers()[0]), {
      id: 'c10', cells: ['18', '35.14', '35.86', '94.6%', '16.06', '77.60', '1,175.77'], line: 12, lineText: 'line 12',
    });
    assert.deepEqual(customerCells(sampleCustomers()[3]).cells, ['0', '0.00', '10.00', '100.0%', '0.80', '—', '—']);
  });

  it('names the columns in the report\'s unit and says how many rows are shown', () => {
    const p = samplePredictive();
    assert.deepEqual(customerColumns(p).map((c) => c.label), ['Customer', 'x', 't_x', 'T', 'P(alive)', 'Expected purchases', 'Expected spend', 'CLV']);
    assert.equal(customerColumns(p)[2].title, 'Recency: last − first purchase day, in weeks');
    assert.equal(showingLine(p, null), 'Showing 4 of 2,357 modelled customers, highest CLV first.');
    assert.equal(showingLine(p, { key: 'pAlive', direction: 'ascending' }), 'Showing 4 of 2,357 modelled customers (the top 4 by CLV), sorted by P(alive), ascending.');
    const all = { ...p, data: { ...p.data, modelled: 4 }, totals: { ...p.totals!, clv: null } };
    assert.equal(showingLine(all, null), '4 customers, highest expected purchases first.');
  });

  it('exports the shown rows as CSV with plain numbers and hostile ids neutralised', () => {
    const p = samplePredictive();
    const csv = customerCsv(p, sortCustomers(p.customers, { key: 'x', direction: 'ascending' }));
    assert.equal(csv, [
      'Customer,First line,x,t_x (weeks),T (weeks),P(alive),Expected purchases (12 months),Expected spend,CLV (12 months)',
      `${MARKUP},9,0,0.0000,10.0000,1.0000,0.8000,,`,
      `"'=HYPERLINK(""http://evil.example"",""x"")",2,3,20.0000,38.0000,0.5000,1.5000,40.00,60.50`,
      'c2,7,3,30.5000,31.0000,0.9700,3.2500,12.50,60.50',
      'c10,12,18,35.1429,35.8571,0.9465,16.0573,77.60,1175.77',
      '',
    ].join('\r\n'));
    assert.equal(clvExportName('data/cdnowElog.csv'), 'cdnowElog-clv.csv');
    assert.equal(clvExportName('C:\\x\\orders'), 'orders-clv.csv');
    assert.equal(clvExportName(''), 'report-clv.csv');
  });
});

import { strict as assert } from 'node:assert';
import type { ChurnList } from '../../../src/shared/churnReport';
import { isWebviewMessage } from '../../../src/shared/protocol';
import {
  churnListView, csvExportMessage, listCsv, listExportMessage, listExportTitle, listFileName, listHeads, listSummary, openLineMessage,
} from '../../../src/webview/churnListModel';
import { bigChurn, FORMULA_ID, ordersChurn } from './sampleChurn';
import { monthLabels, XSS_IMG } from './sampleReports';

describe('webview/churnListModel', () => {
  it('lists the churned customers of orders.csv (hand-computed), each with the line to open', () => {
    const view = churnListView('churned', ordersChurn().inactivity, true);
    assert.equal(view.title, 'Churned (3)');
    assert.equal(view.summary, 'Showing all 3 customers (60.0% of 5); past revenue 48.00');
    assert.deepEqual(view.heads, ['Customer', 'Last purchase', 'Days silent', 'Orders', 'Revenue', 'Usual gap (days)', 'In the file']);
    assert.deepEqual(view.rows.map((r) => r.id), ['c2', 'c5', 'c3']);
    assert.deepEqual(view.rows[0], { id: 'c2', cells: ['2024-02-01', '59', '2', '28.00', '30'], line: 6, lineText: 'line 6' });
    assert.equal(view.empty, null);
    assert.deepEqual(churnListView('winBack', ordersChurn().inactivity, true).rows.map((r) => [r.id, r.line]), [['c2', 6], ['c3', 4], ['c5', 8]]);
  });

  it('posts openLine with the customer\'s last line, a message the host accepts', () => {
    const row = churnListView('winBack', ordersChurn().inactivity, true).rows[1];
    const message = openLineMessage(row);
    assert.deepEqual(message, { type: 'openLine', line: 4 });
    assert.ok(isWebviewMessage(message));
  });

  it('says when a list is empty, or capped ("showing N of M")', () => {
    const atRisk = churnListView('atRisk', ordersChurn().inactivity, true);
    assert.equal(atRisk.empty, 'No customer is at risk.');
    assert.deepEqual(atRisk.rows, []);
    const big = churnListView('atRisk', bigChurn(monthLabels(3), XSS_IMG).inactivity, true);
    assert.equal(big.title, 'At risk (1,152)');
    // 1,152 / 4,338 = 26.56%
    assert.equal(big.summary, 'Showing 100 of 1,152 customers (26.6% of 4,338); past revenue 1,476,903.81');
    assert.equal(big.rows[1].id, XSS_IMG);
    assert.equal(big.rows[0].lineText, 'line 40,000');
    assert.equal(big.rows[0].cells[4], '7.5');
    const one: ChurnList = { total: 1, revenue: null, customers: [] };
    assert.equal(listSummary(one, 0, true), 'Showing 0 of 1 customer');
  });

  it('leaves revenue out without amounts', () => {
    assert.deepEqual(listHeads(false), ['Customer', 'Last purchase', 'Days silent', 'Orders', 'Usual gap (days)', 'In the file']);
    const view = churnListView('churned', ordersChurn().inactivity, false);
    assert.deepEqual(view.rows[0].cells, ['2024-02-01', '59', '2', '30']);
    assert.equal(view.summary, 'Showing all 3 customers (60.0% of 5)');
  });

  it('exports a list as CSV, plain numbers, CRLF', () => {
    const csv = listCsv(ordersChurn().inactivity.winBack, true);
    assert.equal(csv, 'Customer,Last purchase,Days silent,Orders,Revenue,Usual gap (days),Line\r\n'
      + 'c2,2024-02-01,59,2,28.00,30,6\r\nc3,2024-01-01,90,1,15.00,30,4\r\nc5,2024-02-01,59,1,5.00,30,8\r\n');
    assert.equal(listCsv(ordersChurn().inactivity.atRisk, false), 'Customer,Last purchase,Days silent,Orders,Usual gap (days),Line\r\n');
  });

  it('neutralises hostile ids in the CSV, keeps negative revenue a number', () => {
    const lines = listCsv(bigChurn(monthLabels(3), XSS_IMG).inactivity.atRisk, true).split('\r\n');
    assert.equal(FORMULA_ID, '=HYPERLINK("x")');
    assert.equal(lines[1], `"'=HYPERLINK(""x"")",2023-11-02,135,1,5000.00,7.5,40000`);
    assert.equal(lines[2], `"<img src=x onerror=""window.__xss=1"">",2023-11-02,136,2,4962.70,30,40017`);
    assert.equal(lines[3], '12502,2023-11-02,137,3,-12.50,30,40034');
    assert.equal(lines.length, 102);   // header, 100 customers, '' after the last CRLF
  });

  it('names the file after the CSV and the list, and posts it as a csv export', () => {
    assert.equal(listFileName('orders.csv', 'atRisk'), 'orders-at-risk.csv');
    assert.equal(listFileName('/data/shop.2024.csv', 'winBack'), 'shop.2024-win-back.csv');
    assert.equal(listFileName('C:\\data\\x.tsv', 'churned'), 'x-churned.csv');
    assert.equal(listFileName('', 'churned'), 'report-churned.csv');
    const message = listExportMessage('winBack', ordersChurn().inactivity, true, 'orders.csv');
    assert.deepEqual(message, { type: 'export', format: 'csv', content: listCsv(ordersChurn().inactivity.winBack, true), suggestedName: 'orders-win-back.csv' });
    assert.ok(isWebviewMessage(message));
    assert.deepEqual(csvExportMessage('a\r\n', 'f.csv'), { type: 'export', format: 'csv', content: 'a\r\n', suggestedName: 'f.csv' });
  });

  it('says in the button tooltip when the export holds only the listed customers', () => {
    assert.equal(listExportTitle(ordersChurn().inactivity.churned), 'Save this list as CSV');
    assert.equal(listExportTitle(bigChurn(monthLabels(3), 'x').inactivity.churned), 'Save the 100 customers listed here as CSV (the list is capped; totals cover all 1,290)');
  });
});

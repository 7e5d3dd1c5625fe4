import { strict as assert } from 'node:assert';
import { describeProblem, qualityFacts, skipLines } from '../../../src/webview/qualityModel';
import { mappingSummary } from '../../../src/webview/render/header';
import { kpiCards } from '../../../src/webview/kpiModel';
import { bigReport, ordersReport, XSS_IMG } from './sampleReports';

describe('webview/qualityModel, kpis, header texts', () => {
  it('locates a problem as line, column and value', () => {
    assert.equal(describeProblem({ line: 12, column: 'date', value: '31/02/2024' }), "line 12, column 'date': '31/02/2024'");
    assert.equal(describeProblem({ line: 5, column: 'id', value: null }), "line 5, column 'id'");
    assert.equal(describeProblem({ line: 7, column: null, value: '' }), 'line 7: (empty)');
  });

  it('lists skipped reasons, most frequent first, with their examples as text', () => {
    const lines = skipLines(bigReport().quality);
    assert.deepEqual(lines.map((l) => [l.label, l.count]), [['Invalid timestamp', '17'], ['Missing customer id', '3']]);
    assert.equal(lines[0].examples[1], `line 97, column 'InvoiceDate': '${XSS_IMG}'`);
  });

  it('states rows, returns, date format and range', () => {
    const facts = Object.fromEntries(qualityFacts(bigReport().quality, 'Europe/Berlin'));
    assert.equal(facts['Rows read'], '48,213');
    assert.equal(facts['Rows skipped'], '20');
    assert.equal(facts['Date format'], 'ISO 8601 (2024-03-05)');
    assert.equal(facts['Data range'], '2023-01-02 to 2024-03-15');
    assert.equal(Object.fromEntries(qualityFacts(ordersReport().quality, 'UTC'))['Data range'], '2024-01 to 2024-03');
  });

  it('formats the six KPI cards', () => {
    assert.deepEqual(kpiCards(ordersReport().kpis).map((c) => [c.key, c.value]), [
      ['customers', '5'], ['orders', '9'], ['revenue', '120.00'], ['aov', '13.33'], ['purchaseFrequency', '1.80'], ['repeatPurchaseRate', '60.0%'],
    ]);
    const none = kpiCards({ ...ordersReport().kpis, revenue: null, aov: null });
    assert.deepEqual(none.filter((c) => c.value === '—').map((c) => c.key), ['revenue', 'aov']);
  });

  it('summarises the mapping, optional roles only when mapped', () => {
    assert.equal(mappingSummary(ordersReport().mapping), 'customer id: customer_id · timestamp: month · amount: amount');
    assert.equal(mappingSummary({ customerId: 'c', timestamp: 't', amount: null, orderId: 'o' }), 'customer id: c · timestamp: t · amount: not mapped · order id: o');
  });
});

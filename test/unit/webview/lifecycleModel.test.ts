import { strict as assert } from 'node:assert';
import { barRange } from '../../../src/webview/barModel';
import { lifecycleChart, lifecycleCountRows, lifecycleLabel, quickRatioCells } from '../../../src/webview/lifecycleModel';
import { bigChurn, ordersChurn } from './sampleChurn';
import { monthLabels, XSS_IMG } from './sampleReports';

describe('webview/lifecycleModel', () => {
  it('stacks retained, new, resurrected above zero and draws churned below (orders.csv, hand-computed)', () => {
    const chart = lifecycleChart(ordersChurn().lifecycle);
    assert.deepEqual(chart.labels, ['2024-01', '2024-02', '2024-03']);
    // Tallest stack first so each layer paints over the one above it.
    assert.deepEqual(chart.layers.map((l) => [l.key, l.color]), [['resurrected', 'purple'], ['new', 'blue'], ['retained', 'green'], ['churned', 'red']]);
    const by = Object.fromEntries(chart.layers.map((l) => [l.key, l]));
    assert.deepEqual(by.retained.tops, [0, 2, 2]);
    assert.deepEqual(by.new.tops, [3, 4, 2]);           // retained + new
    assert.deepEqual(by.resurrected.tops, [3, 4, 2]);   // + resurrected (none here)
    assert.deepEqual(by.new.values, [3, 2, 0]);
    assert.deepEqual(by.churned.values, [0, 1, 2]);     // as counted: hover shows them positive
    assert.deepEqual(by.churned.tops, [0, -1, -2]);     // drawn below zero
    assert.equal(chart.note, null);
    assert.deepEqual(barRange(chart), [-2.3, 4.3]);     // −2 … 4 with 5% of 6 either side
  });

  it('keeps every bar on its side of zero and marks the partial period', () => {
    const rows = bigChurn(monthLabels(15), XSS_IMG).lifecycle;
    const chart = lifecycleChart(rows);
    for (const layer of chart.layers) {
      for (const top of layer.tops) assert.ok(layer.key === 'churned' ? (top ?? 0) <= 0 : (top ?? 0) >= 0, `${layer.key} ${top}`);
    }
    assert.equal(chart.labels[14], '2024-03*');
    assert.equal(lifecycleLabel(rows[13]), '2024-02');
    assert.match(chart.note ?? '', /^\* The period is not complete/);
    // Period 2: retained 340, new 380, resurrected 130 → tops 340, 720, 850; churned 310 below.
    const by = Object.fromEntries(chart.layers.map((l) => [l.key, l.tops[2]]));
    assert.deepEqual(by, { retained: 340, new: 720, resurrected: 850, churned: -310 });
  });

  it('writes the quick ratio per period with its arithmetic', () => {
    assert.deepEqual(quickRatioCells(ordersChurn().lifecycle), [
      { period: '2024-01', text: '—', title: '2024-01: nobody churned, so there is no quick ratio' },
      { period: '2024-02', text: '2.00', title: '2024-02: (2 new + 0 resurrected) ÷ 1 churned = 2.00' },
      { period: '2024-03', text: '0.00', title: '2024-03: (0 new + 0 resurrected) ÷ 2 churned = 0.00' },
    ]);
    assert.equal(quickRatioCells(bigChurn(monthLabels(15), 'x').lifecycle)[14].period, '2024-03*');
  });

  it('lists the counts beneath the chart, churned as a positive count', () => {
    assert.deepEqual(lifecycleCountRows(ordersChurn().lifecycle), [
      ['New', '3', '2', '0'], ['Retained', '0', '2', '2'], ['Resurrected', '0', '0', '0'], ['Churned', '0', '1', '2'],
    ]);
  });
});

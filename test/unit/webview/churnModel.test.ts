import { strict as assert } from 'node:assert';
import type { ChurnWindow } from '../../../src/shared/churnReport';
import { histogramBars } from '../../../src/webview/barModel';
import {
  binLabel, churnRateRows, dataEndSummary, crrHeading, crrRows, gapSummary, histogramModel, segmentChurnViews, warmUpTitle, windowSource,
} from '../../../src/webview/churnModel';
import { bigChurn, ordersChurn } from './sampleChurn';
import { monthLabels, XSS_IMG } from './sampleReports';

describe('webview/churnModel', () => {
  it('writes the CRR rows of orders.csv (hand-computed), the warm-up row greyed with its reason', () => {
    const rows = crrRows(ordersChurn());
    assert.deepEqual(rows[0], {
      cells: ['2024-01', '0', '3', '3', '—', '—', '—', '0', ''], warmUp: true,
      title: 'Warm-up: the 31 days before 2024-01-01 reach back before the first purchase in the file, so S and E undercount',
    });
    assert.deepEqual(rows[1], { cells: ['2024-02', '3', '4', '2', '66.7%', '33.3%', '66.7%', '0', ''], warmUp: false, title: null });
    assert.deepEqual(rows[2], { cells: ['2024-03', '4', '2', '0', '50.0%', '50.0%', '50.0%', '0', ''], warmUp: false, title: null });
    assert.equal(crrHeading(ordersChurn()), 'Per month: CRR = (E − N) ÷ S × 100, where a customer at a time t made a purchase in the 31 days (W) before t.');
  });

  it('puts the reactivation note in the last column, thousands grouped', () => {
    const churn = bigChurn(monthLabels(15), XSS_IMG);
    const row = crrRows(churn)[4];
    // S = 900 + 40·4 = 1,060; N = 328; retained = round(1,060 · 0.62) = 657; reactivated 29; E = 1,014; CRR = 686 / 1,060 = 64.72%.
    assert.deepEqual(row.cells, ['2023-05', '1,060', '1,014', '328', '64.7%', '35.3%', '62.0%', '29', '29 reactivated customers count in E but not in the retained share']);
    assert.equal(row.warmUp, false);
    assert.equal(warmUpTitle(1_234, '2024-02-01'), 'Warm-up: the 1,234 days before 2024-02-01 reach back before the first purchase in the file, so S and E undercount');
  });

  it('writes the churn rate per period, warm-up greyed with the CRR row\'s start', () => {
    const rows = churnRateRows(ordersChurn());
    assert.deepEqual(rows.map((r) => r.cells), [['2024-01', '0', '0', '—'], ['2024-02', '3', '1', '33.3%'], ['2024-03', '4', '2', '50.0%']]);
    assert.deepEqual(rows.map((r) => r.warmUp), [true, false, false]);
    assert.match(rows[0].title ?? '', /before 2024-01-01/);
  });

  it('says how W was chosen', () => {
    const w = ordersChurn().window;
    assert.equal(windowSource(w), 'auto: 90th percentile of 4 gaps between purchases = 31 days');
    assert.equal(windowSource(bigChurn(monthLabels(3), 'x').window), 'auto: 90th percentile of 12,425 gaps between purchases = 110 days');
    assert.equal(windowSource({ ...w, source: 'auto', percentile: 97.5, gaps: 1, days: 1 }), 'auto: 97.5th percentile of 1 gap between purchases = 1 day');
    assert.equal(windowSource({ ...w, source: 'setting', percentile: null, days: 60 }), 'set: 60 days (the churn window setting)');
    assert.equal(windowSource({ ...w, source: 'fallback', days: 90 }), 'auto asked, but no customer bought on two different days: 90 days (fallback)');
    assert.equal(gapSummary(w), 'Gaps between a customer\'s consecutive purchase days: median 30 days, 90th percentile 31, 99th percentile 31.');
    assert.equal(gapSummary({ ...w, gaps: 0, medianGap: null }), null);
  });

  it('labels histogram bins and finds the bin holding W', () => {
    assert.equal(binLabel({ from: 29, to: 29, count: 2 }), '29');
    assert.equal(binLabel({ from: 8, to: 14, count: 2 }), '8–14');
    assert.equal(binLabel({ from: 1267, to: null, count: 2 }), '1,267+');
    const orders = histogramModel(ordersChurn().window);
    assert.ok(orders);
    assert.equal(orders.labels.length, 31);
    assert.equal(orders.windowBin, 30);
    assert.equal(orders.counts[28], 2);
    assert.equal(orders.xLabel, 'Days between purchases');
    assert.equal(orders.note, 'The highlighted bar holds W = 31 days.');
    const big = histogramModel(bigChurn(monthLabels(3), 'x').window);
    assert.ok(big);
    assert.deepEqual([big.labels[0], big.labels[15], big.labels[38]], ['1–7', '106–112', '267+']);
    assert.equal(big.windowBin, 15);
    assert.equal(big.xLabel, 'Days between purchases (bins of 7 days)');
    const outside: ChurnWindow = { ...ordersChurn().window, days: 400 };
    assert.equal(histogramModel(outside)?.windowBin, null);
    assert.equal(histogramModel({ ...outside, gaps: 0, histogram: [] }), null);
  });

  it('draws the W bin as its own layer of the histogram', () => {
    const bars = histogramBars(histogramModel(ordersChurn().window)!);
    assert.deepEqual(bars.layers.map((l) => l.key), ['gaps', 'window']);
    assert.equal(bars.layers[0].tops[30], null);
    assert.equal(bars.layers[0].tops[28], 2);
    assert.deepEqual(bars.layers[1].tops.filter((v) => v !== null), [2]);
    assert.equal(bars.layers[1].tops[30], 2);
    const none = histogramBars({ ...histogramModel(ordersChurn().window)!, windowBin: null });
    assert.deepEqual(none.layers.map((l) => l.key), ['gaps']);
  });

  it('writes churn by segment, values as text', () => {
    const views = segmentChurnViews(bigChurn(monthLabels(3), XSS_IMG).segments);
    assert.equal(views[0].column, `Country ${XSS_IMG}`);
    assert.deepEqual(views[0].rows[0], ['United Kingdom', '3,920', '1,167', '1,039', '29.8%']);
    assert.deepEqual(views[0].rows[1], [XSS_IMG, '94', '21', '23', '22.3%']);
    assert.deepEqual(segmentChurnViews([]), []);
  });

  it('sums up churn at the data end, singular and plural', () => {
    assert.equal(dataEndSummary(ordersChurn().inactivity), 'At the data end (2024-03-31): 3 of 5 customers have churned, 0 are at risk, 2 are active.');
    const one = { ...ordersChurn().inactivity, customers: 1, active: 1, churned: { total: 0, revenue: 0, customers: [] }, atRisk: { total: 1, revenue: 0, customers: [] } };
    assert.equal(dataEndSummary(one), 'At the data end (2024-03-31): 0 of 1 customer have churned, 1 is at risk, 1 is active.');
  });
});

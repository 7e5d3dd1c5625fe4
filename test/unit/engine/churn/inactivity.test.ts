import { strict as assert } from 'node:assert';
import { customerDays } from '../../../../src/engine/churn/customerDays';
import { customerStatus, inactivityReport } from '../../../../src/engine/churn/inactivity';
import { segmentChurn } from '../../../../src/engine/churn/segments';
import { churnWindow, gapHistogram, gapMedian, gapPercentile } from '../../../../src/engine/churn/window';
import type { Dataset } from '../../../../src/shared/dataset';
import { makeDataset, type Row } from '../makeDataset';
import { CHURN_ROWS } from './fixture';

// Gaps of the fixture (days between consecutive purchase days): a 26, 27, 25, 28; c 60; d 20;
// e 50; g 59; h 3, 3 → sorted 3 3 20 25 26 27 28 50 59 60: median (26 + 27) / 2 = 26.5.
// Last day Apr 30, W = 30. Days silent: a 5, b 101, c 36, d 65, e 1, f 0, g 30, h 22.
// Churned (≥ 30): b, c, d, g. At risk: h (22 > its median gap 3). e has one gap: the global 26.5 > 1.
function report(ds: Dataset, W = 30, listLimit = 100) {
  const cd = customerDays(ds);
  const o = { windowDays: W, medianGap: churnWindow(cd, W, 90).medianGap, listLimit };
  const status = customerStatus(cd, o);
  return { status, inactivity: inactivityReport(ds, cd, status, o) };
}

describe('engine/churn/inactivity', () => {
  const ds = makeDataset(CHURN_ROWS);

  it('splits customers into active, at risk and churned at the data end', () => {
    const { inactivity } = report(ds);
    assert.deepEqual([inactivity.lastDay, inactivity.customers, inactivity.active, inactivity.churned.total, inactivity.atRisk.total, inactivity.churnRate],
      ['2024-04-30', 8, 3, 4, 1, 50]);
  });

  it('lists the churned most recent first, the win-back list by past revenue, each with its last line', () => {
    const { inactivity } = report(ds);
    assert.deepEqual(inactivity.churned.customers.map((c) => c.id), ['g', 'c', 'd', 'b']);
    assert.deepEqual(inactivity.winBack.customers.map((c) => [c.id, c.revenue]), [['g', 110], ['b', 100], ['c', 50], ['d', 10]]);
    assert.equal(inactivity.winBack.revenue, 270);
    assert.deepEqual(inactivity.winBack.customers[0], {
      id: 'g', lastPurchase: '2024-03-31', daysSilent: 30, orders: 2, revenue: 110, usualGap: 26.5, lastLine: 13,
    });
  });

  it('puts a customer silent longer than their own median gap, but under W, at risk', () => {
    const { inactivity } = report(ds);
    assert.deepEqual(inactivity.atRisk, {
      total: 1, revenue: 3,
      customers: [{ id: 'h', lastPurchase: '2024-04-08', daysSilent: 22, orders: 3, revenue: 3, usualGap: 3, lastLine: 16 }],
    });
  });

  it('caps the lists but keeps the totals', () => {
    const { inactivity } = report(ds, 30, 2);
    assert.deepEqual(inactivity.winBack.customers.map((c) => c.id), ['g', 'b']);
    assert.deepEqual([inactivity.winBack.total, inactivity.winBack.revenue], [4, 270]);
  });

  it('ranks by orders, then id, without an amount column; revenue is null', () => {
    const noAmounts = makeDataset(CHURN_ROWS.map(([c, t]): Row => [c, t]));
    const { inactivity } = report(noAmounts);
    assert.deepEqual(inactivity.winBack.customers.map((c) => [c.id, c.orders, c.revenue]), [['c', 2, null], ['d', 2, null], ['g', 2, null], ['b', 1, null]]);
    assert.equal(inactivity.winBack.revenue, null);
  });

  it('counts orders by order id, and merges same-day purchases into one purchase day', () => {
    const orders = makeDataset([
      ['x', '2024-01-01', 5, 'o1'], ['x', '2024-01-01', 5, 'o1'], ['x', '2024-01-01', 2, 'o2'], ['x', '2024-01-11', 1, 'o3'],
      ['y', '2024-03-01', 1, 'o4'],
    ]);
    const cd = customerDays(orders);
    assert.deepEqual([...cd.orders], [3, 1]);
    assert.deepEqual(churnWindow(cd, 'auto', 90).gaps, 1);           // x: Jan 1 → Jan 11 only
    assert.deepEqual(report(orders, 30).inactivity.churned.customers.map((c) => [c.id, c.daysSilent, c.lastLine]), [['x', 50, 5]]);
  });

  it('churns at exactly W days of silence: 29 days is not churned, 30 is', () => {
    const edge = makeDataset([['p', '2024-01-01'], ['q', '2024-01-02'], ['z', '2024-01-31']]);
    const { inactivity } = report(edge, 30);
    assert.deepEqual(inactivity.churned.customers.map((c) => [c.id, c.daysSilent]), [['p', 30]]);
  });

  it('breaks churn down by segment (first-row value), with the rest pooled as Other', () => {
    const seg = { ...ds, segments: [{ column: 'channel', values: ['ads', 'organic', 'mail'], customerValue: Int32Array.from([0, 0, 1, 1, 1, 0, 0, 2]) }] };
    // Customer indexes a b c g d e h f: ads = a, b, e, h (b churned, h at risk); organic = c, g, d (all churned); mail = f.
    const { status } = report(seg);
    assert.deepEqual(segmentChurn(seg, status.status, 1), [{
      column: 'channel',
      values: [
        { value: 'ads', customers: 4, churned: 1, atRisk: 1, rate: 25 },
        { value: 'Other', customers: 4, churned: 3, atRisk: 0, rate: 75 },
      ],
    }]);
  });
});

describe('engine/churn/window', () => {
  // One customer per gap set: gaps 1…10 days (customer k buys on day 0 and day k).
  const rows: Row[] = [];
  for (let k = 1; k <= 10; k++) rows.push([`k${k}`, '2024-01-01'], [`k${k}`, `2024-01-${String(1 + k).padStart(2, '0')}`]);
  const cd = customerDays(makeDataset(rows));

  it('auto W is the nearest-rank percentile of the gaps', () => {
    const w = churnWindow(cd, 'auto', 90);
    assert.deepEqual([w.days, w.source, w.percentile, w.gaps, w.medianGap, w.p90Gap, w.p99Gap], [9, 'auto', 90, 10, 5.5, 9, 10]);
    assert.equal(churnWindow(cd, 'auto', 50).days, 5);
    assert.equal(churnWindow(cd, 'auto', 51).days, 6);
    assert.equal(churnWindow(cd, 'auto', 100).days, 10);
  });

  it('a fixed W is rounded up to whole days and states its source', () => {
    const w = churnWindow(cd, 14.2, 90);
    assert.deepEqual([w.days, w.source, w.percentile], [15, 'setting', null]);
  });

  it('falls back to 90 days when nobody bought on two days', () => {
    const single = customerDays(makeDataset([['a', '2024-01-01'], ['b', '2024-01-05']]));
    const w = churnWindow(single, 'auto', 90);
    assert.deepEqual([w.days, w.source, w.gaps, w.medianGap, w.histogram], [90, 'fallback', 0, null, []]);
  });

  it('histogram: daily bins up to the 99th percentile, then one open bin', () => {
    const counts = new Float64Array(101);
    [1, 1, 2, 3, 3, 3, 100].forEach((g) => counts[g]++);
    assert.equal(gapPercentile(counts, 7, 50), 3);
    assert.equal(gapMedian(counts, 7), 3);
    // p99 = 100 → 2-day bins would be 50 > 40, so 7-day bins: 15 closed bins (1–105).
    const h = gapHistogram(counts, 7);
    assert.equal(h.binDays, 7);
    assert.deepEqual(h.bins[0], { from: 1, to: 7, count: 6 });
    assert.deepEqual(h.bins[14], { from: 99, to: 105, count: 1 });
    assert.equal(h.bins.length, 15);
    const narrow = gapHistogram(Float64Array.from([0, 5, 3, 0, 1]), 9);
    assert.deepEqual(narrow.bins, [{ from: 1, to: 1, count: 5 }, { from: 2, to: 2, count: 3 }, { from: 3, to: 3, count: 0 }, { from: 4, to: 4, count: 1 }]);
  });
});

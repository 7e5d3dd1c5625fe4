import { strict as assert } from 'node:assert';
import { churnReport } from '../../../../src/engine/churn/report';
import { makeDataset, type Row } from '../makeDataset';
import { CHURN_ROWS } from './fixture';

const month = { period: 'month', weekStart: 'monday' } as const;

describe('engine/churn/report', () => {
  it('assembles every section of the fixture and writes the insight from its numbers', () => {
    const r = churnReport(makeDataset(CHURN_ROWS), { ...month, window: 30 });
    assert.deepEqual([r.period, r.window.days, r.crr.length, r.churnRates.length, r.lifecycle.length, r.segments], ['month', 30, 4, 4, 4, []]);
    assert.deepEqual(r.insight, [
      // Non-warm-up months: Mar (CRR 100, exact 66.67) and Apr (50, 50) → 75% and 58.3%.
      'Monthly CRR has averaged 75% over the last 2 months (exact retained share 58%).',
      '1 customer is at risk (silent longer than usual, under 30 days), worth 3.00 in past revenue; 4 of 8 (50%) have churned (no purchase in the last 30 days).',
      'Revenue per customer to date is 52.25; formula CLV is 170.40 (AOV 23.22 × 7.34 orders/yr × 1.0 yr).',
    ]);
  });

  it('defaults to the 90th-percentile window and validates options', () => {
    const ds = makeDataset(CHURN_ROWS);
    const r = churnReport(ds, { ...month, window: undefined });
    assert.deepEqual([r.window.days, r.window.source, r.window.percentile], [59, 'auto', 90]);   // gaps … 50 59 60: rank 9 = 59
    assert.throws(() => churnReport(ds, { ...month, window: 0 }), /churn window must be 'auto' or a number of days ≥ 1/);
    assert.throws(() => churnReport(ds, { ...month, window: NaN }), RangeError);
    assert.throws(() => churnReport(ds, { ...month, percentile: 0 }), /percentile/);
    assert.throws(() => churnReport(ds, { ...month, listLimit: 1.5 }), /list limit/);
  });

  it('a one-customer file: CRR 100%, at risk past their own median gap', () => {
    // Jan 5, Feb 10, Mar 1; data through Mar 31. Gaps 36, 20: auto W = 36 (rank 2 of 2), own median 28.
    const ds = makeDataset([['solo', '2024-01-05', 10], ['solo', '2024-02-10', 20], ['solo', '2024-03-01', 30]], { dataEnd: '2024-04-01' });
    const r = churnReport(ds, month);
    assert.equal(r.window.days, 36);
    assert.deepEqual(r.crr.map((c) => [c.period, c.S, c.E, c.N, c.crr, c.warmUp]), [
      ['2024-01', 0, 1, 1, null, true], ['2024-02', 1, 1, 0, 100, true], ['2024-03', 1, 1, 0, 100, false],
    ]);
    // Silent 30 days (Mar 1 → Mar 31): under W = 36, over the usual 28.
    assert.deepEqual([r.inactivity.active, r.inactivity.atRisk.total, r.inactivity.churned.total], [0, 1, 0]);
    assert.deepEqual(r.inactivity.atRisk.customers[0], { id: 'solo', lastPurchase: '2024-03-01', daysSilent: 30, orders: 3, revenue: 60, usualGap: 28, lastLine: 4 });
    assert.deepEqual(r.lifecycle.map((l) => [l.new, l.retained, l.churned]), [[1, 0, 0], [0, 1, 0], [0, 1, 0]]);
    // No churn in the one usable month: no yearly churn, so no formula CLV (and the insight falls back to the quick ratio… which is null too).
    assert.deepEqual([r.value.churnPerPeriod, r.value.churnPerYear, r.value.formulaClv, r.value.historicClv], [0, 0, null, 60]);
    assert.deepEqual(r.insight, [
      'Monthly CRR was 100% in 2024-03 (exact retained share 100%).',
      '1 customer is at risk (silent longer than usual, under 36 days), worth 60.00 in past revenue; 0 of 1 (0%) have churned (no purchase in the last 36 days).',
    ]);
  });

  it('a single-period file: one complete month, nobody at its start, so no CRR', () => {
    const rows: Row[] = [['a', '2024-01-03', 5], ['b', '2024-01-10', 7], ['a', '2024-01-20', 9]];
    const r = churnReport(makeDataset(rows, { dataEnd: '2024-02-01' }), { ...month, window: 30 });
    assert.deepEqual(r.crr.map((c) => [c.S, c.E, c.N, c.crr, c.churn, c.exactShare, c.note]), [[0, 2, 2, null, null, null, null]]);
    assert.deepEqual(r.lifecycle.map((l) => [l.period, l.new, l.quickRatio, l.partial]), [['2024-01', 2, null, false]]);
    assert.deepEqual([r.value.churnPerPeriod, r.value.formulaClv], [null, null]);
    assert.equal(r.insight.length, 1);
    // b bought once (Jan 10): the usual gap is everyone's median, a's 17 days; silent 21 days → at risk.
    assert.equal(r.insight[0], '1 customer is at risk (silent longer than usual, under 30 days), worth 7.00 in past revenue; 0 of 2 (0%) have churned (no purchase in the last 30 days).');
  });

  it('a file ending inside its only period has no complete period: no CRR rows', () => {
    const r = churnReport(makeDataset([['a', '2024-01-03', 5], ['a', '2024-01-10', 7]]), { ...month, window: 30 });
    assert.deepEqual([r.crr, r.churnRates, r.lifecycle.map((l) => l.partial)], [[], [], [true]]);
  });

  it('no amount column: orders rank the lists, money is null, the insight names no revenue', () => {
    const r = churnReport(makeDataset(CHURN_ROWS.map(([c, t]): Row => [c, t])), { ...month, window: 30 });
    assert.deepEqual([r.inactivity.atRisk.revenue, r.value.revenue, r.value.aov, r.value.formulaClv], [null, null, null, null]);
    assert.equal(r.insight[1], '1 customer is at risk (silent longer than usual, under 30 days); 4 of 8 (50%) have churned (no purchase in the last 30 days).');
    assert.equal(r.insight[2], 'In 2024-04 the quick ratio was 1.00: 2 new and 0 resurrected against 2 churned.');
  });

  it('a file without any purchase (only returns) gives empty sections, not an error', () => {
    const r = churnReport(makeDataset([['a', '2024-01-03', -5]]), month);
    assert.deepEqual([r.crr, r.lifecycle, r.insight, r.inactivity.customers, r.window.source], [[], [], [], 0, 'fallback']);
    assert.equal(r.value.lifespanDays, null);
  });
});

// Datasets without an MRR column, other period lengths, zero denominators, free and negative
// MRR, and an empty file.
import { strict as assert } from 'node:assert';
import { subscriptionReport } from '../../../../src/engine/subscriptions/report';
import { DEFAULT_SUBSCRIPTION_POLICIES } from '../../../../src/shared/subscriptionReport';
import { FIXTURE, FIXTURE_END } from './fixture';
import { makeSubscriptions, monthly, type SubRow } from './makeSubscriptions';

describe('engine/subscriptions: no MRR column', () => {
  const report = subscriptionReport(makeSubscriptions(FIXTURE, FIXTURE_END, false), monthly());

  it('logo metrics come from "has an active subscription"; every MRR field is null', () => {
    // Same customers at each snapshot as with MRR (every fixture MRR is > 0): 6 | 4 | 5 | 5.
    // grace's second subscription is not an "expansion" here: she is one customer either way.
    assert.equal(report.hasMrr, false);
    assert.deepEqual(report.periods.map((r) => [r.startCustomers, r.newCustomers, r.reactivatedCustomers, r.churnedCustomers, r.endCustomers, r.logoChurnRate]),
      [[0, 6, 0, 0, 6, null], [6, 2, 0, 4, 4, 0.6667], [4, 0, 1, 0, 5, 0], [5, 0, 1, 1, 5, 0.2]]);
    for (const r of report.periods) {
      assert.deepEqual([r.startMrr, r.endMrr, r.movements, r.netNewMrr, r.grossMrrChurnRate, r.grr, r.nrr, r.quickRatio], [null, null, null, null, null, null, null, null]);
    }
    assert.deepEqual(report.current, { customers: 5, mrr: null, arpa: null });
  });

  it('cohorts keep logo retention; startMrr, NRR and GRR are null', () => {
    const nulls = [null, null, null, null];
    assert.deepEqual(report.cohorts, [
      { cohort: '2024-01', customers: 6, startMrr: null, logoRetention: [1, 0.5, 0.6667, 0.6667], nrr: nulls, grr: nulls, partial: [false, false, false, true] },
      { cohort: '2024-02', customers: 2, startMrr: null, logoRetention: [0.5, 0.5, 0.5, null], nrr: nulls, grr: nulls, partial: [false, false, true, false] },
    ]);
  });
});

describe('engine/subscriptions: period lengths', () => {
  // a: Mon 2024-03-04, active, 10; b: Wed 2024-03-06 → Wed 2024-03-13, 20. Data through Tue 2024-03-19.
  const weekRows: SubRow[] = [['a', '2024-03-04', '', 10], ['b', '2024-03-06', '2024-03-13', 20]];
  const weeks = makeSubscriptions(weekRows, '2024-03-20');

  it('Monday weeks: ISO labels, W columns, the week holding the data end is partial', () => {
    // Snapshots: Sun Mar 10 → 30; Sun Mar 17 → 10 (b ended Wed); Tue Mar 19 (data end) → 10.
    const r = subscriptionReport(weeks, { ...monthly(), period: 'week' });
    assert.deepEqual(r.periods.map((p) => [p.period, p.partial, p.endMrr]), [['2024-W10', false, 30], ['2024-W11', false, 10], ['2024-W12', true, 10]]);
    assert.deepEqual(r.columns, ['W0', 'W1', 'W2']);
    assert.deepEqual([r.periods[1].movements!.churn, r.periods[1].logoChurnRate, r.periods[1].grr], [20, 0.5, 0.3333]);  // 10/30
  });

  it('Sunday weeks are labelled by their first day', () => {
    // Weeks Sun Mar 3–9, Mar 10–16, Mar 17–23: same snapshots as above.
    const r = subscriptionReport(weeks, { ...monthly(), period: 'week', weekStart: 'sunday' });
    assert.deepEqual(r.periods.map((p) => [p.period, p.endMrr]), [['2024-03-03', 30], ['2024-03-10', 10], ['2024-03-17', 10]]);
  });

  // a: 2023-11-20, active, 100; b: 2024-01-10 → 2024-05-01, 50. Data through 2024-06-14.
  const longRows: SubRow[] = [['a', '2023-11-20', '', 100], ['b', '2024-01-10', '2024-05-01', 50]];
  const long = makeSubscriptions(longRows, '2024-06-15');

  it('quarters: 2023-Q4 … 2024-Q2 (partial), Q columns, per-cohort NRR', () => {
    // Snapshots: Q4 100 | Q1 150 | Q2 (Jun 14) 100. Q2: churn 50, GRR (150 − 50)/150 = 0.6667.
    const r = subscriptionReport(long, { ...monthly(), period: 'quarter' });
    assert.deepEqual(r.periods.map((p) => [p.period, p.partial, p.endMrr]), [['2023-Q4', false, 100], ['2024-Q1', false, 150], ['2024-Q2', true, 100]]);
    assert.deepEqual(r.columns, ['Q0', 'Q1', 'Q2']);
    assert.equal(r.periods[2].grr, 0.6667);
    assert.deepEqual(r.cohorts.map((c) => [c.cohort, c.logoRetention, c.nrr]), [
      ['2023-Q4', [1, 1, 1], [1, 1, 1]],
      ['2024-Q1', [1, 0, null], [1, 0, null]],
    ]);
  });

  it('years: b starts and ends inside 2024, so it is a same-period signup + churn there', () => {
    const r = subscriptionReport(long, { ...monthly(), period: 'year' });
    assert.deepEqual(r.periods.map((p) => [p.period, p.partial, p.endMrr, p.movements!.new, p.movements!.churn]), [['2023', false, 100, 100, 0], ['2024', true, 100, 50, 50]]);
    assert.deepEqual(r.columns, ['Y0', 'Y1']);
  });
});

describe('engine/subscriptions: zero denominators and odd MRR', () => {
  it('after a period ending with no MRR, every rate of the next period is null', () => {
    // x: January only (10); y: from March 10 (20). February: churn 10 of 10 → logo churn 1, GRR 0, quick 0/10 = 0.
    // March starts at 0 customers and 0 MRR: logo churn, gross churn, GRR, NRR null; quick 20/0 null.
    const r = subscriptionReport(makeSubscriptions([['x', '2024-01-01', '2024-02-01', 10], ['y', '2024-03-10', '', 20]], '2024-04-01'), monthly());
    const [, feb, mar] = r.periods;
    assert.deepEqual([feb.logoChurnRate, feb.grossMrrChurnRate, feb.grr, feb.nrr, feb.quickRatio], [1, 1, 0, 0, 0]);
    assert.deepEqual([mar.startCustomers, mar.startMrr, mar.newCustomers, mar.endMrr], [0, 0, 1, 20]);
    assert.deepEqual([mar.logoChurnRate, mar.grossMrrChurnRate, mar.grr, mar.nrr, mar.quickRatio], [null, null, null, null, null]);
  });

  it('a free subscription (MRR 0) is not a customer; converting to paid is new business', () => {
    // f: trial at 0 from Jan 1, paid 30 from Feb 15; g: free only. January has no customers at all.
    const r = subscriptionReport(makeSubscriptions([['f', '2024-01-01', '2024-02-15', 0], ['f', '2024-02-15', '', 30], ['g', '2024-01-05', '', 0]], '2024-04-01'), monthly());
    assert.deepEqual(r.periods.map((p) => [p.period, p.newCustomers, p.endCustomers, p.endMrr]), [['2024-01', 0, 0, 0], ['2024-02', 1, 1, 30], ['2024-03', 0, 1, 30]]);
    assert.deepEqual(r.cohorts.map((c) => [c.cohort, c.customers]), [['2024-02', 1]]);
  });

  it('a negative row (discount) lowers its customer\'s MRR; alone it never makes a customer', () => {
    // h: 50 from Jan 1, −10 discount in February → contraction 10 (Feb), expansion 10 (Mar). k: only a −5 row.
    const r = subscriptionReport(makeSubscriptions([['h', '2024-01-01', '', 50], ['h', '2024-02-01', '2024-03-01', -10], ['k', '2024-01-01', '', -5]], '2024-04-01'), monthly());
    assert.deepEqual(r.periods.map((p) => [p.endCustomers, p.endMrr, p.movements!.contraction, p.movements!.expansion]), [[1, 50, 0, 0], [1, 40, 10, 0], [1, 50, 0, 10]]);
  });

  it('cents add up exactly: 3 × 33.33 + 0.01 is 100, and stays 100 across renewal rows', () => {
    const rows: SubRow[] = [['m', '2024-01-01', '', 33.33], ['m', '2024-01-01', '', 33.33], ['m', '2024-01-01', '', 33.33],
      ['m', '2024-01-01', '2024-02-01', 0.01], ['m', '2024-02-01', '', 0.01]];
    const r = subscriptionReport(makeSubscriptions(rows, '2024-03-01'), monthly());
    assert.deepEqual(r.periods.map((p) => [p.endMrr, p.movements!.expansion, p.movements!.contraction]), [[100, 0, 0], [100, 0, 0]]);
    assert.deepEqual(r.current, { customers: 1, mrr: 100, arpa: 100 });
  });

  it('an empty file gives an empty report', () => {
    const r = subscriptionReport(makeSubscriptions([], '2024-01-01', true), monthly());
    assert.deepEqual(r, { period: 'month', policies: DEFAULT_SUBSCRIPTION_POLICIES, hasMrr: true, periods: [], cohorts: [], columns: [], current: { customers: 0, mrr: 0, arpa: null } });
  });
});

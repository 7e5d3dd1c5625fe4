// The fixture (fixture.ts) under each non-default policy value: which numbers change, and why.
import { strict as assert } from 'node:assert';
import { subscriptionReport } from '../../../../src/engine/subscriptions/report';
import { FIXTURE, FIXTURE_END } from './fixture';
import { makeSubscriptions, monthly } from './makeSubscriptions';

const ds = makeSubscriptions(FIXTURE, FIXTURE_END);
const byDefault = subscriptionReport(ds, monthly());

describe('engine/subscriptions: samePeriodChurn', () => {
  const report = subscriptionReport(ds, monthly({ samePeriodChurn: 'ignore' }));

  it("'ignore': erin (Feb 3–25) is neither new nor churned in February", () => {
    // Default February: new 30 (grace) + 40 (erin), churn 60 + 30 + 70 + 40. Without erin: new 30, churn 160.
    // Logo churn 3/6 = 0.5; gross (160 + 80)/510 = 0.470588… → 0.4706; GRR = NRR = 270/510 = 0.5294;
    // quick 30/240 = 0.125. End MRR and customers are unchanged (erin was never at a snapshot).
    assert.deepEqual(report.periods[1], {
      period: '2024-02', partial: false,
      startCustomers: 6, newCustomers: 1, reactivatedCustomers: 0, churnedCustomers: 3, endCustomers: 4, logoChurnRate: 0.5,
      startMrr: 510, endMrr: 300, movements: { new: 30, expansion: 0, contraction: 80, churn: 160, reactivation: 0 },
      netNewMrr: -210, grossMrrChurnRate: 0.4706, grr: 0.5294, nrr: 0.5294, quickRatio: 0.125,
    });
    assert.deepEqual(byDefault.periods[1].movements, { new: 70, expansion: 0, contraction: 80, churn: 200, reactivation: 0 });
  });

  it("'ignore': ivan's April return (Apr 2–9) is neither a reactivation nor a churn", () => {
    // April keeps only grace's contraction of 10: gross 10/375 = 0.026666… → 0.0267; GRR = NRR = 365/375 = 0.9733; quick 0/10 = 0.
    assert.deepEqual(report.periods[3], {
      period: '2024-04', partial: true,
      startCustomers: 5, newCustomers: 0, reactivatedCustomers: 0, churnedCustomers: 0, endCustomers: 5, logoChurnRate: 0,
      startMrr: 375, endMrr: 365, movements: { new: 0, expansion: 0, contraction: 10, churn: 0, reactivation: 0 },
      netNewMrr: -10, grossMrrChurnRate: 0.0267, grr: 0.9733, nrr: 0.9733, quickRatio: 0,
    });
  });

  it("'ignore': erin is in no cohort, so cohort 2024-02 is grace alone and keeps 100% of its logos", () => {
    assert.deepEqual(report.cohorts[1], {
      cohort: '2024-02', customers: 1, startMrr: 30,
      logoRetention: [1, 1, 1, null], nrr: [1, 1, 0.6667, null], grr: [1, 1, 0.6667, null],
      partial: [false, false, true, false],
    });
    assert.deepEqual(report.cohorts[0], byDefault.cohorts[0]);
  });

  it('a customer whose only counted spell was ignored is new when they come back', () => {
    // zed: [Feb 3, Feb 25) @40 then [Apr 1, active) @40. 'count': new + churn in February, reactivation in April,
    // cohort 2024-02. 'ignore': the February spell never happened, so April is new business and the cohort is 2024-04.
    const zed = makeSubscriptions([['zed', '2024-02-03', '2024-02-25', 40], ['zed', '2024-04-01', '', 40], ['amy', '2024-01-01', '', 10]], '2024-05-01');
    const counted = subscriptionReport(zed, monthly());
    const ignored = subscriptionReport(zed, monthly({ samePeriodChurn: 'ignore' }));
    assert.deepEqual(counted.periods.map((r) => [r.newCustomers, r.reactivatedCustomers, r.churnedCustomers]), [[1, 0, 0], [1, 0, 1], [0, 0, 0], [0, 1, 0]]);
    assert.deepEqual(ignored.periods.map((r) => [r.newCustomers, r.reactivatedCustomers, r.churnedCustomers]), [[1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0]]);
    assert.deepEqual(counted.cohorts.map((c) => c.cohort), ['2024-01', '2024-02']);
    assert.deepEqual(ignored.cohorts.map((c) => c.cohort), ['2024-01', '2024-04']);
  });
});

describe("engine/subscriptions: cancelAt 'period-end'", () => {
  const report = subscriptionReport(ds, monthly({ cancelAt: 'period-end' }));
  // A customer whose last subscription ends inside a period stays at their last MRR until the period ends:
  // dave (Feb 20) → Mar 1, erin (Feb 25) → Mar 1, ivan (Feb 12) → Mar 1, ivan (Apr 9) → May 1 (past the data end).
  // frank ends on Feb 1, a boundary: unchanged. grace's add-on (Apr 10) is a contraction while she stays
  // subscribed, so it keeps its date. Snapshots: Jan 510 | Feb 100+50+120+60+40+30+70 = 470 |
  // Mar 100+80+120+45+30 = 375 | Apr 100+80+120+45+20+70 = 435; customers 6 | 7 | 5 | 6.

  it('February: only frank churns (his end is on the boundary); dave, erin and ivan are still customers', () => {
    // new 30 + 40 (erin reaches the February snapshot), contraction 80, churn 30 → 510 + 70 − 110 = 470.
    // Logo churn 1/6 = 0.1667; gross 110/510 = 0.2157; GRR = NRR = 400/510 = 0.7843; quick 70/110 = 0.6364.
    assert.deepEqual(report.periods[1], {
      period: '2024-02', partial: false,
      startCustomers: 6, newCustomers: 2, reactivatedCustomers: 0, churnedCustomers: 1, endCustomers: 7, logoChurnRate: 0.1667,
      startMrr: 510, endMrr: 470, movements: { new: 70, expansion: 0, contraction: 80, churn: 30, reactivation: 0 },
      netNewMrr: -40, grossMrrChurnRate: 0.2157, grr: 0.7843, nrr: 0.7843, quickRatio: 0.6364,
    });
  });

  it('March: the February cancellations are booked (60 + 40 + 70)', () => {
    // start 470; expansion 30 (bob), reactivation 45 (frank), churn 170 → 375. Customers 7 + 1 − 3 = 5.
    // Logo churn 3/7 = 0.4286; gross 170/470 = 0.3617; GRR 300/470 = 0.6383; NRR 330/470 = 0.7021; quick 75/170 = 0.4412.
    assert.deepEqual(report.periods[2], {
      period: '2024-03', partial: false,
      startCustomers: 7, newCustomers: 0, reactivatedCustomers: 1, churnedCustomers: 3, endCustomers: 5, logoChurnRate: 0.4286,
      startMrr: 470, endMrr: 375, movements: { new: 0, expansion: 30, contraction: 0, churn: 170, reactivation: 45 },
      netNewMrr: -95, grossMrrChurnRate: 0.3617, grr: 0.6383, nrr: 0.7021, quickRatio: 0.4412,
    });
  });

  it("April: ivan's return is still paid up at the data end (no same-period churn); grace's contraction stays in April", () => {
    // start 375; contraction 10, reactivation 70 → 435. Gross 10/375 = 0.0267; GRR = NRR = 0.9733; quick 70/10 = 7.
    assert.deepEqual(report.periods[3], {
      period: '2024-04', partial: true,
      startCustomers: 5, newCustomers: 0, reactivatedCustomers: 1, churnedCustomers: 0, endCustomers: 6, logoChurnRate: 0,
      startMrr: 375, endMrr: 435, movements: { new: 0, expansion: 0, contraction: 10, churn: 0, reactivation: 70 },
      netNewMrr: 60, grossMrrChurnRate: 0.0267, grr: 0.9733, nrr: 0.9733, quickRatio: 7,
    });
    assert.deepEqual(report.current, { customers: 6, mrr: 435, arpa: 72.5 });
  });

  it('cohorts see the later churn dates', () => {
    // 2024-01: MRR 510 | 100+50+120+60+70 = 400 | 345 | 100+80+120+45+70 = 415; logos 6 | 5 | 4 | 5;
    //   GRR numerators 510 | 400 | 100+50+120+30 = 300 | 300 + 70 = 370 → 0.7255.
    // 2024-02 (erin 40 now reaches M0): MRR 70 | 30 | 20 → NRR 1, 0.4286, 0.2857.
    assert.deepEqual(report.cohorts, [
      { cohort: '2024-01', customers: 6, startMrr: 510, logoRetention: [1, 0.8333, 0.6667, 0.8333],
        nrr: [1, 0.7843, 0.6765, 0.8137], grr: [1, 0.7843, 0.5882, 0.7255], partial: [false, false, false, true] },
      { cohort: '2024-02', customers: 2, startMrr: 70, logoRetention: [1, 0.5, 0.5, null],
        nrr: [1, 0.4286, 0.2857, null], grr: [1, 0.4286, 0.2857, null], partial: [false, false, true, false] },
    ]);
  });

  it('a plan switch on one date is an expansion, not double MRR, under either policy', () => {
    // [Jan 1, Mar 15) @50 then [Mar 15, active) @80: March is +30 expansion; a per-subscription
    // reading of 'period-end' would have shown 130 at the March snapshot.
    const sw = makeSubscriptions([['u', '2024-01-01', '2024-03-15', 50], ['u', '2024-03-15', '', 80]], '2024-05-01');
    for (const cancelAt of ['date', 'period-end'] as const) {
      const r = subscriptionReport(sw, monthly({ cancelAt }));
      assert.deepEqual(r.periods.map((p) => p.endMrr), [50, 50, 80, 80], cancelAt);
      assert.equal(r.periods[2].movements!.expansion, 30, cancelAt);
    }
  });
});

describe("engine/subscriptions: reactivation 'new-cohort'", () => {
  const report = subscriptionReport(ds, monthly({ reactivation: 'new-cohort' }));

  it('period rows do not depend on the cohort policy', () => {
    assert.deepEqual(report.periods, byDefault.periods);
  });

  it('frank leaves cohort 2024-01 when he returns in March: M2 logo retention 4/6 → 3/6', () => {
    // 2024-01 from March on: alice 100, bob 80, carol 120 (frank's 45 now belongs to 2024-03) → 300 | 300;
    // GRR numerators 100 + 50 + 120 = 270. Size stays 6: the row's denominator never changes.
    assert.deepEqual(report.cohorts[0], {
      cohort: '2024-01', customers: 6, startMrr: 510,
      logoRetention: [1, 0.5, 0.5, 0.5], nrr: [1, 0.5294, 0.5882, 0.5882], grr: [1, 0.5294, 0.5294, 0.5294],
      partial: [false, false, false, true],
    });
    assert.deepEqual(byDefault.cohorts[0].logoRetention, [1, 0.5, 0.6667, 0.6667]);
  });

  it('returners join the cohort of their return: frank in 2024-03, ivan (gone before the April snapshot) in 2024-04', () => {
    assert.deepEqual(report.cohorts.slice(1), [
      byDefault.cohorts[1],
      { cohort: '2024-03', customers: 1, startMrr: 45, logoRetention: [1, 1, null, null], nrr: [1, 1, null, null], grr: [1, 1, null, null], partial: [false, true, false, false] },
      { cohort: '2024-04', customers: 1, startMrr: 0, logoRetention: [0, null, null, null], nrr: [null, null, null, null], grr: [null, null, null, null], partial: [true, false, false, false] },
    ]);
  });
});

// The fixture (fixture.ts) under the default policies: samePeriodChurn 'count', cancelAt 'date',
// reactivation 'original-cohort'. Every number is worked out by hand in the comments.
import { strict as assert } from 'node:assert';
import { subscriptionReport } from '../../../../src/engine/subscriptions/report';
import { DEFAULT_SUBSCRIPTION_POLICIES } from '../../../../src/shared/subscriptionReport';
import { FIXTURE, FIXTURE_END } from './fixture';
import { makeSubscriptions, monthly } from './makeSubscriptions';

describe('engine/subscriptions: MRR movements (default policies)', () => {
  const report = subscriptionReport(makeSubscriptions(FIXTURE, FIXTURE_END), monthly());
  const [jan, feb, mar, apr] = report.periods;

  it('periods run from the first start to the data end; April is partial', () => {
    assert.deepEqual(report.periods.map((r) => [r.period, r.partial]), [['2024-01', false], ['2024-02', false], ['2024-03', false], ['2024-04', true]]);
    assert.equal(report.hasMrr, true);
    assert.deepEqual(report.policies, DEFAULT_SUBSCRIPTION_POLICIES);
    assert.deepEqual(report.columns, ['M0', 'M1', 'M2', 'M3']);
  });

  it('January: six new customers, 100+50+200+60+30+70 = 510 new MRR; rates null (start MRR 0)', () => {
    assert.deepEqual(jan, {
      period: '2024-01', partial: false,
      startCustomers: 0, newCustomers: 6, reactivatedCustomers: 0, churnedCustomers: 0, endCustomers: 6, logoChurnRate: null,
      startMrr: 0, endMrr: 510, movements: { new: 510, expansion: 0, contraction: 0, churn: 0, reactivation: 0 },
      netNewMrr: 510, grossMrrChurnRate: null, grr: null, nrr: null, quickRatio: null,   // quick ratio: 510 / 0
    });
  });

  it('February: grace + erin new (30 + 40), carol −80, dave/frank/ivan/erin churn (60+30+70+40)', () => {
    // start 510; new 70, contraction 80, churn 200 → end 510 + 70 − 80 − 200 = 300.
    // Customers: 6 + 2 new − 4 churned = 4. Logo churn 4/6 = 0.6667.
    // Gross MRR churn (200+80)/510 = 0.549019… → 0.549; GRR = NRR = (510−280)/510 = 0.450980… → 0.451.
    // Quick ratio (70+0+0)/(200+80) = 0.25.
    assert.deepEqual(feb, {
      period: '2024-02', partial: false,
      startCustomers: 6, newCustomers: 2, reactivatedCustomers: 0, churnedCustomers: 4, endCustomers: 4, logoChurnRate: 0.6667,
      startMrr: 510, endMrr: 300, movements: { new: 70, expansion: 0, contraction: 80, churn: 200, reactivation: 0 },
      netNewMrr: -210, grossMrrChurnRate: 0.549, grr: 0.451, nrr: 0.451, quickRatio: 0.25,
    });
  });

  it('March: bob upgrades 50 → 80, frank comes back at 45', () => {
    // start 300; expansion 30, reactivation 45 → end 375. Customers 4 + 1 = 5; nobody churned (0/4 = 0).
    // GRR 300/300 = 1; NRR (300 + 30)/300 = 1.1; quick ratio (30 + 45)/0 → null.
    assert.deepEqual(mar, {
      period: '2024-03', partial: false,
      startCustomers: 4, newCustomers: 0, reactivatedCustomers: 1, churnedCustomers: 0, endCustomers: 5, logoChurnRate: 0,
      startMrr: 300, endMrr: 375, movements: { new: 0, expansion: 30, contraction: 0, churn: 0, reactivation: 45 },
      netNewMrr: 75, grossMrrChurnRate: 0, grr: 1, nrr: 1.1, quickRatio: null,
    });
  });

  it('April (partial): grace drops her 10 add-on; ivan returns and leaves inside April (reactivation 70 + churn 70)', () => {
    // start 375; contraction 10, reactivation 70, churn 70 → end 365. Customers 5 + 1 − 1 = 5; logo churn 1/5 = 0.2.
    // Gross (70 + 10)/375 = 0.213333… → 0.2133; GRR = NRR = 295/375 = 0.786666… → 0.7867; quick 70/80 = 0.875.
    assert.deepEqual(apr, {
      period: '2024-04', partial: true,
      startCustomers: 5, newCustomers: 0, reactivatedCustomers: 1, churnedCustomers: 1, endCustomers: 5, logoChurnRate: 0.2,
      startMrr: 375, endMrr: 365, movements: { new: 0, expansion: 0, contraction: 10, churn: 70, reactivation: 70 },
      netNewMrr: -10, grossMrrChurnRate: 0.2133, grr: 0.7867, nrr: 0.7867, quickRatio: 0.875,
    });
  });

  it('every row balances: end = start + new + reactivated − churned, endMrr = startMrr + netNewMrr', () => {
    for (const r of report.periods) {
      assert.equal(r.endCustomers, r.startCustomers + r.newCustomers + r.reactivatedCustomers - r.churnedCustomers, r.period);
      assert.equal(r.endMrr, r.startMrr! + r.netNewMrr!, r.period);
    }
  });

  it('current: 5 customers, 365 MRR, ARPA 73 at the data end', () => {
    assert.deepEqual(report.current, { customers: 5, mrr: 365, arpa: 73 });
  });

  it('cohort 2024-01 (alice bob carol dave frank ivan): logo, NRR and GRR per offset', () => {
    // MRR at offsets 0..3: 510 | 100+50+120 = 270 | 100+80+120+45 = 345 | 345 (ivan's April spell is between snapshots)
    // customers with MRR: 6 | 3 | 4 (frank is back: original cohort) | 4
    // GRR numerators, Σ min(MRR_k, MRR_0): 510 | 100+50+min(120,200) = 270 | 100+min(80,50)+120+min(45,30) = 300 | 300
    assert.deepEqual(report.cohorts[0], {
      cohort: '2024-01', customers: 6, startMrr: 510,
      logoRetention: [1, 0.5, 0.6667, 0.6667],
      nrr: [1, 0.5294, 0.6765, 0.6765],           // 270/510 = 0.52941, 345/510 = 0.67647
      grr: [1, 0.5294, 0.5882, 0.5882],           // 300/510 = 0.58824
      partial: [false, false, false, true],
    });
  });

  it('cohort 2024-02 (erin, grace): erin counts as a member who was gone by the first snapshot', () => {
    // MRR at offsets 0..2: 0 + 30 | 30 | 20; customers with MRR 1 of 2 throughout; M3 is past the data end.
    assert.deepEqual(report.cohorts[1], {
      cohort: '2024-02', customers: 2, startMrr: 30,
      logoRetention: [0.5, 0.5, 0.5, null],
      nrr: [1, 1, 0.6667, null],
      grr: [1, 1, 0.6667, null],
      partial: [false, false, true, false],
    });
    assert.equal(report.cohorts.length, 2);        // nobody's first subscription starts in March or April
  });
});

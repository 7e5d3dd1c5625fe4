// The engine against the literal definitions (reference.ts) on random files: snapshots, movements,
// logo counts and cohort cells, for months, weeks and quarters and both cancellation policies.
import { strict as assert } from 'node:assert';
import { subscriptionReport, type SubscriptionOptions } from '../../../../src/engine/subscriptions/report';
import type { Period } from '../../../../src/shared/options';
import type { CancelAtPolicy, SubscriptionReport } from '../../../../src/shared/subscriptionReport';
import { makeSubscriptions, monthly } from './makeSubscriptions';
import { randomRows, referenceCohort, referenceMoves, referenceSnapshots } from './reference';

const r2 = (x: number): number => Math.round(x * 100) / 100 || 0;   // || 0: no −0
const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function checkPeriods(report: SubscriptionReport, snap: number[][]): void {
  report.periods.forEach((row, p) => {
    const { mrr, logos } = referenceMoves(snap, p);
    const m = row.movements!;
    assert.equal(row.endMrr, r2(snap.reduce((a, s) => a + s[p], 0)), `${row.period} end MRR`);
    assert.equal(row.endCustomers, snap.filter((s) => s[p] > 0).length, `${row.period} customers`);
    assert.deepEqual([m.new, m.expansion, m.contraction, m.churn, m.reactivation], mrr.map(r2), `${row.period} movements`);
    assert.deepEqual([row.newCustomers, row.reactivatedCustomers, row.churnedCustomers], logos, `${row.period} logos`);
  });
}

function checkCohorts(report: SubscriptionReport, snap: number[][], newCohort: boolean): void {
  const expected = report.periods.map((_, c) => ({ c, ...referenceCohort(snap, c, newCohort) })).filter((x) => x.size > 0);
  assert.deepEqual(report.cohorts.map((row) => row.cohort), expected.map((x) => report.periods[x.c].period));
  report.cohorts.forEach((row, i) => {
    const { size, cells } = expected[i];
    const start = r2(cells[0][0]);
    assert.equal(row.customers, size, row.cohort);
    assert.equal(row.startMrr, start, row.cohort);
    assert.deepEqual(row.logoRetention.slice(0, cells.length), cells.map((x) => r4(x[2] / size)), `${row.cohort} logos`);
    assert.deepEqual(row.nrr.slice(0, cells.length), cells.map((x) => (start > 0 ? r4(r2(x[0]) / start) : null)), `${row.cohort} NRR`);
    assert.deepEqual(row.grr.slice(0, cells.length), cells.map((x) => (start > 0 ? r4(r2(x[1]) / start) : null)), `${row.cohort} GRR`);
    assert.ok(row.nrr.slice(cells.length).every((x) => x === null));
  });
}

describe('engine/subscriptions: random files against the literal definitions', () => {
  for (const seed of [1, 2, 3]) {
    const ds = makeSubscriptions(randomRows(seed, 120), '2024-07-01');
    for (const period of ['month', 'week', 'quarter'] as Period[]) {
      for (const cancelAt of ['date', 'period-end'] as CancelAtPolicy[]) {
        const o: SubscriptionOptions = { ...monthly({ cancelAt, samePeriodChurn: 'ignore' }), period };
        it(`seed ${seed}, ${period}, cancelAt ${cancelAt}: snapshots, movements, logos, both cohort policies`, () => {
          const snap = referenceSnapshots(ds, o);
          checkPeriods(subscriptionReport(ds, o), snap);
          checkCohorts(subscriptionReport(ds, o), snap, false);
          checkCohorts(subscriptionReport(ds, { ...o, reactivation: 'new-cohort' }), snap, true);
        });
      }
    }

    it(`seed ${seed}: 'count' adds the same amount to arrivals and churn, and leaves snapshots alone`, () => {
      const counted = subscriptionReport(ds, monthly());
      const ignored = subscriptionReport(ds, monthly({ samePeriodChurn: 'ignore' }));
      let blips = 0;
      counted.periods.forEach((c, p) => {
        const i = ignored.periods[p];
        const arrivals = c.movements!.new + c.movements!.reactivation - i.movements!.new - i.movements!.reactivation;
        assert.equal(r2(arrivals), r2(c.movements!.churn - i.movements!.churn), c.period);
        assert.equal(c.newCustomers + c.reactivatedCustomers - i.newCustomers - i.reactivatedCustomers, c.churnedCustomers - i.churnedCustomers, c.period);
        assert.deepEqual([c.endMrr, c.endCustomers, c.movements!.expansion, c.movements!.contraction], [i.endMrr, i.endCustomers, i.movements!.expansion, i.movements!.contraction]);
        assert.equal(c.endCustomers, c.startCustomers + c.newCustomers + c.reactivatedCustomers - c.churnedCustomers);
        blips += c.churnedCustomers - i.churnedCustomers;
      });
      assert.ok(blips > 0, 'the random file has spells inside one month');
    });
  }
});

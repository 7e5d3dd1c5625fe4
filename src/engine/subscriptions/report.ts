// The subscriptions section (issue 6; docs/DESIGN-subscriptions.md): MRR over time, MRR movements
// per period, logo churn, GRR/NRR/quick ratio per period, GRR/NRR/logo retention per signup cohort.
// One pass: subscriptions grouped by customer (timeline.ts), each customer's step function walked
// over the periods where it changes (walk.ts), totals kept in typed arrays (tally.ts).
import type { SubscriptionDataset } from '../../shared/lifetimes';
import type { Period, WeekStart } from '../../shared/options';
import type { SubscriptionPolicies, SubscriptionReport } from '../../shared/subscriptionReport';
import { periodEnd, periodIndex, periodLabel, periodStart } from '../periods';
import { round2 } from '../rounding';
import { columnLabel, periodOfTime } from '../windows';
import { cohortRows, periodRows, type RowSetup } from './rows';
import { makeTally, runningSums } from './tally';
import { Timeline, subscriptionsByCustomer } from './timeline';
import { CustomerWalk } from './walk';

/** The options the subscriptions report depends on: the period grid and the three policies. */
export type SubscriptionOptions = { period: Period; weekStart: WeekStart } & SubscriptionPolicies;

/** The calendar periods of the report: the first start's period through the one holding the data's last instant. */
interface Span {
  first: number;                 // absolute period index of period 0
  periods: number;
  lastPartial: boolean;
}

function spanOf(ds: SubscriptionDataset, o: SubscriptionOptions): Span | null {
  let firstStart = Infinity;
  for (let s = 0; s < ds.rowCount; s++) if (ds.start[s] < firstStart) firstStart = ds.start[s];
  if (!(firstStart < ds.dataEnd)) return null;
  const first = periodIndex(firstStart, o.period, o.weekStart);
  const last = periodIndex(ds.dataEnd - 1, o.period, o.weekStart);
  return { first, periods: last - first + 1, lastPartial: periodEnd(last, o.period, o.weekStart) > ds.dataEnd };
}

/** MRR movements, logo counts, GRR/NRR/quick ratio per period and per cohort, under the given policies. */
export function subscriptionReport(ds: SubscriptionDataset, options: SubscriptionOptions): SubscriptionReport {
  const o = options;
  const policies: SubscriptionPolicies = { samePeriodChurn: o.samePeriodChurn, cancelAt: o.cancelAt, reactivation: o.reactivation };
  const hasMrr = ds.mrr !== null;
  const span = spanOf(ds, o);
  if (!span) return { period: o.period, policies, hasMrr, periods: [], cohorts: [], columns: [], current: { customers: 0, mrr: hasMrr ? 0 : null, arpa: null } };
  const tally = makeTally(span.periods);
  const absolute = periodOfTime(o.period, o.weekStart, periodStart(span.first, o.period, o.weekStart), ds.dataEnd);
  const relative = (t: number): number => absolute(t) - span.first;
  const walk = new CustomerWalk(tally, { periodOf: relative, dataEnd: ds.dataEnd, samePeriodChurn: o.samePeriodChurn, reactivation: o.reactivation });
  const periodEndOf = (t: number): number => periodEnd(absolute(t), o.period, o.weekStart);
  const timeline = new Timeline();
  const { order, first } = subscriptionsByCustomer(ds);
  for (let u = 0; u < ds.customerIds.length; u++) {
    if (first[u] === first[u + 1]) continue;
    timeline.load(ds, order.subarray(first[u], first[u + 1]));
    if (o.cancelAt === 'period-end') timeline.extendSpells(periodEndOf);
    walk.run(timeline);
  }
  const setup: RowSetup = {
    hasMrr, lastPartial: span.lastPartial,
    labels: Array.from({ length: span.periods }, (_, p) => periodLabel(span.first + p, o.period, o.weekStart)),
  };
  runningSums(tally.snapMrr);
  runningSums(tally.snapCustomers);
  const periods = periodRows(tally, setup);
  const cohorts = cohortRows(tally, setup);
  const columns = Array.from({ length: span.periods }, (_, k) => columnLabel(o.period, { from: k, to: k }));
  return { period: o.period, policies, hasMrr, periods, cohorts, columns, current: currentOf(tally.snapCustomers, tally.snapMrr, span.periods, hasMrr) };
}

/** Customers and MRR at the data end (the last period's snapshot), and ARPA = MRR / customers. */
function currentOf(customers: Int32Array, mrr: Float64Array, periods: number, hasMrr: boolean): SubscriptionReport['current'] {
  const n = customers[periods - 1];
  const total = round2(mrr[periods - 1]);
  return { customers: n, mrr: hasMrr ? total : null, arpa: hasMrr && n > 0 ? round2(total / n) : null };
}

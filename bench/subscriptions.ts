// npx tsx bench/subscriptions.ts [--rows 1000000]: time the subscriptions report (MRR movements,
// cohorts) for every period and cancellation policy on a synthetic file. Figures, never assertions.
import { parseArgs } from 'node:util';
import { subscriptionReport } from '../src/engine/subscriptions/report';
import { PERIODS } from '../src/shared/options';
import { CANCEL_AT_POLICIES, DEFAULT_SUBSCRIPTION_POLICIES } from '../src/shared/subscriptionReport';
import { syntheticSubscriptions } from '../test/unit/engine/subscriptions/syntheticSubscriptions';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
const ds = syntheticSubscriptions(rows, Math.round(rows * 0.3), 7);
console.log(`${rows.toLocaleString('en-US')} subscriptions, ${ds.customerIds.length.toLocaleString('en-US')} customers`);
for (const period of PERIODS) {
  for (const cancelAt of CANCEL_AT_POLICIES) {
    const t0 = performance.now();
    const report = subscriptionReport(ds, { period, weekStart: 'monday', ...DEFAULT_SUBSCRIPTION_POLICIES, cancelAt });
    const ms = performance.now() - t0;
    console.log(`${period.padEnd(8)} ${cancelAt.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms  ${report.periods.length} periods, ${report.cohorts.length} cohorts`);
  }
}

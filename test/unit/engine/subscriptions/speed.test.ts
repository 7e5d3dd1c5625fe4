// The engine is one pass over the subscriptions grouped by customer: 1M subscriptions must take
// seconds, not minutes (about 0.3 s per run on the development machine; the bound is loose
// because the test machines are shared).
import { strict as assert } from 'node:assert';
import { subscriptionReport } from '../../../../src/engine/subscriptions/report';
import { monthly } from './makeSubscriptions';
import { syntheticSubscriptions } from './syntheticSubscriptions';

describe('engine/subscriptions: speed', () => {
  it('1M subscriptions of 300k customers, monthly and daily, in a few seconds', () => {
    const ds = syntheticSubscriptions(1_000_000, 300_000, 11);
    const t0 = performance.now();
    const month = subscriptionReport(ds, monthly());
    const day = subscriptionReport(ds, { ...monthly(), period: 'day' });
    const ms = performance.now() - t0;
    assert.equal(month.periods.length, 36);
    assert.equal(day.periods.length, 1095);
    assert.deepEqual(day.current, month.current);   // under cancelAt 'date' the data-end state does not depend on the period
    assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
  });
});

// A large synthetic file through the engine (timings are printed by `npx tsx bench/subscriptions.ts`,
// never asserted here): the data-end state must not depend on the period the table is cut by.
import { strict as assert } from 'node:assert';
import { subscriptionReport } from '../../../../src/engine/subscriptions/report';
import { monthly } from './makeSubscriptions';
import { syntheticSubscriptions } from './syntheticSubscriptions';

describe('engine/subscriptions: large file', () => {
  it('100k subscriptions of 30k customers, monthly and daily, agree on the data-end state', () => {
    const ds = syntheticSubscriptions(100_000, 30_000, 11);
    const month = subscriptionReport(ds, monthly());
    const day = subscriptionReport(ds, { ...monthly(), period: 'day' });
    assert.equal(month.periods.length, 36);
    assert.equal(day.periods.length, 1095);
    assert.deepEqual(day.current, month.current);   // under cancelAt 'date' the data-end state does not depend on the period
  });
});

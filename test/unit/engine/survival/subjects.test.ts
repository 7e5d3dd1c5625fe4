import assert from 'node:assert/strict';
import type { SubscriptionDataset } from '../../../../src/shared/lifetimes';
import { subscriptionSubjects } from '../../../../src/engine/survival/subjects';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** A subscriptions Dataset from [customer, start, end ('' = active)] rows; the data ends 2024-07-01. */
function subscriptions(rows: [string, string, string][]): SubscriptionDataset {
  const ids = [...new Set(rows.map((r) => r[0]))];
  return {
    shape: 'subscriptions', file: 'subs.csv', rowCount: rows.length,
    customer: Uint32Array.from(rows, (r) => ids.indexOf(r[0])),
    start: Float64Array.from(rows, (r) => day(r[1])),
    end: Float64Array.from(rows, (r) => (r[2] ? day(r[2]) : NaN)),
    mrr: null, plan: null, planNames: [], line: Uint32Array.from(rows, (_, i) => i + 2),
    customerIds: ids, customerFirstLine: Uint32Array.from(ids, (id) => rows.findIndex((r) => r[0] === id) + 2),
    segments: [], timePrecision: 'day', dataEnd: day('2024-07-01'),
    quality: { rowsRead: rows.length, rowsUsed: rows.length, skipped: {}, examples: {}, returns: 0, zeroAmount: 0 },
  };
}

describe('engine/survival/subjects', () => {
  it('follows each customer from first start to the end of their first unbroken spell', () => {
    const ds = subscriptions([
      ['ann', '2024-01-01', '2024-02-01'],   // churned after 31 days
      ['bob', '2024-01-01', '2024-03-01'],   // upgrade the day the first plan ends: one spell to 2024-04-01
      ['bob', '2024-03-01', '2024-04-01'],
      ['cat', '2024-02-01', ''],             // active: censored at the data end, 151 days
      ['dan', '2024-01-01', '2024-01-11'],   // 10 days, then a gap: the later return is not the same lifetime
      ['dan', '2024-05-01', ''],
      ['eve', '2024-03-10', '2024-06-01'],   // overlapping: the active one keeps her censored
      ['eve', '2024-04-01', ''],
    ]);
    const { durations, events, timeUnit } = subscriptionSubjects(ds);
    assert.equal(timeUnit, 'days');
    assert.deepEqual([...durations], [31, 91, 151, 10, 113]);
    assert.deepEqual([...events], [1, 1, 0, 1, 0]);
  });

  it('takes the rows in any order', () => {
    const ds = subscriptions([
      ['bob', '2024-03-01', '2024-04-01'],
      ['ann', '2024-06-01', ''],
      ['bob', '2024-01-01', '2024-03-01'],
    ]);
    const { durations, events } = subscriptionSubjects(ds);
    assert.deepEqual([...durations], [91, 30]);
    assert.deepEqual([...events], [1, 0]);
  });
});

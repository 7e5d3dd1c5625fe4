// A large random SubscriptionDataset built straight into typed arrays, for the speed test and
// bench/subscriptions.ts: every customer has at least one subscription, 30% are still active.
import type { SubscriptionDataset } from '../../../../src/shared/lifetimes';
import { random } from '../makeDataset';

const DAY = 86_400_000;

/** `rows` subscriptions of `customers` customers over three years from 2021-01-01, MRR from a small price list. */
export function syntheticSubscriptions(rows: number, customers: number, seed: number): SubscriptionDataset {
  const rnd = random(seed);
  const t0 = Date.UTC(2021, 0, 1);
  const dataEnd = t0 + 1095 * DAY;
  const customer = new Uint32Array(rows);
  const start = new Float64Array(rows);
  const end = new Float64Array(rows);
  const mrr = new Float64Array(rows);
  const prices = [10, 29.99, 99, 250];
  for (let i = 0; i < rows; i++) {
    customer[i] = i < customers ? i : Math.floor(rnd() * customers);
    start[i] = t0 + Math.floor(rnd() * 1090) * DAY;
    const stop = start[i] + (1 + Math.floor(rnd() * 400)) * DAY;
    end[i] = rnd() < 0.3 || stop >= dataEnd ? NaN : stop;
    mrr[i] = prices[Math.floor(rnd() * prices.length)];
  }
  return {
    shape: 'subscriptions', file: 'synthetic.csv', rowCount: rows, customer, start, end, mrr, plan: null, planNames: [],
    line: new Uint32Array(rows), customerIds: Array.from({ length: customers }, (_, u) => `c${u}`), customerFirstLine: new Uint32Array(customers),
    segments: [], timePrecision: 'day', dataEnd,
    quality: { rowsRead: rows, rowsUsed: rows, skipped: {}, examples: {}, returns: 0, zeroAmount: 0 },
  };
}

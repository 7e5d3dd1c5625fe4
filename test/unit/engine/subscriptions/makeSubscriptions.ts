// Hand-built SubscriptionDatasets for the subscriptions engine tests, independent of src/ingest:
// rows such as ['alice', '2024-01-15', '', 100] (customer, start, end or '' when active, MRR)
// become the columnar form, with civil times from Date.UTC and an explicit data end.
import type { SubscriptionDataset } from '../../../../src/shared/lifetimes';
import { DEFAULT_SUBSCRIPTION_POLICIES, type SubscriptionPolicies } from '../../../../src/shared/subscriptionReport';
import type { SubscriptionOptions } from '../../../../src/engine/subscriptions/report';
import { civil } from '../makeDataset';

/** customer id, start, end ('' = still active), MRR (omitted when the file has no MRR column). */
export type SubRow = [customer: string, start: string, end: string, mrr?: number];

/** A SubscriptionDataset; dataEnd is exclusive ('2024-04-16' = data through 15 April). */
export function makeSubscriptions(rows: SubRow[], dataEnd: string, withMrr = typeof rows[0]?.[3] === 'number'): SubscriptionDataset {
  const ids = new Map<string, number>();
  for (const r of rows) if (!ids.has(r[0])) ids.set(r[0], ids.size);
  const firstLine = new Uint32Array(ids.size);
  for (let i = rows.length - 1; i >= 0; i--) firstLine[ids.get(rows[i][0])!] = i + 2;
  return {
    shape: 'subscriptions',
    file: 'subscriptions.csv',
    rowCount: rows.length,
    customer: Uint32Array.from(rows, (r) => ids.get(r[0])!),
    start: Float64Array.from(rows, (r) => civil(r[1])),
    end: Float64Array.from(rows, (r) => (r[2] === '' ? NaN : civil(r[2]))),
    mrr: withMrr ? Float64Array.from(rows, (r) => r[3] ?? 0) : null,
    plan: null,
    planNames: [],
    line: Uint32Array.from(rows, (_, i) => i + 2),
    customerIds: [...ids.keys()],
    customerFirstLine: firstLine,
    segments: [],
    timePrecision: 'day',
    dataEnd: civil(dataEnd),
    quality: { rowsRead: rows.length, rowsUsed: rows.length, skipped: {}, examples: {}, returns: 0, zeroAmount: 0 },
  };
}

/** Monthly, Monday weeks, the default policies, with any policy overridden. */
export function monthly(policies: Partial<SubscriptionPolicies> = {}): SubscriptionOptions {
  return { period: 'month', weekStart: 'monday', ...DEFAULT_SUBSCRIPTION_POLICIES, ...policies };
}

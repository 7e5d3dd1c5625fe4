// The parsed file for the two lifetime shapes (DESIGN.md §3): subscriptions (one row per
// subscription) and customers (one row per customer with a tenure). Columnar like the events
// Dataset; times are civil milliseconds (see dataset.ts) so periods are pure UTC arithmetic.
import type { DataQuality, SegmentColumn, TimePrecision } from './dataset';
import type { TenureUnit } from './mapping';

/** One row per subscription: who, from when, until when (NaN = still active), at what MRR. */
export interface SubscriptionDataset {
  shape: 'subscriptions';
  file: string;
  rowCount: number;              // subscriptions kept
  customer: Uint32Array;         // interned customer index per subscription
  start: Float64Array;           // civil ms of the start date
  end: Float64Array;             // civil ms of the end / cancel date (the first moment not subscribed); NaN = active (censored at dataEnd)
  mrr: Float64Array | null;      // monthly recurring revenue per subscription; null when no MRR column is mapped
  plan: Int32Array | null;       // plan code per subscription; null when no plan column is mapped
  planNames: string[];           // plan code → name as written
  line: Uint32Array;             // 1-based physical line of each subscription's row
  customerIds: string[];         // customer index → id as written
  customerFirstLine: Uint32Array; // customer index → line of their first row
  segments: SegmentColumn[];     // categorical columns (plan included), each customer's value on their earliest-starting row
  timePrecision: TimePrecision;  // of the start/end columns
  dataEnd: number;               // civil ms, exclusive: end of the latest start or end date at its precision
  quality: DataQuality;
}

/** One row per customer: how long they have been (or were) a customer and whether they churned. */
export interface CustomerTableDataset {
  shape: 'customers';
  file: string;
  rowCount: number;              // customers kept
  customerIds: string[];         // row → id as written (a repeated id is skipped as 'duplicate customer')
  duration: Float64Array;        // tenure in `timeUnit` (from the tenure column, or end − start)
  churned: Uint8Array;           // 1 = churned (event observed), 0 = still a customer (censored)
  timeUnit: TenureUnit;
  line: Uint32Array;             // 1-based physical line of each row
  segments: SegmentColumn[];     // categorical columns; customerValue is indexed by row
  quality: DataQuality;
}

/** Either lifetime dataset. */
export type LifetimeDataset = SubscriptionDataset | CustomerTableDataset;

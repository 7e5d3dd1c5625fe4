// Qualifying rows grouped by customer, in time order, with their civil times and event codes: the
// input every retention definition of the lab scans. Rolling windows need times to the millisecond and the
// event filters need codes, which the day-only grouping in activity.ts does not keep. A counting
// sort into contiguous typed arrays means each later pass reads one customer's rows in a run
// instead of jumping around the Dataset's columns; nothing is allocated per row.
import type { Dataset } from '../shared/dataset';
import { perDataset } from './memo';

/** Qualifying rows (purchases: amount > 0, or every row without amounts), grouped by customer (CSR). */
export interface RowGroups {
  /** Customer index → first position in `time`/`event`; length customers + 1. */
  start: Uint32Array;
  /**
   * Civil ms of each qualifying row, grouped by customer, ascending within a customer (file order
   * among equal times): every reader takes sets, counts or minima, and in time order a
   * customer's first row and their windows come first (rollingGrid.ts stops early on that).
   */
  time: Float64Array;
  /** Event code of each qualifying row in the same order; null when the file has no event column. */
  event: Uint32Array | null;
  /** Civil ms of the earliest and latest qualifying row; NaN when there is none. */
  firstTime: number;
  lastTime: number;
}

/** Whether row r is a purchase (DESIGN.md §3): amount > 0 when amounts are known, else every row. */
export function isPurchase(amount: Float64Array | null, r: number): boolean {
  return amount === null || amount[r] > 0;
}

/** Qualifying rows grouped by customer (computed once per Dataset, then reused). */
export function rowGroups(ds: Dataset): RowGroups {
  return perDataset(ds, 'rowGroups', () => groupRows(ds));
}

function groupRows(ds: Dataset): RowGroups {
  const customers = ds.customerIds.length;
  const { customer, time, amount, event } = ds;
  const start = new Uint32Array(customers + 1);
  let firstTime = Infinity;
  let lastTime = -Infinity;
  for (let r = 0; r < ds.rowCount; r++) {
    if (!isPurchase(amount, r)) continue;
    start[customer[r] + 1]++;
    if (time[r] < firstTime) firstTime = time[r];
    if (time[r] > lastTime) lastTime = time[r];
  }
  for (let u = 0; u < customers; u++) start[u + 1] += start[u];
  const n = start[customers];
  const times = new Float64Array(n);
  const events = event ? new Uint32Array(n) : null;
  const cursor = start.slice(0, customers);
  for (let r = 0; r < ds.rowCount; r++) {
    if (!isPurchase(amount, r)) continue;
    const i = cursor[customer[r]]++;
    times[i] = time[r];
    if (events) events[i] = event![r];
  }
  timeOrder(start, times, events);
  return n === 0
    ? { start, time: times, event: events, firstTime: NaN, lastTime: NaN }
    : { start, time: times, event: events, firstTime, lastTime };
}

/**
 * Sorts each customer's rows by time (stably, events alongside). Files are usually in time
 * order, so a customer is sorted only when one comparison pass finds them out of order.
 */
function timeOrder(start: Uint32Array, time: Float64Array, event: Uint32Array | null): void {
  for (let u = 0; u + 1 < start.length; u++) {
    const s = start[u];
    const e = start[u + 1];
    let ascending = true;
    for (let i = s + 1; i < e && ascending; i++) ascending = time[i] >= time[i - 1];
    if (ascending) continue;
    const order = Array.from({ length: e - s }, (_, i) => s + i).sort((a, b) => time[a] - time[b] || a - b);
    const times = order.map((i) => time[i]);
    const events = event ? order.map((i) => event[i]) : null;
    time.set(times, s);
    if (event && events) event.set(events, s);
  }
}

// Per-customer facts every churn analysis shares: the sorted DISTINCT purchase days (churn is
// judged in whole civil days, so two purchases on one day are one visit and never a 0-day gap),
// orders and net revenue. Computed once per Dataset, in typed arrays (CSR like activity.ts).
import type { Dataset } from '../../shared/dataset';
import { customerActivity } from '../activity';
import { customerTotals } from '../customerTotals';
import { rowGroups, type RowGroups } from '../groups';
import { dayOf } from '../civil';
import { perDataset } from '../memo';

/** Sorted distinct purchase days per customer (CSR) and per-customer totals. */
export interface CustomerDays {
  /** Customer index → offset into `days`; length customers + 1. */
  start: Uint32Array;
  /** Distinct purchase days of each customer, ascending. */
  days: Int32Array;
  /** Customers with at least one purchase. */
  purchasers: number;
  /** Customer index → orders: distinct order ids among purchase rows, or purchase rows without an order column. */
  orders: Uint32Array;
  /** Customer index → net revenue over all their rows (returns netted); null without amounts. */
  revenue: Float64Array | null;
  /** First and last purchase day in the file; NaN without purchases. */
  firstDay: number;
  lastPurchaseDay: number;
  /** The day holding the latest timestamp (data end − 1 ms); "days silent" count back from it. */
  lastDay: number;
}

/** The shared per-customer facts of a Dataset (computed once, then reused). */
export function customerDays(ds: Dataset): CustomerDays {
  return perDataset(ds, 'customerDays', () => build(ds));
}

/** distinctPurchaseDays's perDataset key. */
export const DISTINCT_DAYS = 'distinctPurchaseDays';

/**
 * Each customer's sorted distinct purchase days alone (CSR), once per Dataset: what the calendar
 * tables read (engine/periodActivity.ts), without the per-customer totals churn adds.
 */
export function distinctPurchaseDays(ds: Dataset): { start: Uint32Array; days: Int32Array } {
  return perDataset(ds, DISTINCT_DAYS, () => {
    return distinctDays(rowGroups(ds));
  });
}

function build(ds: Dataset): CustomerDays {
  const activity = customerActivity(ds);
  const { start, days } = distinctPurchaseDays(ds);
  const { orders, revenue } = customerTotals(ds);
  return {
    start,
    days,
    purchasers: activity.purchasers,
    orders,
    revenue,
    firstDay: activity.purchases ? dayOf(activity.firstTime) : NaN,
    lastPurchaseDay: activity.purchases ? dayOf(activity.lastTime) : NaN,
    lastDay: dayOf(ds.dataEnd - 1),
  };
}

/**
 * Each customer's distinct days, ascending, read off their rows in time order (a day repeats
 * only next to itself): one pass counts them, a second fills an array of exactly that size.
 */
function distinctDays(groups: RowGroups): { start: Uint32Array; days: Int32Array } {
  const { start: rowStart, time } = groups;
  const customers = rowStart.length - 1;
  const start = new Uint32Array(customers + 1);
  for (let u = 0; u < customers; u++) {
    let n = 0;
    for (let i = rowStart[u], prev = NaN, end = rowStart[u + 1]; i < end; i++) {
      const d = dayOf(time[i]);
      if (d !== prev) { n++; prev = d; }
    }
    start[u + 1] = start[u] + n;
  }
  const days = new Int32Array(start[customers]);
  let w = 0;
  for (let u = 0; u < customers; u++) {
    for (let i = rowStart[u], prev = NaN, end = rowStart[u + 1]; i < end; i++) {
      const d = dayOf(time[i]);
      if (d !== prev) days[w++] = prev = d;
    }
  }
  return { start, days };
}

/** Median of the gaps between consecutive days days[s..e) (e − s ≥ 3, i.e. ≥ 2 gaps), using `scratch` (length ≥ e − s − 1). */
export function medianGapOf(days: Int32Array, s: number, e: number, scratch: Int32Array): number {
  const n = e - s - 1;
  for (let i = 0; i < n; i++) scratch[i] = days[s + i + 1] - days[s + i];
  const gaps = scratch.subarray(0, n).sort();
  return n % 2 === 1 ? gaps[(n - 1) / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
}

// Purchases grouped by customer: the preparation every cohort analysis shares. It is read off the
// time-ordered row groups (groups.ts, one counting sort per Dataset) rather than sorted again:
// the same offsets, each customer's first day is their first row's, and the days in file order
// (a second scatter over every row) are only laid out when something asks for them.
import type { Dataset } from '../shared/dataset';
import { dayOf } from './civil';
import { isPurchase, rowGroups, type RowGroups } from './groups';
import { perDataset } from './memo';

export { isPurchase } from './groups';

/** Each customer's purchase days, grouped (CSR layout), plus first/last purchase facts. */
export interface CustomerActivity {
  /** Customer index → start offset into `days`; length customers + 1 (a customer's days are days[start[u] .. start[u+1]). */
  start: Uint32Array;
  /** Civil day number of every purchase row, grouped by customer, file order within a customer (not sorted). */
  readonly days: Int32Array;
  /** Customer index → civil day of their first purchase; meaningless when they have none (start[u] === start[u+1]). */
  firstDay: Int32Array;
  /** Customers with at least one purchase. */
  purchasers: number;
  /** Purchase rows (the length of `days`). */
  purchases: number;
  /** Civil ms of the earliest and latest purchase; NaN when there is no purchase. */
  firstTime: number;
  lastTime: number;
}

/** Purchases grouped by customer (computed once per Dataset, then reused). */
export function customerActivity(ds: Dataset): CustomerActivity {
  return perDataset(ds, 'customerActivity', () => groupPurchases(ds));
}

function groupPurchases(ds: Dataset): CustomerActivity {
  const groups = rowGroups(ds);
  const { firstDay, purchasers } = firstDays(groups);
  let days: Int32Array | null = null;
  return {
    start: groups.start,
    get days(): Int32Array {
      return (days ??= daysInFileOrder(ds, groups.start));
    },
    firstDay,
    purchasers,
    purchases: groups.time.length,
    firstTime: groups.firstTime,
    lastTime: groups.lastTime,
  };
}

/** Each customer's earliest purchase day: the day of their first row, the rows being in time order. */
function firstDays(groups: RowGroups): { firstDay: Int32Array; purchasers: number } {
  const { start, time } = groups;
  const customers = start.length - 1;
  const firstDay = new Int32Array(customers);
  let purchasers = 0;
  for (let u = 0; u < customers; u++) {
    if (start[u] === start[u + 1]) continue;
    purchasers++;
    firstDay[u] = dayOf(time[start[u]]);
  }
  return { firstDay, purchasers };
}

/** The civil day of every purchase row at the offsets of `start`, file order within a customer (a counting-sort scatter). */
function daysInFileOrder(ds: Dataset, start: Uint32Array): Int32Array {
  const days = new Int32Array(start[start.length - 1]);
  const cursor = start.slice(0, start.length - 1);
  const { customer, time, amount } = ds;
  for (let r = 0; r < ds.rowCount; r++) {
    if (isPurchase(amount, r)) days[cursor[customer[r]]++] = dayOf(time[r]);
  }
  return days;
}

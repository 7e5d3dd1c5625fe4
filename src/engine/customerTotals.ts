// Orders and net revenue per customer, and the file's order totals the KPIs report, from one pass
// over the rows (DESIGN.md §4, KPIs): the headline numbers and churn's per-customer value read
// the same columns, so they share the scan instead of reading 10M rows at random three times.
import type { Dataset } from '../shared/dataset';
import { customerActivity } from './activity';
import { isPurchase } from './groups';
import { perDataset } from './memo';

/** Per-customer orders and revenue, with the distinct orders and repeat buyers of the file. */
export interface CustomerTotals {
  /** Customer index → orders: distinct order ids among purchase rows, or purchase rows without an order column. */
  orders: Uint32Array;
  /** Customer index → net revenue over all their rows (returns netted), summed in file order; null without amounts. */
  revenue: Float64Array | null;
  /** Distinct order ids among purchase rows, or purchase rows without an order column. */
  orderCount: number;
  /** Customers with at least two distinct order ids (two purchase rows without an order column). */
  repeatCustomers: number;
}

/** The totals of a Dataset (computed once, then reused). */
export function customerTotals(ds: Dataset): CustomerTotals {
  return perDataset(ds, 'customerTotals', () => {
    // One row per order id (order-level exports): the purchase rows are the orders, counted by the grouping.
    if (ds.order && ds.orderIdCount < ds.rowCount) return byOrderId(ds, ds.order);
    const { orders, orderCount, repeatCustomers } = byPurchaseRow(customerActivity(ds).start);
    return { orders, revenue: ds.amount ? revenueOf(ds, ds.amount) : null, orderCount, repeatCustomers };
  });
}

/** Without order ids, or with one per row, every purchase row is an order; the grouping already holds the counts. */
function byPurchaseRow(start: Uint32Array): Omit<CustomerTotals, 'revenue'> {
  const orders = new Uint32Array(start.length - 1);
  let repeatCustomers = 0;
  for (let u = 0; u < orders.length; u++) {
    orders[u] = start[u + 1] - start[u];
    if (orders[u] >= 2) repeatCustomers++;
  }
  return { orders, orderCount: start[orders.length], repeatCustomers };
}

/**
 * One pass: revenue over every row; over purchase rows, the (customer, order id) pairs, counted
 * by remembering the last customer seen per id (an id shared by two customers with interleaved
 * lines would be counted again; real files don't). An id is new to the file when no customer has
 * been seen with it, and a customer repeats on their first id different from their first one —
 * which can only happen on a pair not seen just before, so the rest of a multi-line order costs
 * one lookup by order id.
 */
function byOrderId(ds: Dataset, order: Uint32Array): CustomerTotals {
  const { customer, amount } = ds;
  const orders = new Uint32Array(ds.customerIds.length);
  const revenue = amount ? new Float64Array(ds.customerIds.length) : null;
  const lastCustomer = new Int32Array(ds.orderIdCount).fill(NONE);
  const firstOrder = new Int32Array(ds.customerIds.length).fill(NONE);   // REPEAT once a second id is seen
  let orderCount = 0;
  let repeatCustomers = 0;
  for (let r = 0; r < ds.rowCount; r++) {
    const u = customer[r];
    if (revenue) revenue[u] += amount![r];
    if (!isPurchase(amount, r)) continue;
    const o = order[r];
    const last = lastCustomer[o];
    if (last === u) continue;
    if (last === NONE) orderCount++;
    lastCustomer[o] = u;
    orders[u]++;
    const f = firstOrder[u];
    if (f === NONE) firstOrder[u] = o;
    else if (f !== REPEAT && f !== o) { firstOrder[u] = REPEAT; repeatCustomers++; }
  }
  return { orders, revenue, orderCount, repeatCustomers };
}

// Order ids are < orderIdCount ≤ rowCount < 2^31 and customer indexes < 2^31, so negative values are free for markers.
const NONE = -1;
const REPEAT = -2;

function revenueOf(ds: Dataset, amount: Float64Array): Float64Array {
  const revenue = new Float64Array(ds.customerIds.length);
  for (let r = 0; r < ds.rowCount; r++) revenue[ds.customer[r]] += amount[r];
  return revenue;
}

// Headline numbers, DESIGN.md §4 (KPIs). Purchases (amount > 0, or every row without amounts)
// define customers and orders; revenue is over every row so returns are netted out.
import type { Dataset } from '../shared/dataset';
import type { Kpis } from '../shared/report';
import { customerActivity, isPurchase } from './activity';
import { perDataset } from './memo';
import { round2, round4 } from './rounding';

/** Orders and repeat buyers, counted by order id or by purchase row. */
interface OrderCounts {
  orders: number;
  repeatCustomers: number;
}

/** computeKpis once per Dataset (they depend on no option): the report and churn's customer value share it. */
export function datasetKpis(ds: Dataset): Kpis {
  return perDataset(ds, 'kpis', () => computeKpis(ds));
}

/** Customers, orders, revenue, AOV, purchase frequency and repeat purchase rate of a Dataset. */
export function computeKpis(ds: Dataset): Kpis {
  const activity = customerActivity(ds);
  const customers = activity.purchasers;
  const { orders, repeatCustomers } = ds.order ? countOrderIds(ds, ds.order) : countPurchaseRows(activity.start);
  const revenue = ds.amount ? netRevenue(ds.amount, ds.rowCount) : null;
  return {
    customers,
    orders,
    revenue: revenue === null ? null : round2(revenue),
    aov: revenue === null || orders === 0 ? null : round2(revenue / orders),
    purchaseFrequency: customers === 0 ? 0 : round4(orders / customers),
    repeatPurchaseRate: customers === 0 ? 0 : round4(repeatCustomers / customers),
  };
}

/** Without order ids every purchase row is an order; the grouping already holds the counts. */
function countPurchaseRows(start: Uint32Array): OrderCounts {
  let repeatCustomers = 0;
  for (let u = 0; u + 1 < start.length; u++) if (start[u + 1] - start[u] >= 2) repeatCustomers++;
  return { orders: start[start.length - 1], repeatCustomers };
}

/**
 * Distinct order ids among purchase rows, overall and per customer. An order's lines share
 * its id, so "≥ 2 orders" means a second id different from the customer's first one —
 * remembering one id per customer is enough, no per-customer sets.
 */
function countOrderIds(ds: Dataset, order: Uint32Array): OrderCounts {
  const seen = new Uint8Array(ds.orderIdCount);
  // Customer → their first order id; NONE before it, REPEAT once a second id has been counted.
  const firstOrder = new Int32Array(ds.customerIds.length).fill(NONE);
  let orders = 0;
  let repeatCustomers = 0;
  for (let r = 0; r < ds.rowCount; r++) {
    if (!isPurchase(ds.amount, r)) continue;
    const o = order[r];
    if (seen[o] === 0) { seen[o] = 1; orders++; }
    const u = ds.customer[r];
    const f = firstOrder[u];
    if (f === NONE) firstOrder[u] = o;
    else if (f !== REPEAT && f !== o) { firstOrder[u] = REPEAT; repeatCustomers++; }
  }
  return { orders, repeatCustomers };
}

// Order ids are < orderIdCount ≤ rowCount < 2^31, so negative values are free for markers.
const NONE = -1;
const REPEAT = -2;

/** Σ amount over all rows, compensated (Neumaier) so 10M cent amounts still round to the right cent. */
function netRevenue(amount: Float64Array, rowCount: number): number {
  let sum = 0;
  let carry = 0;
  for (let r = 0; r < rowCount; r++) {
    const x = amount[r];
    const t = sum + x;
    carry += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return sum + carry;
}

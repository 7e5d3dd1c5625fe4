// Headline numbers, DESIGN.md §4 (KPIs). Purchases (amount > 0, or every row without amounts)
// define customers and orders; revenue is over every row so returns are netted out.
import type { Dataset } from '../shared/dataset';
import type { Kpis } from '../shared/report';
import { customerActivity } from './activity';
import { customerTotals } from './customerTotals';
import { perDataset } from './memo';
import { round2, round4 } from './rounding';

/** computeKpis once per Dataset (they depend on no option): the report and churn's customer value share it. */
export function datasetKpis(ds: Dataset): Kpis {
  return perDataset(ds, 'kpis', () => computeKpis(ds));
}

/** Customers, orders, revenue, AOV, purchase frequency and repeat purchase rate of a Dataset. */
export function computeKpis(ds: Dataset): Kpis {
  const activity = customerActivity(ds);
  const customers = activity.purchasers;
  const { orderCount: orders, repeatCustomers } = customerTotals(ds);
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

// Churn by segment: for each categorical column, each value's customers (by their first-row
// value, as everywhere in the report), how many have churned or are at risk at the data end.
import type { SegmentChurn, SegmentChurnValue } from '../../shared/churnReport';
import type { Dataset, SegmentColumn } from '../../shared/dataset';
import { round2 } from '../rounding';
import { AT_RISK, CHURNED, NO_PURCHASE } from './inactivity';

/** Label of the row pooling the values beyond the limit. */
export const OTHER_VALUE = 'Other';

/** Churn at the data end per value of every segment column; `limit` largest values, the rest pooled. */
export function segmentChurn(ds: Dataset, status: Uint8Array, limit: number): SegmentChurn[] {
  return ds.segments.map((col) => ({ column: col.column, values: columnChurn(col, status, limit) }));
}

function columnChurn(col: SegmentColumn, status: Uint8Array, limit: number): SegmentChurnValue[] {
  const n = col.values.length;
  const customers = new Float64Array(n);
  const churned = new Float64Array(n);
  const atRisk = new Float64Array(n);
  for (let u = 0; u < status.length; u++) {
    if (status[u] === NO_PURCHASE) continue;
    const v = col.customerValue[u];
    customers[v]++;
    if (status[u] === CHURNED) churned[v]++;
    else if (status[u] === AT_RISK) atRisk[v]++;
  }
  // Largest first; ties by value text so the order is stable across runs.
  const order = [...Array(n).keys()].filter((v) => customers[v] > 0)
    .sort((a, b) => customers[b] - customers[a] || (col.values[a] < col.values[b] ? -1 : 1));
  const shown = order.slice(0, limit).map((v) => row(col.values[v], customers[v], churned[v], atRisk[v]));
  const rest = order.slice(limit);
  if (rest.length === 0) return shown;
  const total = (xs: Float64Array): number => rest.reduce((sum, v) => sum + xs[v], 0);
  return [...shown, row(OTHER_VALUE, total(customers), total(churned), total(atRisk))];
}

function row(value: string, customers: number, churned: number, atRisk: number): SegmentChurnValue {
  return { value, customers, churned, atRisk, rate: customers === 0 ? null : round2((churned / customers) * 100) };
}

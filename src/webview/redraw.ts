// What of the retention page a new report makes stale (app.ts redraws only that): a cohort table
// sent ahead of its report changes only the table, and the report that follows brings the same
// table object (controller.ts), so a 100-cohort table and its curves (~0.4 s to draw at 10M rows)
// are drawn once, not twice.
import type { Metric } from '../shared/protocol';
import type { ReportModel } from '../shared/report';

/** Whether a report differs from another in anything but its cohort table. */
export function changedBeyondTable(a: ReportModel, b: ReportModel): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ReportModel)[]);
  for (const key of keys) if (key !== 'retention' && a[key] !== b[key]) return true;
  return false;
}

/** Whether two reports give the same cohort table and curves for `metric`: the same table, revenue (or its absence, for customers) and data end. */
export function sameTableInputs(a: ReportModel, b: ReportModel, metric: Metric): boolean {
  const revenue = metric === 'customers' ? (a.revenue === null) === (b.revenue === null) : a.revenue === b.revenue;
  return a.retention === b.retention && revenue && a.quality.dataEnd === b.quality.dataEnd && a.quality.timePrecision === b.quality.timePrecision;
}

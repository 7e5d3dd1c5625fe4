// The metric selector: which grid of numbers the table and the chart show. Customers retained
// come from report.retention, the four revenue metrics from report.revenue (same cohorts and
// columns). Pure, so the table and chart agree and both are tested in Node.
import { columnTotals } from '../shared/exportTable';
import { averageLabel } from '../shared/options';
import type { Metric } from '../shared/protocol';
import type { AverageMethod, RateBase } from '../shared/options';
import type { ReportModel } from '../shared/report';
import { formatCellPercent, formatMoney } from './format';

/** Metric selector labels. */
export const METRIC_LABELS: Record<Metric, string> = {
  customers: 'Customers retained',
  revenue: 'Revenue',
  revenuePerCustomer: 'Revenue per cohort customer',
  cumulativePerCustomer: 'Cumulative revenue per customer (LTV)',
  revenueRetention: 'Revenue retention',
};

/** How a metric's values read: rates (0–1, shown as %) or money. */
export type MetricKind = 'rate' | 'money';

/** The kind of each metric. */
export function metricKind(metric: Metric): MetricKind {
  return metric === 'customers' || metric === 'revenueRetention' ? 'rate' : 'money';
}

/** Whether the report holds the metric (revenue needs an amount column). */
export function metricAvailable(report: ReportModel | null, metric: Metric): boolean {
  return metric === 'customers' || (report !== null && report.revenue !== null);
}

/** The metric to show: the chosen one, or customers when the report has no revenue. */
export function fitMetric(report: ReportModel | null, metric: Metric): Metric {
  return report === null || metricAvailable(report, metric) ? metric : 'customers';
}

/** "Average (pooled)", "Average (simple mean)", "Average (Mixpanel-compatible)". */
export function averageLabelFor(method: AverageMethod): string {
  return averageLabel(method);
}

/** One metric as a grid: a row of values per cohort and the summary row under them. */
export interface MetricGrid {
  kind: MetricKind;
  rows: (number | null)[][];      // per cohort of report.retention.cohorts, per column
  summary: (number | null)[];
  summaryLabel: string;
}

/** The grid of a metric; revenue rows are matched to the table's cohorts by label. */
export function metricGrid(report: ReportModel, metric: Metric): MetricGrid {
  const table = report.retention;
  if (metric === 'customers' || report.revenue === null) {
    return { kind: 'rate', rows: table.cohorts.map((c) => c.rates), summary: table.average.rates, summaryLabel: averageLabelFor(table.average.method) };
  }
  const byCohort = new Map(report.revenue.cohorts.map((r) => [r.cohort, r]));
  const rows = table.cohorts.map((c) => byCohort.get(c.cohort)?.[metric] ?? []);
  if (metric === 'revenue') return { kind: 'money', rows, summary: columnTotals(rows, table.columns.length), summaryLabel: 'Total' };
  return { kind: metricKind(metric), rows, summary: report.revenue.average[metric], summaryLabel: 'Average (pooled)' };
}

/** A value of a metric in a table cell: "67%" for rates, "1,234.50" for money, '' when absent. */
export function formatMetricCell(kind: MetricKind, value: number | null): string {
  if (value === null) return '';
  return kind === 'rate' ? formatCellPercent(value) : formatMoney(value);
}

/** What a rate is relative to, for captions: "of the cohort" / "of the previous period's". */
export function rateBaseWords(base: RateBase): string {
  return base === 'previous' ? "of the previous column's retained customers" : 'of the cohort';
}

// The retention-curve chart as plain data (which series, which values), kept apart from uPlot so
// the selection rules can be tested in Node.
import type { Metric } from '../shared/protocol';
import type { CohortRow, ReportModel, RetentionTable, SegmentReport } from '../shared/report';
import { metricGrid } from './metricModel';
import { periodWords } from './periods';
import { segmentWidth } from './segmentModel';
import { columnCount, columnLabel } from './tableModel';

/** Above this many cohorts the chart shows only the average and the most recent cohorts. */
export const MAX_COHORT_SERIES = 50;
/** How many recent cohorts are drawn when there are too many. */
export const RECENT_COHORTS = 12;

/** One line of the chart: y values (percent or money), null = no point (absent, or an incomplete period). */
export interface ChartSeries {
  label: string;
  kind: 'cohort' | 'average' | 'segment';
  values: (number | null)[];
}

/** Everything the chart draws: x = column indexes 0..n-1 labelled by `columns`, cohort series oldest first, the average last. */
export interface ChartModel {
  xs: number[];
  columns: string[];
  series: ChartSeries[];
  unit: 'percent' | 'money';
  yLabel: string;
  note: string | null;    // said under the chart when cohorts were left out
  xName?: string;         // what one x step is, in the hover legend (default "Column")
}

/** The cohorts to draw (their indexes): all, or the last RECENT_COHORTS when there are more than MAX_COHORT_SERIES. */
export function selectChartCohorts(cohorts: readonly CohortRow[]): { shown: number[]; note: string | null } {
  const all = cohorts.map((_, i) => i);
  if (cohorts.length <= MAX_COHORT_SERIES) return { shown: all, note: null };
  return {
    shown: all.slice(-RECENT_COHORTS),
    note: `${cohorts.length} cohorts: showing the average and the ${RECENT_COHORTS} most recent cohorts.`,
  };
}

/** Percent with 2 decimals, so hover values match the table's rounding. */
function pct(rate: number): number {
  return Math.round(rate * 10000) / 100;
}

/**
 * A cohort's curve. Incomplete periods (k > 0) are left out: their value is still rising, and
 * drawing it would show every young cohort crashing at its last point.
 */
export function cohortValues(values: readonly (number | null)[], partial: readonly boolean[], n: number, unit: ChartModel['unit']): (number | null)[] {
  const out: (number | null)[] = [];
  for (let k = 0; k < n; k++) {
    const v = values[k] ?? null;
    out.push(v === null || (k > 0 && partial[k] === true) ? null : unit === 'percent' ? pct(v) : v);
  }
  return out;
}

const Y_LABELS: Record<Metric, string> = {
  customers: 'Customers retained',
  revenue: 'Revenue',
  revenuePerCustomer: 'Revenue per cohort customer',
  cumulativePerCustomer: 'Cumulative revenue per customer',
  revenueRetention: 'Revenue retention',
};

/** The chart's data for a report and metric (the same grid the table shows). */
export function chartModel(report: ReportModel, metric: Metric): ChartModel {
  const table = report.retention;
  const n = columnCount(table);
  const grid = metricGrid(report, metric);
  const unit = grid.kind === 'rate' ? 'percent' : 'money';
  const xs = Array.from({ length: n }, (_, k) => k);
  const { shown, note } = selectChartCohorts(table.cohorts);
  const series: ChartSeries[] = shown.map((i) => ({
    label: table.cohorts[i].cohort, kind: 'cohort', values: cohortValues(grid.rows[i], table.cohorts[i].partial, n, unit),
  }));
  series.push({ label: grid.summaryLabel, kind: 'average', values: cohortValues(grid.summary, [], n, unit) });
  return { xs, columns: xs.map((k) => columnLabel(table, k)), series, unit, yLabel: Y_LABELS[report.revenue === null ? 'customers' : metric], note };
}

/** One curve per segment group (pooled retention of its customers), in percent. */
export function segmentChartModel(report: ReportModel, segments: SegmentReport): ChartModel {
  const n = segmentWidth(segments, report.retention);
  const xs = Array.from({ length: n }, (_, k) => k);
  return {
    xs,
    columns: xs.map((k) => columnLabel(report.retention, k)),
    series: segments.groups.map((g) => ({ label: g.value, kind: 'segment', values: cohortValues(g.rates, [], n, 'percent') })),
    unit: 'percent',
    yLabel: 'Customers retained',
    note: null,
  };
}

/**
 * A CSS colour with its alpha multiplied by `alpha` (canvas needs a concrete colour, and theme
 * colours arrive as #rgb, #rrggbb, #rrggbbaa or rgb()/rgba()). Anything else is returned as is.
 */
export function withAlpha(color: string, alpha: number): string {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c);
  if (hex) {
    let h = hex[1];
    if (h.length <= 4) h = [...h].map((ch) => ch + ch).join('');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
    const a = h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1;
    return `rgba(${r}, ${g}, ${b}, ${round3(a * alpha)})`;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(c);
  if (rgb) {
    const a0 = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${round3(a0 * alpha)})`;
  }
  return c;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Alpha of cohort line i of n: older cohorts fainter (0.3), the newest clearer (0.75). */
export function cohortAlpha(i: number, n: number): number {
  return n <= 1 ? 0.75 : round3(0.3 + (0.45 * i) / (n - 1));
}

/** The x axis title: "Months since the cohort month" (brackets: "… (brackets)"). */
export function xAxisLabel(table: RetentionTable): string {
  const w = periodWords(table.period);
  const many = w.many.charAt(0).toUpperCase() + w.many.slice(1);
  return `${many} since the cohort ${w.one}${table.mode === 'bracket' ? ' (brackets)' : ''}`;
}

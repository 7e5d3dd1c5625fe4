// What each cell of the cohort heatmap shows, as plain data, so the rules can be tested in Node
// and render/cohortTable.ts only turns them into elements.
import type { CellDisplay, Metric } from '../shared/protocol';
import type { CohortRow, ReportModel, RetentionTable } from '../shared/report';
import { formatInteger, formatMoney, formatPercent1 } from './format';
import { heatClass } from './heat';
import { formatMetricCell, metricGrid, type MetricGrid } from './metricModel';

/** One heatmap cell: its text, tooltip and classes (always "cell", plus absent / partial / heat-n). */
export interface CellView {
  column: number;
  text: string;
  title: string | null;
  classes: string[];
}

/** The number of columns: the headers, or the longest row when a report has none. */
export function columnCount(table: RetentionTable): number {
  return Math.max(table.columns.length, table.average.rates.length, ...table.cohorts.map((c) => Math.max(c.rates.length, c.counts.length)));
}

/** Header of column j (from the report; "#j" if the report is short of headers). */
export function columnLabel(table: RetentionTable, j: number): string {
  return table.columns[j] ?? `#${j}`;
}

/** Context for a row's cells. `dataEnd` is the human last covered date, for partial-cell tooltips. */
export interface CellContext {
  report: ReportModel;
  metric: Metric;
  display: CellDisplay;
  dataEnd: string | null;
}

/** The interval in words: (0.314, 0.399) → "95% CI 31.4–39.9%". */
export function ciText(lower: number | null | undefined, upper: number | null | undefined): string | null {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return null;
  return `95% CI ${formatPercent1(lower).slice(0, -1)}–${formatPercent1(upper)}`;
}

/** What a rate at column j was divided by: the cohort size, or the previous column's count. */
export function rateBase(table: RetentionTable, row: CohortRow, j: number): number | null {
  if (table.definition.rateBase === 'previous' && j > 0) return row.counts[j - 1] ?? null;
  return row.size;
}

/** Heat step of a value: rates directly, money relative to the largest value in the grid. */
function heatFor(grid: MetricGrid, value: number, maxMoney: number): string | null {
  if (grid.kind === 'rate') return heatClass(value);
  return heatClass(maxMoney > 0 ? Math.max(0, value) / maxMoney : 0);
}

/** Largest value of the grid (0 at least); a loop, since a spread of a million cells overflows the stack. */
function maxOf(grid: MetricGrid): number {
  let max = 0;
  for (const row of grid.rows) for (const v of row) if (v !== null && v > max) max = v;
  return max;
}

/** What every row's cells share, computed once per table rather than once per row. */
export interface PreparedGrid {
  grid: MetricGrid;
  maxMoney: number;              // the largest value, for money heat steps
  columns: number;               // columnCount of the table
}

/** The metric grid of the context and its maximum, for cohortCells. */
export function prepareGrid(ctx: CellContext): PreparedGrid {
  const grid = metricGrid(ctx.report, ctx.metric);
  return { grid, maxMoney: maxOf(grid), columns: columnCount(ctx.report.retention) };
}

function customersTitle(table: RetentionTable, row: CohortRow, j: number): string {
  const count = row.counts[j] ?? 0;
  const base = rateBase(table, row, j);
  const ci = ciText(row.lower[j], row.upper[j]);
  return `${row.cohort} · ${columnLabel(table, j)}: ${formatInteger(count)} of ${formatInteger(base)} = ${formatPercent1(row.rates[j] ?? null)}${ci ? ` (${ci})` : ''}`;
}

const MONEY_WORDS: Record<Exclude<Metric, 'customers' | 'revenueRetention'>, string> = {
  revenue: 'revenue',
  revenuePerCustomer: 'revenue per cohort customer',
  cumulativePerCustomer: 'cumulative revenue per customer',
};

function revenueTitle(metric: Metric, label: string, value: number): string {
  if (metric === 'revenueRetention') return `${label}: ${formatPercent1(value)} of the first column's revenue`;
  return `${label}: ${formatMoney(value)} ${MONEY_WORDS[metric as keyof typeof MONEY_WORDS]}`;
}

/**
 * The cells of cohort row i, padded with absent cells up to columnCount; only columns [from, to)
 * when given (a windowed table renders the columns in view).
 */
export function cohortCells(i: number, ctx: CellContext, prepared: PreparedGrid = prepareGrid(ctx), from = 0, to = prepared.columns): CellView[] {
  const table = ctx.report.retention;
  const row = table.cohorts[i];
  const { grid, maxMoney } = prepared;
  const cells: CellView[] = [];
  for (let j = from; j < to; j++) {
    const value = grid.rows[i][j] ?? null;
    if (value === null || (row.counts[j] ?? null) === null) {
      cells.push({ column: j, text: '', title: null, classes: ['cell', 'absent'] });
      continue;
    }
    const partial = row.partial[j] === true;
    const heat = heatFor(grid, value, maxMoney);
    const customers = ctx.metric === 'customers';
    const lines = [customers ? customersTitle(table, row, j) : revenueTitle(ctx.metric, `${row.cohort} · ${columnLabel(table, j)}`, value)];
    if (partial) lines.push(partialNote(ctx.dataEnd));
    cells.push({
      column: j,
      text: customers && ctx.display === 'count' ? formatInteger(row.counts[j] ?? null) : formatMetricCell(grid.kind, value),
      title: lines.join('\n'),
      classes: ['cell', ...(heat ? [heat] : []), ...(partial ? ['partial'] : [])],
    });
  }
  return cells;
}

/** Tooltip line of a partial cell. */
export function partialNote(dataEnd: string | null): string {
  return dataEnd ? `Period not complete: data ends ${dataEnd}` : 'Period not complete';
}

/** Classes of a cohort's row: "small" when the cohort is below the small-cohort size. */
export function rowClasses(row: CohortRow): string[] {
  return row.small ? ['small'] : [];
}

/** Tooltip of a cohort's header cell. */
export function cohortTitle(row: CohortRow, table: RetentionTable): string {
  return row.small ? `${row.cohort}: small cohort (fewer than ${formatInteger(table.definition.smallCohort)} customers), rates are uncertain` : row.cohort;
}

function averageTitle(table: RetentionTable, j: number, label: string): string {
  const avg = table.average;
  const rate = avg.rates[j] ?? null;
  const ci = ciText(avg.lower[j], avg.upper[j]);
  const head = `${label} · ${columnLabel(table, j)}: ${formatPercent1(rate)}`;
  const pooled = `${formatInteger(avg.counts[j] ?? null)} of ${formatInteger(avg.sizes[j] ?? null)} customers in the cohorts whose period is complete`;
  if (avg.method === 'pooled') return `${head}${ci ? ` (${ci})` : ''}\n${pooled}`;
  const how = avg.method === 'simple' ? 'Mean of the complete cohorts\' rates' : 'Averaged the way Mixpanel does (see Explain)';
  return `${head}\n${how}${ci ? `\nPooled: ${pooled} (${ci})` : ''}`;
}

/**
 * The summary row's cells (average, or total for absolute revenue). Always the metric's own
 * format (also in count mode: a sum of counts over a varying set of cohorts is not a number anyone reads).
 */
export function summaryCells(ctx: CellContext, prepared: PreparedGrid = prepareGrid(ctx), from = 0, to = prepared.columns): CellView[] {
  const table = ctx.report.retention;
  const { grid } = prepared;
  const maxMoney = Math.max(prepared.maxMoney, maxOf({ ...grid, rows: [grid.summary] }));
  const cells: CellView[] = [];
  for (let j = from; j < to; j++) {
    const value = grid.summary[j] ?? null;
    if (value === null) {
      cells.push({ column: j, text: '', title: null, classes: ['cell', 'absent'] });
      continue;
    }
    const title = ctx.metric === 'customers' ? averageTitle(table, j, grid.summaryLabel) : revenueTitle(ctx.metric, `${grid.summaryLabel} · ${columnLabel(table, j)}`, value);
    const heat = heatFor(grid, value, maxMoney);
    cells.push({ column: j, text: formatMetricCell(grid.kind, value), title, classes: ['cell', ...(heat ? [heat] : [])] });
  }
  return cells;
}

/** The "Number at risk" row: customers in cohorts whose cell is present, per column. */
export function atRiskCells(table: RetentionTable, from = 0, to = columnCount(table)): CellView[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => {
    const j = from + k;
    const n = table.atRisk[j] ?? null;
    return n === null
      ? { column: j, text: '', title: null, classes: ['cell', 'at-risk', 'absent'] }
      : { column: j, text: formatInteger(n), title: `${formatInteger(n)} customers in cohorts old enough for column ${columnLabel(table, j)}`, classes: ['cell', 'at-risk'] };
  });
}

/** Whether any cell is partial (then the table explains the marker). */
export function hasPartialCells(table: RetentionTable): boolean {
  return table.cohorts.some((c) => c.partial.some((p, k) => p && c.counts[k] !== null && c.counts[k] !== undefined));
}

/** Whether any cohort is small (then the table explains the grey rows). */
export function hasSmallCohorts(table: RetentionTable): boolean {
  return table.cohorts.some((c) => c.small);
}

// The retention table as rows of text, and those rows as CSV or Markdown: one implementation for
// the panel's Export menu and the CLI's --csv / --markdown. Pure, no Node builtins (the webview
// bundles it).
import type { Metric, CellDisplay } from './protocol';
import type { ReportModel } from './report';

/** Numbers this module writes itself (-12.50, 33.3%): left alone so spreadsheets read them as numbers. */
const GENERATED_NUMBER = /^-?\d+(\.\d+)?%?$/;

/** First characters a spreadsheet reads as the start of a formula (or that hide one after them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with
 * = + - @, tab or CR gets a leading apostrophe so Excel, LibreOffice and Sheets show it as text.
 * Plain numbers are exempt so negative revenues stay numbers; '-3.00*' (a partial cell) is not a
 * plain number and is quoted, which is what a spreadsheet would need anyway.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !GENERATED_NUMBER.test(text) ? `'${text}` : text;
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;
const money = (value: number): string => value.toFixed(2);
const count = (n: number): string => String(n);

/** One series of cells (a cohort's or the average's) plus how to write a value. */
interface Series {
  values: (number | null)[];
  format: (value: number) => string;
}

function cells(series: Series, width: number, partial: boolean[] = []): string[] {
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    const v = series.values[j];
    out.push(v === null || v === undefined ? '' : series.format(v) + (partial[j] ? '*' : ''));
  }
  return out;
}

/** The cohort series and average series of a metric (empty when the report has no revenue). */
function seriesOf(report: ReportModel, metric: Metric, display: CellDisplay): { cohorts: Series[]; average: Series } {
  const r = report.retention;
  const none: Series = { values: [], format: count };
  if (metric === 'customers') {
    if (display === 'count') return { cohorts: r.cohorts.map((c) => ({ values: c.counts, format: count })), average: { values: r.average.counts, format: count } };
    return { cohorts: r.cohorts.map((c) => ({ values: c.rates, format: percent })), average: { values: r.average.rates, format: percent } };
  }
  const rev = report.revenue;
  if (!rev) return { cohorts: r.cohorts.map(() => none), average: none };
  const format = metric === 'revenueRetention' ? percent : money;
  // The report has no average of total revenue (cohorts differ in size), so that row stays empty.
  const average = metric === 'revenue' ? none : { values: rev.average[metric], format };
  return { cohorts: r.cohorts.map((_, i) => ({ values: rev.cohorts[i]?.[metric] ?? [], format })), average };
}

/**
 * The table as text rows: a header (Cohort, Customers, the column labels), one row per cohort,
 * the average row named after its method ("Average (pooled)") and the "Number at risk" row.
 * Absent cells are empty; partial cells end in '*'. Customers shows counts or percentages (one
 * decimal) per display; revenue metrics show money with 2 decimals and revenue retention as %.
 */
export function tableRows(report: ReportModel, metric: Metric, display: CellDisplay): string[][] {
  const r = report.retention;
  const width = r.columns.length;
  const { cohorts, average } = seriesOf(report, metric, display);
  const totalSize = r.cohorts.reduce((s, c) => s + c.size, 0);
  return [
    ['Cohort', 'Customers', ...r.columns],
    ...r.cohorts.map((c, i) => [c.cohort, count(c.size), ...cells(cohorts[i], width, c.partial)]),
    [`Average (${r.average.method})`, count(totalSize), ...cells(average, width)],
    ['Number at risk', '', ...cells({ values: r.atRisk, format: count }, width)],
  ];
}

/** RFC 4180: a cell with a quote, comma, CR or LF is quoted, with inner quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 CSV with CRLF line ends; every cell neutralised against formula injection. */
export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => csvField(neutraliseCell(cell))).join(',') + '\r\n').join('');
}

/** A Markdown table cell: backslash first (so an escaped pipe stays escaped), then pipes, then line breaks. */
function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n?|\n/g, ' ');
}

/**
 * Rows as a GitHub-flavoured Markdown table (first row = header; the first column left-aligned,
 * the numbers right-aligned). Not neutralised: Markdown is read, not evaluated.
 */
export function toMarkdown(rows: string[][]): string {
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (row: string[]): string => `| ${Array.from({ length: width }, (_, j) => markdownCell(row[j] ?? '')).join(' | ')} |\n`;
  const rule = `|${Array.from({ length: width }, (_, j) => (j === 0 ? ' --- ' : ' ---: ')).join('|')}|\n`;
  return line(rows[0]) + rule + rows.slice(1).map(line).join('');
}

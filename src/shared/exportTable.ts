// The retention table as rows of text, and those rows as CSV or Markdown: one implementation for
// the panel's Export menu and the CLI's --csv / --markdown. Pure, no Node builtins (the webview
// bundles it).
import { averageLabel } from './options';
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

/** Σ of the present values per column (the summary row of absolute revenue), to the cent. */
export function columnTotals(rows: (number | null)[][], n: number): (number | null)[] {
  return Array.from({ length: n }, (_, k) => {
    const present = rows.map((r) => r[k] ?? null).filter((v): v is number => v !== null);
    return present.length === 0 ? null : Math.round(present.reduce((a, v) => a + v, 0) * 100) / 100;
  });
}

/**
 * The cohort series and the summary row of a metric, as the panel shows them: the retention
 * average named after its method; for revenue the column totals; for the per-customer revenue
 * metrics the pooled average (the only one the report has).
 */
function seriesOf(report: ReportModel, metric: Metric, display: CellDisplay): { cohorts: Series[]; summary: Series; label: string } {
  const r = report.retention;
  const none: Series = { values: [], format: count };
  const label = averageLabel(r.average.method);
  if (metric === 'customers') {
    if (display === 'count') return { cohorts: r.cohorts.map((c) => ({ values: c.counts, format: count })), summary: { values: r.average.counts, format: count }, label };
    return { cohorts: r.cohorts.map((c) => ({ values: c.rates, format: percent })), summary: { values: r.average.rates, format: percent }, label };
  }
  const rev = report.revenue;
  if (!rev) return { cohorts: r.cohorts.map(() => none), summary: none, label };
  const format = metric === 'revenueRetention' ? percent : money;
  const byCohort = new Map(rev.cohorts.map((row) => [row.cohort, row]));
  const cohorts = r.cohorts.map((c) => ({ values: byCohort.get(c.cohort)?.[metric] ?? [], format }));
  if (metric === 'revenue') return { cohorts, summary: { values: columnTotals(cohorts.map((c) => c.values), r.columns.length), format }, label: 'Total' };
  return { cohorts, summary: { values: rev.average[metric], format }, label: 'Average (pooled)' };
}

/**
 * The table as text rows: a header (Cohort, Customers, the column labels), one row per cohort,
 * the summary row as the panel names it ("Average (pooled)", "Total" for revenue) and the "Number at risk" row.
 * Absent cells are empty; partial cells end in '*'. Customers shows counts or percentages (one
 * decimal) per display; revenue metrics show money with 2 decimals and revenue retention as %.
 */
export function tableRows(report: ReportModel, metric: Metric, display: CellDisplay): string[][] {
  const r = report.retention;
  const width = r.columns.length;
  const { cohorts, summary, label } = seriesOf(report, metric, display);
  const totalSize = r.cohorts.reduce((s, c) => s + c.size, 0);
  return [
    ['Cohort', 'Customers', ...r.columns],
    ...r.cohorts.map((c, i) => [c.cohort, count(c.size), ...cells(cohorts[i], width, c.partial)]),
    [label, count(totalSize), ...cells(summary, width)],
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

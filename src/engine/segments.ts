// Segment comparison (DESIGN.md §4, segments; issue 3, Segments): one retention curve per value
// of a categorical column (each customer's value on their first row), the top N values by
// cohort customers plus "Other", a χ² test of independence between segment and "retained" at
// every offset, and a computed plain-language verdict (judged on Holm-adjusted p-values, since
// one test per column is a family of tests).
//
// Each group's curve is the pooled average row of the table restricted to its customers,
// whatever average the main table shows: the report contract defines segment curves as pooled,
// the Wilson band beside them is the pooled proportion's, and the χ² test runs on the same
// pooled counts, so the curve, its band, the test and the verdict all describe one number.
import type { Dataset, SegmentColumn } from '../shared/dataset';
import type { ResolvedOptions } from '../shared/options';
import type { RetentionTable, SegmentGroup, SegmentReport, SegmentTest } from '../shared/report';
import { curveShape } from './curveShape';
import { customerActivity } from './activity';
import { makeLayout } from './grid';
import { eventCodes } from './qualifying';
import { memoIn } from './memo';
import { retentionTable, tableOfGrid } from './retention';
import { calendarGroupGrids, fitsCalendarGrid } from './calendarGrid';
import { chiSquareIndependence, holmAdjust } from './stats';

/** Label of the group that pools every value beyond the top N. */
export const OTHER_LABEL = 'Other';

/** Significance level of the verdict. */
const ALPHA = 0.05;

/** Which group each value code goes to, and the groups' labels and customer counts. */
interface GroupPlan {
  groupOf: Int32Array;           // value code → group index, −1 for values with no cohort customer
  labels: string[];
  customers: number[];
}

/** Per-segment curves, χ² tests and verdict; null when no segment is chosen or the Dataset has no such column. */
export function segmentReport(ds: Dataset, options: ResolvedOptions): SegmentReport | null {
  if (options.segment === null) return null;
  const col = ds.segments.find((s) => s.column === options.segment);
  if (!col) return null;
  return memoIn(ds, 'segments', 4, JSON.stringify(options), () => compareSegments(ds, col, options));
}

function compareSegments(ds: Dataset, col: SegmentColumn, options: ResolvedOptions): SegmentReport {
  const plan = groupPlan(col, customersPerValue(ds, col, options), options.segmentTopN);
  const tables = groupTables(ds, col, plan, { ...options, average: 'pooled' });
  const groups = tables.map((t, g): SegmentGroup => ({
    value: plan.labels[g],
    customers: plan.customers[g],
    rates: t.average.rates,
    lower: t.average.lower,
    upper: t.average.upper,
    shape: curveShape(t.average.rates),
  }));
  const tests = segmentTests(tables);
  return { column: col.column, groups, tests, verdict: verdictOf(col.column, plan.labels, tables, tests) };
}

/**
 * Each group's retention table: the table restricted to the group's customers. Calendar tables
 * counted from compact activity count every group in one pass (calendarGroupGrids).
 */
function groupTables(ds: Dataset, col: SegmentColumn, plan: GroupPlan, pooled: ResolvedOptions): RetentionTable[] {
  const codes = eventCodes(ds, pooled);
  if (codes !== null && fitsCalendarGrid(pooled, codes)) {
    const groupOf = new Int32Array(col.customerValue.length);
    for (let u = 0; u < groupOf.length; u++) groupOf[u] = plan.groupOf[col.customerValue[u]];
    return calendarGroupGrids(ds, pooled, codes, groupOf, plan.labels.length).map((grid) => tableOfGrid(grid, pooled));
  }
  const mask = new Uint8Array(ds.customerIds.length);
  return plan.labels.map((_, g) => {
    for (let u = 0; u < mask.length; u++) mask[u] = plan.groupOf[col.customerValue[u]] === g ? 1 : 0;
    return retentionTable(ds, pooled, { customers: mask });
  });
}

/**
 * Cohort customers per value code: customers with at least one cohort entry under the options
 * (those the retention table counts), so a customer whose rows are all returns, or who never
 * fires the cohort event, does not inflate their segment.
 */
function customersPerValue(ds: Dataset, col: SegmentColumn, options: ResolvedOptions): Int32Array {
  const counts = new Int32Array(col.values.length);
  const start = entryStarts(ds, options);
  if (!start) return counts;
  for (let u = 0; u < col.customerValue.length; u++) {
    if (start[u] < start[u + 1]) counts[col.customerValue[u]]++;
  }
  return counts;
}

/**
 * Where each customer's cohort entries start (CSR; none when start[u] === start[u+1]); null for
 * an empty table. Without a cohort event or minimum occurrences, whoever purchased has an entry,
 * which the purchases grouped per Dataset already say without building the entries.
 */
function entryStarts(ds: Dataset, options: ResolvedOptions): Uint32Array | null {
  const codes = eventCodes(ds, options);
  if (codes !== null && codes.cohortCode < 0 && (options.cohorts === 'first' || options.minOccurrences <= 1)) return customerActivity(ds).start;
  return makeLayout(ds, options)?.entries.start ?? null;
}

/** The top N values by customers (ties: by value text, then code), then "Other" when more values have customers. */
function groupPlan(col: SegmentColumn, counts: Int32Array, topN: number): GroupPlan {
  const codes = Array.from(counts.keys()).filter((c) => counts[c] > 0);
  codes.sort((a, b) => counts[b] - counts[a] || compareText(col.values[a], col.values[b]) || a - b);
  const n = Math.max(1, Math.floor(topN) || 1);
  const groupOf = new Int32Array(col.values.length).fill(-1);
  const labels: string[] = [];
  const customers: number[] = [];
  codes.forEach((code, i) => {
    const g = Math.min(i, n);
    if (g === labels.length) {
      labels.push(i < n ? col.values[code] : OTHER_LABEL);
      customers.push(0);
    }
    groupOf[code] = g;
    customers[g] += counts[code];
  });
  return { groupOf, labels, customers };
}

/** A χ² test at every column j ≥ 1 where every group has a complete cell and the table is not degenerate (df > 0). */
function segmentTests(tables: RetentionTable[]): SegmentTest[] {
  if (tables.length < 2) return [];
  const width = Math.min(...tables.map((t) => t.average.counts.length));
  const tests: SegmentTest[] = [];
  for (let j = 1; j < width; j++) {
    const table: number[][] = [];
    for (const t of tables) {
      const retained = t.average.counts[j];
      const base = t.average.sizes[j];
      if (retained === null || base === null) break;
      table.push([retained, base - retained]);
    }
    if (table.length < tables.length) continue;
    const { chiSquare, df, p } = chiSquareIndependence(table);
    if (df > 0) tests.push({ column: j, chiSquare, df, p });
  }
  return tests;
}

/**
 * The plain-language verdict. Columns are judged on Holm-adjusted p-values (stats.ts holmAdjust):
 * the first column significant after adjustment names its best and worst groups; otherwise the
 * smallest adjusted p is quoted. The sentence quotes the adjusted p it decided on.
 */
function verdictOf(column: string, labels: string[], tables: RetentionTable[], tests: SegmentTest[]): string {
  if (labels.length === 0) return `No cohort customers have a ${column} value to compare.`;
  if (labels.length === 1) return `Every cohort customer has the same ${column} value (${shown(labels[0])}); nothing to compare.`;
  if (tests.length === 0) return `No offset after the first has complete data for every ${column} value, so no test was run.`;
  const columns = tables[0].columns;
  const adjusted = holmAdjust(tests.map((t) => t.p));
  const holm = tests.length > 1 ? ` after Holm adjustment for ${tests.length} offsets` : '';
  const hit = adjusted.findIndex((p) => p < ALPHA);
  if (hit < 0) {
    const least = adjusted.reduce((a, p, i) => (p < adjusted[a] ? i : a), 0);
    return `No significant difference between ${column} values at any offset ` +
      `(smallest ${pValue(adjusted[least])} at ${columns[tests[least].column]}${holm ? `,${holm}` : ''}).`;
  }
  const j = tests[hit].column;
  const counts = tables.map((t) => t.average.counts[j]!);
  const sizes = tables.map((t) => t.average.sizes[j]!);
  const rate = (g: number): number => counts[g] / sizes[g];
  const order = labels.map((_, g) => g).filter((g) => sizes[g] > 0);
  const best = order.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const worst = order.reduce((a, b) => (rate(b) < rate(a) ? b : a));
  const bases = `${thousands(sizes[best])} and ${thousands(sizes[worst])} customers`;
  const test = labels.length > 2 ? `χ² test across ${labels.length} groups; ${bases}` : `χ² test on ${bases}`;
  return `${shown(labels[best])} retains better than ${shown(labels[worst])} at ${columns[j]}: ` +
    `${percent(rate(best))} vs ${percent(rate(worst))} (${pValue(adjusted[hit])}${holm}, ${test}).`;
}

/** "p = 0.004" (3 decimals below 0.1, 2 above) or "p < 0.001": the precision a reader can act on. */
export function pValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** 1204 → '1,204', independent of the host's locale. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A blank value reads as "(blank)" in a sentence. */
function shown(value: string): string {
  return value === '' ? '(blank)' : value;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

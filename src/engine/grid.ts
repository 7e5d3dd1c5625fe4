// The count grid behind every table of the lab: which cohorts (rows) and columns a definition
// gives, and how many members of each cohort count in each cell. retentionTable, revenueTable,
// cellMembers and explainOptions all start here, so they agree on cohorts, columns and counts.
import { memoIn } from './memo';
import type { Dataset } from '../shared/dataset';
import type { OffsetRange, ResolvedOptions } from '../shared/options';
import { rowGroups, type RowGroups } from './groups';
import { cohortEntries, eventCodes, type Entries, type EventCodes } from './qualifying';
import { Scanner, type ScanPlan } from './scanner';
import { calendarGrid, fitsCalendarGrid, recurringHeadGrid } from './calendarGrid';
import { fitsRollingGrid, rollingGrid } from './rollingGrid';
import { bracketLookup, cellStates, type Grid, type Scope } from './gridCells';
import { ROLLING_MS, coverageOf, normalizeBrackets, offsetWidth, periodOfTime, type CoverageOf } from './windows';

export { cellStates, type Grid, type Scope } from './gridCells';

/** Rows, columns and the scanning plan of one table. */
export interface Layout {
  options: ResolvedOptions;
  codes: EventCodes;
  groups: RowGroups;
  entries: Entries;
  plan: ScanPlan;
  ranges: OffsetRange[];          // offsets each column spans ([k, k], or a bracket)
  cohorts: number[];              // calendar period of each row, ascending (cohorts with members in scope)
  rowOf: Int32Array;              // period − firstCohort → row, −1 when that period has no row
  firstCohort: number;
  coverage: CoverageOf;
  scope: Uint8Array | null;
}

/** The layout for a Dataset and options; null when the table is empty (no activity, unknown event name). */
export function makeLayout(ds: Dataset, options: ResolvedOptions, scope?: Scope): Layout | null {
  const codes = eventCodes(ds, options);
  const groups = rowGroups(ds);
  if (codes === null || groups.time.length === 0) return null;
  const entries = cohortEntries(ds, options, codes.cohortCode);
  if (Number.isNaN(entries.firstCohort)) return null;
  const o = options;
  const width = offsetWidth(o, entries.firstCohort, groups.lastTime);
  const ranges = o.mode === 'bracket' ? normalizeBrackets(o.brackets, width) : Array.from({ length: width }, (_, k) => ({ from: k, to: k }));
  const periodOf = periodOfTime(o.period, o.weekStart, groups.firstTime, groups.lastTime);
  const first = periodOf(groups.firstTime);
  const rolling = o.window === 'rolling';
  const plan: ScanPlan = {
    mode: o.mode, rolling, windowMs: ROLLING_MS[o.period], periodOf, first,
    slots: rolling ? width : periodOf(groups.lastTime) - first + 1,
    width, columns: ranges.length, bracketOf: o.mode === 'bracket' ? bracketLookup(ranges) : null,
    returnCode: codes.returnCode, minOccurrences: Math.max(1, Math.floor(o.minOccurrences) || 1),
  };
  const scoped = scope?.customers ?? null;
  const { cohorts, rowOf } = cohortRows(entries, periodOf(groups.lastTime) - entries.firstCohort + 1, scoped);
  return { options: o, codes, groups, entries, plan, ranges, cohorts, rowOf, firstCohort: entries.firstCohort, coverage: coverageOf(ds.dataEnd, o), scope: scoped };
}

/** The cohort periods with at least one entry in scope, and each period's row. */
function cohortRows(entries: Entries, periods: number, scope: Uint8Array | null): { cohorts: number[]; rowOf: Int32Array } {
  const rowOf = new Int32Array(Math.max(periods, 0)).fill(-1);
  const customers = entries.start.length - 1;
  for (let u = 0; u < customers; u++) {
    if (scope && scope[u] !== 1) continue;
    for (let e = entries.start[u]; e < entries.start[u + 1]; e++) rowOf[entries.period[e] - entries.firstCohort] = 0;
  }
  const cohorts: number[] = [];
  for (let i = 0; i < rowOf.length; i++) {
    if (rowOf[i] < 0) continue;
    rowOf[i] = cohorts.length;
    cohorts.push(entries.firstCohort + i);
  }
  return { cohorts, rowOf };
}

/**
 * Calls `visit(u, row, scanner)` for every cohort entry in scope, right after the scanner has
 * listed the entry's columns (scanner.list / scanner.prefix). `only` restricts to one row.
 */
export function forEachEntry(layout: Layout, visit: (u: number, row: number, scanner: Scanner) => void, only = -1): void {
  const { entries, plan, rowOf, firstCohort, scope } = layout;
  const scanner = new Scanner(layout.groups, plan);
  const customers = entries.start.length - 1;
  for (let u = 0; u < customers; u++) {
    const e0 = entries.start[u];
    const e1 = entries.start[u + 1];
    if (e0 === e1 || (scope && scope[u] !== 1) || (only >= 0 && !hasEntryIn(layout, e0, e1, only))) continue;
    if (!plan.rolling) scanner.mark(u, 0);
    for (let e = e0; e < e1; e++) {
      const row = rowOf[entries.period[e] - firstCohort];
      if (only >= 0 && row !== only) continue;
      if (plan.rolling) scanner.mark(u, entries.origin[e]);
      scanner.hits(plan.rolling ? 0 : entries.period[e] - plan.first);
      visit(u, row, scanner);
    }
  }
}

function hasEntryIn(layout: Layout, e0: number, e1: number, row: number): boolean {
  for (let e = e0; e < e1; e++) if (layout.rowOf[layout.entries.period[e] - layout.firstCohort] === row) return true;
  return false;
}

/** Count grids kept per Dataset: explain reads up to seven per analysis, and they are small (cohorts × columns). */
const GRIDS_KEPT = 32;

/**
 * countGrid of the whole file, remembered per Dataset: the table and explain's alternatives repeat
 * from one control change to the next (switching the mode back and forth, or changing only the
 * average, the rate base or the small-cohort size, none of which this file reads).
 */
export function rememberedGrid(ds: Dataset, o: ResolvedOptions): Grid | null {
  return memoIn(ds, 'grid', GRIDS_KEPT, gridKey(o), () => countGrid(ds, o));
}

/** The options a count grid reads. */
function gridKey(o: ResolvedOptions): string {
  return JSON.stringify([o.period, o.weekStart, o.mode, o.brackets, o.window, o.cohorts, o.minOccurrences, o.cohortEvent, o.returnEvent]);
}

/**
 * A grid whose counts are exact in the columns below `columns` only (the rest may be 0): for
 * a reader that looks at the first columns and needs no more, as explain's comparisons nearly
 * always do. Classic tables counted from compact activity count just those columns (a recurring
 * table's cost otherwise grows with the square of each customer's periods); every other table
 * is the full remembered grid.
 */
export function headGrid(ds: Dataset, o: ResolvedOptions, columns: number): Grid | null {
  const codes = eventCodes(ds, o);
  if (codes === null || o.mode !== 'classic') return rememberedGrid(ds, o);
  const calendar = fitsCalendarGrid(o, codes);
  if (!calendar && !fitsRollingGrid(o, codes)) return rememberedGrid(ds, o);
  // A recurring table's first two columns are per-period counts (calendarGrid.ts recurringHeadGrid).
  const count = !calendar ? () => rollingGrid(ds, o, codes, undefined, columns)
    : o.cohorts === 'recurring' && columns <= 2 ? () => recurringHeadGrid(ds, o, codes, columns)
      : () => calendarGrid(ds, o, codes, undefined, columns);
  return memoIn(ds, 'grid', GRIDS_KEPT, `first ${columns} columns ${gridKey(o)}`, count);
}

/**
 * Counts every cell of the table; null when the table is empty. Definitions without event
 * filters or minimum occurrences on calendar periods, or rolling windows from first-time
 * cohorts, are counted from compact per-customer activity (calendarGrid.ts, rollingGrid.ts); the
 * rest by scanning the rows.
 */
export function countGrid(ds: Dataset, options: ResolvedOptions, scope?: Scope): Grid | null {
  const codes = eventCodes(ds, options);
  if (codes !== null && fitsCalendarGrid(options, codes)) return calendarGrid(ds, options, codes, scope);
  if (codes !== null && fitsRollingGrid(options, codes)) return rollingGrid(ds, options, codes, scope);
  return scanGrid(ds, options, scope);
}

/** countGrid by scanning each customer's rows (the Scanner): every definition (exported so tests can hold the compact paths to it). */
export function scanGrid(ds: Dataset, options: ResolvedOptions, scope?: Scope): Grid | null {
  const layout = makeLayout(ds, options, scope);
  if (!layout) return null;
  const W = layout.ranges.length;
  const rows = layout.cohorts.length;
  const sizes = new Int32Array(rows);
  const counts = new Int32Array(rows * W);
  // Nested modes add 1 to a prefix of the row: a difference array makes that O(1) per entry.
  const diff = new Int32Array(rows * (W + 1));
  const prefixMode = options.mode === 'unbounded' || options.mode === 'streak';
  forEachEntry(layout, (_u, row, scanner) => {
    sizes[row]++;
    if (prefixMode) {
      diff[row * (W + 1)]++;
      diff[row * (W + 1) + scanner.prefix]--;
      return;
    }
    const base = row * W;
    for (let i = 0, n = scanner.length; i < n; i++) counts[base + scanner.list[i]]++;
  });
  if (prefixMode) prefixSums(diff, counts, rows, W);
  const { codes, ranges, cohorts } = layout;
  return { options, codes, ranges, cohorts, minOccurrences: layout.plan.minOccurrences, sizes, counts, state: cellStates(layout) };
}

function prefixSums(diff: Int32Array, counts: Int32Array, rows: number, W: number): void {
  for (let row = 0; row < rows; row++) {
    let run = 0;
    for (let j = 0; j < W; j++) counts[row * W + j] = run += diff[row * (W + 1) + j];
  }
}

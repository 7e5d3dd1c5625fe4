// Revenue cells of calendar periods for first-time cohorts without a cohort event (the default
// table and every mode of it), from facts remembered per Dataset: each row's civil day (once)
// and each customer's first purchase period (periodActivity.ts). A period change then costs one
// pass over plain arrays with a day → period table, where the row scan calls the calendar per
// row. The rows are still added in file order, so every cell is the very sum revenue.ts makes.
import type { Dataset } from '../shared/dataset';
import type { OffsetRange, ResolvedOptions } from '../shared/options';
import { customerActivity } from './activity';
import { bracketLookup } from './gridCells';
import { perDataset } from './memo';
import { dayToPeriod } from './periods';
import { periodActivity } from './periodActivity';
import type { EventCodes } from './qualifying';
import { MS_PER_DAY } from './civil';
import { normalizeBrackets, offsetWidth } from './windows';

/** The cells of a revenue table: rows (cohort periods with members), columns, members and Σ amount per cell. */
export interface RevenueCells {
  cohorts: number[];
  ranges: OffsetRange[];
  sizes: Int32Array;
  sums: Float64Array;             // row-major, unrounded
}

/** Whether calendarRevenue computes this definition: calendar periods, first-time cohorts, no cohort event. */
export function fitsCalendarRevenue(o: ResolvedOptions, codes: EventCodes | null): boolean {
  return codes !== null && codes.cohortCode < 0 && o.window === 'calendar' && o.cohorts === 'first';
}

/** Row marker: the row's customer has no purchase (only returns or zero lines), so no cohort. */
const NONE = -2147483648;

/** Days tabulated at most; a file spanning more (a stray far-future date) takes the row scan. */
const MAX_TABLE_DAYS = 1 << 20;

/** Revenue cells for a definition fitsCalendarRevenue accepts; null when the table is empty, undefined when the file's days are too spread to tabulate. */
export function calendarRevenue(ds: Dataset, amount: Float64Array, o: ResolvedOptions, scope: Uint8Array | null): RevenueCells | null | undefined {
  const pa = periodActivity(ds, o.period, o.weekStart);
  if (Number.isNaN(pa.first)) return null;
  const days = rowDays(ds);
  if (days.last - days.first + 1 > MAX_TABLE_DAYS) return undefined;
  const width = offsetWidth(o, pa.first, customerActivity(ds).lastTime);
  const ranges = o.mode === 'bracket' ? normalizeBrackets(o.brackets, width) : Array.from({ length: width }, (_, k) => ({ from: k, to: k }));
  const { cohorts, rowOf, sizes } = firstPeriods(pa.start, pa.period, pa.first, scope);
  const W = ranges.length;
  const toPeriod = dayToPeriod(o.period, o.weekStart);
  const lookup = o.mode === 'bracket' ? bracketLookup(ranges) : Int32Array.from({ length: W }, (_, k) => k);
  const cells: Cells = {
    periodOf: Int32Array.from({ length: days.last - days.first + 1 }, (_, i) => toPeriod(days.first + i)),
    column: lookup,
    rowStart: Int32Array.from(rowOf, (row) => row * W),
    firstCohort: pa.first,
    count: cohorts.length * W,
  };
  return { cohorts, ranges, sizes, sums: scope === null ? sumRows(ds, amount, days, cells) : sumScopedRows(ds, amount, days, cells, scope) };
}

/** Where a row's amount goes: day − first day → period, offset → column (−1: none), cohort period − firstCohort → its row's first cell. */
interface Cells {
  periodOf: Int32Array;
  column: Int32Array;
  rowStart: Int32Array;
  firstCohort: number;
  count: number;
}

/** Σ amount per cell, the rows added in file order (so every cell is the very sum revenue.ts makes). */
function sumRows(ds: Dataset, amount: Float64Array, days: RowDays, cells: Cells): Float64Array {
  const sums = new Float64Array(cells.count);
  const { periodOf, column, rowStart, firstCohort } = cells;
  const { day, firstDay, first } = days;
  const limit = column.length;
  for (let r = 0, n = ds.rowCount; r < n; r++) {
    const a = amount[r];
    const fd = firstDay[r];
    if (a === 0 || fd === NONE) continue;
    const c = periodOf[fd - first];
    const k = periodOf[day[r] - first] - c;
    if (k < 0 || k >= limit) continue;
    const j = column[k];
    if (j >= 0) sums[rowStart[c - firstCohort] + j] += a;
  }
  return sums;
}

/** sumRows for the customers in scope only (a segment's table): a loop of its own, so the whole file's reads no customer column. */
function sumScopedRows(ds: Dataset, amount: Float64Array, days: RowDays, cells: Cells, scope: Uint8Array): Float64Array {
  const sums = new Float64Array(cells.count);
  const { periodOf, column, rowStart, firstCohort } = cells;
  const { day, firstDay, first } = days;
  const { customer } = ds;
  const limit = column.length;
  for (let r = 0, n = ds.rowCount; r < n; r++) {
    const a = amount[r];
    const fd = firstDay[r];
    if (a === 0 || fd === NONE || scope[customer[r]] !== 1) continue;
    const c = periodOf[fd - first];
    const k = periodOf[day[r] - first] - c;
    if (k < 0 || k >= limit) continue;
    const j = column[k];
    if (j >= 0) sums[rowStart[c - firstCohort] + j] += a;
  }
  return sums;
}

/** The cohorts with members in scope, ascending, each period's row, and their sizes. */
function firstPeriods(start: Uint32Array, period: Int32Array, firstCohort: number, scope: Uint8Array | null): { cohorts: number[]; rowOf: Int32Array; sizes: Int32Array } {
  const slotSizes: number[] = [];
  for (let u = 0; u + 1 < start.length; u++) {
    if (start[u] === start[u + 1] || (scope !== null && scope[u] !== 1)) continue;
    const slot = period[start[u]] - firstCohort;
    slotSizes[slot] = (slotSizes[slot] ?? 0) + 1;
  }
  const rowOf = new Int32Array(slotSizes.length).fill(-1);
  const cohorts: number[] = [];
  const sizes: number[] = [];
  slotSizes.forEach((n, slot) => {
    rowOf[slot] = cohorts.length;
    cohorts.push(firstCohort + slot);
    sizes.push(n);
  });
  return { cohorts, rowOf, sizes: Int32Array.from(sizes) };
}

/** Each row's civil day and its customer's first purchase day (NONE without one), and the first and last day of any row. */
interface RowDays {
  day: Int32Array;
  firstDay: Int32Array;
  first: number;
  last: number;
}

/**
 * The civil day of every row (every row: returns count in revenue) and of its customer's first
 * purchase, computed once per Dataset so a revenue pass reads the rows in order, never a
 * customer's facts at random.
 */
export function rowDays(ds: Dataset): RowDays {
  return perDataset(ds, 'rowDays', () => {
    const firstDayOf = customerFirstDays(ds);
    const { customer, time } = ds;
    const day = new Int32Array(ds.rowCount);
    const firstDay = new Int32Array(ds.rowCount);
    let first = Infinity;
    let last = -Infinity;
    for (let r = 0; r < ds.rowCount; r++) {
      const d = Math.floor(time[r] / MS_PER_DAY);
      day[r] = d;
      firstDay[r] = firstDayOf[customer[r]];
      if (d < first) first = d;
      if (d > last) last = d;
    }
    return { day, firstDay, first, last };
  });
}

/** Customer index → civil day of their first purchase, NONE without one (one array, so a row reads one slot). */
function customerFirstDays(ds: Dataset): Int32Array {
  const { start, firstDay } = customerActivity(ds);
  const out = new Int32Array(start.length - 1);
  for (let u = 0; u < out.length; u++) out[u] = start[u] === start[u + 1] ? NONE : firstDay[u];
  return out;
}

// The count grid of rolling windows for first-time cohorts without event filters (explain's
// "rolling" alternative to the default table, and the rolling table itself). Each customer's
// distinct active windows — counted from their first purchase, L long — are listed once per
// window length (rollingActivity, one pass over the grouped purchase times, which are in time
// order), so a classic or bracket table re-counts the compact lists with OffsetTally; explain's
// first columns and streaks read only each customer's first rows, and "on or after" their last. Same cohorts, columns, counts and coverage as
// grid.ts countGrid.
import type { Dataset } from '../shared/dataset';
import type { Period, ResolvedOptions } from '../shared/options';
import { compact } from './calendarGrid';
import { bracketLookup, type Grid, type Scope } from './gridCells';
import { rowGroups } from './groups';
import { memoIn } from './memo';
import { OffsetTally } from './offsetTally';
import { periodActivity, type PeriodActivity } from './periodActivity';
import type { EventCodes } from './qualifying';
import { ROLLING_MS, coverageOf, normalizeBrackets, offsetWidth } from './windows';

/** Whether rollingGrid computes this definition: rolling windows, first-time cohorts, no event filter, minimum occurrences 1. */
export function fitsRollingGrid(o: ResolvedOptions, codes: EventCodes): boolean {
  return o.window === 'rolling' && o.cohorts === 'first' && codes.cohortCode < 0 && codes.returnCode < 0 && o.minOccurrences <= 1;
}

/**
 * countGrid for a definition fitsRollingGrid accepts; null when the table is empty.
 * `firstColumns` counts a classic table's first columns only (headGrid, grid.ts).
 */
export function rollingGrid(ds: Dataset, o: ResolvedOptions, codes: EventCodes, scope?: Scope, firstColumns = Infinity): Grid | null {
  // A customer's cohort is the period of their first purchase, listed first in their periods.
  const pa = periodActivity(ds, o.period, o.weekStart);
  if (Number.isNaN(pa.first)) return null;
  const width = offsetWidth(o, pa.first, rowGroups(ds).lastTime);
  const ranges = o.mode === 'bracket' ? normalizeBrackets(o.brackets, width) : Array.from({ length: width }, (_, k) => ({ from: k, to: k }));
  const tally = new OffsetTally(o.mode, pa.last - pa.first + 1, ranges.length, width, o.mode === 'bracket' ? bracketLookup(ranges) : null, firstColumns);
  const cohortSlot = (u: number): number => pa.period[pa.start[u]] - pa.first;
  const inScope = scope?.customers ?? null;
  const L = ROLLING_MS[o.period];
  if (o.mode === 'unbounded') tallyLastWindow(ds, L, inScope, cohortSlot, tally);
  else if (o.mode === 'classic' && firstColumns < Math.min(width, 31)) tallyFirstWindows(ds, L, firstColumns, inScope, pa, tally);
  else if (o.mode === 'streak' || (o.mode === 'classic' && firstColumns < width)) tallyLeadingWindows(ds, L, o.mode === 'streak', Math.min(firstColumns, width), inScope, cohortSlot, tally);
  else tallyWindows(rollingActivity(ds, o.period), width, inScope, cohortSlot, tally);
  return compact(tally, pa.first, { options: o, codes, ranges, minOccurrences: 1, coverage: coverageOf(ds.dataEnd, o) });
}

function tallyWindows(ra: RollingActivity, width: number, scope: Uint8Array | null, cohortSlot: (u: number) => number, tally: OffsetTally): void {
  const { start, window } = ra;
  for (let u = 0; u + 1 < start.length; u++) {
    const s = start[u];
    const e = start[u + 1];
    if (s === e || (scope !== null && scope[u] !== 1)) continue;
    // Every window past the table's width is past the last purchase: the scan never counts them.
    let end = e;
    while (end > s && window[end - 1] >= width) end--;
    tally.add(cohortSlot(u), window, s, end, 0);
  }
}

/**
 * The windows below `columns` of each customer (all of them up to the first gap, for streaks):
 * their rows are in time order, so only the first few are read.
 */
function tallyLeadingWindows(ds: Dataset, L: number, streak: boolean, columns: number, scope: Uint8Array | null, cohortSlot: (u: number) => number, tally: OffsetTally): void {
  const { start, time } = rowGroups(ds);
  const windows = new Int32Array(columns);
  for (let u = 0; u + 1 < start.length; u++) {
    const s = start[u];
    const e = start[u + 1];
    if (s === e || (scope !== null && scope[u] !== 1)) continue;
    let n = 0;
    for (let i = s; i < e; i++) {
      const w = Math.floor((time[i] - time[s]) / L);
      if (n > 0 && w === windows[n - 1]) continue;
      if (w >= columns || (streak && w !== n)) break;
      windows[n++] = w;
    }
    tally.add(cohortSlot(u), windows, 0, n, 0);
  }
}

/**
 * The windows below `columns` (≤ 30) of each customer, for a classic table's first columns: a
 * row d = t − t0 ≥ columns × L into the customer ends them (its window, and every later row's,
 * is ≥ columns: the division is monotonic), so the rest are divided only up to there and kept
 * as bits, without a branch per row.
 */
function tallyFirstWindows(ds: Dataset, L: number, columns: number, scope: Uint8Array | null, pa: PeriodActivity, tally: OffsetTally): void {
  const { start, time } = rowGroups(ds);
  const span = columns * L;
  for (let u = 0; u + 1 < start.length; u++) {
    const s = start[u];
    const e = start[u + 1];
    if (s === e || (scope !== null && scope[u] !== 1)) continue;
    const t0 = time[s];
    let seen = 0;
    for (let i = s; i < e; i++) {
      const d = time[i] - t0;
      if (d >= span) break;
      const w = Math.floor(d / L);
      seen |= Number(w < columns) << w;
    }
    tally.addBits(pa.period[pa.start[u]] - pa.first, seen);
  }
}

/** "On or after" needs a customer's last window only: that of their last row, in time order. */
function tallyLastWindow(ds: Dataset, L: number, scope: Uint8Array | null, cohortSlot: (u: number) => number, tally: OffsetTally): void {
  const { start, time } = rowGroups(ds);
  const windows = new Int32Array(2);
  for (let u = 0; u + 1 < start.length; u++) {
    const s = start[u];
    const e = start[u + 1];
    if (s === e || (scope !== null && scope[u] !== 1)) continue;
    windows[1] = Math.floor((time[e - 1] - time[s]) / L);
    tally.add(cohortSlot(u), windows, 0, windows[1] > 0 ? 2 : 1, 0);
  }
}

/** Each customer's distinct rolling windows with a purchase, ascending (CSR), window 0 starting at their first purchase. */
export interface RollingActivity {
  start: Uint32Array;
  window: Int32Array;
}

/** The rolling windows of each customer for one period kind's window length (remembered for four). */
export function rollingActivity(ds: Dataset, period: Period): RollingActivity {
  // Four period kinds, as periodActivity's lists: the shown one and the three warmUp.ts prepares.
  return memoIn(ds, 'rolling activity', 4, period, () => listWindows(ds, ROLLING_MS[period]));
}

/** One pass over the grouped purchase times: in time order, a customer's windows ascend from their first row's. */
function listWindows(ds: Dataset, L: number): RollingActivity {
  const { start: rowStart, time } = rowGroups(ds);
  const customers = rowStart.length - 1;
  const start = new Uint32Array(customers + 1);
  const window = new Int32Array(time.length);
  let n = 0;
  for (let u = 0; u < customers; u++) {
    const s = rowStart[u];
    const from = n;
    for (let i = s, e = rowStart[u + 1]; i < e; i++) {
      const w = Math.floor((time[i] - time[s]) / L);
      if (n === from || w !== window[n - 1]) window[n++] = w;
    }
    start[u + 1] = n;
  }
  return { start, window: window.subarray(0, n) };
}

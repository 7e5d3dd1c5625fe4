// The count grid of rolling windows for first-time cohorts without event filters (explain's
// "rolling" alternative to the default table, and the rolling table itself). Each customer's
// distinct active windows — counted from their first purchase, L long — are listed once per
// window length (rollingActivity, one pass over the grouped purchase times), so a mode change
// only re-counts the compact lists with OffsetTally. Same cohorts, columns, counts and coverage
// as grid.ts countGrid.
import type { Dataset } from '../shared/dataset';
import type { Period, ResolvedOptions } from '../shared/options';
import { compact } from './calendarGrid';
import { bracketLookup, type Grid, type Scope } from './gridCells';
import { rowGroups } from './groups';
import { memoIn } from './memo';
import { OffsetTally } from './offsetTally';
import { periodActivity } from './periodActivity';
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
  const { start, window } = rollingActivity(ds, o.period);
  const inScope = scope?.customers ?? null;
  for (let u = 0; u + 1 < start.length; u++) {
    const s = start[u];
    const e = start[u + 1];
    if (s === e || (inScope !== null && inScope[u] !== 1)) continue;
    // Every window past the table's width is past the last purchase: the scan never counts them.
    let end = e;
    while (end > s && window[end - 1] >= width) end--;
    tally.add(pa.period[pa.start[u]] - pa.first, window, s, end, 0);
  }
  return compact(tally, pa.first, { options: o, codes, ranges, minOccurrences: 1, coverage: coverageOf(ds.dataEnd, o) });
}

/** Each customer's distinct rolling windows with a purchase, ascending (CSR), window 0 starting at their first purchase. */
export interface RollingActivity {
  start: Uint32Array;
  window: Int32Array;
}

/** The rolling windows of each customer for one period kind's window length (remembered for two). */
export function rollingActivity(ds: Dataset, period: Period): RollingActivity {
  return memoIn(ds, 'rolling activity', 2, period, () => listWindows(ds, ROLLING_MS[period]));
}

function listWindows(ds: Dataset, L: number): RollingActivity {
  const { start: rowStart, time } = rowGroups(ds);
  const customers = rowStart.length - 1;
  const start = new Uint32Array(customers + 1);
  const window = new Int32Array(time.length);
  let n = 0;
  for (let u = 0; u < customers; u++) {
    const s = rowStart[u];
    const e = rowStart[u + 1];
    let origin = time[s];
    for (let i = s + 1; i < e; i++) if (time[i] < origin) origin = time[i];
    const from = n;
    for (let i = s; i < e; i++) {
      const w = Math.floor((time[i] - origin) / L);
      // Rows mostly come in time order: an append, or a repeat of the last window.
      if (n === from || w > window[n - 1]) window[n++] = w;
      else if (w !== window[n - 1]) n = insertDistinct(window, from, n, w);
    }
    start[u + 1] = n;
  }
  return { start, window: window.subarray(0, n) };
}

/** Inserts w into the ascending distinct list[from .. n) unless present; returns the new end. */
function insertDistinct(list: Int32Array, from: number, n: number, w: number): number {
  let i = n;
  while (i > from && list[i - 1] > w) i--;
  if (i > from && list[i - 1] === w) return n;
  list.copyWithin(i + 1, i, n);
  list[i] = w;
  return n + 1;
}

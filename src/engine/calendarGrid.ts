// The count grid of calendar periods from each customer's distinct active periods
// (periodActivity.ts) instead of their rows: for the definitions with no event filter and
// minimum occurrences 1 — the panel's defaults and every alternative explain compares with —
// "active in period p" is "p is in the customer's list", so an entry's columns are its later
// periods minus its own. Same cohorts, columns, counts and coverage as grid.ts countGrid.
import type { Dataset } from '../shared/dataset';
import type { ResolvedOptions } from '../shared/options';
import { bracketLookup, cellStates, type Grid, type Scope } from './gridCells';
import { OffsetTally } from './offsetTally';
import { periodActivity, type PeriodActivity } from './periodActivity';
import { periodMoves } from './periodMoves';
import type { EventCodes } from './qualifying';
import { coverageOf, normalizeBrackets } from './windows';

/** Whether calendarGrid computes this definition: calendar periods, no event filter, minimum occurrences 1. */
export function fitsCalendarGrid(o: ResolvedOptions, codes: EventCodes): boolean {
  return o.window === 'calendar' && codes.cohortCode < 0 && codes.returnCode < 0 && o.minOccurrences <= 1;
}

/** Offsets from the first cohort to the last purchase's period (windows.ts offsetWidth for calendar periods). */
function calendarWidth(pa: PeriodActivity): number {
  return pa.last - pa.first + 1;
}

/**
 * countGrid for a definition fitsCalendarGrid accepts; null when the table is empty.
 * `firstColumns` counts a classic table's first columns only (headGrid, grid.ts).
 */
export function calendarGrid(ds: Dataset, o: ResolvedOptions, codes: EventCodes, scope?: Scope, firstColumns = Infinity): Grid | null {
  const pa = periodActivity(ds, o.period, o.weekStart);
  if (Number.isNaN(pa.first)) return null;
  const width = calendarWidth(pa);
  const ranges = o.mode === 'bracket' ? normalizeBrackets(o.brackets, width) : Array.from({ length: width }, (_, k) => ({ from: k, to: k }));
  // Cohort slot = period − first, for every period up to the last; rows without members are dropped after.
  const tally = new OffsetTally(o.mode, pa.last - pa.first + 1, ranges.length, width, o.mode === 'bracket' ? bracketLookup(ranges) : null, firstColumns);
  const inScope = scope?.customers ?? null;
  if (o.mode === 'classic' && o.cohorts === 'first' && inScope === null && pa.byCohort !== null) fromByCohort(tally, pa.byCohort, Math.min(width, firstColumns));
  else tallyEntries(pa, o.cohorts === 'recurring', (u) => (inScope === null || inScope[u] === 1 ? tally : null));
  return compact(tally, pa.first, {
    options: o, codes, ranges, minOccurrences: 1, coverage: coverageOf(ds.dataEnd, o),
  });
}

/**
 * The first-time classic table of the whole file is periodActivity's byCohort, read from each
 * cohort's own period on: offset k of cohort c is byCohort[c][c + k]; every member counts at offset 0.
 */
function fromByCohort(tally: OffsetTally, byCohort: Int32Array, columns: number): void {
  const span = tally.sizes.length;
  const W = tally.counts.length / span;
  for (let c = 0; c < span; c++) {
    tally.sizes[c] = byCohort[c * span + c];
    for (let k = 0; k < columns && c + k < span; k++) tally.counts[c * W + k] = byCohort[c * span + c + k];
  }
}

/**
 * calendarGrid's recurring classic table with only its first `firstColumns` (≤ 2) columns counted,
 * for the whole file: column 0 of period p is everyone active in p (its size), column 1 those
 * also active in p + 1, which periodMoves.ts counts for the lifecycle chart anyway.
 */
export function recurringHeadGrid(ds: Dataset, o: ResolvedOptions, codes: EventCodes, firstColumns: number): Grid | null {
  const pa = periodActivity(ds, o.period, o.weekStart);
  if (Number.isNaN(pa.first)) return null;
  const { active, retained } = periodMoves(ds, o.period, o.weekStart);
  const width = calendarWidth(pa);
  const ranges = Array.from({ length: width }, (_, k) => ({ from: k, to: k }));
  const columns = Math.min(firstColumns, 2, width);
  const tally = new OffsetTally('classic', active.length, width, width, null, columns);
  for (let slot = 0; slot < active.length; slot++) {
    tally.sizes[slot] = active[slot];
    if (columns > 0) tally.counts[slot * width] = active[slot];
    if (columns > 1 && slot + 1 < active.length) tally.counts[slot * width + 1] = retained[slot + 1];
  }
  return compact(tally, pa.first, { options: o, codes, ranges, minOccurrences: 1, coverage: coverageOf(ds.dataEnd, o) });
}

/**
 * calendarGrid scoped to each of `groups` groups of customers (groupOf[u], −1 for none), in one
 * pass over the customers instead of one per group (segment curves).
 */
export function calendarGroupGrids(ds: Dataset, o: ResolvedOptions, codes: EventCodes, groupOf: Int32Array, groups: number): (Grid | null)[] {
  const pa = periodActivity(ds, o.period, o.weekStart);
  if (Number.isNaN(pa.first)) return Array.from({ length: groups }, () => null);
  const width = calendarWidth(pa);
  const ranges = o.mode === 'bracket' ? normalizeBrackets(o.brackets, width) : Array.from({ length: width }, (_, k) => ({ from: k, to: k }));
  const bracketOf = o.mode === 'bracket' ? bracketLookup(ranges) : null;
  const tallies = Array.from({ length: groups }, () => new OffsetTally(o.mode, pa.last - pa.first + 1, ranges.length, width, bracketOf));
  tallyEntries(pa, o.cohorts === 'recurring', (u) => (groupOf[u] >= 0 ? tallies[groupOf[u]] : null));
  const coverage = coverageOf(ds.dataEnd, o);
  return tallies.map((tally) => compact(tally, pa.first, { options: o, codes, ranges, minOccurrences: 1, coverage }));
}

/** Every cohort entry of the customers with a tally: the first period of each, or every period (recurring). */
function tallyEntries(pa: PeriodActivity, recurring: boolean, tallyOf: (u: number) => OffsetTally | null): void {
  const { start, period, first } = pa;
  const customers = start.length - 1;
  for (let u = 0; u < customers; u++) {
    const s = start[u];
    const e = start[u + 1];
    const tally = s === e ? null : tallyOf(u);
    if (tally === null) continue;
    if (!recurring) {
      tally.add(period[s] - first, period, s, e, period[s]);
      continue;
    }
    tally.addEach(period, s, e, first);
  }
}

type GridHead = Omit<Grid, 'cohorts' | 'sizes' | 'counts' | 'state'> & Pick<Parameters<typeof cellStates>[0], 'coverage'>;

/** The grid of the cohort slots that have members: cohorts ascending, as countGrid lays them out. */
export function compact(tally: OffsetTally, firstCohort: number, head: GridHead): Grid {
  const W = head.ranges.length;
  const all = tally.finish();
  const cohorts: number[] = [];
  for (let slot = 0; slot < tally.sizes.length; slot++) if (tally.sizes[slot] > 0) cohorts.push(firstCohort + slot);
  const sizes = new Int32Array(cohorts.length);
  const counts = new Int32Array(cohorts.length * W);
  cohorts.forEach((c, row) => {
    const slot = c - firstCohort;
    sizes[row] = tally.sizes[slot];
    counts.set(all.subarray(slot * W, slot * W + W), row * W);
  });
  const { coverage, ...rest } = head;
  return { ...rest, cohorts, sizes, counts, state: cellStates({ cohorts, ranges: head.ranges, coverage }) };
}

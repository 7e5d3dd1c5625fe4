// What a count grid is, whichever path counted it (grid.ts over rows, calendarGrid.ts and
// rollingGrid.ts over compact per-customer activity): its cohorts, columns, counts and the
// coverage of each cell.
import type { OffsetRange, ResolvedOptions } from '../shared/options';
import type { EventCodes } from './qualifying';
import type { CoverageOf } from './windows';

/** Which customers a table is restricted to: scope.customers[u] === 1 keeps customer u. */
export interface Scope {
  customers?: Uint8Array;
}

/** Counts per cell, and the coverage of each cell. */
export interface Grid {
  options: ResolvedOptions;
  codes: EventCodes;
  ranges: OffsetRange[];          // offsets each column spans ([k, k], or a bracket)
  cohorts: number[];              // calendar period of each row, ascending (cohorts with members in scope)
  minOccurrences: number;         // rows a period needs to count as active, as applied (≥ 1)
  sizes: Int32Array;              // members per row
  counts: Int32Array;             // counts[row × columns + j]
  state: Uint8Array;              // ABSENT / COMPLETE / PARTIAL per cell
}

/** Offset → column for brackets (−1 for offsets no bracket covers). */
export function bracketLookup(ranges: OffsetRange[]): Int32Array {
  const lookup = new Int32Array(ranges.length ? ranges[ranges.length - 1].to + 1 : 0).fill(-1);
  ranges.forEach((r, j) => lookup.fill(j, r.from, r.to + 1));
  return lookup;
}

/** ABSENT / COMPLETE / PARTIAL for every cell of a table's rows and columns, row-major. */
export function cellStates(layout: { cohorts: readonly number[]; ranges: readonly OffsetRange[]; coverage: CoverageOf }): Uint8Array {
  const W = layout.ranges.length;
  const state = new Uint8Array(layout.cohorts.length * W);
  layout.cohorts.forEach((c, row) => {
    for (let j = 0; j < W; j++) state[row * W + j] = layout.coverage(c, layout.ranges[j].from, layout.ranges[j].to);
  });
  return state;
}

// Drill-down: the customers behind one cell of the retention table. It runs the very kernel
// that counted the cell (grid.ts forEachEntry), restricted to the cell's cohort, so the list
// always has exactly the cell's count — there is no second definition to drift apart.
import type { Dataset } from '../shared/dataset';
import type { ResolvedOptions } from '../shared/options';
import { cellStates, forEachEntry, makeLayout, type Scope } from './grid';
import { periodLabel } from './periods';
import { ABSENT } from './windows';

/** Customer indexes retained in the cell (cohort label, column index), ascending; empty for an absent or unknown cell. */
export function cellMembers(ds: Dataset, options: ResolvedOptions, cohort: string, column: number, scope?: Scope): Uint32Array {
  const layout = makeLayout(ds, options, scope);
  if (!layout || !Number.isInteger(column) || column < 0 || column >= layout.ranges.length) return new Uint32Array(0);
  const row = layout.cohorts.findIndex((c) => periodLabel(c, options.period, options.weekStart) === cohort);
  if (row < 0 || cellStates(layout)[row * layout.ranges.length + column] === ABSENT) return new Uint32Array(0);
  const members: number[] = [];
  const prefixMode = options.mode === 'unbounded' || options.mode === 'streak';
  forEachEntry(layout, (u, _row, scanner) => {
    if (prefixMode ? column < scanner.prefix : scanner.list.subarray(0, scanner.length).includes(column)) members.push(u);
  }, row);
  // Customers are visited in index order and have at most one entry per cohort: already ascending and distinct.
  return Uint32Array.from(members);
}

// Cohort retention tables, DESIGN.md §4 and docs/DESIGN-lab.md: classic ("on"), unbounded
// ("on or after"), bracket and streak retention over calendar periods or rolling windows, for
// first-time or recurring cohorts, relative to the cohort or the previous column, with a 95%
// Wilson interval per rate. The counting lives in grid.ts/scanner.ts (one pass over the rows
// grouped by customer, typed arrays only); this file turns counts into the report's rows.
import type { Dataset } from '../shared/dataset';
import { resolveOptions, type AnalysisOptions, type ResolvedOptions } from '../shared/options';
import type { CohortRow, RetentionDefinition, RetentionTable } from '../shared/report';
import { averageRow, cellBases } from './averages';
import { countGrid, rememberedGrid, type Grid, type Scope } from './grid';
import { periodLabel } from './periods';
import { round4 } from './rounding';
import { ABSENT, PARTIAL, columnLabel } from './windows';
import { wilson } from './wilson';

/** The retention table for a definition; scope.customers restricts cohorts to the customers marked 1 (segments). */
export function retentionTable(ds: Dataset, options: ResolvedOptions, scope?: Scope): RetentionTable {
  return tableOfGrid(scope ? countGrid(ds, options, scope) : rememberedGrid(ds, options), options);
}

/** The retention table of a count grid counted for `options` (null: the empty table). */
export function tableOfGrid(grid: Grid | null, options: ResolvedOptions): RetentionTable {
  if (!grid) return emptyTable(options);
  const bases = cellBases(grid, options.rateBase);
  const cohorts = grid.cohorts.map((c, row) => cohortRow(grid, bases, row, periodLabel(c, options.period, options.weekStart)));
  return {
    period: options.period,
    mode: options.mode,
    cohorts,
    average: averageRow(grid, bases, options.average),
    columns: grid.ranges.map((r) => columnLabel(options.period, r)),
    atRisk: atRisk(grid),
    definition: definitionOf(options, grid),
  };
}

/** The classic table with the default definition and any options given (kept for callers of the foundation API). */
export function classicRetention(ds: Dataset, options: AnalysisOptions): RetentionTable {
  return retentionTable(ds, resolveOptions(options));
}

function cohortRow(grid: Grid, bases: Int32Array, row: number, label: string): CohortRow {
  const W = grid.ranges.length;
  const size = grid.sizes[row];
  const out: CohortRow = { cohort: label, size, counts: [], rates: [], partial: [], lower: [], upper: [], small: size < grid.options.smallCohort };
  for (let j = 0; j < W; j++) {
    const i = row * W + j;
    const present = grid.state[i] !== ABSENT;
    const count = present ? grid.counts[i] : null;
    const base = bases[i];
    const ci = count === null || base <= 0 ? null : wilson(count, base);
    out.counts.push(count);
    out.rates.push(count === null || base <= 0 ? null : round4(count / base));
    out.partial.push(grid.state[i] === PARTIAL);
    out.lower.push(ci ? round4(ci.lower) : null);
    out.upper.push(ci ? round4(ci.upper) : null);
  }
  return out;
}

/** Customers in cohorts whose cell is present, per column (null when no cohort reaches the column). */
function atRisk(grid: Grid): (number | null)[] {
  const W = grid.ranges.length;
  const out: (number | null)[] = [];
  for (let j = 0; j < W; j++) {
    let n: number | null = null;
    for (let row = 0; row < grid.cohorts.length; row++) {
      if (grid.state[row * W + j] !== ABSENT) n = (n ?? 0) + grid.sizes[row];
    }
    out.push(n);
  }
  return out;
}

/** The definition as applied: brackets as normalised, event filters only where the file has events. */
function definitionOf(o: ResolvedOptions, grid: Grid | null): RetentionDefinition {
  return {
    window: o.window, cohorts: o.cohorts, rateBase: o.rateBase,
    brackets: o.mode !== 'bracket' ? [] : grid ? grid.ranges.map((r) => ({ ...r })) : o.brackets.map((r) => ({ ...r })),
    minOccurrences: grid ? grid.minOccurrences : o.minOccurrences,
    cohortEvent: grid && grid.codes.cohortCode < 0 ? null : o.cohortEvent,
    returnEvent: grid && grid.codes.returnCode < 0 ? null : o.returnEvent,
    smallCohort: o.smallCohort,
  };
}

/** No cohorts: nobody qualifies, or an event filter names an event the file does not have. */
function emptyTable(o: ResolvedOptions): RetentionTable {
  return {
    period: o.period, mode: o.mode, cohorts: [],
    average: { rates: [], method: o.average, counts: [], sizes: [], lower: [], upper: [] },
    columns: [], atRisk: [], definition: definitionOf(o, null),
  };
}

// The average row (DESIGN.md §4, options.ts AverageMethod) over the cells that are complete —
// present and not partial — so a half-observed period never drags the average down.
//   pooled:   Σ count / Σ base (every customer weighs the same; Amplitude's "All users" row).
//   simple:   mean of the cells' rates (every cohort weighs the same; PostHog's default mean).
//   mixpanel: Σ base·count / Σ base² — Mixpanel's documented "average weighted by the number of
//             users who enter": weights w_i = P_i / ΣP applied to both the retained and the
//             entered counts, Σ C_i·w_i / Σ P_i·w_i, in which ΣP cancels. Their example
//             (1000 → 500, 500 → 400) gives 700,000 / 1,250,000 = 56%, against 60% pooled.
//             Source: docs.mixpanel.com/docs/reports/retention, FAQ "How is the Average row
//             calculated?"; derivation in /work/main/docs/research/retention-definitions.md §2(d).
import type { AverageMethod, RateBase } from '../shared/options';
import type { AverageRow } from '../shared/report';
import { round4 } from './rounding';
import { ABSENT, COMPLETE } from './windows';
import { wilson } from './wilson';

/** The counts and coverage an average needs (a Grid satisfies it). */
export interface CellGrid {
  cohorts: readonly number[];
  ranges: readonly unknown[];
  sizes: Int32Array;
  counts: Int32Array;
  state: Uint8Array;
}

/**
 * Each cell's rate base: the cohort size, or (rateBase 'previous') the previous column's count;
 * −1 where there is none (the cell or its predecessor is absent). Column 0 always uses the size.
 */
export function cellBases(grid: CellGrid, rateBase: RateBase): Int32Array {
  const W = grid.ranges.length;
  const bases = new Int32Array(grid.counts.length).fill(-1);
  for (let row = 0; row < grid.cohorts.length; row++) {
    for (let j = 0; j < W; j++) {
      const i = row * W + j;
      if (grid.state[i] === ABSENT) continue;
      bases[i] = rateBase === 'cohort' || j === 0 ? grid.sizes[row] : grid.state[i - 1] === ABSENT ? -1 : grid.counts[i - 1];
    }
  }
  return bases;
}

/** The average of complete cells given as parallel count/base lists; null when none has a positive base. */
export function averageOf(method: AverageMethod, counts: ArrayLike<number>, bases: ArrayLike<number>): number | null {
  let num = 0;
  let den = 0;
  let n = 0;
  for (let i = 0; i < counts.length; i++) {
    const b = bases[i];
    if (method === 'simple') {
      if (b > 0) { num += counts[i] / b; n++; }
    } else if (method === 'mixpanel') {
      num += b * counts[i];
      den += b * b;
    } else {
      num += counts[i];
      den += b;
    }
  }
  if (method === 'simple') return n === 0 ? null : num / n;
  return den > 0 ? num / den : null;
}

/** The average row of a grid: the method's rate, with the pooled counts, bases and Wilson interval beside it. */
export function averageRow(grid: CellGrid, bases: Int32Array, method: AverageMethod): AverageRow {
  const W = grid.ranges.length;
  const row: AverageRow = { rates: [], method, counts: [], sizes: [], lower: [], upper: [] };
  for (let j = 0; j < W; j++) {
    const { counts, sizes } = completeCells(grid, bases, j);
    const rate = counts.length ? averageOf(method, counts, sizes) : null;
    const sumCounts = counts.length ? counts.reduce((a, b) => a + b, 0) : null;
    const sumSizes = sizes.length ? sizes.reduce((a, b) => a + b, 0) : null;
    const ci = sumCounts === null || sumSizes === null ? null : wilson(sumCounts, sumSizes);
    row.rates.push(rate === null ? null : round4(rate));
    row.counts.push(sumCounts);
    row.sizes.push(sumSizes);
    row.lower.push(ci ? round4(ci.lower) : null);
    row.upper.push(ci ? round4(ci.upper) : null);
  }
  return row;
}

/** Counts and bases of column j's complete cells that have a base. */
export function completeCells(grid: CellGrid, bases: Int32Array, j: number): { counts: number[]; sizes: number[] } {
  const W = grid.ranges.length;
  const counts: number[] = [];
  const sizes: number[] = [];
  for (let row = 0; row < grid.cohorts.length; row++) {
    const i = row * W + j;
    if (grid.state[i] !== COMPLETE || bases[i] < 0) continue;
    counts.push(grid.counts[i]);
    sizes.push(bases[i]);
  }
  return { counts, sizes };
}

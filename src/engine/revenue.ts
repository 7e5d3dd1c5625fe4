// Revenue by cohort and column, DESIGN.md §4 (revenue): the same cohorts and columns as the
// retention table, revenue = Σ amount (net: returns included) of the cohort's customers in the
// cell's window. Bracket columns sum over the bracket; unbounded and streak tables use the
// per-offset (classic) revenue, since "on or after" money would double count. One sequential
// pass over the Dataset's rows, with the cohort entries looked up per customer.
import type { Dataset } from '../shared/dataset';
import type { ResolvedOptions } from '../shared/options';
import type { RevenueRow, RevenueTable } from '../shared/report';
import { cellStates, makeLayout, type Layout, type Scope } from './grid';
import { memoIn } from './memo';
import { periodLabel } from './periods';
import { round2, round4 } from './rounding';
import { ABSENT, COMPLETE, coverageOf } from './windows';
import { calendarRevenue, fitsCalendarRevenue, type RevenueCells } from './calendarRevenue';
import { eventCodes } from './qualifying';

/** Revenue, revenue per customer, cumulative revenue per customer (LTV) and revenue retention; null without amounts. */
export function revenueTable(ds: Dataset, options: ResolvedOptions, scope?: Scope): RevenueTable | null {
  if (ds.amount === null) return null;
  if (scope) return computeRevenue(ds, ds.amount, options, scope);
  const o = options;
  // What the layout reads: the columns differ between modes only for brackets.
  const key = JSON.stringify([o.period, o.weekStart, o.mode === 'bracket' ? o.brackets : null, o.window, o.cohorts, o.minOccurrences, o.cohortEvent, o.returnEvent]);
  return memoIn(ds, 'revenue', 8, key, () => computeRevenue(ds, ds.amount!, options));
}

function computeRevenue(ds: Dataset, amount: Float64Array, options: ResolvedOptions, scope?: Scope): RevenueTable {
  const cells = revenueCells(ds, amount, options, scope);
  if (!cells) return { cohorts: [], average: { revenuePerCustomer: [], cumulativePerCustomer: [], revenueRetention: [] } };
  const { sums, sizes, ranges } = cells;
  const state = cellStates({ cohorts: cells.cohorts, ranges, coverage: coverageOf(ds.dataEnd, options) });
  const W = ranges.length;
  const { period, weekStart } = options;
  const cohorts = cells.cohorts.map((c, row) => revenueRow(sums, state, row, W, sizes[row], periodLabel(c, period, weekStart)));
  return { cohorts, average: pooledRevenue(sums, state, sizes, W) };
}

/** The cells from the remembered per-Dataset facts when the definition allows (calendarRevenue.ts), else by the row scan. */
function revenueCells(ds: Dataset, amount: Float64Array, options: ResolvedOptions, scope?: Scope): RevenueCells | null {
  if (fitsCalendarRevenue(options, eventCodes(ds, options))) {
    const cells = calendarRevenue(ds, amount, options, scope?.customers ?? null);
    if (cells !== undefined) return cells;
  }
  const layout = makeLayout(ds, options, scope);
  if (!layout) return null;
  return { cohorts: layout.cohorts, ranges: layout.ranges, sizes: rowSizes(layout), sums: revenueSums(ds, amount, layout) };
}

/** Σ amount per cell (unrounded), row-major. */
function revenueSums(ds: Dataset, amount: Float64Array, layout: Layout): Float64Array {
  const { entries, plan, rowOf, firstCohort, scope } = layout;
  const W = layout.ranges.length;
  const sums = new Float64Array(layout.cohorts.length * W);
  const lookup = plan.bracketOf;
  const limit = lookup ? lookup.length : W;
  const { customer, time } = ds;
  for (let r = 0; r < ds.rowCount; r++) {
    const a = amount[r];
    const u = customer[r];
    if (a === 0 || (scope && scope[u] !== 1)) continue;
    const t = time[r];
    for (let e = entries.start[u], end = entries.start[u + 1]; e < end; e++) {
      const k = plan.rolling ? Math.floor((t - entries.origin[e]) / plan.windowMs) : plan.periodOf(t) - entries.period[e];
      if (k < 0 || k >= limit) continue;
      const j = lookup ? lookup[k] : k;
      if (j >= 0) sums[rowOf[entries.period[e] - firstCohort] * W + j] += a;
    }
  }
  return sums;
}

function rowSizes(layout: Layout): Int32Array {
  const { entries, rowOf, firstCohort, scope } = layout;
  const sizes = new Int32Array(layout.cohorts.length);
  for (let u = 0; u + 1 < entries.start.length; u++) {
    if (scope && scope[u] !== 1) continue;
    for (let e = entries.start[u]; e < entries.start[u + 1]; e++) sizes[rowOf[entries.period[e] - firstCohort]]++;
  }
  return sizes;
}

function revenueRow(sums: Float64Array, state: Uint8Array, row: number, W: number, size: number, cohort: string): RevenueRow {
  const out: RevenueRow = { cohort, size, revenue: [], revenuePerCustomer: [], cumulativePerCustomer: [], revenueRetention: [] };
  const first = sums[row * W];
  let running = 0;
  for (let j = 0; j < W; j++) {
    const i = row * W + j;
    const present = state[i] !== ABSENT;
    running += sums[i];
    out.revenue.push(present ? round2(sums[i]) : null);
    out.revenuePerCustomer.push(present ? round2(sums[i] / size) : null);
    out.cumulativePerCustomer.push(present ? round2(running / size) : null);
    out.revenueRetention.push(present && first > 0 ? round4(sums[i] / first) : null);
  }
  return out;
}

/** Pooled over complete cells: Σ revenue / Σ size, Σ cumulative / Σ size, Σ revenue / Σ revenue at column 0. */
function pooledRevenue(sums: Float64Array, state: Uint8Array, sizes: Int32Array, W: number): RevenueTable['average'] {
  const rows = sizes.length;
  const running = new Float64Array(rows);
  const avg: RevenueTable['average'] = { revenuePerCustomer: [], cumulativePerCustomer: [], revenueRetention: [] };
  for (let j = 0; j < W; j++) {
    let revenue = 0, cumulative = 0, customers = 0, firstRevenue = 0;
    for (let row = 0; row < rows; row++) {
      const i = row * W + j;
      running[row] += sums[i];
      if (state[i] !== COMPLETE) continue;
      revenue += sums[i];
      cumulative += running[row];
      customers += sizes[row];
      firstRevenue += sums[row * W];
    }
    avg.revenuePerCustomer.push(customers > 0 ? round2(revenue / customers) : null);
    avg.cumulativePerCustomer.push(customers > 0 ? round2(cumulative / customers) : null);
    avg.revenueRetention.push(customers > 0 && firstRevenue > 0 ? round4(revenue / firstRevenue) : null);
  }
  return avg;
}

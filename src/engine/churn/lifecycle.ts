// Lifecycle per calendar period (DESIGN.md §4): where each period's active customers come from
// and who left. "Active in p" = a purchase in p. new = first purchase in p; retained = active in
// p and p − 1; resurrected = active in p, not in p − 1, but in some earlier period; churned =
// active in p − 1, not in p. So active(p) = new + retained + resurrected and
// active(p − 1) = retained + churned. Each customer's purchase days are sorted, so their active
// periods come out ascending and one walk per customer fills all four counts.
import type { LifecycleRow } from '../../shared/churnReport';
import type { Period, WeekStart } from '../../shared/options';
import { periodEnd, periodLabel } from '../periods';
import { round2 } from '../rounding';
import type { CustomerDays } from './customerDays';
import { periodLookup } from './periodLookup';

/** Periods of the lifecycle chart and the data end (civil ms, exclusive) that marks the last one partial. */
export interface LifecycleOptions {
  period: Period;
  weekStart: WeekStart;
  dataEnd: number;
}

/** Each customer's distinct purchase periods, ascending (CSR), as engine/periodActivity.ts lists them. */
export interface PeriodLists {
  start: Uint32Array;
  period: Int32Array;
}

/**
 * One row per calendar period from the first purchase to the last day of data. `periods`, when
 * the caller has them listed for o's period kind, saves mapping every purchase day again.
 */
export function lifecycleRows(cd: CustomerDays, o: LifecycleOptions, periods?: PeriodLists): LifecycleRow[] {
  if (!Number.isFinite(cd.firstDay)) return [];
  const f = periodLookup(o, cd.firstDay, cd.lastDay);
  const p0 = f(cd.firstDay);
  const n = f(cd.lastDay) - p0 + 1;
  const counts = periods ? countMoves(periods.start, periods.period, (p) => p, p0, n) : countMoves(cd.start, cd.days, f, p0, n);
  return Array.from({ length: n }, (_, k) => row(k, p0, counts, o));
}

type Moves = Record<'fresh' | 'retained' | 'resurrected' | 'churned', Int32Array>;

/** The four counts per period from each customer's ascending days (or periods), mapped to periods by `toPeriod`. */
function countMoves(start: Uint32Array, values: Int32Array, toPeriod: (v: number) => number, p0: number, n: number): Moves {
  const counts = { fresh: new Int32Array(n), retained: new Int32Array(n), resurrected: new Int32Array(n), churned: new Int32Array(n) };
  for (let u = 0; u + 1 < start.length; u++) {
    let prev = -1;
    for (let i = start[u]; i < start[u + 1]; i++) {
      const q = toPeriod(values[i]) - p0;
      if (q === prev) continue;
      if (prev < 0) counts.fresh[q]++;
      else if (q === prev + 1) counts.retained[q]++;
      else {
        counts.resurrected[q]++;
        counts.churned[prev + 1]++;
      }
      prev = q;
    }
    if (prev >= 0 && prev + 1 < n) counts.churned[prev + 1]++;
  }
  return counts;
}

function row(k: number, p0: number, c: Moves, o: LifecycleOptions): LifecycleRow {
  const churned = c.churned[k];
  return {
    period: periodLabel(p0 + k, o.period, o.weekStart),
    new: c.fresh[k],
    retained: c.retained[k],
    resurrected: c.resurrected[k],
    churned,
    quickRatio: churned === 0 ? null : round2((c.fresh[k] + c.resurrected[k]) / churned),
    partial: periodEnd(p0 + k, o.period, o.weekStart) > o.dataEnd,
  };
}

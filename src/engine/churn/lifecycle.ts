// Lifecycle per calendar period (DESIGN.md §4): where each period's active customers come from
// and who left. "Active in p" = a purchase in p. new = first purchase in p; retained = active in
// p and p − 1; resurrected = active in p, not in p − 1, but in some earlier period; churned =
// active in p − 1, not in p. Since active(p) = new + retained + resurrected and
// active(p − 1) = retained + churned, the counts of periodMoves.ts (active, new, retained) give all four.
import type { LifecycleRow } from '../../shared/churnReport';
import type { Period, WeekStart } from '../../shared/options';
import { periodEnd, periodLabel } from '../periods';
import { round2 } from '../rounding';
import type { CustomerDays } from './customerDays';
import { periodLookup } from './periodLookup';
import { movesOf, type PeriodMoves } from '../periodMoves';

/** Periods of the lifecycle chart and the data end (civil ms, exclusive) that marks the last one partial. */
export interface LifecycleOptions {
  period: Period;
  weekStart: WeekStart;
  dataEnd: number;
}

/**
 * One row per calendar period from the first purchase to the last day of data. `moves`, when
 * the caller has them counted for o's period kind (periodMoves.ts), saves mapping every purchase day again.
 */
export function lifecycleRows(cd: CustomerDays, o: LifecycleOptions, moves?: PeriodMoves): LifecycleRow[] {
  if (!Number.isFinite(cd.firstDay)) return [];
  const f = periodLookup(o, cd.firstDay, cd.lastDay);
  const p0 = f(cd.firstDay);
  const n = f(cd.lastDay) - p0 + 1;
  const m = moves ?? movesOf(listPeriods(cd, f, p0, f(cd.lastPurchaseDay)));
  return Array.from({ length: n }, (_, k) => row(k, p0, m, o));
}

/** Each customer's distinct periods from their ascending purchase days (a period repeats only next to itself). */
function listPeriods(cd: CustomerDays, f: (day: number) => number, first: number, last: number): Parameters<typeof movesOf>[0] {
  const start = new Uint32Array(cd.start.length);
  const period = new Int32Array(cd.days.length);
  let n = 0;
  for (let u = 0; u + 1 < cd.start.length; u++) {
    for (let i = cd.start[u]; i < cd.start[u + 1]; i++) {
      const q = f(cd.days[i]);
      if (i === cd.start[u] || q !== period[n - 1]) period[n++] = q;
    }
    start[u + 1] = n;
  }
  return { start, period, first, last };
}

/** Counts past the last period with a purchase are 0. */
const at = (counts: Int32Array, k: number): number => (k < counts.length ? counts[k] : 0);

function row(k: number, p0: number, m: PeriodMoves, o: LifecycleOptions): LifecycleRow {
  // active(p) = new + retained + resurrected; active(p − 1) = retained(p) + churned(p).
  const fresh = at(m.fresh, k);
  const retained = at(m.retained, k);
  const resurrected = at(m.active, k) - fresh - retained;
  const churned = k === 0 ? 0 : at(m.active, k - 1) - retained;
  return {
    period: periodLabel(p0 + k, o.period, o.weekStart),
    new: fresh,
    retained,
    resurrected,
    churned,
    quickRatio: churned === 0 ? null : round2((fresh + resurrected) / churned),
    partial: periodEnd(p0 + k, o.period, o.weekStart) > o.dataEnd,
  };
}

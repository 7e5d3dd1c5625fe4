// Counts per calendar period read off each customer's distinct purchase periods
// (periodActivity.ts): how many were active in each period, how many started there, and how many
// were also active in the period before. The lifecycle chart (churn/lifecycle.ts) and the first
// two columns of a recurring cohort table (explain's recurring alternative, calendarGrid.ts
// recurringHeadGrid) are both these counts, so a period change counts them once for both —
// usually while periodActivity lists the periods (its byCohort and retained), else from the lists.
import type { Dataset } from '../shared/dataset';
import type { Period, WeekStart } from '../shared/options';
import { memoIn } from './memo';
import { periodActivity } from './periodActivity';

/** Counts per period; index k is period first + k, up to the last period with a purchase. */
export interface PeriodMoves {
  /** Period of index 0: the earliest with a purchase (NaN, and empty counts, when there is none). */
  first: number;
  /** Customers with a purchase in the period. */
  active: Int32Array;
  /** Customers whose first purchase is in the period. */
  fresh: Int32Array;
  /** Customers with a purchase in the period and in the one before it. */
  retained: Int32Array;
}

/** The per-period counts of a Dataset for one period kind (remembered; a few small arrays). */
export function periodMoves(ds: Dataset, period: Period, weekStart: WeekStart): PeriodMoves {
  const key = period === 'week' ? `week ${weekStart}` : period;
  return memoIn(ds, 'period moves', 8, key, () => {
    const pa = periodActivity(ds, period, weekStart);
    return pa.byCohort !== null && pa.retained !== null ? movesOfCohorts(pa.first, pa.byCohort, pa.retained) : movesOf(pa);
  });
}

/**
 * The counts from what periodActivity counted while listing: byCohort (first period × active
 * period) gives new (its diagonal) and active (its column sums); `retained` it counted itself.
 */
export function movesOfCohorts(first: number, byCohort: Int32Array, retained: Int32Array): PeriodMoves {
  const span = retained.length;
  const active = new Int32Array(span);
  const fresh = new Int32Array(span);
  for (let c = 0; c < span; c++) {
    fresh[c] = byCohort[c * span + c];
    for (let p = c; p < span; p++) active[p] += byCohort[c * span + p];
  }
  return { first, active, fresh, retained };
}

/**
 * The counts from period lists (CSR; each customer's periods distinct and ascending, all within
 * [first, last]). One flat pass over the whole list counts every period and every pair of
 * neighbours one period apart — also where one customer's list ends and the next one's begins —
 * and a pass over the customers counts first periods and takes those boundary pairs back out:
 * no loop per customer, whose varying lengths make the branch that ends it mispredict.
 */
export function movesOf(lists: { start: Uint32Array; period: Int32Array; first: number; last: number }): PeriodMoves {
  const { start, period, first } = lists;
  const n = Number.isNaN(first) ? 0 : lists.last - first + 1;
  const active = new Int32Array(n);
  const fresh = new Int32Array(n);
  const retained = new Int32Array(n);
  const total = start[start.length - 1];
  if (total > 0) active[period[0] - first]++;
  // Number(test) adds without a branch (a conditional expression here compiles to one, and mispredicts).
  for (let i = 1, prev = period[0]; i < total; i++) {
    const p = period[i];
    active[p - first]++;
    retained[p - first] += Number(p - prev === 1);
    prev = p;
  }
  for (let u = 0; u + 1 < start.length; u++) {
    const s = start[u];
    if (s === start[u + 1]) continue;
    const q = period[s] - first;
    fresh[q]++;
    if (s > 0) retained[q] -= Number(period[s] - period[s - 1] === 1);
  }
  return { first, active, fresh, retained };
}

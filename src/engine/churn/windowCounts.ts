// One pass over every customer's purchase runs (split from their days once per W, purchaseRuns)
// that yields all the counts of the CRR table and the churn rate per period. Everything is in whole civil days:
//
//   "customer at t" (t = the first instant of day D, a period boundary) ⇔ a purchase on one of
//   the W days D − W … D − 1 (the W days ending at t).
//
// A customer's purchase days split into RUNS: maximal sequences whose consecutive gaps are ≤ W.
// A run of days a … b makes the customer a customer at exactly the boundaries D with
// a + 1 ≤ D ≤ b + W, and they churn on day b + W (the day their silence reaches W). So each run
// is one range of boundary indexes, and the counts are difference arrays over those ranges:
// O(purchase days + periods), however fine the period.
import type { Period, WeekStart } from '../../shared/options';
import { periodEnd } from '../periods';
import type { CustomerDays } from './customerDays';
import { periodLookup } from './periodLookup';

/** Counts per boundary / complete period; boundary k is the start of period firstPeriod + k. */
export interface WindowCounts {
  firstPeriod: number;           // period index of the first purchase
  periods: number;               // K complete periods (boundaries 0 … K)
  active: Int32Array;            // length K + 1: customers at boundary k, |A(k)|
  retained: Int32Array;          // length K: |A(k) ∩ A(k + 1)|
  fresh: Int32Array;             // length K: first purchase in period k and a customer at boundary k + 1
  churned: Int32Array;           // length K: customers at boundary k whose silence reaches W during period k
}

/** What the counts are over: the data end (civil ms, exclusive), the periods, and W in days. */
export interface WindowSpec {
  dataEnd: number;
  period: Period;
  weekStart: WeekStart;
  windowDays: number;
}

/**
 * The CRR and churn counts of every complete period for churn window W (days). `runs`, when the
 * caller has them for this W (they depend on no period), saves splitting every customer's days again.
 */
export function windowCounts(cd: CustomerDays, spec: WindowSpec, runs: PurchaseRuns = purchaseRuns(cd, spec.windowDays)): WindowCounts {
  const { dataEnd, period, weekStart, windowDays: W } = spec;
  const f = periodLookup(spec, cd.firstDay, cd.lastPurchaseDay + W);
  const firstPeriod = Number.isFinite(cd.firstDay) ? f(cd.firstDay) : 0;
  const periods = Number.isFinite(cd.firstDay) ? completePeriods(f(cd.lastDay), firstPeriod, dataEnd, period, weekStart) : 0;
  const acc = new Accumulator(periods);
  const { start, first, last } = runs;
  for (let u = 0; u + 1 < start.length; u++) {
    let prevHi = -2;             // last boundary of the previous non-empty run, to spot back-to-back ranges
    for (let r = start[u]; r < start[u + 1]; r++) {
      const q = f(first[r]) - firstPeriod;          // period of the run's first day
      const hi = Math.min(f(last[r] + W) - firstPeriod, periods);
      if (acc.addRun(q + 1, hi, prevHi, r === start[u] ? q : -1)) prevHi = hi;
    }
  }
  return { firstPeriod, periods, ...acc.finish() };
}

/** Each customer's runs (CSR, in day order): the first and last day of each. */
export interface PurchaseRuns {
  start: Uint32Array;
  first: Int32Array;
  last: Int32Array;
}

/** Splits each customer's purchase days into runs whose gaps are ≤ W days. */
export function purchaseRuns(cd: CustomerDays, W: number): PurchaseRuns {
  const { days, start: dayStart } = cd;
  const customers = dayStart.length - 1;
  let count = 0;
  for (let u = 0; u < customers; u++) {
    const s = dayStart[u];
    const e = dayStart[u + 1];
    if (s < e) count++;
    for (let i = s + 1; i < e; i++) if (days[i] - days[i - 1] > W) count++;
  }
  const start = new Uint32Array(customers + 1);
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  let n = 0;
  for (let u = 0; u < customers; u++) {
    const s = dayStart[u];
    const e = dayStart[u + 1];
    for (let i = s; i < e; i++) {
      if (i === s || days[i] - days[i - 1] > W) first[n++] = days[i];
      last[n - 1] = days[i];
    }
    start[u + 1] = n;
  }
  return { start, first, last };
}

/** Complete periods from firstPeriod on: those ending at or before the data end. */
function completePeriods(lastPeriod: number, firstPeriod: number, dataEnd: number, period: Period, weekStart: WeekStart): number {
  const last = periodEnd(lastPeriod, period, weekStart) <= dataEnd ? lastPeriod : lastPeriod - 1;
  return Math.max(0, last - firstPeriod + 1);
}

/** Difference arrays for the run ranges, turned into counts by finish(). */
class Accumulator {
  private readonly activeDiff: Int32Array;
  private readonly pairDiff: Int32Array;
  readonly fresh: Int32Array;
  readonly churned: Int32Array;

  constructor(private readonly periods: number) {
    this.activeDiff = new Int32Array(periods + 2);
    this.pairDiff = new Int32Array(periods + 1);
    this.fresh = new Int32Array(periods);
    this.churned = new Int32Array(periods);
  }

  /**
   * One run covering boundaries lo … hi (empty when lo > hi: the customer came and went inside
   * one period, never a customer at a boundary; returns false). newIn ≥ 0 marks the customer's first run,
   * whose first purchase lies in period newIn.
   */
  addRun(lo: number, hi: number, prevHi: number, newIn: number): boolean {
    if (lo > hi) return false;
    this.activeDiff[lo]++;
    this.activeDiff[hi + 1]--;
    if (hi > lo) {
      this.pairDiff[lo]++;
      this.pairDiff[hi]--;
    }
    // Churned and back between two boundaries: still in both sets, so retained for the exact share.
    if (lo === prevHi + 1) {
      this.pairDiff[prevHi]++;
      this.pairDiff[prevHi + 1]--;
    }
    if (hi < this.periods) this.churned[hi]++;
    if (newIn >= 0 && newIn < this.periods) this.fresh[newIn]++;
    return true;
  }

  finish(): { active: Int32Array; retained: Int32Array; fresh: Int32Array; churned: Int32Array } {
    const active = prefix(this.activeDiff, this.periods + 1);
    const retained = prefix(this.pairDiff, this.periods);
    return { active, retained, fresh: this.fresh, churned: this.churned };
  }
}

function prefix(diff: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length);
  let run = 0;
  for (let k = 0; k < length; k++) out[k] = run += diff[k];
  return out;
}

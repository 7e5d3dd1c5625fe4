// Per-customer sufficient statistics of the BG/NBD and Gamma-Gamma models, built from the event
// rows: a purchase "occasion" is a customer-day (same-day purchases merged, amounts summed), as in
// Fader, Hardie & Lee's CDNOW preparation and BTYD's dc.MergeTransactionsOnSameDate. Purchases
// follow DESIGN.md §3 (with amounts only rows with amount > 0 count) unless the caller counts
// zero-amount orders too, as the published CDNOW preparation does (its 8 sample / 80 master
// $0.00 orders are transactions there).
import type { Dataset } from '../../shared/dataset';
import { DAYS_PER_UNIT, type ClvTimeUnit } from '../../shared/predictiveReport';
import { dayOf, daysFromCivil } from '../civil';

/** Calibration statistics of every modelled customer (first purchase on or before the calibration end). */
export interface CalibrationSummary {
  /** Dataset customer index of each modelled customer (ascending). */
  customer: Uint32Array;
  /** Repeat purchase days in calibration (distinct days after the first). */
  x: Float64Array;
  /** Recency t_x = last − first calibration purchase day, in time units (0 when x = 0). */
  tx: Float64Array;
  /** Age T = calibration end − first purchase day, in time units. */
  T: Float64Array;
  /** Mean amount of the repeat (not first) calibration purchase days; 0 when x = 0 or no amounts. */
  monetary: Float64Array;
  /** Purchase days after the calibration end, up to the holdout end. */
  holdout: Uint32Array;
  /** Actual purchase days of modelled customers per holdout week (week k = days 7k+1 … 7k+7 after the end). */
  holdoutWeekly: Float64Array;
  unitDays: number;
  firstDay: number;          // civil day of the earliest purchase (NaN without purchases)
  calibrationEnd: number;    // civil day, inclusive
  holdoutEnd: number;        // civil day, inclusive (= calibrationEnd when there is no holdout)
  bornAfter: number;         // customers whose first purchase is after the calibration end
  withoutPurchases: number;  // customers with no purchase row
  purchaseDays: number;      // calibration customer-days with a purchase (first included)
  hasAmounts: boolean;
}

/** Civil day of 'YYYY-MM-DD'; throws a readable error otherwise. */
export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`calibration end '${text}' is not a date (YYYY-MM-DD)`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Purchase rows grouped by customer (counting sort), each with its civil day and amount. */
interface Grouped { start: Uint32Array; day: Int32Array; amount: Float64Array; firstDay: number }

/** Whether row r is a purchase: DESIGN.md §3, optionally with zero-amount orders. */
function purchaseTest(amount: Float64Array | null, zeroAmount: boolean): (r: number) => boolean {
  if (amount === null) return () => true;
  return zeroAmount ? (r) => amount[r] >= 0 : (r) => amount[r] > 0;
}

function groupPurchases(ds: Dataset, zeroAmount: boolean): Grouped {
  const isPurchase = purchaseTest(ds.amount, zeroAmount);
  const customers = ds.customerIds.length;
  const start = new Uint32Array(customers + 1);
  const { customer, time, amount } = ds;
  let firstDay = Infinity;
  for (let r = 0; r < ds.rowCount; r++) if (isPurchase(r)) start[customer[r] + 1]++;
  for (let u = 0; u < customers; u++) start[u + 1] += start[u];
  const day = new Int32Array(start[customers]);
  const amt = new Float64Array(start[customers]);
  const cursor = start.slice(0, customers);
  for (let r = 0; r < ds.rowCount; r++) {
    if (!isPurchase(r)) continue;
    const i = cursor[customer[r]]++;
    day[i] = dayOf(time[r]);
    amt[i] = amount ? amount[r] : 0;
    if (day[i] < firstDay) firstDay = day[i];
  }
  return { start, day, amount: amt, firstDay: Number.isFinite(firstDay) ? firstDay : NaN };
}

/** Sorts one customer's rows by day (rows are usually near-sorted, so insertion sort is linear then). */
function sortSegment(day: Int32Array, amt: Float64Array, lo: number, hi: number): void {
  if (hi - lo > 64) {
    const idx = Array.from({ length: hi - lo }, (_, k) => lo + k).sort((i, j) => day[i] - day[j]);
    const d = idx.map((i) => day[i]);
    const a = idx.map((i) => amt[i]);
    day.set(d, lo);
    amt.set(a, lo);
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const d = day[i];
    const a = amt[i];
    let j = i - 1;
    for (; j >= lo && day[j] > d; j--) {
      day[j + 1] = day[j];
      amt[j + 1] = amt[j];
    }
    day[j + 1] = d;
    amt[j + 1] = a;
  }
}

/** Where the calibration ends: the given day, or the data's last day. */
export function calibrationEndDay(ds: Dataset, calibrationEnd: string | null): number {
  return calibrationEnd === null ? dayOf(ds.dataEnd - 1) : parseDay(calibrationEnd);
}

/** Builds the calibration summary (and holdout actuals) of a Dataset. */
export function calibrationSummary(ds: Dataset, calibrationEnd: string | null, unit: ClvTimeUnit, zeroAmountPurchases = false): CalibrationSummary {
  const g = groupPurchases(ds, zeroAmountPurchases);
  const endDay = calibrationEndDay(ds, calibrationEnd);
  const holdoutEnd = Math.max(endDay, dayOf(ds.dataEnd - 1));
  const customers = ds.customerIds.length;
  let n = 0;
  let withoutPurchases = 0;
  for (let u = 0; u < customers; u++) {
    const lo = g.start[u];
    const hi = g.start[u + 1];
    if (lo === hi) withoutPurchases++;
    else {
      sortSegment(g.day, g.amount, lo, hi);
      if (g.day[lo] <= endDay) n++;
    }
  }
  const s: CalibrationSummary = {
    customer: new Uint32Array(n), x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n),
    monetary: new Float64Array(n), holdout: new Uint32Array(n),
    holdoutWeekly: new Float64Array(Math.ceil((holdoutEnd - endDay) / 7)),
    unitDays: DAYS_PER_UNIT[unit], firstDay: g.firstDay, calibrationEnd: endDay, holdoutEnd,
    bornAfter: customers - withoutPurchases - n, withoutPurchases, purchaseDays: 0, hasAmounts: ds.amount !== null,
  };
  let i = 0;
  for (let u = 0; u < customers; u++) {
    const lo = g.start[u];
    if (lo === g.start[u + 1] || g.day[lo] > endDay) continue;
    s.customer[i] = u;
    fillCustomer(s, i++, g, lo, g.start[u + 1]);
  }
  return s;
}

/** One customer's x, t_x, T, mean repeat spend and holdout days, from their day-sorted rows. */
function fillCustomer(s: CalibrationSummary, i: number, g: Grouped, lo: number, hi: number): void {
  const first = g.day[lo];
  let last = first;
  let x = 0;
  let repeatSpend = 0;
  let holdout = 0;
  for (let k = lo + 1; k < hi; k++) {
    const d = g.day[k];
    if (d <= s.calibrationEnd) {
      if (d !== last) x++;
      last = d;
      if (d !== first) repeatSpend += g.amount[k];
    } else if (d <= s.holdoutEnd && d !== g.day[k - 1]) {
      holdout++;
      s.holdoutWeekly[Math.floor((d - s.calibrationEnd - 1) / 7)]++;
    }
  }
  s.x[i] = x;
  s.tx[i] = (last - first) / s.unitDays;
  s.T[i] = (s.calibrationEnd - first) / s.unitDays;
  s.monetary[i] = x > 0 && s.hasAmounts ? repeatSpend / x : 0;
  s.holdout[i] = holdout;
  s.purchaseDays += x + 1;
}

/** Customers with identical (x, t_x, T), collapsed: the models' likelihoods and predictions depend on nothing else. */
export interface RfmGroups {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;      // customers in the group
  group: Uint32Array;        // modelled customer i → its group
  days: { tx: Int32Array; T: Int32Array; unitDays: number; max: number };  // t_x and T in whole days
}

/**
 * Collapses customers by (x, t_x, T). Times are whole days, so the key is exact; on real data
 * every one-time buyer of the same first day falls into one group, which cuts each likelihood
 * evaluation (a pass over the groups) several-fold.
 */
export function groupRfm(s: CalibrationSummary): RfmGroups {
  const n = s.x.length;
  const span = Math.max(0, s.calibrationEnd - s.firstDay) + 1;
  const ids = new Map<number, number>();
  const group = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = (s.x[i] * span + Math.round(s.tx[i] * s.unitDays)) * span + Math.round(s.T[i] * s.unitDays);
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    group[i] = g;
  }
  const m = ids.size;
  const days = { tx: new Int32Array(m), T: new Int32Array(m), unitDays: s.unitDays, max: span - 1 };
  const out: RfmGroups = { x: new Float64Array(m), tx: new Float64Array(m), T: new Float64Array(m), weight: new Float64Array(m), group, days };
  for (let i = 0; i < n; i++) {
    const g = group[i];
    out.x[g] = s.x[i];
    out.tx[g] = s.tx[i];
    out.T[g] = s.T[i];
    days.tx[g] = Math.round(s.tx[i] * s.unitDays);
    days.T[g] = Math.round(s.T[i] * s.unitDays);
    out.weight[g]++;
  }
  return out;
}

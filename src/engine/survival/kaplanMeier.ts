// The Kaplan–Meier product-limit estimator (Kaplan & Meier 1958) with Greenwood's variance and
// the log-log ("exponential Greenwood") confidence band, written to give the same numbers as R's
// survival::survfit(conf.type = "log-log") and lifelines' KaplanMeierFitter (its default band).
// Ties follow both: at a shared time, events happen before censorings, so a subject censored at
// t is still at risk at t. A duration of 0 with an event is a drop at t = 0 (lifelines keeps it).
import { normalCdf } from '../stats';
import type { KmMedian, KmPoint } from '../../shared/survivalReport';

/** A Kaplan–Meier curve as parallel arrays, one entry per distinct observed duration, in increasing time. */
export interface KmCurve {
  times: Float64Array;
  atRisk: Float64Array;          // subjects with duration ≥ time
  events: Float64Array;          // d_i: events at time
  censored: Float64Array;        // censorings at time
  survival: Float64Array;        // S(t) = Π_{t_i ≤ t} (1 − d_i/n_i)
  variance: Float64Array;        // Greenwood: S(t)² · Σ d_i/(n_i(n_i − d_i)); NaN where S = 0
  lower: Float64Array;           // confidence band; NaN where S = 0 (R gives NA there)
  upper: Float64Array;
  confidence: number;            // level of the band, e.g. 0.95
  subjects: number;
  totalEvents: number;
  median: KmMedian;
}

/** Options of kaplanMeier: the band's level (default 0.95). */
export interface KmOptions {
  confidence?: number;
}

// R's quantile.survfit compares with a tolerance of √ε because a product such as 5/6·4/5·3/4
// lands a hair above 0.5 in floating point, and "first t with S ≤ 0.5" must not skip it.
const HALF_TOLERANCE = Math.sqrt(Number.EPSILON);

/** The two-sided normal quantile Φ⁻¹((1 + level)/2), by bisection on normalCdf (exact to ~1e-15). */
export function twoSidedZ(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`twoSidedZ: level ${level} is not in (0, 1)`);
  const target = (1 + level) / 2;
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < target) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Throws unless durations are finite and ≥ 0, events are 0/1 and the arrays have one length. */
export function checkSurvivalInput(durations: Float64Array, events: Uint8Array, groups?: Int32Array): void {
  if (events.length !== durations.length) throw new RangeError('survival: durations and events differ in length');
  if (groups && groups.length !== durations.length) throw new RangeError('survival: durations and groups differ in length');
  for (let i = 0; i < durations.length; i++) {
    if (!(durations[i] >= 0) || !Number.isFinite(durations[i])) throw new RangeError(`survival: bad duration ${durations[i]} at ${i}`);
    if (events[i] > 1) throw new RangeError(`survival: event flag ${events[i]} at ${i} is not 0 or 1`);
  }
}

/** Indices of the subjects in increasing duration (the order the estimator sweeps in). */
export function sortedByDuration(durations: Float64Array, subset?: ArrayLike<number>): Uint32Array {
  const order = subset ? Uint32Array.from(subset) : Uint32Array.from({ length: durations.length }, (_, i) => i);
  return order.sort((a, b) => durations[a] - durations[b]);
}

/** Log-log band of S with Greenwood sum g = Σ d/(n(n−d)): S^exp(±z·√g / |log S|). */
function logLogBand(s: number, g: number, z: number): [number, number] {
  if (s === 1) return [1, 1];                     // nothing happened yet: no uncertainty (R and lifelines agree)
  if (!(s > 0) || !Number.isFinite(g)) return [NaN, NaN];
  // Var(log(−log S)) = g / (log S)²; the band is symmetric on that scale, then mapped back.
  const w = (z * Math.sqrt(g)) / Math.abs(Math.log(s));
  return [Math.pow(s, Math.exp(w)), Math.pow(s, Math.exp(-w))];
}

/** The Kaplan–Meier curve of the subjects (all, or those listed in `subset`). */
export function kaplanMeier(durations: Float64Array, events: Uint8Array, options: KmOptions = {}, subset?: ArrayLike<number>): KmCurve {
  checkSurvivalInput(durations, events);
  const confidence = options.confidence ?? 0.95;
  const z = twoSidedZ(confidence);
  const order = sortedByDuration(durations, subset);
  const rows: number[][] = [];                    // [time, n, d, c, S, var, lower, upper]
  let atRisk = order.length;
  let s = 1;
  let g = 0;
  let totalEvents = 0;
  for (let k = 0; k < order.length;) {
    const t = durations[order[k]];
    let d = 0;
    let c = 0;
    for (; k < order.length && durations[order[k]] === t; k++) if (events[order[k]] === 1) d++; else c++;
    if (d > 0) {
      s *= 1 - d / atRisk;
      g += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;   // n = d: S drops to 0, variance undefined
    }
    const [lo, hi] = logLogBand(s, g, z);
    rows.push([t, atRisk, d, c, s, s > 0 ? s * s * g : NaN, lo, hi]);
    atRisk -= d + c;
    totalEvents += d;
  }
  const col = (j: number) => Float64Array.from(rows, (r) => r[j]);
  const curve = {
    times: col(0), atRisk: col(1), events: col(2), censored: col(3), survival: col(4), variance: col(5),
    lower: col(6), upper: col(7), confidence, subjects: order.length, totalEvents,
  };
  return { ...curve, median: medianOf(curve) };
}

/** First time at which `values` is ≤ q (within R's tolerance); null when it never is. */
function firstAtOrBelow(times: Float64Array, values: Float64Array, q: number): number | null {
  for (let i = 0; i < times.length; i++) if (values[i] <= q + HALF_TOLERANCE) return times[i];
  return null;
}

/** Median survival (first t with S ≤ 0.5, as lifelines) and its interval from the band. */
export function medianOf(curve: Pick<KmCurve, 'times' | 'survival' | 'lower' | 'upper'>): KmMedian {
  return {
    time: firstAtOrBelow(curve.times, curve.survival, 0.5),
    // The band's lower edge crosses 0.5 first, so it bounds the median from below; NaN (S = 0) never counts.
    lower: firstAtOrBelow(curve.times, curve.lower, 0.5),
    upper: firstAtOrBelow(curve.times, curve.upper, 0.5),
  };
}

/** Index of the last step at or before t, or −1 before the first step. */
function stepIndex(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;                          // invariant: times[< lo] ≤ t < times[≥ hi]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/** S(t) and its band at any t: the right-continuous step function (1 before the first step). */
export function survivalAt(curve: KmCurve, t: number): { survival: number; lower: number; upper: number } {
  const i = stepIndex(curve.times, t);
  if (i < 0) return { survival: 1, lower: 1, upper: 1 };
  return { survival: curve.survival[i], lower: curve.lower[i], upper: curve.upper[i] };
}

/** Number at risk at t (subjects with duration ≥ t), for the table under the chart. */
export function atRiskAt(curve: KmCurve, t: number): number {
  const i = stepIndex(curve.times, t);
  if (i >= 0 && curve.times[i] === t) return curve.atRisk[i];
  const next = i + 1;                             // first step after t: everyone from it on is still at risk at t
  return next < curve.times.length ? curve.atRisk[next] : 0;
}

/** One Kaplan–Meier curve per group code, in increasing code. */
export function kaplanMeierByGroup(durations: Float64Array, events: Uint8Array, groups: Int32Array, options: KmOptions = {}): Map<number, KmCurve> {
  checkSurvivalInput(durations, events, groups);
  const members = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const list = members.get(groups[i]);
    if (list) list.push(i); else members.set(groups[i], [i]);
  }
  const codes = [...members.keys()].sort((a, b) => a - b);
  return new Map(codes.map((code) => [code, kaplanMeier(durations, events, options, members.get(code))]));
}

/** The curve as JSON points (NaN band edges become null). */
export function kmPoints(curve: KmCurve): KmPoint[] {
  const orNull = (v: number) => (Number.isNaN(v) ? null : v);
  return Array.from(curve.times, (time, i) => ({
    time, atRisk: curve.atRisk[i], events: curve.events[i], censored: curve.censored[i],
    survival: curve.survival[i], lower: orNull(curve.lower[i]), upper: orNull(curve.upper[i]),
  }));
}

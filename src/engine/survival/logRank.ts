// The k-group log-rank test (Mantel 1966; Peto & Peto 1972), as R's survival::survdiff(rho = 0)
// and lifelines' multivariate_logrank_test compute it: at every distinct event time the events
// are split among the groups in proportion to their numbers at risk (hypergeometric expectation
// and variance–covariance), and U = O − E summed over time is tested with χ² = Uᵀ V⁻ U.
import { chiSquareSurvival } from '../stats';
import { checkSurvivalInput, sortedByDuration } from './kaplanMeier';

/** Result of logRank: the statistic, its degrees of freedom, the p-value and per-group O and E. */
export interface LogRank {
  chiSquare: number;
  df: number;
  p: number;
  codes: number[];               // the group codes, increasing; observed/expected/subjects follow this order
  subjects: number[];
  observed: number[];
  expected: number[];
}

// A pivot this small relative to the diagonal means the group adds no information (e.g. it has
// no subject at risk at any event time), so it is left out and df drops, like R's generalized inverse.
const PIVOT_TOLERANCE = 1e-10;

/** Dense group indices 0…k−1 for the codes, in increasing code. */
function denseGroups(groups: Int32Array): { codes: number[]; index: Int32Array } {
  const codes = [...new Set(groups)].sort((a, b) => a - b);
  const position = new Map(codes.map((c, i) => [c, i]));
  return { codes, index: Int32Array.from(groups, (g) => position.get(g) as number) };
}

/** Sweeps the event times, accumulating O − E and the covariance V (k×k, row-major). */
function accumulate(durations: Float64Array, events: Uint8Array, index: Int32Array, k: number) {
  const order = sortedByDuration(durations);
  const atRisk = new Float64Array(k);
  for (const g of index) atRisk[g]++;
  let n = index.length;
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const v = new Float64Array(k * k);
  const dAt = new Float64Array(k);
  for (let i = 0; i < order.length;) {
    const t = durations[order[i]];
    dAt.fill(0);
    let d = 0;
    let j = i;
    for (; j < order.length && durations[order[j]] === t; j++) if (events[order[j]] === 1) { dAt[index[order[j]]]++; d++; }
    if (d > 0) addEventTime(atRisk, dAt, n, d, observed, expected, v);
    // Censored subjects at t were at risk at t, so everyone with duration t leaves only now.
    n -= j - i;
    for (; i < j; i++) atRisk[index[order[i]]]--;
  }
  return { observed, expected, v };
}

/** Adds one event time: E_g += d·n_g/n and V_gh += d(n−d)/(n−1) · n_g/n · (δ_gh − n_h/n). */
function addEventTime(atRisk: Float64Array, dAt: Float64Array, n: number, d: number,
  observed: Float64Array, expected: Float64Array, v: Float64Array): void {
  const k = atRisk.length;
  const spread = n > 1 ? (d * (n - d)) / (n - 1) : 0;   // n = 1: the one subject's event is certain, no variance
  for (let g = 0; g < k; g++) {
    observed[g] += dAt[g];
    expected[g] += (d * atRisk[g]) / n;
    for (let h = 0; h < k; h++) v[g * k + h] += spread * (atRisk[g] / n) * ((g === h ? 1 : 0) - atRisk[h] / n);
  }
}

/** Uᵀ V⁻ U for symmetric positive semi-definite V (m×m), skipping null pivots; returns the statistic and rank. */
export function quadraticForm(u: Float64Array, v: Float64Array, m: number): { value: number; rank: number } {
  // Symmetric Gaussian elimination (an LDLᵀ sweep): each kept pivot p adds u_p²/v_pp, then is eliminated.
  const a = Float64Array.from(v);
  const b = Float64Array.from(u);
  const scale = Math.max(1e-300, ...Array.from({ length: m }, (_, i) => Math.abs(v[i * m + i])));
  let value = 0;
  let rank = 0;
  for (let p = 0; p < m; p++) {
    const pivot = a[p * m + p];
    if (!(pivot > PIVOT_TOLERANCE * scale)) continue;
    rank++;
    value += (b[p] * b[p]) / pivot;
    for (let r = p + 1; r < m; r++) {
      const f = a[r * m + p] / pivot;
      if (f === 0) continue;
      b[r] -= f * b[p];
      for (let c = p + 1; c < m; c++) a[r * m + c] -= f * a[p * m + c];
    }
  }
  return { value, rank };
}

/** k-group log-rank test of equal survival; fewer than two groups or no events give χ² = 0, df = 0, p = 1. */
export function logRank(durations: Float64Array, events: Uint8Array, groups: Int32Array): LogRank {
  checkSurvivalInput(durations, events, groups);
  const { codes, index } = denseGroups(groups);
  const k = codes.length;
  const subjects = codes.map(() => 0);
  for (const g of index) subjects[g]++;
  const { observed, expected, v } = accumulate(durations, events, index, k);
  // O − E sums to 0 over the groups, so V is singular: test the first k − 1 (any k − 1 give the same χ²).
  const m = Math.max(0, k - 1);
  const u = Float64Array.from({ length: m }, (_, g) => observed[g] - expected[g]);
  const reduced = Float64Array.from({ length: m * m }, (_, i) => v[Math.floor(i / m) * k + (i % m)]);
  const { value, rank } = quadraticForm(u, reduced, m);
  const chiSquare = rank > 0 ? value : 0;
  return {
    chiSquare, df: rank, p: rank > 0 ? chiSquareSurvival(chiSquare, rank) : 1,
    codes, subjects, observed: Array.from(observed), expected: Array.from(expected),
  };
}

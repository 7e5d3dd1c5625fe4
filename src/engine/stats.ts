// Significance tests for segment comparisons (DESIGN.md §4, segments): Pearson's χ² test of
// independence and the pooled two-proportion z-test, with p-values from the regularized upper
// incomplete gamma function Q(a, x) (Numerical Recipes 3rd ed. §6.2: series for x < a + 1,
// Lentz's continued fraction otherwise). Both branches converge to ~1e-15 relative, so p-values
// are good to 1e-12 even in the far tail, where 1 − P would lose every digit. No continuity
// correction (Yates) is applied: it is conservative and the research note asks us to say so.

/** Relative accuracy the series and continued fraction stop at. */
const EPS = 1e-15;
/** Smallest magnitude the continued fraction may divide by (Lentz's guard against 0). */
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

// Lanczos approximation (g = 671/128, 14 terms; NR3 gammln), accurate to ~1e-15 for x > 0.
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  let y = x;
  const tmp = x + 5.2421875 - (x + 0.5) * Math.log(x + 5.2421875);
  let ser = 0.9999999999999971;
  for (const c of LANCZOS) ser += c / ++y;
  return -tmp + Math.log((2.5066282746310007 * ser) / x);
}

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    del *= x / ++ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and x ≥ 0. */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`gammaQ needs a > 0 and x ≥ 0, got a = ${a}, x = ${x}`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/** Survival function of the χ² distribution: P(X ≥ x) with df degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return x <= 0 ? 1 : gammaQ(df / 2, x / 2);
}

/** Standard normal CDF Φ(z), via Φ(z) = ½·erfc(−z/√2) and erfc(t) = Q(½, t²) for t ≥ 0. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = 0.5 * gammaQ(0.5, (z * z) / 2);   // P(Z ≥ |z|), accurate however small
  return z < 0 ? tail : 1 - tail;
}

/**
 * Pearson's χ² test of independence on an r×c table of counts. Rows or columns that sum to 0
 * carry no information and make expected counts 0, so they are dropped first and df counts only
 * the rest; a table left with fewer than 2 rows or columns gives χ² = 0, df = 0, p = 1.
 */
export function chiSquareIndependence(table: number[][]): { chiSquare: number; df: number; p: number } {
  const cols = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== cols) throw new RangeError('chiSquareIndependence: rows have different lengths');
    for (const v of row) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`chiSquareIndependence: bad count ${v}`);
  }
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: cols }, (_, j) => table.reduce((a, row) => a + row[j], 0));
  const rows = rowSums.flatMap((s, i) => (s > 0 ? [i] : []));
  const keep = colSums.flatMap((s, j) => (s > 0 ? [j] : []));
  const df = (rows.length - 1) * (keep.length - 1);
  if (rows.length < 2 || keep.length < 2) return { chiSquare: 0, df: 0, p: 1 };
  const n = rowSums.reduce((a, b) => a + b, 0);
  let chiSquare = 0;
  for (const i of rows) {
    for (const j of keep) {
      const expected = (rowSums[i] * colSums[j]) / n;
      chiSquare += (table[i][j] - expected) ** 2 / expected;
    }
  }
  return { chiSquare, df, p: chiSquareSurvival(chiSquare, df) };
}

/**
 * Two-sided pooled two-proportion z-test of x1/n1 against x2/n2 (z > 0 when the first is
 * higher). z² equals the 2×2 χ² statistic. Degenerate inputs (an empty group, or a pooled
 * proportion of 0 or 1, where there is no variance) give z = 0, p = 1.
 */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  if (!(n1 > 0) || !(n2 > 0) || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) return { z: 0, p: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, p: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p: gammaQ(0.5, (z * z) / 2) };   // 2·(1 − Φ(|z|)) without cancellation
}

/**
 * Holm–Bonferroni adjusted p-values (same order as given): controls the family-wise error rate
 * under any dependence between the tests, and is never less powerful than Bonferroni. Testing
 * every column of a table at 5% would otherwise find a "significant" column in most files
 * where the segments do not differ at all.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));   // monotone step-down
    adjusted[i] = running;
  });
  return adjusted;
}

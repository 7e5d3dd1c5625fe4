// The 95% Wilson score interval for a proportion (Wilson 1927), which stays inside [0, 1] and
// keeps a sensible width for small cohorts and for rates of 0 or 100%, where the textbook
// p ± z·√(p(1−p)/n) collapses to a zero-width or out-of-range interval.

/** Φ⁻¹(0.975): the two-sided 95% normal quantile. */
export const Z95 = 1.959964;

/** Wilson interval of x successes out of n (unrounded); null when n ≤ 0 or x is not in [0, n] (not a proportion). */
export function wilson(x: number, n: number, z = Z95): { lower: number; upper: number } | null {
  if (!(n > 0) || x < 0 || x > n) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact ends at 0 and n: the formula reaches them only up to rounding error.
  return { lower: x === 0 ? 0 : Math.max(0, center - half), upper: x === n ? 1 : Math.min(1, center + half) };
}

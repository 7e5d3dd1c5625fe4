// Special functions the customer-value models need, in plain double precision. JavaScript has
// no lgamma and no hypergeometric function; these are small, well-known algorithms.

// Lanczos coefficients for g = 7, n = 9 (as in Numerical Recipes 3rd ed. / Boost's table):
// relative error below 1e-15 for positive arguments, which keeps LL values exact to ~1e-10.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection below 0.5 keeps the Lanczos sum accurate near 0). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Largest number of series terms before giving up (z = 0.999 needs ~30,000; that is already absurd data). */
const MAX_TERMS = 100_000;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) by its power series, for 0 ≤ z < 1 and c not a
 * non-positive integer. Returns NaN when the series has not converged. Callers arrange the
 * parameters (Euler's transformation) so that a and b are small and the terms shrink quickly.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    term *= ratio;
    sum += term;
    // The ratio of successive terms tends to z < 1; once it is below 1 and a term is negligible,
    // the tail (bounded by term · z / (1 − z)) is too.
    if (term === 0 || (Math.abs(ratio) < 1 && Math.abs(term) <= 1e-16 * Math.abs(sum) * (1 - z))) return sum;
  }
  return NaN;
}

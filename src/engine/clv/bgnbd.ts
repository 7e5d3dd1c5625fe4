// BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive a
// customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with
// probability p ~ Beta(a, b). Fitted by maximum likelihood on (x, t_x, T) per customer.
import { hessian, minimize, standardErrors } from './optimize';
import { hyp2f1 } from './special';

/** BG/NBD parameters; α is in the time unit of t_x and T. */
export interface BgNbdParams { r: number; alpha: number; a: number; b: number }

/** Fit input: per customer x (whole numbers), t_x and T, optionally weighted (identical customers collapsed). */
export interface BgNbdData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array | null;
  /** t_x and T as whole days (t = days / unitDays), when known: ln(α + t) then comes from a per-day table. */
  days?: { tx: Int32Array; T: Int32Array; unitDays: number; max: number };
}

/** Result of a BG/NBD fit. */
export interface BgNbdFit {
  params: BgNbdParams;
  se: (number | null)[];     // r, α, a, b
  logLikelihood: number;
  converged: boolean;
  status: string;
  evaluations: number;
  fitMs: number;
}


/** Customers' total weight and weight per x value: the part of the LL that only depends on x. */
export interface Shape { maxX: number; total: number; byX: Float64Array }

function shapeOf(d: BgNbdData): Shape {
  let maxX = 0;
  for (const v of d.x) if (v > maxX) maxX = v;
  const byX = new Float64Array(maxX + 1);
  let total = 0;
  for (let i = 0; i < d.x.length; i++) {
    const w = d.weight ? d.weight[i] : 1;
    byX[d.x[i] | 0] += w;
    total += w;
  }
  return { maxX, total, byX };
}

/**
 * Total log-likelihood, FHL 2005 eq. (6) in its hypergeometric-free form:
 * L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *   + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)).
 * x is a whole number, so the Gamma and Beta ratios are finite products: their logs are
 * accumulated once per x value; per customer (or group) there remain one exp and one log, as
 * ln(α + t) comes from a per-day table when whole days are known.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, d: BgNbdData, shape: Shape = shapeOf(d)): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
  // Σ_customers [ln Γ(r+x)/Γ(r) + ln Γ(a+b)Γ(b+x)/(Γ(b)Γ(a+b+x)) + r ln α], grouped by x.
  let ll = shape.total * r * Math.log(alpha);
  let cum = 0;
  const lnB1 = new Float64Array(shape.maxX + 1);   // ln(b + x − 1), x ≥ 1
  for (let x = 1; x <= shape.maxX; x++) {
    cum += Math.log(r + x - 1) + Math.log(b + x - 1) - Math.log(a + b + x - 1);
    ll += shape.byX[x] * cum;
    lnB1[x] = Math.log(b + x - 1);
  }
  return ll + customerTerms(p, d, lnB1);
}

/** Σ weight · ln(e^A3 + [x > 0] e^A4) over customers: the only part that needs a pass over them. */
function customerTerms(p: BgNbdParams, d: BgNbdData, lnB1: Float64Array): number {
  const { r, alpha } = p;
  const lnA = Math.log(p.a);
  const { x, weight } = d;
  const lnAt = logTable(alpha, d);
  const days = d.days;
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] | 0;   // whole numbers; an int index keeps V8 on the fast typed-array path
    const rx = r + xi;
    const lnT = days ? lnAt![days.T[i]] : Math.log(alpha + d.T[i]);
    let li = -rx * lnT;
    if (xi > 0) {
      const lnTx = days ? lnAt![days.tx[i]] : Math.log(alpha + d.tx[i]);
      const diff = lnA - lnB1[xi] - rx * lnTx - li;   // A4 − A3
      li += diff > 0 ? diff + Math.log1p(Math.exp(-diff)) : Math.log1p(Math.exp(diff));
    }
    ll += weight ? weight[i] * li : li;
  }
  return ll;
}

/** ln(α + day / unitDays) for every whole day up to the longest T: two logs per customer become lookups. */
function logTable(alpha: number, d: BgNbdData): Float64Array | null {
  if (!d.days) return null;
  const table = new Float64Array(d.days.max + 1);
  for (let k = 0; k < table.length; k++) table[k] = Math.log(alpha + k / d.days.unitDays);
  return table;
}

const fromLog = (v: Float64Array): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });

/** Fits BG/NBD by maximum likelihood on log-parameters; penalizer as lifetimes (coef × Σθ² on the mean NLL). */
export function fitBgNbd(d: BgNbdData, penalizer = 0): BgNbdFit {
  const t0 = performance.now();
  const shape = shapeOf(d);
  const objective = (v: Float64Array): number => {
    const p = fromLog(v);
    return -bgnbdLogLikelihood(p, d, shape) / shape.total + penalizer * (p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2);
  };
  const result = minimize(objective, startingPoints(d, shape));
  const params = fromLog(result.x);
  // Standard errors from the Hessian of the total (penalised) negative LL in the original parameters.
  const total = (v: Float64Array): number => shape.total * objective(v.map(Math.log));
  const theta = Float64Array.of(params.r, params.alpha, params.a, params.b);
  const se = standardErrors(hessian(total, theta));
  return {
    params, se, logLikelihood: bgnbdLogLikelihood(params, d, shape),
    converged: result.converged, status: result.message, evaluations: result.evaluations, fitMs: performance.now() - t0,
  };
}

/** A start scaled to the data (α = r / mean purchase rate, so λ starts at the observed rate), then lifetimes' all-ones start. */
function startingPoints(d: BgNbdData, shape: Shape): Float64Array[] {
  let xs = 0;
  let ts = 0;
  for (let i = 0; i < d.x.length; i++) {
    const w = d.weight ? d.weight[i] : 1;
    xs += w * d.x[i];
    ts += w * d.T[i];
  }
  const ones = Float64Array.of(0, 0, 0, 0);
  return xs > 0 && ts > 0 && shape.total > 0 ? [Float64Array.of(0, Math.log(ts / xs), 0, 0), ones] : [ones];
}

/** P(alive at T | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)); 1 when x = 0. */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const lnOdds = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[X(T, T+t] | x, t_x, T], FHL 2005 eq. (10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
 * Euler's transformation turns the bracketed product into (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z),
 * whose series has small numerator parameters: no overflow for large x and few terms.
 */
export function expectedPurchases(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const oneMinusZ = (alpha + T) / (alpha + T + t);
  const f = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, 1 - oneMinusZ);
  const bracket = 1 - Math.pow(oneMinusZ, a - 1) * f;
  return ((a + b + x - 1) / (a - 1)) * bracket * pAlive(p, x, tx, T);
}

/** Unconditional E[X(t)] for a customer just acquired (FHL 2005 eq. (9)); the same formula with x = t_x = T = 0. */
export function expectedPurchasesNew(p: BgNbdParams, t: number): number {
  return expectedPurchases(p, 0, 0, 0, t);
}

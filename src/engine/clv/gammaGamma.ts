// Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of Monetary Value", 2013 note;
// Colombo & Jiang 1999): a customer's purchase amounts are Gamma(p, ν) with ν ~ Gamma(q, γ),
// so the mean m of their x repeat purchases has a closed-form marginal density. Fitted on repeat
// customers only (x > 0), with m = mean of the repeat — not the first — purchases.
import { hessian, minimize, standardErrors } from './optimize';
import { lgamma } from './special';

/** Gamma-Gamma parameters; γ is in the amount column's currency. */
export interface GammaGammaParams { p: number; q: number; gamma: number }

/** Fit input: repeat customers' x (> 0, whole numbers) and mean repeat spend m (> 0). */
export interface GammaGammaData { x: Float64Array; m: Float64Array }

/** Result of a Gamma-Gamma fit. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  se: (number | null)[];     // p, q, γ
  logLikelihood: number;
  converged: boolean;
  status: string;
  evaluations: number;
  fitMs: number;
}

/** Per-data constants: ln m per customer, and customers per x value with ln x. */
interface Prepared { lnM: Float64Array; byX: Float64Array; maxX: number }

function prepare(d: GammaGammaData): Prepared {
  let maxX = 0;
  for (const v of d.x) if (v > maxX) maxX = v;
  const byX = new Float64Array(maxX + 1);
  for (const v of d.x) byX[v | 0]++;
  return { lnM: d.m.map(Math.log), byX, maxX };
}

/**
 * Total log-likelihood of the mean spends (the form lifetimes and CLVTools use):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + x m).
 * The Gamma terms depend on x only, so they are computed once per x value.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, d: GammaGammaData, pre: Prepared = prepare(d)): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0)) return -Infinity;
  let ll = d.x.length * (q * Math.log(gamma) - lgamma(q));
  for (let x = 1; x <= pre.maxX; x++) {
    if (pre.byX[x] > 0) ll += pre.byX[x] * (lgamma(p * x + q) - lgamma(p * x) + p * x * Math.log(x));
  }
  const { x, m } = d;
  const lnM = pre.lnM;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    ll += (px - 1) * lnM[i] - (px + q) * Math.log(gamma + x[i] * m[i]);
  }
  return ll;
}

const fromLog = (v: Float64Array): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });

/** Fits Gamma-Gamma by maximum likelihood on log-parameters; penalizer as lifetimes (coef × Σθ² on the mean NLL). */
export function fitGammaGamma(d: GammaGammaData, penalizer = 0): GammaGammaFit {
  const t0 = performance.now();
  const pre = prepare(d);
  const n = d.x.length;
  const objective = (v: Float64Array): number => {
    const p = fromLog(v);
    return -gammaGammaLogLikelihood(p, d, pre) / n + penalizer * (p.p ** 2 + p.q ** 2 + p.gamma ** 2);
  };
  // lifetimes' start (all ones) and one matching the mean spend: E[m] = pγ/(q−1) with p = 1, q = 2.
  const meanM = d.m.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  const result = minimize(objective, [Float64Array.of(0, 0, 0), Float64Array.of(0, Math.log(2), Math.log(Math.max(meanM, 1e-9)))]);
  const params = fromLog(result.x);
  const total = (v: Float64Array): number => n * objective(v.map(Math.log));
  const se = standardErrors(hessian(total, Float64Array.of(params.p, params.q, params.gamma)));
  return {
    params, se, logLikelihood: gammaGammaLogLikelihood(params, d, pre),
    converged: result.converged, status: result.message, evaluations: result.evaluations, fitMs: performance.now() - t0,
  };
}

/**
 * E[spend per purchase | x, m] = (p(γ + x m)) / (px + q − 1): a weighted mean of the population
 * mean pγ/(q−1) and the customer's own mean m. For x = 0 it is the population mean. NaN when
 * q ≤ 1 (the population mean does not exist).
 */
export function expectedAverageSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  if (q <= 1) return NaN;
  return x > 0 ? (p * (gamma + x * m)) / (p * x + q - 1) : (p * gamma) / (q - 1);
}

/** Pearson correlation of two equally long samples; NaN when either is constant. */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

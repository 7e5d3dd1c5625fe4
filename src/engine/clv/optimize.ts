// A small, dependable minimiser for maximum-likelihood fits of 3–4 parameters. The models are
// fitted on log-parameters (every parameter is positive), where the likelihood surface is
// close to quadratic and one scale fits all parameters, so derivative-free Nelder–Mead works
// well to find the basin; Newton steps then finish in a few iterations what Nelder–Mead would
// take hundreds of evaluations to pin down (each evaluation is a pass over every customer). Several starts guard against a bad first guess,
// the failure lifetimes users report on large files (lifetimes #405).

/** An objective to minimise; it may return Infinity or NaN for points outside the model. */
export type Objective = (x: Float64Array) => number;

/** Tolerances and limits of a minimisation. */
export interface MinimizeOptions {
  fTol: number;            // stop when the simplex's function values span less than this (absolute)
  xTol: number;            // … and its vertices lie within this of the best (per coordinate)
  maxEvaluations: number;  // per start, across restarts
  step: number;            // initial simplex edge (in the objective's coordinates)
  maxRestarts: number;
}

/** Defaults for mean negative log-likelihoods on log-parameters (values of order 1–10). */
export const DEFAULT_MINIMIZE: Readonly<MinimizeOptions> = { fTol: 1e-12, xTol: 1e-8, maxEvaluations: 5_000, step: 0.5, maxRestarts: 5 };

/** Outcome of a minimisation. */
export interface MinimizeResult {
  x: Float64Array;
  f: number;
  evaluations: number;
  converged: boolean;      // tolerances met and a restart no longer improves
  gradientNorm: number;    // max |∂f/∂x_i| at x (central differences): ~0 at a true minimum
  message: string;
}

/** Finite function value, with anything else mapped to +Infinity so comparisons stay sane. */
function safe(f: Objective, x: Float64Array): number {
  const v = f(x);
  return Number.isFinite(v) ? v : Infinity;
}

/** One Nelder–Mead run (standard coefficients 1, 2, ½, ½) from x0. */
export function nelderMead(f: Objective, x0: Float64Array, o: MinimizeOptions): { x: Float64Array; f: number; evaluations: number; converged: boolean } {
  const n = x0.length;
  const pts: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] += o.step;
    pts.push(p);
  }
  const vals = pts.map((p) => safe(f, p));
  let evaluations = n + 1;
  while (evaluations < o.maxEvaluations) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j]);
    const best = order[0];
    const worst = order[n];
    if (isConverged(pts, vals, best, o)) return { x: pts[best], f: vals[best], evaluations, converged: true };
    const c = centroid(pts, worst);
    const move = (t: number): Float64Array => c.map((ci, i) => ci + t * (pts[worst][i] - ci));
    const xr = move(-1);
    const fr = safe(f, xr);
    evaluations++;
    if (fr < vals[best]) {
      const xe = move(-2);
      const fe = safe(f, xe);
      evaluations++;
      [pts[worst], vals[worst]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < vals[order[n - 1]]) {
      [pts[worst], vals[worst]] = [xr, fr];
    } else {
      const xc = fr < vals[worst] ? move(-0.5) : move(0.5);
      const fc = safe(f, xc);
      evaluations++;
      if (fc < Math.min(fr, vals[worst])) [pts[worst], vals[worst]] = [xc, fc];
      else evaluations += shrink(f, pts, vals, best);
    }
  }
  const best = vals.indexOf(Math.min(...vals));
  return { x: pts[best], f: vals[best], evaluations, converged: false };
}

function isConverged(pts: Float64Array[], vals: number[], best: number, o: MinimizeOptions): boolean {
  if (!Number.isFinite(vals[best])) return false;
  for (let j = 0; j < pts.length; j++) {
    if (!(Math.abs(vals[j] - vals[best]) <= o.fTol)) return false;
    for (let i = 0; i < pts[j].length; i++) if (Math.abs(pts[j][i] - pts[best][i]) > o.xTol) return false;
  }
  return true;
}

function centroid(pts: Float64Array[], skip: number): Float64Array {
  const c = new Float64Array(pts[0].length);
  for (let j = 0; j < pts.length; j++) {
    if (j === skip) continue;
    for (let i = 0; i < c.length; i++) c[i] += pts[j][i] / (pts.length - 1);
  }
  return c;
}

/** Pulls every vertex halfway towards the best one; returns the evaluations spent. */
function shrink(f: Objective, pts: Float64Array[], vals: number[], best: number): number {
  for (let j = 0; j < pts.length; j++) {
    if (j === best) continue;
    pts[j] = pts[j].map((v, i) => pts[best][i] + 0.5 * (v - pts[best][i]));
    vals[j] = safe(f, pts[j]);
  }
  return pts.length - 1;
}

/** Coarse Nelder–Mead tolerances: enough to land in the quadratic basin, where Newton takes over. */
const COARSE = { fTol: 1e-8, xTol: 1e-4 };

/**
 * From each start in turn: coarse Nelder–Mead, then Newton steps with a finite-difference Hessian;
 * if Newton cannot finish (Hessian not positive definite, no descent), Nelder–Mead restarts at
 * its best point until a restart gains < fTol. Converged = gradient ~0 at the result.
 */
export function minimize(f: Objective, starts: Float64Array[], options: Partial<MinimizeOptions> = {}): MinimizeResult {
  const o = { ...DEFAULT_MINIMIZE, ...options };
  let best: MinimizeResult | null = null;
  let evaluations = 0;
  // Starts are tried in order until one converges: the first is usually enough, the others are insurance.
  for (const start of starts) {
    const run = fromStart(f, start, o);
    evaluations += run.evaluations;
    if (!best || !(run.f >= best.f)) best = run;
    if (run.converged) break;
  }
  const { x, f: fx, converged, gradientNorm, message } = best!;
  return { x, f: fx, evaluations, converged, gradientNorm, message: message.replace('#', String(evaluations)) };
}

/** Coarse Nelder–Mead, Newton polish, and Nelder–Mead restarts if Newton cannot finish. */
function fromStart(f: Objective, start: Float64Array, o: MinimizeOptions): MinimizeResult {
  const coarse = nelderMead(f, start, { ...o, fTol: Math.max(o.fTol, COARSE.fTol), xTol: Math.max(o.xTol, COARSE.xTol) });
  let evaluations = coarse.evaluations;
  if (!Number.isFinite(coarse.f)) return { x: start, f: NaN, evaluations, converged: false, gradientNorm: NaN, message: 'no finite likelihood from this start (# evaluations)' };
  const polished = newton(f, coarse.x, coarse.f);
  evaluations += polished.evaluations;
  let { x, f: fx } = polished;
  if (!polished.ok) {
    for (let k = 0; k < o.maxRestarts; k++) {
      const again = nelderMead(f, x, { ...o, step: Math.min(o.step, 0.1) });
      evaluations += again.evaluations;
      const gained = fx - again.f;
      if (again.f <= fx) [x, fx] = [again.x, again.f];
      if (!(gained >= o.fTol)) break;
    }
  }
  const gradientNorm = maxAbs(gradient(f, x, 1e-5));
  evaluations += 2 * x.length;
  const converged = gradientNorm < 1e-5;
  const how = polished.ok ? 'Newton' : 'Nelder–Mead restarts';
  const message = converged
    ? `converged (${how}; # evaluations, max |gradient| ${gradientNorm.toExponential(1)})`
    : `did not converge (# evaluations, max |gradient| ${gradientNorm.toExponential(1)}); try a penalizer`;
  return { x, f: fx, evaluations, converged, gradientNorm, message };
}

/** Newton's method with finite differences and step halving; ok when the gradient is ~0 at a positive-definite Hessian. */
function newton(f: Objective, x0: Float64Array, f0: number): { x: Float64Array; f: number; evaluations: number; ok: boolean } {
  let x = x0;
  let fx = f0;
  let evaluations = 0;
  const n = x.length;
  for (let iter = 0; iter < 10; iter++) {
    const g = gradient(f, x, 1e-5);
    const H = hessian(f, x, 1e-4, 1e-4);
    evaluations += 2 * n + 2 * n * n + 1;
    if (maxAbs(g) < 1e-9) return { x, f: fx, evaluations, ok: true };
    const inv = invertSpd(H);
    if (!inv) return { x, f: fx, evaluations, ok: false };
    const step = inv.map((row) => -row.reduce((acc, v, j) => acc + v * g[j], 0));
    let t = 1;
    let moved = false;
    for (let halvings = 0; halvings < 20 && !moved; halvings++, t /= 2) {
      const y = x.map((v, i) => v + t * step[i]);
      const fy = f(y);
      evaluations++;
      if (fy <= fx) [x, fx, moved] = [y, fy, true];
    }
    if (!moved) return { x, f: fx, evaluations, ok: maxAbs(g) < 1e-6 };
  }
  return { x, f: fx, evaluations, ok: maxAbs(gradient(f, x, 1e-5)) < 1e-6 };
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/** Central-difference gradient with step h in every coordinate. */
export function gradient(f: Objective, x: Float64Array, h: number): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const p = Float64Array.from(x);
    p[i] = x[i] + h;
    const up = f(p);
    p[i] = x[i] - h;
    g[i] = (up - f(p)) / (2 * h);
  }
  return g;
}

/** Central-difference Hessian; step h_i = relStep · |x_i| (at least minStep). */
export function hessian(f: Objective, x: Float64Array, relStep = 1e-4, minStep = 1e-12): number[][] {
  const n = x.length;
  const h = Array.from(x, (v) => Math.max(relStep * Math.abs(v), minStep));
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const p = Float64Array.from(x);
    p[di] += si * h[di];
    p[dj] += sj * h[dj];
    return f(p);
  };
  const f0 = f(x);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x);
    p[i] = x[i] + h[i];
    const up = f(p);
    p[i] = x[i] - h[i];
    H[i][i] = (up - 2 * f0 + f(p)) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      H[i][j] = H[j][i] = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function invertSpd(A: number[][]): number[][] | null {
  const n = A.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  // Solve L Lᵀ X = I column by column.
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
      y[i] = s / L[i][i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i];
      for (let k = i + 1; k < n; k++) s -= L[k][i] * inv[k][c];
      inv[i][c] = s / L[i][i];
    }
  }
  return inv;
}

/** Standard errors sqrt(diag(H⁻¹)) of a negative log-likelihood's Hessian; null entries when H is singular. */
export function standardErrors(H: number[][]): (number | null)[] {
  const inv = invertSpd(H);
  return H.map((_, i) => (inv && inv[i][i] > 0 ? Math.sqrt(inv[i][i]) : null));
}

import { strict as assert } from 'node:assert';
import { hessian, invertSpd, minimize, nelderMead, DEFAULT_MINIMIZE, standardErrors } from '../../../../src/engine/clv/optimize';
import { hyp2f1, lgamma } from '../../../../src/engine/clv/special';

describe('engine/clv/optimize', () => {
  it('finds the Rosenbrock minimum (1, 1) and reports convergence', () => {
    const rosen = (v: Float64Array): number => 100 * (v[1] - v[0] ** 2) ** 2 + (1 - v[0]) ** 2;
    const r = minimize(rosen, [Float64Array.of(-1.2, 1)]);
    assert.ok(r.converged, r.message);
    assert.ok(Math.abs(r.x[0] - 1) < 1e-6 && Math.abs(r.x[1] - 1) < 1e-6, String(r.x));
  });

  it('Nelder–Mead alone minimises a shifted quadratic', () => {
    const r = nelderMead((v) => (v[0] - 3) ** 2 + 2 * (v[1] + 1) ** 2, Float64Array.of(0, 0), DEFAULT_MINIMIZE);
    assert.ok(r.converged);
    assert.ok(Math.abs(r.x[0] - 3) < 1e-6 && Math.abs(r.x[1] + 1) < 1e-6);
  });

  it('keeps away from points where the objective is not finite, and says when nothing is finite', () => {
    const r = minimize((v) => (v[0] > 0 ? v[0] - Math.log(v[0]) : NaN), [Float64Array.of(3)]);
    assert.ok(Math.abs(r.x[0] - 1) < 1e-6);
    assert.equal(minimize(() => NaN, [Float64Array.of(0)]).converged, false);
  });

  it('Hessian, inverse and standard errors: normal mean with n = 100, σ = 2 gives SE 0.2', () => {
    const H = hessian((v) => (100 * (v[0] - 5) ** 2) / (2 * 4), Float64Array.of(5.3));
    assert.ok(Math.abs(H[0][0] - 25) < 1e-4);
    assert.ok(Math.abs(standardErrors(H)[0]! - 0.2) < 1e-6);
    const inv = invertSpd([[4, 2], [2, 3]])!;
    assert.deepEqual(inv.map((row) => row.map((v) => Math.round(v * 1e12) / 1e12)), [[0.375, -0.25], [-0.25, 0.5]]);
    assert.equal(invertSpd([[1, 2], [2, 1]]), null);
  });

  it('lgamma and 2F1 against known values', () => {
    assert.ok(Math.abs(lgamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 1e-14);
    assert.ok(Math.abs(lgamma(10) - Math.log(362880)) < 1e-12);
    assert.ok(Math.abs(lgamma(0.1) - 2.252712651734206) < 1e-13);
    // 2F1(1, 1; 2; z) = −ln(1 − z) / z.
    assert.ok(Math.abs(hyp2f1(1, 1, 2, 0.9) + Math.log(0.1) / 0.9) < 1e-12);
  });
});

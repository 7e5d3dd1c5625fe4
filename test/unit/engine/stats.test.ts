import { strict as assert } from 'node:assert';
import { chiSquareIndependence, chiSquareSurvival, gammaQ, holmAdjust, logGamma, normalCdf, twoProportionZ } from '../../../src/engine/stats';

// Reference values: scipy 1.17.1 (chi2.sf, norm.cdf), or closed forms where noted.
function close(actual: number, expected: number, rel = 1e-12): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  assert.ok(err <= rel, `${actual} ≠ ${expected} (relative error ${err})`);
}

describe('engine/stats', () => {
  describe('logGamma and gammaQ', () => {
    it('matches ln Γ at integers and ½', () => {
      assert.ok(Math.abs(logGamma(1)) < 1e-14);
      close(logGamma(5), Math.log(24), 1e-14);
      close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
      close(logGamma(100), 359.1342053695754, 1e-14);
    });

    it('gives Q(1, x) = e^−x and Q(2, x) = e^−x (1 + x) on both branches', () => {
      for (const x of [0.3, 1.5, 7, 40]) {
        close(gammaQ(1, x), Math.exp(-x));
        close(gammaQ(2, x), Math.exp(-x) * (1 + x));
      }
      assert.equal(gammaQ(3, 0), 1);
      assert.equal(gammaQ(3, Infinity), 0);
    });

    it('rejects arguments outside its domain', () => {
      assert.throws(() => gammaQ(0, 1), RangeError);
      assert.throws(() => gammaQ(1, -1), RangeError);
      assert.throws(() => logGamma(0), RangeError);
    });
  });

  describe('chiSquareSurvival', () => {
    it('gives the textbook 5% critical values', () => {
      close(chiSquareSurvival(1.959963984540054 ** 2, 1), 0.05, 1e-12);   // z_0.975²
      close(chiSquareSurvival(5.991464547107979, 2), 0.05, 1e-12);
      close(chiSquareSurvival(3.841459, 1), 0.05, 1e-6);                   // the rounded table value
    });

    it('matches scipy chi2.sf across df and tails to 1e-12', () => {
      const cases: [number, number, number][] = [
        [10, 3, 0.01856613546304325], [1, 1, 0.31731050786291115], [6.6, 1, 0.010197876776240265],
        [100, 5, 5.285148360943219e-20], [0.01, 7, 0.999999999243059], [50, 40, 0.1335748340856504],
        [1e-5, 1, 0.9974768716831944], [30, 1, 4.3204630578274955e-8], [200, 3, 4.218541107192018e-43],
      ];
      for (const [x, df, p] of cases) close(chiSquareSurvival(x, df), p);
    });

    it('is exactly e^(−x/2) for df = 2', () => {
      close(chiSquareSurvival(10, 2), Math.exp(-5), 1e-14);
      assert.equal(chiSquareSurvival(0, 4), 1);
    });
  });

  describe('normalCdf', () => {
    it('matches scipy norm.cdf, tails included', () => {
      const cases: [number, number][] = [
        [1, 0.8413447460685429], [-1, 0.15865525393145707], [1.959963984540054, 0.975],
        [-3, 0.0013498980316300933], [5, 0.9999997133484281], [-8, 6.22096057427174e-16], [-0.5, 0.3085375387259869],
      ];
      for (const [z, p] of cases) close(normalCdf(z), p);
      assert.equal(normalCdf(0), 0.5);
      assert.ok(Number.isNaN(normalCdf(NaN)));
    });
  });

  describe('chiSquareIndependence', () => {
    it('computes a 2×3 table by hand', () => {
      // Research note example: retained 120/400, 90/350, 60/250 → rows {retained, not} × 3 segments.
      // N = 1000, retained 270, not 730; E(retained) = 108, 94.5, 67.5; E(not) = 292, 255.5, 182.5.
      // χ² = 12²/108 + 4.5²/94.5 + 7.5²/67.5 + 12²/292 + 4.5²/255.5 + 7.5²/182.5
      //    = 1.333333 + 0.214286 + 0.833333 + 0.493151 + 0.079256 + 0.308219 = 3.261579 (scipy: 3.2615786040); df = 2; p = e^(−χ²/2).
      const r = chiSquareIndependence([[120, 90, 60], [280, 260, 190]]);
      close(r.chiSquare, 3.2615786040443573, 1e-12);
      assert.equal(r.df, 2);
      close(r.p, Math.exp(-r.chiSquare / 2), 1e-13);
      close(r.p, 0.19577498753362732);
    });

    it('gives the same answer for the transposed (G×2) table', () => {
      const r = chiSquareIndependence([[120, 280], [90, 260], [60, 190]]);
      close(r.chiSquare, 3.2615786040443573, 1e-12);
      assert.equal(r.df, 2);
    });

    it('matches N(ad − bc)² / (row and column products) on a 2×2 table', () => {
      // [[8, 2], [3, 9]]: N = 22, ad − bc = 66, rows 10, 12, columns 11, 11 → 22·4356 / 14520 = 6.6.
      const r = chiSquareIndependence([[8, 2], [3, 9]]);
      close(r.chiSquare, 6.6, 1e-13);
      assert.equal(r.df, 1);
      close(r.p, 0.010197876776240265);
    });

    it('drops empty rows and columns; nothing left to test gives p = 1', () => {
      const r = chiSquareIndependence([[8, 2, 0], [0, 0, 0], [3, 9, 0]]);
      close(r.chiSquare, 6.6, 1e-13);
      assert.equal(r.df, 1);
      assert.deepEqual(chiSquareIndependence([[5, 0], [7, 0]]), { chiSquare: 0, df: 0, p: 1 });
      assert.deepEqual(chiSquareIndependence([]), { chiSquare: 0, df: 0, p: 1 });
    });

    it('gives χ² = 0 and p = 1 for proportional rows', () => {
      const r = chiSquareIndependence([[1, 3], [2, 6]]);
      assert.ok(Math.abs(r.chiSquare) < 1e-12);
      close(r.p, 1, 1e-9);
    });

    it('rejects ragged tables and negative or non-finite counts', () => {
      assert.throws(() => chiSquareIndependence([[1, 2], [3]]), RangeError);
      assert.throws(() => chiSquareIndependence([[1, -2], [3, 4]]), RangeError);
      assert.throws(() => chiSquareIndependence([[1, NaN], [3, 4]]), RangeError);
      assert.throws(() => chiSquareIndependence([[1, Infinity], [3, 4]]), RangeError);
    });
  });

  describe('twoProportionZ', () => {
    it('reproduces the research note example (324/885 vs 280/900)', () => {
      // p = 604/1785 = 0.338375, SE = √(p(1−p)(1/885 + 1/900)) = 0.022399, z = (0.366102 − 0.311111)/SE = 2.4550.
      const r = twoProportionZ(324, 885, 280, 900);
      close(r.z, 2.455, 1e-4);
      close(r.p, 0.0141, 3e-3);
      close(r.p, 2 * (1 - normalCdf(r.z)), 1e-9);
      close(twoProportionZ(280, 900, 324, 885).z, -r.z, 1e-14);
    });

    it('has z² equal to the 2×2 χ² and the same p', () => {
      const z = twoProportionZ(8, 10, 3, 12);
      const chi = chiSquareIndependence([[8, 2], [3, 9]]);
      close(z.z * z.z, chi.chiSquare, 1e-12);
      close(z.p, chi.p, 1e-12);
    });

    it('returns z = 0, p = 1 when there is no variance or no data', () => {
      assert.deepEqual(twoProportionZ(5, 5, 7, 7), { z: 0, p: 1 });
      assert.deepEqual(twoProportionZ(0, 5, 0, 7), { z: 0, p: 1 });
      assert.deepEqual(twoProportionZ(1, 0, 1, 2), { z: 0, p: 1 });
      assert.deepEqual(twoProportionZ(6, 5, 1, 2), { z: 0, p: 1 });
    });
  });

  describe('holmAdjust', () => {
    it('multiplies the i-th smallest p by (m − i + 1), keeps the order monotone and caps at 1', () => {
      // Sorted: 0.01 (×4 = 0.04), 0.02 (×3 = 0.06), 0.03 (×2 = 0.06), 0.6 (×1 = 0.6); given order restored.
      const adjusted = holmAdjust([0.03, 0.6, 0.01, 0.02]);
      [0.06, 0.6, 0.04, 0.06].forEach((p, i) => close(adjusted[i], p, 1e-12));
      // Monotonicity: the second smallest, 0.045 × 2 = 0.09, would sit below the smallest's 0.04 × 3 = 0.12.
      const step = holmAdjust([0.045, 0.04, 0.5]);
      [0.12, 0.12, 0.5].forEach((p, i) => close(step[i], p, 1e-12));
      assert.deepEqual(holmAdjust([0.7, 0.9]), [1, 1]);
      assert.deepEqual(holmAdjust([]), []);
    });
  });
});

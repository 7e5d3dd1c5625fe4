// BG/NBD against Fader, Hardie & Lee (2005) on CDNOW, and against independent computations.
import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { bgnbdLogLikelihood, expectedPurchases, expectedPurchasesNew, fitBgNbd, pAlive, type BgNbdParams } from '../../../../src/engine/clv/bgnbd';
import { calibrationSummary, groupRfm } from '../../../../src/engine/clv/summary';
import { lgamma } from '../../../../src/engine/clv/special';
import { loadCsv } from '../loadCsv';
import { CDNOW_DIR, cdnowSampleDataset } from './cdnow';

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;
const P: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** FHL 2005 eq. (6), written out term by term with lgamma (no grouping, no per-day tables, no log-sum-exp). */
function directLL(p: BgNbdParams, x: number, tx: number, T: number): number {
  const lbeta = (u: number, v: number): number => lgamma(u) + lgamma(v) - lgamma(u + v);
  const common = lgamma(p.r + x) - lgamma(p.r) + p.r * Math.log(p.alpha);
  const first = Math.exp(lbeta(p.a, p.b + x) - lbeta(p.a, p.b) + common - (p.r + x) * Math.log(p.alpha + T));
  const second = x > 0 ? Math.exp(lbeta(p.a + 1, p.b + x - 1) - lbeta(p.a, p.b) + common - (p.r + x) * Math.log(p.alpha + tx)) : 0;
  return Math.log(first + second);
}

/** E[X(t) | x, t_x, T] by integrating over the dropout probability (Simpson, p = u^(1/a) removes the endpoint singularity). */
function expectedByIntegration(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const n = 20000;
  const lbeta = lgamma(p.a) + lgamma(p.b + x) - lgamma(p.a + p.b + x);
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    const u = k / n;
    const q = Math.max(u ** (1 / p.a), 1e-300);
    // E[purchases in t | alive, p] averaged over λ's posterior Gamma(r + x, α + T): (1 − (1 + q t/(α+T))^−(r+x)) / q.
    const f = q === 1e-300 ? ((p.r + x) * t) / (p.alpha + T) : (1 - Math.pow(1 + (q * t) / (p.alpha + T), -(p.r + x))) / q;
    const density = (Math.pow(1 - q, p.b + x - 1) / p.a) * Math.exp(-lbeta);   // Beta(a, b+x) in u
    sum += (k === 0 || k === n ? 1 : k % 2 ? 4 : 2) * f * density;
  }
  return ((sum / (3 * n)) * pAlive(p, x, tx, T));
}

describe('engine/clv/bgnbd', () => {
  it('log-likelihood equals eq. (6) computed term by term', () => {
    const x = Float64Array.of(0, 1, 2, 7);
    const tx = Float64Array.of(0, 3.5, 20.1, 30);
    const T = Float64Array.of(10, 38.86, 25, 31);
    const expected = Array.from(x, (_, i) => directLL(P, x[i], tx[i], T[i])).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(bgnbdLogLikelihood(P, { x, tx, T, weight: null }) - expected) < 1e-9);
    const days = { tx: Int32Array.of(0, 7, 14), T: Int32Array.of(70, 70, 21), unitDays: 7, max: 70 };
    const w = { x: Float64Array.of(0, 1, 2), tx: Float64Array.of(0, 1, 2), T: Float64Array.of(10, 10, 3), weight: Float64Array.of(3, 1, 2), days };
    const direct = 3 * directLL(P, 0, 0, 10) + directLL(P, 1, 1, 10) + 2 * directLL(P, 2, 2, 3);
    assert.ok(Math.abs(bgnbdLogLikelihood(P, w) - direct) < 1e-9);
  });

  it('P(alive) is 1 without repeat purchases and falls with a long silence', () => {
    assert.equal(pAlive(P, 0, 0, 38.86), 1);
    assert.ok(pAlive(P, 2, 30.43, 38.86) > pAlive(P, 2, 5, 38.86));
    assert.ok(pAlive(P, 2, 5, 38.86) > 0 && pAlive(P, 2, 5, 38.86) < 1);
  });

  it('expected purchases equal a numeric integration over the dropout probability', () => {
    for (const [x, tx, T, t] of [[1, 10, 30, 39], [4, 20, 25, 52], [12, 38, 39, 10]]) {
      const closed = expectedPurchases(P, x, tx, T, t);
      assert.ok(Math.abs(closed - expectedByIntegration(P, x, tx, T, t)) < 1e-6 * Math.max(1, closed), `${x},${tx},${T},${t}`);
    }
    assert.equal(expectedPurchases(P, 3, 10, 20, 0), 0);
  });

  describe('CDNOW 2,357-customer sample, calibration to 1997-09-30, weeks', function () {
    this.timeout(60000);
    const s = calibrationSummary(cdnowSampleDataset(), '1997-09-30', 'week', true);
    const fit = fitBgNbd(groupRfm(s));

    it('prepares 6,919 rows into 6,696 customer-days, 2,457 repeat purchases in calibration', () => {
      assert.equal(s.x.length, 2357);
      assert.equal(s.x.reduce((a, b) => a + b, 0), 2457);
      assert.equal(s.x.filter((x) => x > 0).length, 946);
      assert.equal(s.purchaseDays + s.holdout.reduce((a, b) => a + b, 0), 6696);
    });

    it('reproduces r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4', () => {
      const { r, alpha, a, b } = fit.params;
      assert.deepEqual([round(r, 3), round(alpha, 3), round(a, 3), round(b, 3)], [0.243, 4.414, 0.793, 2.426]);
      assert.equal(round(fit.logLikelihood, 1), -9582.4);
      assert.ok(fit.converged, fit.status);
      assert.ok(fit.se.every((v) => v !== null && v > 0));
    });

    it("matches Hardie's spreadsheet: E[X(39) | 2, 30.43, 38.86] = 1.226 and E[X(t)] for a new customer", () => {
      assert.ok(Math.abs(expectedPurchases(fit.params, 2, 30.43, 38.86, 39) - 1.226) < 0.001);
      const times = [0.1429, 1, 3, 31.8571, 32, 78];
      const hardie = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
      times.forEach((t, i) => assert.ok(Math.abs(expectedPurchasesNew(fit.params, t) - hardie[i]) < 1e-3, `t = ${t}`));
    });

    it('gives the same fit through the real ingest of cdnowElog_BTYD.csv (its 21 repeated rows are same-day purchases)', async () => {
      const file = resolve(CDNOW_DIR, 'cdnowElog_BTYD.csv');
      const ds = await loadCsv(file);
      assert.equal(ds.quality.skipped['duplicate row'], 21);
      const viaIngest = fitBgNbd(groupRfm(calibrationSummary(ds, '1997-09-30', 'week', true)));
      assert.equal(round(viaIngest.logLikelihood, 4), round(fit.logLikelihood, 4));
      assert.equal(round(viaIngest.params.alpha, 4), round(fit.params.alpha, 4));
    });
  });
});

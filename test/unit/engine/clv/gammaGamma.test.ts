// Gamma-Gamma against Fader & Hardie's note on CDNOW (as lifetimes and CLVTools test it).
import { strict as assert } from 'node:assert';
import { expectedAverageSpend, fitGammaGamma, gammaGammaLogLikelihood, pearson } from '../../../../src/engine/clv/gammaGamma';
import { calibrationSummary } from '../../../../src/engine/clv/summary';
import { lgamma } from '../../../../src/engine/clv/special';
import { cdnowSampleDataset } from './cdnow';

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;
const P = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('engine/clv/gammaGamma', () => {
  it('log-likelihood equals the density of the mean written out with lgamma', () => {
    const x = Float64Array.of(1, 3, 3);
    const m = Float64Array.of(12.5, 40, 7.25);
    let direct = 0;
    for (let i = 0; i < 3; i++) {
      // z̄ | ν ~ Gamma(p x, ν x) and ν ~ Gamma(q, γ), integrated over ν.
      const px = P.p * x[i];
      direct += lgamma(px + P.q) - lgamma(px) - lgamma(P.q) + P.q * Math.log(P.gamma) + (px - 1) * Math.log(m[i]) + px * Math.log(x[i]) - (px + P.q) * Math.log(P.gamma + x[i] * m[i]);
    }
    assert.ok(Math.abs(gammaGammaLogLikelihood(P, { x, m }) - direct) < 1e-9);
  });

  it('expected average spend matches Hardie’s spreadsheet for the first ten CDNOW customers', () => {
    const s = calibrationSummary(cdnowSampleDataset(), '1997-09-30', 'week', true);
    const spend = Array.from({ length: 10 }, (_, i) => expectedAverageSpend(P, s.x[i], s.monetary[i]));
    const hardie = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    spend.forEach((v, i) => assert.ok(Math.abs(v - hardie[i]) < 0.1, `customer ${i + 1}: ${v}`));
    assert.ok(Number.isNaN(expectedAverageSpend({ ...P, q: 0.9 }, 0, 0)));
  });

  it('CDNOW: p = 6.25, q = 3.74, γ = 15.44, LL = −4055.9177 on the 946 repeat customers', function () {
    this.timeout(60000);
    const s = calibrationSummary(cdnowSampleDataset(), '1997-09-30', 'week', true);
    const keep = Array.from(s.x.keys()).filter((i) => s.x[i] > 0);
    const x = Float64Array.from(keep, (i) => s.x[i]);
    const m = Float64Array.from(keep, (i) => s.monetary[i]);
    const fit = fitGammaGamma({ x, m });
    assert.equal(keep.length, 946);
    assert.deepEqual([round(fit.params.p, 2), round(fit.params.q, 2), round(fit.params.gamma, 2)], [6.25, 3.74, 15.44]);
    assert.equal(round(fit.logLikelihood, 4), -4055.9177);
    assert.ok(fit.converged, fit.status);
    assert.ok(Math.abs(pearson(x, m) - 0.1139) < 1e-3);   // lifetimes' docs print 0.113884 for this check
  });

  it('pearson is ±1 on lines and NaN on a constant', () => {
    assert.ok(Math.abs(pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 6)) - 1) < 1e-12);
    assert.ok(Math.abs(pearson(Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1)) + 1) < 1e-12);
    assert.ok(Number.isNaN(pearson(Float64Array.of(1, 1), Float64Array.of(1, 2))));
  });
});

import { strict as assert } from 'node:assert';
import { logRank } from '../../../../src/engine/survival/logRank';
import { loadG3 } from './g3';

describe('engine/survival/logRank', () => {
  it('matches the worked example of docs/research/retention-definitions.md §6', () => {
    // A = 2, 3, 5+, 6, 8+ and B = 1, 2, 3, 4, 7+ (+ = censored). Per event time (n_A, n_B, d):
    //   t=1 (5,5,1): E_A = 0.5000, V = 0.2500   t=2 (5,4,2): E_A = 1.1111, V = 0.4321
    //   t=3 (4,3,2): E_A = 1.1429, V = 0.4082   t=4 (3,2,1): E_A = 0.6000, V = 0.2400
    //   t=6 (2,1,1): E_A = 0.6667, V = 0.2222
    // O_A = 3, E_A = 4.0206, V = 1.5525 → χ² = (3 − 4.0206)²/1.5525 = 0.6710, P = 0.4127 (scipy.stats.logrank).
    const durations = Float64Array.of(2, 3, 5, 6, 8, 1, 2, 3, 4, 7);
    const events = Uint8Array.of(1, 1, 0, 1, 0, 1, 1, 1, 1, 0);
    const groups = Int32Array.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    const r = logRank(durations, events, groups);
    assert.equal(r.df, 1);
    assert.equal(r.chiSquare.toFixed(4), '0.6710');
    assert.equal(r.p.toFixed(4), '0.4127');
    assert.deepEqual(r.codes, [0, 1]);
    assert.deepEqual(r.subjects, [5, 5]);
    assert.deepEqual(r.observed, [3, 4]);
    assert.equal(r.expected[0].toFixed(4), '4.0206');
    assert.ok(Math.abs(r.expected[0] + r.expected[1] - 7) < 1e-12);   // E sums to the events
  });

  it('gives k − 1 df for three groups, whatever the codes and their order', () => {
    // Reference χ² = 0.211131, p = 0.899815: an independent numpy script of the same formula
    // (V_gh = Σ d(n−d)/(n−1)·(n_g/n)(δ_gh − n_h/n), χ² = U₁..₂ᵀ V₁..₂⁻¹ U₁..₂), as R's survdiff.
    const durations = Float64Array.of(1, 3, 3, 4, 6, 9, 2, 2, 5, 7, 8, 8, 1, 1, 2, 4, 10, 12);
    const events = Uint8Array.of(1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0);
    const a = logRank(durations, events, Int32Array.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2));
    const b = logRank(durations, events, Int32Array.of(9, 9, 9, 9, 9, 9, -3, -3, -3, -3, -3, -3, 4, 4, 4, 4, 4, 4));
    assert.equal(a.df, 2);
    assert.ok(Math.abs(a.chiSquare - 0.21113115916884415) < 1e-10, String(a.chiSquare));
    assert.ok(Math.abs(a.p - 0.8998154613878167) < 1e-10, String(a.p));
    assert.ok(Math.abs(b.chiSquare - a.chiSquare) < 1e-10);   // dropping a different group gives the same χ²
    assert.deepEqual(b.codes, [-3, 4, 9]);
  });

  it('runs on lifelines g3 (RIT vs Control) with O − E summing to 0', () => {
    const g3 = loadG3();
    const r = logRank(g3.durations, g3.events, g3.groups);
    assert.equal(r.df, 1);
    assert.deepEqual(r.subjects, [6, 11]);
    assert.deepEqual(r.observed, [4, 2]);
    assert.ok(Math.abs(r.observed[0] - r.expected[0] + r.observed[1] - r.expected[1]) < 1e-12);
    assert.ok(r.p > 0 && r.p < 1);
  });

  it('gives χ² = 0, df = 0, p = 1 with one group or no events', () => {
    const one = logRank(Float64Array.of(1, 2, 3), Uint8Array.of(1, 1, 0), Int32Array.of(5, 5, 5));
    assert.deepEqual([one.chiSquare, one.df, one.p], [0, 0, 1]);
    const none = logRank(Float64Array.of(1, 2, 3, 4), Uint8Array.of(0, 0, 0, 0), Int32Array.of(0, 1, 0, 1));
    assert.deepEqual([none.chiSquare, none.df, none.p], [0, 0, 1]);
    assert.throws(() => logRank(Float64Array.of(1), Uint8Array.of(1), Int32Array.of(0, 1)), RangeError);
  });
});

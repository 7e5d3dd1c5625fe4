import { strict as assert } from 'node:assert';
import { Z95, wilson } from '../../../src/engine/wilson';
import { averageOf } from '../../../src/engine/averages';

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The score interval written out independently (Wilson 1927; Newcombe 1998, method 3). */
function reference(x: number, n: number): [number, number] {
  const z = 1.959963985;
  const p = x / n;
  const a = 2 * n * p + z * z;
  const b = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const c = 2 * (n + z * z);
  return [(a - b) / c, (a + b) / c];
}

describe('engine/wilson', () => {
  it('matches the closed form (2np + z² ± z√(z² + 4npq)) / 2(n + z²) on many cases', () => {
    for (const [x, n] of [[324, 885], [1, 3], [5, 7], [17, 40], [999, 1000], [2, 100000]]) {
      const ci = wilson(x, n)!;
      const [lo, hi] = reference(x, n);
      assert.ok(Math.abs(ci.lower - lo) < 1e-6 && Math.abs(ci.upper - hi) < 1e-6, `${x}/${n}: ${ci.lower},${ci.upper} vs ${lo},${hi}`);
    }
  });

  it('reproduces published values (scipy/statsmodels proportion_confint method="wilson")', () => {
    const at = (x: number, n: number) => { const ci = wilson(x, n)!; return [r4(ci.lower), r4(ci.upper)]; };
    assert.deepEqual(at(324, 885), [0.335, 0.3984]);
    assert.deepEqual(at(1, 3), [0.0615, 0.7923]);
    assert.deepEqual(at(500, 1000), [0.4691, 0.5309]);
    // Newcombe (1998) Table I, example 81/263: 0.2553 to 0.3662.
    assert.deepEqual(at(81, 263), [0.2553, 0.3662]);
  });

  it('is exact at the ends and refuses non-proportions', () => {
    assert.deepEqual([r4(wilson(0, 10)!.lower), r4(wilson(0, 10)!.upper)], [0, 0.2775]);
    assert.equal(wilson(10, 10)!.upper, 1);
    assert.equal(wilson(0, 10)!.lower, 0);
    assert.equal(wilson(1, 0), null);
    assert.equal(wilson(3, 2), null);
    assert.equal(Z95, 1.959964);
  });
});

describe('engine/averages', () => {
  it("Mixpanel's documented example: pooled 60%, Mixpanel 56%, simple 65%", () => {
    assert.equal(averageOf('pooled', [500, 400], [1000, 500]), 0.6);
    assert.equal(r4(averageOf('mixpanel', [500, 400], [1000, 500])!), 0.56);
    assert.equal(averageOf('simple', [500, 400], [1000, 500]), 0.65);
  });

  it('is null without a usable cell; simple skips zero bases', () => {
    assert.equal(averageOf('pooled', [], []), null);
    assert.equal(averageOf('mixpanel', [0], [0]), null);
    assert.equal(averageOf('simple', [0, 1], [0, 4]), 0.25);
  });
});

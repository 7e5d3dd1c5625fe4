import { strict as assert } from 'node:assert';
import { atRiskAt, kaplanMeier, kaplanMeierByGroup, kmPoints, survivalAt, twoSidedZ } from '../../../../src/engine/survival/kaplanMeier';
import { loadG3 } from './g3';

/** |a − b| ≤ half a unit of the last printed digit of `printed`. */
function printedAs(actual: number, printed: string): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  assert.ok(Math.abs(actual - Number(printed)) <= 0.5 * 10 ** -decimals, `${actual} is not ${printed}`);
}

describe('engine/survival/kaplanMeier', () => {
  describe('lifelines g3 (R survival values, ../shared/data/README.md)', () => {
    const g3 = loadG3();
    const curves = kaplanMeierByGroup(g3.durations, g3.events, g3.groups);
    const control = curves.get(0)!;
    const rit = curves.get(1)!;

    it('group RIT: S(25) = 0.909, S(53) = 0.779', () => {
      printedAs(survivalAt(rit, 25).survival, '0.909');
      printedAs(survivalAt(rit, 53).survival, '0.779');
      assert.equal(rit.subjects, 11);
      assert.equal(rit.median.time, null);       // never drops to 0.5
    });

    it('group Control: S and the 95% log-log band at 9, 19, 32, 34', () => {
      const expected: [number, string, string, string][] = [
        [9, '0.833', '0.2731', '0.975'], [19, '0.667', '0.1946', '0.904'],
        [32, '0.500', '0.1109', '0.804'], [34, '0.333', '0.0461', '0.676'],
      ];
      for (const [t, s, lower, upper] of expected) {
        const at = survivalAt(control, t);
        printedAs(at.survival, s);
        printedAs(at.lower, lower);
        printedAs(at.upper, upper);
      }
    });

    it('group Control: median 32, interval [9, not reached)', () => {
      assert.deepEqual(control.median, { time: 32, lower: 9, upper: null });
    });
  });

  describe('hand-computed: 6 subjects with a drop at 0, ties and censoring', () => {
    // Durations 0, 2, 2, 2+, 4, 7+ (+ = censored).            Greenwood g = Σ d/(n(n−d))
    //   t = 0: n = 6, d = 1        S = 5/6                     g = 1/30
    //   t = 2: n = 5, d = 2, c = 1 S = 5/6 · 3/5 = 1/2         g = 1/30 + 2/15 = 1/6
    //          (the subject censored at 2 is still at risk at 2: events come first)
    //   t = 4: n = 2, d = 1        S = 1/2 · 1/2 = 1/4         g = 1/6 + 1/2 = 2/3
    //   t = 7: n = 1, c = 1        S = 1/4
    // Log-log band: S^exp(±z√g/|ln S|), z = 1.959964:
    //   t = 0: w = 1.959964·√(1/30)/ln(6/5) = 1.96268 → [ (5/6)^7.1184, (5/6)^0.14048 ] = [0.27312, 0.97471]
    //   t = 2: w = 1.959964·√(1/6)/ln 2     = 1.15438 → [ 0.5^3.1720,    0.5^0.31525 ]   = [0.11095, 0.80371]
    //   t = 4: w = 1.959964·√(2/3)/ln 4     = 1.15438 → [ 0.25^3.1720,   0.25^0.31525 ]  = [0.01231, 0.64595]
    // Median: first S ≤ 0.5 → 2; lower edge ≤ 0.5 first at 0; upper edge never ≤ 0.5 → open.
    const durations = Float64Array.of(2, 0, 7, 2, 4, 2);
    const events = Uint8Array.of(1, 1, 0, 0, 1, 1);
    const km = kaplanMeier(durations, events);

    it('gives the table, S and Greenwood variance at each distinct time', () => {
      assert.deepEqual([...km.times], [0, 2, 4, 7]);
      assert.deepEqual([...km.atRisk], [6, 5, 2, 1]);
      assert.deepEqual([...km.events], [1, 2, 1, 0]);
      assert.deepEqual([...km.censored], [0, 1, 0, 1]);
      const s = [5 / 6, 1 / 2, 1 / 4, 1 / 4];
      const g = [1 / 30, 1 / 6, 2 / 3, 2 / 3];
      s.forEach((v, i) => assert.ok(Math.abs(km.survival[i] - v) < 1e-12));
      s.forEach((v, i) => assert.ok(Math.abs(km.variance[i] - v * v * g[i]) < 1e-12));
      assert.equal(km.totalEvents, 4);
    });

    it('gives the log-log band', () => {
      const band = [[0.27312285, 0.97471243], [0.11094826, 0.80370924], [0.01230952, 0.64594854], [0.01230952, 0.64594854]];
      band.forEach(([lo, hi], i) => {
        assert.ok(Math.abs(km.lower[i] - lo) < 1e-8, `lower ${i}: ${km.lower[i]}`);
        assert.ok(Math.abs(km.upper[i] - hi) < 1e-8, `upper ${i}: ${km.upper[i]}`);
      });
    });

    it('gives the median and its interval', () => {
      assert.deepEqual(km.median, { time: 2, lower: 0, upper: null });
    });

    it('looks up S(t) as a right-continuous step and counts the number at risk', () => {
      assert.deepEqual(survivalAt(km, -1), { survival: 1, lower: 1, upper: 1 });
      assert.equal(survivalAt(km, 0).survival, km.survival[0]);   // the drop at 0 is already taken at 0
      assert.equal(survivalAt(km, 1.99).survival, km.survival[0]);
      assert.equal(survivalAt(km, 2).survival, km.survival[1]);
      assert.equal(survivalAt(km, 100).survival, km.survival[3]);
      assert.deepEqual([-1, 0, 1, 2, 3, 4, 5, 7, 8].map((t) => atRiskAt(km, t)), [6, 6, 5, 5, 2, 2, 1, 1, 0]);
    });
  });

  it('reaches the upper end of the median interval: 10 events at 1…10', () => {
    // S(t) = 1 − t/10. The band's upper edge first drops to ≤ 0.5 at t = 8 (0.4747; 0.5779 at 7),
    // its lower edge at t = 1 (0.4730). S(5) = 0.5 exactly: lifelines says 5 (R would say 5.5).
    const km = kaplanMeier(Float64Array.from({ length: 10 }, (_, i) => i + 1), new Uint8Array(10).fill(1));
    assert.deepEqual(km.median, { time: 5, lower: 1, upper: 8 });
    assert.equal(km.survival[9], 0);
    assert.ok(Number.isNaN(km.lower[9]) && Number.isNaN(km.upper[9]));   // R gives NA where S = 0
    assert.deepEqual(kmPoints(km)[9], { time: 10, atRisk: 1, events: 1, censored: 0, survival: 0, lower: null, upper: null });
  });

  it('takes other confidence levels, and rejects bad input', () => {
    assert.ok(Math.abs(twoSidedZ(0.95) - 1.959963985) < 1e-9);
    assert.ok(Math.abs(twoSidedZ(0.9) - 1.644853627) < 1e-9);
    const narrow = kaplanMeier(Float64Array.of(1, 2, 3, 4), Uint8Array.of(1, 0, 1, 1), { confidence: 0.9 });
    const wide = kaplanMeier(Float64Array.of(1, 2, 3, 4), Uint8Array.of(1, 0, 1, 1));
    assert.ok(narrow.lower[0] > wide.lower[0] && narrow.upper[0] < wide.upper[0]);
    assert.throws(() => kaplanMeier(Float64Array.of(-1), Uint8Array.of(1)), RangeError);
    assert.throws(() => kaplanMeier(Float64Array.of(NaN), Uint8Array.of(1)), RangeError);
    assert.throws(() => kaplanMeier(Float64Array.of(1), Uint8Array.of(2)), RangeError);
    assert.throws(() => kaplanMeier(Float64Array.of(1, 2), Uint8Array.of(1)), RangeError);
    assert.throws(() => kaplanMeier(Float64Array.of(1), Uint8Array.of(1), { confidence: 1 }), RangeError);
  });

  it('gives an empty curve for no subjects', () => {
    const km = kaplanMeier(new Float64Array(0), new Uint8Array(0));
    assert.equal(km.times.length, 0);
    assert.deepEqual(km.median, { time: null, lower: null, upper: null });
    assert.equal(survivalAt(km, 5).survival, 1);
  });
});

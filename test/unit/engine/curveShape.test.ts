import { strict as assert } from 'node:assert';
import { curveShape } from '../../../src/engine/curveShape';

describe('engine/curveShape', () => {
  it('finds the plateau of a typical curve and its three phases', () => {
    // Drops: 0.60, 0.05, 0.03, 0.005, 0.005, 0.002. From offset 3 (0.32) every later point is
    // within 1 point per period: 0.315 (0.5 pt), 0.31 (0.5/period), 0.308 (0.4/period) → plateau 3.
    // Offset 2 fails: 0.35 → 0.32 is 3 points in one period.
    // early = 1 − 0.4 = 0.6; mid = (0.40 − 0.32) / 2 = 0.04; late = (0.32 − 0.308) / 3 = 0.004.
    assert.deepEqual(curveShape([1, 0.4, 0.35, 0.32, 0.315, 0.31, 0.308]), {
      plateauOffset: 3, plateauLevel: 0.32, early: 0.6, mid: 0.04, late: 0.004,
    });
  });

  it('treats a drop of exactly 1 point per period as not flat', () => {
    // 0.41 → 0.40 is exactly one point (floating 0.41 − 0.40 = 0.00999…, basis points 100 = 100).
    // Offset 1: 0.41 → 0.40 fails; offset 2: 0.40 → 0.395 passes → plateau 2.
    assert.deepEqual(curveShape([1, 0.41, 0.4, 0.395]), {
      plateauOffset: 2, plateauLevel: 0.4, early: 0.59, mid: 0.01, late: 0.005,
    });
  });

  it('measures from the plateau, so a wobble does not push it later', () => {
    // From offset 1 (0.30): 0.305 (rise), 0.288 (1.2 pts over 2 periods = 0.6/period), 0.29 → plateau 1;
    // late = (0.30 − 0.29) / 3 = 0.00333… → 0.0033.
    // A step-by-step rule would reject it (0.305 → 0.288 is 1.7 points in one period).
    assert.deepEqual(curveShape([1, 0.3, 0.305, 0.288, 0.29]), {
      plateauOffset: 1, plateauLevel: 0.3, early: 0.7, mid: null, late: 0.0033,
    });
  });

  it('has no plateau while the curve keeps falling; mid then spans 1 to the end', () => {
    // Drops of 10 points every period: mid = (0.5 − 0.2) / 3 = 0.1, late = null.
    assert.deepEqual(curveShape([1, 0.5, 0.4, 0.3, 0.2]), {
      plateauOffset: null, plateauLevel: null, early: 0.5, mid: 0.1, late: null,
    });
  });

  it('ends the curve at the first null', () => {
    // Without the nulls 0.1 at offset 4 would be a further 20-point fall; the curve is 1, 0.5, 0.3, 0.3.
    // Offset 1 → 2 falls 20 points; offset 2 → 3 is flat → plateau 2; mid = 0.2, late = 0.
    assert.deepEqual(curveShape([1, 0.5, 0.3, 0.3, null, 0.1]), {
      plateauOffset: 2, plateauLevel: 0.3, early: 0.5, mid: 0.2, late: 0,
    });
  });

  it('reports rises as negative drops; a curve that only rises plateaus at 0', () => {
    // Rising after offset 1: plateau 1 (all later points above 0.3); late = (0.3 − 0.4) / 2 = −0.05.
    assert.deepEqual(curveShape([1, 0.3, 0.35, 0.4]), {
      plateauOffset: 1, plateauLevel: 0.3, early: 0.7, mid: null, late: -0.05,
    });
    // Rate base "previous" can exceed 1 and rise: early = 0.5 − 0.8 = −0.3, plateau 0, late = (0.5 − 0.9) / 2.
    assert.deepEqual(curveShape([0.5, 0.8, 0.9]), {
      plateauOffset: 0, plateauLevel: 0.5, early: -0.3, mid: null, late: -0.2,
    });
  });

  it('handles curves shorter than 3 points', () => {
    const none = { plateauOffset: null, plateauLevel: null, early: null, mid: null, late: null };
    assert.deepEqual(curveShape([]), none);
    assert.deepEqual(curveShape([null, 0.5]), none);
    assert.deepEqual(curveShape([1]), none);
    assert.deepEqual(curveShape([1, 0.25]), { ...none, early: 0.75 });
    assert.deepEqual(curveShape([1, 0.25, null, 0.2]), { ...none, early: 0.75 });
  });

  it('puts a flat curve plateau at 0 with no mid phase and late = 0', () => {
    assert.deepEqual(curveShape([1, 1, 1]), { plateauOffset: 0, plateauLevel: 1, early: 0, mid: null, late: 0 });
  });

  it('rounds mean drops to 4 decimals', () => {
    // mid = (0.9 − 0.2) / 3 = 0.23333… → 0.2333 (0.2 → 0.2 is flat: plateau 4).
    assert.deepEqual(curveShape([1, 0.9, 0.6, 0.4, 0.2, 0.2]), {
      plateauOffset: 4, plateauLevel: 0.2, early: 0.1, mid: 0.2333, late: 0,
    });
  });
});

import { strict as assert } from 'node:assert';
import { calibrationSummary, groupRfm } from '../../../../src/engine/clv/summary';
import { makeDataset } from '../makeDataset';

// c1: two rows on 2024-01-01 (merged), repeats on 01-15 and (holdout) 02-05, plus a return and a
// zero line that are not purchases; c2: one purchase; c3: one calibration and one holdout purchase.
const ds = makeDataset([
  ['c1', '2024-01-01', 10], ['c1', '2024-01-01', 5], ['c2', '2024-01-08', 7], ['c1', '2024-01-15', 20],
  ['c3', '2024-01-22', 3], ['c1', '2024-01-20', -4], ['c1', '2024-01-25', 0], ['c1', '2024-02-05', 30],
  ['c3', '2024-02-12', 4], ['c4', '2024-02-01', 9],
]);

describe('engine/clv/summary', () => {
  const s = calibrationSummary(ds, '2024-01-31', 'week');

  it('merges same-day purchases and gives x, t_x and T in weeks', () => {
    assert.deepEqual(Array.from(s.customer), [0, 1, 2]);
    assert.deepEqual(Array.from(s.x), [1, 0, 0]);
    assert.deepEqual(Array.from(s.tx), [2, 0, 0]);
    assert.deepEqual(Array.from(s.T), [30 / 7, 23 / 7, 9 / 7]);
    assert.equal(s.purchaseDays, 4);
  });

  it('takes the mean of the repeat purchases only (the first day is excluded)', () => {
    assert.deepEqual(Array.from(s.monetary), [20, 0, 0]);
  });

  it('counts holdout purchase days per customer and per week after the calibration end', () => {
    assert.deepEqual(Array.from(s.holdout), [1, 0, 1]);
    assert.equal(s.holdoutEnd - s.calibrationEnd, 12);
    assert.deepEqual(Array.from(s.holdoutWeekly), [1, 1]);
  });

  it('leaves out customers first seen after the calibration end', () => {
    assert.equal(s.bornAfter, 1);
    assert.equal(s.withoutPurchases, 0);
  });

  it('counts zero-amount rows when asked (the published CDNOW preparation)', () => {
    const z = calibrationSummary(ds, '2024-01-31', 'week', true);
    assert.deepEqual(Array.from(z.x), [2, 0, 0]);
    assert.deepEqual(Array.from(z.monetary), [10, 0, 0]);
  });

  it('uses days and months as units, and the data end by default', () => {
    const d = calibrationSummary(ds, '2024-01-31', 'day');
    assert.deepEqual(Array.from(d.T), [30, 23, 9]);
    const all = calibrationSummary(ds, null, 'month');
    assert.equal(all.holdoutWeekly.length, 0);
    assert.equal(all.T[0], 42 / (365.25 / 12));
    assert.throws(() => calibrationSummary(ds, '31/01/2024', 'week'), /not a date/);
  });

  it('collapses customers with identical (x, t_x, T)', () => {
    const twins = makeDataset([['a', '2024-01-01', 1], ['b', '2024-01-01', 2], ['c', '2024-01-02', 3]]);
    const g = groupRfm(calibrationSummary(twins, '2024-01-10', 'week'));
    assert.deepEqual(Array.from(g.weight), [2, 1]);
    assert.deepEqual(Array.from(g.group), [0, 0, 1]);
    assert.deepEqual(Array.from(g.days.T), [9, 8]);
  });
});

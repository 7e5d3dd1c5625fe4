import { strict as assert } from 'node:assert';
import { churnRateRows, crrFormula, crrTable } from '../../../../src/engine/churn/crr';
import { customerDays } from '../../../../src/engine/churn/customerDays';
import { windowCounts } from '../../../../src/engine/churn/windowCounts';
import { makeDataset } from '../makeDataset';
import { CHURN_OPTIONS, CHURN_ROWS } from './fixture';

// W = 30: "customer at t" (t = a month's first instant) ⇔ a purchase on one of the 30 days before t.
//   A(Jan 1) = {}                 A(Feb 1) [Jan 2–Jan 31] = {a, b, c}
//   A(Mar 1) [Jan 31–Feb 29] = {a, d, g}
//   A(Apr 1) [Mar 2–Mar 31]  = {a, c, e, g}        (d's last purchase Feb 25 is 35 days back)
//   A(May 1) [Apr 1–Apr 30]  = {a, e, f, h}        (c: Mar 25, g: Mar 31 — exactly 31 days back)
describe('engine/churn/crr', () => {
  const ds = makeDataset(CHURN_ROWS);

  it('computes S, E, N, retained and reactivated per complete month', () => {
    const rows = crrTable(ds, CHURN_OPTIONS);
    assert.deepEqual(rows.map((r) => [r.period, r.start, r.end, r.S, r.E, r.N, r.retained, r.reactivated]), [
      ['2024-01', '2024-01-01', '2024-02-01', 0, 3, 3, 0, 0],   // a, b, c are new
      ['2024-02', '2024-02-01', '2024-03-01', 3, 3, 2, 1, 0],   // d, g new; a kept
      ['2024-03', '2024-03-01', '2024-04-01', 3, 4, 1, 2, 1],   // e new; a and g (back on Mar 31) kept; c reactivated
      ['2024-04', '2024-04-01', '2024-05-01', 4, 4, 2, 2, 0],   // f, h new; a, e kept
    ]);
  });

  it('gives CRR = (E − N)/S × 100, churn = 100 − CRR and the exact share; null without customers at the start', () => {
    const rows = crrTable(ds, CHURN_OPTIONS);
    assert.deepEqual(rows.map((r) => [r.crr, r.churn, r.exactShare]), [
      [null, null, null], [33.33, 66.67, 33.33], [100, 0, 66.67], [50, 50, 50],
    ]);
  });

  it('explains a gap of ≥ 0.5 points by the reactivated count, and only then', () => {
    const notes = crrTable(ds, CHURN_OPTIONS).map((r) => r.note);
    assert.deepEqual([notes[0], notes[1], notes[3]], [null, null, null]);
    assert.equal(notes[2], 'CRR 100% is above the exact retained share 66.67% because 1 reactivated customer (back after 30+ days without a purchase) counts in E − N as if kept.');
  });

  it('flags warm-up rows whose window reaches back before the first purchase (Jan 10)', () => {
    // Feb 1 − 30 days = Jan 2 < Jan 10; Mar 1 − 30 days = Jan 31.
    assert.deepEqual(crrTable(ds, CHURN_OPTIONS).map((r) => r.warmUp), [true, true, false, false]);
  });

  it('counts churn events: customers at the start whose 30th silent day falls in the period', () => {
    // Feb: b (silent 30 days on Feb 19), c (Feb 24). Mar: g (Mar 2), d (Mar 26).
    // Apr: e (Apr 9; back Apr 29), c (Apr 24), g (Apr 30). a never churns; f and h not yet.
    const cd = customerDays(ds);
    const rows = churnRateRows(windowCounts(cd, { ...CHURN_OPTIONS, dataEnd: ds.dataEnd }), cd, CHURN_OPTIONS);
    assert.deepEqual(rows.map((r) => [r.period, r.customersAtStart, r.churned, r.rate]), [
      ['2024-01', 0, 0, null], ['2024-02', 3, 2, 66.67], ['2024-03', 3, 2, 66.67], ['2024-04', 4, 3, 75],
    ]);
  });

  it('keeps only complete periods: data ending mid-April has no April row', () => {
    const rows = crrTable(makeDataset(CHURN_ROWS.slice(0, 14)), CHURN_OPTIONS);
    assert.deepEqual(rows.map((r) => r.period), ['2024-01', '2024-02', '2024-03']);
  });

  it('works at any granularity: weeks starting on Sunday, W = 7', () => {
    // Sunday weeks: Mar 3, Mar 10, Mar 17. x buys Mon Mar 4 and Tue Mar 12, y Wed Mar 6; data to Sat Mar 23.
    // A(Mar 10) [Mar 3–9] = {x, y}; A(Mar 17) [Mar 10–16] = {x}; A(Mar 24) [Mar 17–23] = {}.
    const week = makeDataset([['x', '2024-03-04'], ['y', '2024-03-06'], ['x', '2024-03-12']], { dataEnd: '2024-03-24' });
    const rows = crrTable(week, { period: 'week', weekStart: 'sunday', windowDays: 7 });
    assert.deepEqual(rows.map((r) => [r.period, r.S, r.E, r.N, r.retained, r.crr]), [
      ['2024-03-03', 0, 2, 2, 0, null], ['2024-03-10', 2, 1, 0, 1, 50], ['2024-03-17', 1, 0, 0, 0, 0],
    ]);
  });
});

describe('engine/churn/crrFormula', () => {
  it('reproduces the DESIGN.md example: S = 1000, E = 900, N = 200 → 70% and 30%', () => {
    assert.deepEqual(crrFormula(1000, 900, 200), { crr: 70, churn: 30 });
    assert.deepEqual(crrFormula('1000', ' 900 ', '200'), { crr: 70, churn: 30 });
  });

  it('rounds to 2 decimals', () => {
    assert.deepEqual(crrFormula(3, 2, 1), { crr: 33.33, churn: 66.67 });
  });

  it('warns, without failing, when E − N exceeds S (reactivations)', () => {
    const r = crrFormula(10, 15, 2);
    assert.ok('crr' in r && r.crr === 130 && r.churn === -30);
    assert.match((r as { warning: string }).warning, /reactivated/);
  });

  it('rejects S = 0, E < N, negatives, fractions and non-numbers with a clear message', () => {
    const error = (S: number | string, E: number | string, N: number | string): string => {
      const r = crrFormula(S, E, N);
      assert.ok('error' in r, `expected an error for ${S}, ${E}, ${N}`);
      return r.error;
    };
    assert.match(error(0, 10, 2), /^S \(customers at the start\) is 0/);
    assert.match(error(100, 50, 80), /^E \(50\) is smaller than N \(80\)/);
    assert.match(error(-5, 10, 2), /^S \(customers at the start\) is negative/);
    assert.match(error(100, -1, 0), /^E \(customers at the end\) is negative/);
    assert.match(error(100, 90, 2.5), /^N \(new customers\) is not a whole number/);
    assert.match(error('abc', 90, 2), /^S \(customers at the start\) is not a number: "abc"/);
    assert.match(error(100, '', 2), /^E \(customers at the end\) is empty/);
    assert.match(error(100, 90, NaN), /^N \(new customers\) is not a number/);
    assert.match(error(Infinity, 90, 2), /not a number/);
    assert.match(error('1e2x', 90, 2), /not a number/);
  });
});

import { strict as assert } from 'node:assert';
import { movesOf, periodMoves } from '../../../src/engine/periodMoves';
import { periodActivity } from '../../../src/engine/periodActivity';
import { periodIndex } from '../../../src/engine/periods';
import { makeDataset, syntheticDataset, type Row } from './makeDataset';

describe('engine/periodMoves', () => {
  it('counts the hand-worked active, new and retained customers per month', () => {
    // a: Jan, Mar; b: Apr, May (a's Mar and b's Apr are neighbours in the flat list, not a return); c: a return only; d: Jan, Feb.
    const rows: Row[] = [['a', '2024-01-05', 1], ['b', '2024-04-02', 1], ['a', '2024-03-09', 1], ['c', '2024-02-01', -3],
      ['d', '2024-01-30', 2], ['b', '2024-05-20', 1], ['d', '2024-02-02', 1], ['a', '2024-01-25', 1]];
    const m = periodMoves(makeDataset(rows, { dataEnd: '2024-06-01' }), 'month', 'monday');
    assert.equal(m.first, periodIndex(Date.UTC(2024, 0, 1), 'month', 'monday'));
    assert.deepEqual([[...m.active], [...m.fresh], [...m.retained]], [[2, 1, 1, 1, 1], [2, 0, 0, 1, 0], [0, 1, 0, 0, 1]]);
  });

  it('gives what a walk over each customer\'s periods counts, for every period kind', () => {
    const ds = syntheticDataset({ rows: 4000, customers: 600, seed: 31, days: 700 });
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const pa = periodActivity(ds, period, 'sunday');
      const n = pa.last - pa.first + 1;
      const expected = { first: pa.first, active: new Int32Array(n), fresh: new Int32Array(n), retained: new Int32Array(n) };
      for (let u = 0; u + 1 < pa.start.length; u++) {
        for (let i = pa.start[u]; i < pa.start[u + 1]; i++) {
          const q = pa.period[i] - pa.first;
          expected.active[q]++;
          if (i === pa.start[u]) expected.fresh[q]++;
          else if (pa.period[i - 1] === pa.period[i] - 1) expected.retained[q]++;
        }
      }
      assert.deepEqual(periodMoves(ds, period, 'sunday'), expected, period);
      assert.deepEqual(movesOf(pa), expected, `${period}, from the lists`);
    }
  });

  it('counts from the lists when periodActivity has no byCohort (days over ~5.7 years)', () => {
    const ds = syntheticDataset({ rows: 800, customers: 90, seed: 32, days: 2300 });
    const pa = periodActivity(ds, 'day', 'monday');
    assert.equal(pa.byCohort, null);
    const n = pa.last - pa.first + 1;
    const active = new Int32Array(n);
    for (const p of pa.period) active[p - pa.first]++;
    assert.deepEqual(periodMoves(ds, 'day', 'monday').active, active);
    assert.deepEqual(periodMoves(ds, 'day', 'monday'), movesOf(pa));
  });

  it('is empty without purchases', () => {
    const m = movesOf({ start: Uint32Array.from([0, 0, 0]), period: new Int32Array(0), first: NaN, last: NaN });
    assert.deepEqual([m.active.length, m.fresh.length, m.retained.length], [0, 0, 0]);
  });
});

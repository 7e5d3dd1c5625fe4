import { strict as assert } from 'node:assert';
import type { Dataset } from '../../../src/shared/dataset';
import type { Period, WeekStart } from '../../../src/shared/options';
import { periodActivity } from '../../../src/engine/periodActivity';
import { OffsetTally } from '../../../src/engine/offsetTally';
import { calendarGrid } from '../../../src/engine/calendarGrid';
import { scanGrid } from '../../../src/engine/grid';
import { resolveOptions } from '../../../src/shared/options';
import { expectedLists } from './periodLists';
import { makeDataset, syntheticDataset, type Row } from './makeDataset';

function listsOf(ds: Dataset, period: Period, weekStart: WeekStart): number[][] {
  const pa = periodActivity(ds, period, weekStart);
  return Array.from({ length: ds.customerIds.length }, (_, u) => [...pa.period.subarray(pa.start[u], pa.start[u + 1])]);
}

describe('engine/periodActivity', () => {
  it('lists the calendar\'s periods of every purchase, for every period kind and week start', () => {
    const ds = syntheticDataset({ rows: 3000, customers: 300, seed: 21, days: 900 });
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      for (const weekStart of ['monday', 'sunday', 'saturday'] as const) assert.deepEqual(listsOf(ds, period, weekStart), expectedLists(ds, period, weekStart), `${period} ${weekStart}`);
    }
  });

  it('lists them without a day table when the days span too long to tabulate (~400 years)', () => {
    const rows: Row[] = [['a', '1800-03-01', 5], ['b', '1969-12-31', 2], ['a', '1800-03-20', 1], ['b', '2200-01-01', 3], ['a', '2199-12-31', 4], ['c', '2000-01-01', -1]];
    const ds = makeDataset(rows, { dataEnd: '2200-01-02' });
    for (const period of ['day', 'week', 'month', 'year'] as const) assert.deepEqual(listsOf(ds, period, 'monday'), expectedLists(ds, period, 'monday'), period);
    assert.deepEqual(listsOf(ds, 'year', 'monday'), [[1800, 2199], [1969, 2200], []]);
  });
});

describe('engine/periodActivity byCohort', () => {
  it('counts customers by first period and active period, for every period kind', () => {
    const ds = syntheticDataset({ rows: 3000, customers: 300, seed: 22, days: 700 });
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const pa = periodActivity(ds, period, 'monday');
      const span = pa.last - pa.first + 1;
      const expected = new Int32Array(span * span);
      for (const list of expectedLists(ds, period, 'monday')) for (const p of list) expected[(list[0] - pa.first) * span + p - pa.first]++;
      assert.deepEqual(pa.byCohort, expected, period);
    }
  });

  it('is left out when too large (days over more than ~5.7 years), and the table is then tallied from the lists', () => {
    const ds = syntheticDataset({ rows: 600, customers: 80, seed: 23, days: 2200 });
    assert.equal(periodActivity(ds, 'day', 'monday').byCohort, null);
    assert.notEqual(periodActivity(ds, 'week', 'monday').byCohort, null);
    const o = resolveOptions({ period: 'day', weekStart: 'monday' });
    assert.deepEqual(calendarGrid(ds, o, { cohortCode: -1, returnCode: -1 }), scanGrid(ds, o));
  });
});

describe('engine/offsetTally addEach', () => {
  it('tallies a customer\'s recurring entries as one add() per entry, in every mode', () => {
    const list = Int32Array.from([3, 4, 6, 7, 8, 12]);
    const bracketOf = Int32Array.from([0, 1, 1, 2, 2, 2, -1, -1, 3]);
    const cases: [mode: 'classic' | 'unbounded' | 'streak' | 'bracket', columns: number, bracketOf: Int32Array | null, firstColumns?: number][] = [
      ['classic', 10, null], ['classic', 10, null, 3], ['unbounded', 10, null], ['streak', 10, null], ['bracket', 4, bracketOf],
    ];
    for (const [mode, columns, brackets, firstColumns] of cases) {
      const each = new OffsetTally(mode, 12, columns, 10, brackets, firstColumns);
      const one = new OffsetTally(mode, 12, columns, 10, brackets, firstColumns);
      each.addEach(list, 1, 6, 2);
      for (let a = 1; a < 6; a++) one.add(list[a] - 2, list, a, 6, list[a]);
      assert.deepEqual([[...each.sizes], [...each.finish()]], [[...one.sizes], [...one.finish()]], mode);
    }
    const head = new OffsetTally('classic', 12, 10, 10, null, 3);
    head.addEach(list, 0, 6, 3);
    // Period 3's entry (row 0) is back in 4 (offset 1); 6 is offset 3, past the first three columns.
    assert.deepEqual([...head.finish().subarray(0, 3)], [1, 1, 0]);
  });
});

import { strict as assert } from 'node:assert';
import type { Period, WeekStart } from '../../../src/shared/options';
import { periodsFromRows, timeSpan } from '../../../src/engine/periodsFromRows';
import { periodActivity, type PeriodActivity } from '../../../src/engine/periodActivity';
import { distinctPurchaseDays } from '../../../src/engine/churn/customerDays';
import { knownPerDataset } from '../../../src/engine/memo';
import { expectedLists } from './periodLists';
import { makeDataset, syntheticDataset } from './makeDataset';

const lists = (pa: PeriodActivity): number[][] => Array.from({ length: pa.start.length - 1 }, (_, u) => [...pa.period.subarray(pa.start[u], pa.start[u + 1])]);

describe('engine/periodsFromRows', () => {
  it('lists the calendar\'s periods and counts byCohort and retained as the distinct days do', () => {
    const ds = syntheticDataset({ rows: 4000, customers: 400, seed: 5, days: 800 });
    const cases: [Period, WeekStart][] = [['week', 'monday'], ['week', 'sunday'], ['month', 'monday'], ['quarter', 'monday'], ['year', 'monday']];
    const fromRows = cases.map(([p, w]) => periodsFromRows(ds, p, w)!);
    // The same Dataset, its days known: periodActivity lists from those.
    distinctPurchaseDays(ds);
    cases.forEach(([p, w], i) => {
      const a = fromRows[i];
      assert.ok(a, `${p} fits in bits`);
      assert.deepEqual(lists(a), expectedLists(ds, p, w), `${p} ${w}`);
      const b = periodActivity(ds, p, w);
      assert.deepEqual([a.first, a.last], [b.first, b.last]);
      assert.deepEqual([...a.byCohort!], [...b.byCohort!], `${p} byCohort`);
      assert.deepEqual([...a.retained!], [...b.retained!], `${p} retained`);
    });
  });

  it('counts by hand: byCohort by first period, retained when the period before was active too', () => {
    const ds = makeDataset([
      ['a', '2024-01-05', 5], ['b', '2024-02-01', 1], ['a', '2024-01-20', 2], ['a', '2024-03-02', 1],
      ['b', '2024-03-09', 4], ['c', '2024-02-10', -3], ['a', '2024-02-28', 0], ['b', '2024-04-30', 2],
    ]);
    const pa = periodsFromRows(ds, 'month', 'monday')!;
    const jan = 2024 * 12;
    assert.deepEqual(lists(pa), [[jan, jan + 2], [jan + 1, jan + 2, jan + 3], []]);
    assert.deepEqual([pa.first, pa.last], [jan, jan + 3]);
    // Rows: cohort Jan (a): Jan, Mar; cohort Feb (b): Feb, Mar, Apr.
    assert.deepEqual([...pa.byCohort!], [1, 0, 1, 0, /**/ 0, 1, 1, 1, /**/ 0, 0, 0, 0, /**/ 0, 0, 0, 0]);
    // Mar after Feb (b), Apr after Mar (b).
    assert.deepEqual([...pa.retained!], [0, 0, 1, 1]);
  });

  it('leaves spans over 128 periods (days) to the distinct days, and touches no grouping of rows itself', () => {
    const ds = syntheticDataset({ rows: 500, customers: 50, seed: 9, days: 400 });
    assert.equal(periodsFromRows(ds, 'day', 'monday'), null);
    assert.ok(periodsFromRows(ds, 'month', 'monday'));
    assert.equal(knownPerDataset(ds, 'rowGroups'), false);
    // The first table of a fresh Dataset: periodActivity takes the rows' way, still no grouping.
    periodActivity(ds, 'quarter', 'monday');
    assert.equal(knownPerDataset(ds, 'rowGroups'), false);
    const span = timeSpan(ds);
    assert.deepEqual([span.first, span.last], [Math.min(...ds.time), Math.max(...ds.time)]);
  });

  it('leaves a file without purchases to the distinct days; rows that are no purchases widen nothing', () => {
    assert.equal(periodsFromRows(makeDataset([['a', '2024-01-01', -1]]), 'month', 'monday'), null);
    // A return in December 2023 and a zero line in June 2024 around purchases in Feb and Mar 2024.
    const ds = makeDataset([['a', '2023-12-05', -4], ['a', '2024-02-01', 3], ['b', '2024-03-01', 2], ['b', '2024-06-01', 0]]);
    const pa = periodsFromRows(ds, 'month', 'monday')!;
    assert.deepEqual([pa.first, pa.last], [2024 * 12 + 1, 2024 * 12 + 2]);
    assert.deepEqual([...pa.byCohort!], [1, 0, 0, 1]);
    assert.deepEqual([...pa.retained!], [0, 0]);
    assert.deepEqual(lists(pa), [[2024 * 12 + 1], [2024 * 12 + 2]]);
  });
});

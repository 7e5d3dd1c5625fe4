import { strict as assert } from 'node:assert';
import { calendarGrid, calendarGroupGrids, fitsCalendarGrid } from '../../../src/engine/calendarGrid';
import { headGrid, scanGrid } from '../../../src/engine/grid';
import { OffsetTally } from '../../../src/engine/offsetTally';
import { fitsRollingGrid, rollingActivity, rollingGrid } from '../../../src/engine/rollingGrid';
import { periodActivity } from '../../../src/engine/periodActivity';
import { periodIndex } from '../../../src/engine/periods';
import { resolveOptions, type RetentionOptions } from '../../../src/shared/options';
import { makeDataset, syntheticDataset, type Row } from './makeDataset';

const month = (text: string): number => periodIndex(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, 1), 'month', 'monday');
const monthly = (extra: Partial<RetentionOptions> = {}) => resolveOptions({ period: 'month', weekStart: 'monday', ...extra });

describe('engine/calendarGrid', () => {
  // a: Jan (twice), Mar; b: Feb, Feb again, Mar, Apr; c: only a return (no purchase).
  const rows: Row[] = [['a', '2024-01-05', 10], ['b', '2024-02-01', 5], ['a', '2024-01-20', 3], ['a', '2024-03-02', 7],
    ['b', '2024-02-28', 1], ['c', '2024-02-10', -4], ['b', '2024-03-31', 2], ['b', '2024-04-15', 9]];
  const ds = makeDataset(rows, { dataEnd: '2024-05-01' });

  it('lists each customer\'s distinct purchase months, ascending', () => {
    const pa = periodActivity(ds, 'month', 'monday');
    assert.deepEqual([...pa.start], [0, 2, 5, 5]);
    assert.deepEqual([...pa.period], ['2024-01', '2024-03', '2024-02', '2024-03', '2024-04'].map(month));
    assert.equal(pa.first, month('2024-01'));
    assert.equal(pa.last, month('2024-04'));
  });

  it('counts the hand-worked classic, unbounded, streak and recurring tables', () => {
    const grid = (extra: Partial<RetentionOptions>) => calendarGrid(ds, monthly(extra), { cohortCode: -1, returnCode: -1 })!;
    // Cohorts Jan (a) and Feb (b); a is back at M2, b at M1 and M2.
    assert.deepEqual([...grid({}).counts], [1, 0, 1, 0, 1, 1, 1, 0]);
    assert.deepEqual([...grid({ mode: 'unbounded' }).counts], [1, 1, 1, 0, 1, 1, 1, 0]);
    assert.deepEqual([...grid({ mode: 'streak' }).counts], [1, 0, 0, 0, 1, 1, 1, 0]);
    // Recurring: Jan {a}, Feb {b}, Mar {a, b}, Apr {b}; of Mar's, b is back at M1.
    const recurring = grid({ cohorts: 'recurring' });
    assert.deepEqual(recurring.cohorts, ['2024-01', '2024-02', '2024-03', '2024-04'].map(month));
    assert.deepEqual([...recurring.sizes], [1, 1, 2, 1]);
    assert.deepEqual([...recurring.counts.subarray(8, 12)], [2, 1, 0, 0]);
  });

  it('gives the row-scanning grid for every definition it accepts, scoped or not', () => {
    const big = syntheticDataset({ rows: 4000, customers: 500, seed: 11, days: 400 });
    const scope = { customers: Uint8Array.from({ length: big.customerIds.length }, (_, u) => u % 3 === 0 ? 1 : 0) };
    const variants: Partial<RetentionOptions>[] = [{}, { mode: 'unbounded' }, { mode: 'streak' }, { mode: 'bracket', brackets: [{ from: 1, to: 2 }, { from: 4, to: 30 }] }, { mode: 'bracket', brackets: [] }];
    for (const period of ['day', 'week', 'month', 'quarter'] as const) {
      for (const extra of variants) {
        for (const cohorts of ['first', 'recurring'] as const) {
          const o = resolveOptions({ period, weekStart: 'sunday', ...extra, cohorts });
          assert.ok(fitsCalendarGrid(o, { cohortCode: -1, returnCode: -1 }));
          for (const s of [undefined, scope]) assert.deepEqual(calendarGrid(big, o, { cohortCode: -1, returnCode: -1 }, s), scanGrid(big, o, s), `${period} ${cohorts} ${JSON.stringify(extra)}`);
        }
      }
    }
  });

  it('counts groups of customers in one pass as the row scan counts each group alone', () => {
    const big = syntheticDataset({ rows: 3000, customers: 400, seed: 14, days: 300 });
    const groupOf = Int32Array.from({ length: big.customerIds.length }, (_, u) => (u % 4) - 1);   // groups 0–2, and −1: in none
    for (const cohorts of ['first', 'recurring'] as const) {
      const o = resolveOptions({ period: 'month', weekStart: 'monday', mode: 'unbounded', cohorts });
      const grids = calendarGroupGrids(big, o, { cohortCode: -1, returnCode: -1 }, groupOf, 3);
      grids.forEach((grid, g) => assert.deepEqual(grid, scanGrid(big, o, { customers: Uint8Array.from(groupOf, (x) => (x === g ? 1 : 0)) }), `${cohorts} group ${g}`));
    }
  });

  it('leaves rolling windows, event filters and minimum occurrences to the row scan', () => {
    const any = { cohortCode: -1, returnCode: -1 };
    assert.equal(fitsCalendarGrid(monthly({ window: 'rolling' }), any), false);
    assert.equal(fitsCalendarGrid(monthly({ minOccurrences: 2 }), any), false);
    assert.equal(fitsCalendarGrid(monthly(), { cohortCode: 0, returnCode: -1 }), false);
  });
});

describe('engine/rollingGrid', () => {
  it('lists each customer\'s distinct windows from their first purchase, in any row order', () => {
    // a: first purchase Jan 10 12:00; Jan 16 is in week 0, Jan 17 12:00 starts week 1, Feb 1 is week 3.
    const rows: Row[] = [['a', '2024-02-01T00:00', 1], ['a', '2024-01-17T12:00', 1], ['a', '2024-01-10T12:00', 1], ['a', '2024-01-16T23:59', 1], ['b', '2024-01-12T08:00', 1]];
    const ra = rollingActivity(makeDataset(rows), 'week');
    assert.deepEqual([...ra.start], [0, 3, 4]);
    assert.deepEqual([...ra.window], [0, 1, 3, 0]);
  });

  it('gives the row-scanning grid for every definition it accepts, scoped or not', () => {
    const big = syntheticDataset({ rows: 4000, customers: 500, seed: 12, days: 400 });
    const scope = { customers: Uint8Array.from({ length: big.customerIds.length }, (_, u) => u % 2) };
    const modes: Partial<RetentionOptions>[] = [{}, { mode: 'unbounded' }, { mode: 'streak' }, { mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 2, to: 5 }] }];
    for (const period of ['day', 'week', 'month', 'year'] as const) {
      for (const extra of modes) {
        const o = resolveOptions({ period, weekStart: 'monday', window: 'rolling', ...extra });
        assert.ok(fitsRollingGrid(o, { cohortCode: -1, returnCode: -1 }));
        for (const s of [undefined, scope]) assert.deepEqual(rollingGrid(big, o, { cohortCode: -1, returnCode: -1 }, s), scanGrid(big, o, s), `${period} ${JSON.stringify(extra)}`);
      }
    }
    assert.equal(fitsRollingGrid(resolveOptions({ period: 'week', weekStart: 'monday', window: 'rolling', cohorts: 'recurring' }), { cohortCode: -1, returnCode: -1 }), false);
  });
});

describe('engine/grid headGrid', () => {
  it('counts the first columns exactly as the whole grid does, and nothing else differs', () => {
    const ds = syntheticDataset({ rows: 4000, customers: 500, seed: 13, days: 300 });
    // One and two columns of a recurring table come from per-period counts (periodMoves.ts), three from the period lists.
    for (const columns of [1, 2, 3]) {
      for (const extra of [{ cohorts: 'recurring' }, { window: 'rolling' }, {}, { cohorts: 'recurring', period: 'day' }] as Partial<RetentionOptions>[]) {
        const o = resolveOptions({ period: 'week', weekStart: 'monday', ...extra });
        const head = headGrid(ds, o, columns)!;
        const full = scanGrid(ds, o)!;
        const W = full.ranges.length;
        assert.deepEqual([head.cohorts, head.sizes, head.state, head.ranges], [full.cohorts, full.sizes, full.state, full.ranges]);
        full.cohorts.forEach((_, row) => {
          assert.deepEqual(head.counts.subarray(row * W, row * W + columns), full.counts.subarray(row * W, row * W + columns), `${columns} ${JSON.stringify(extra)}`);
          assert.ok(head.counts.subarray(row * W + columns, row * W + W).every((n) => n === 0));
        });
      }
    }
  });
});

describe('engine/rollingGrid first columns', () => {
  it('puts rows exactly on a window boundary in the later window, as the row scan does', () => {
    // a: back exactly 7 days later (window 1) and 1 min before 14 days; b: exactly 14 days later (window 2); c: 1 min before 7 days (window 0).
    const rows: Row[] = [['a', '2024-01-10T12:00', 1], ['b', '2024-01-11T00:00', 1], ['c', '2024-01-12T08:00', 1], ['a', '2024-01-17T12:00', 1],
      ['c', '2024-01-19T07:59', 1], ['a', '2024-01-24T11:59', 1], ['b', '2024-01-25T00:00', 1], ['a', '2024-03-01T00:00', 1]];
    const ds = makeDataset(rows, { dataEnd: '2024-03-02' });
    for (const columns of [1, 2, 3]) {
      const o = resolveOptions({ period: 'week', weekStart: 'monday', window: 'rolling' });
      const head = headGrid(ds, o, columns)!;
      const full = scanGrid(ds, o)!;
      const W = full.ranges.length;
      assert.deepEqual(full.counts.subarray(0, 3), Int32Array.from([3, 1, 1]));
      assert.deepEqual(head.counts.subarray(0, columns), full.counts.subarray(0, columns), `${columns}`);
      assert.ok(head.counts.subarray(columns, W).every((n) => n === 0));
    }
  });
});

describe('engine/offsetTally', () => {
  it('counts entries from their ascending distinct offsets in each mode', () => {
    const list = Int32Array.from([5, 6, 8]);     // offsets 0, 1, 3 from base 5
    const run = (mode: 'classic' | 'unbounded' | 'streak' | 'bracket', columns: number, bracketOf: Int32Array | null): number[] => {
      const t = new OffsetTally(mode, 1, columns, 4, bracketOf);
      t.add(0, list, 0, 3, 5);
      return [...t.finish()];
    };
    assert.deepEqual(run('classic', 4, null), [1, 1, 0, 1]);
    assert.deepEqual(run('unbounded', 4, null), [1, 1, 1, 1]);
    assert.deepEqual(run('streak', 4, null), [1, 1, 0, 0]);
    // Brackets [0], [1–2], [3]: offset 3 falls in the third.
    assert.deepEqual(run('bracket', 3, Int32Array.from([0, 1, 1, 2])), [1, 1, 1]);
    const firstTwo = new OffsetTally('classic', 1, 4, 4, null, 2);
    firstTwo.add(0, list, 0, 3, 5);
    assert.deepEqual([...firstTwo.finish()], [1, 1, 0, 0]);
    // The same entries as bits (offsets 0, 1, 3): the first three columns, and the first two.
    for (const [columns, counts] of [[3, [1, 1, 0, 0]], [2, [1, 1, 0, 0]], [4, [1, 1, 0, 1]]] as const) {
      const bits = new OffsetTally('classic', 2, 4, 4, null, columns);
      bits.addBits(1, 0b1011);
      assert.deepEqual([[...bits.sizes], [...bits.finish().subarray(4)]], [[0, 1], counts]);
    }
  });
});

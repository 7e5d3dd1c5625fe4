import { strict as assert } from 'node:assert';
import { calendarRevenue, fitsCalendarRevenue, rowDays } from '../../../src/engine/calendarRevenue';
import { periodIndex } from '../../../src/engine/periods';
import { resolveOptions, type Period } from '../../../src/shared/options';
import { makeDataset, syntheticDataset } from './makeDataset';

describe('engine/calendarRevenue', () => {
  it('knows each row\'s civil day, its customer\'s first purchase day, and the span of them', () => {
    const ds = makeDataset([['a', '2024-01-02T23:59', 5], ['b', '1970-01-01', -1], ['a', '1970-01-03T00:00', 2]]);
    const days = rowDays(ds);
    assert.deepEqual([...days.day], [19724, 0, 2]);
    // a first bought on day 2; b only returned (no purchase, no cohort).
    assert.deepEqual([...days.firstDay], [2, -2147483648, 2]);
    assert.equal(days.first, 0);
    assert.equal(days.last, 19724);
  });

  it('sums every row with an amount into its customer\'s first-purchase cohort, in file order, exactly as a naive pass', () => {
    const ds = syntheticDataset({ rows: 5000, customers: 600, seed: 21, days: 500 });
    const amount = ds.amount!;
    for (const period of ['day', 'week', 'month', 'quarter'] as Period[]) {
      const o = resolveOptions({ period, weekStart: 'wednesday' });
      assert.ok(fitsCalendarRevenue(o, { cohortCode: -1, returnCode: -1 }));
      const P = (r: number): number => periodIndex(ds.time[r], period, 'wednesday');
      const cohortOf = new Map<number, number>();
      for (let r = 0; r < ds.rowCount; r++) {
        if (amount[r] > 0) cohortOf.set(ds.customer[r], Math.min(cohortOf.get(ds.customer[r]) ?? Infinity, P(r)));
      }
      const cells = calendarRevenue(ds, amount, o, null)!;
      const expected = new Float64Array(cells.sums.length);
      const W = cells.ranges.length;
      for (let r = 0; r < ds.rowCount; r++) {
        const c = cohortOf.get(ds.customer[r]);
        // A return before the first purchase falls before the cohort: in no cell.
        if (c === undefined || amount[r] === 0 || P(r) < c) continue;
        expected[cells.cohorts.indexOf(c) * W + P(r) - c] += amount[r];
      }
      assert.deepEqual(cells.cohorts, [...new Set(cohortOf.values())].sort((a, b) => a - b), period);
      assert.deepEqual(cells.sums, expected, period);
      assert.equal(cells.sizes.reduce((a, b) => a + b, 0), cohortOf.size);
    }
  });

  it('sums a segment\'s customers only, and brackets of offsets, exactly as a naive pass', () => {
    const ds = syntheticDataset({ rows: 5000, customers: 600, seed: 22, days: 500 });
    const amount = ds.amount!;
    const scope = Uint8Array.from({ length: ds.customerIds.length }, (_, u) => Number(u % 3 === 0));
    const brackets = [{ from: 0, to: 0 }, { from: 2, to: 5 }, { from: 9, to: 9 }];
    for (const [mode, s] of [['bracket', null], ['bracket', scope], ['classic', scope]] as const) {
      const o = resolveOptions({ period: 'week', weekStart: 'monday', mode, brackets });
      const P = (r: number): number => periodIndex(ds.time[r], 'week', 'monday');
      const cohortOf = new Map<number, number>();
      for (let r = 0; r < ds.rowCount; r++) {
        if (amount[r] > 0 && (s === null || s[ds.customer[r]] === 1)) cohortOf.set(ds.customer[r], Math.min(cohortOf.get(ds.customer[r]) ?? Infinity, P(r)));
      }
      const cells = calendarRevenue(ds, amount, o, s)!;
      const expected = new Float64Array(cells.sums.length);
      const W = cells.ranges.length;
      for (let r = 0; r < ds.rowCount; r++) {
        const c = cohortOf.get(ds.customer[r]);
        const j = c === undefined ? -1 : cells.ranges.findIndex((range) => P(r) - c >= range.from && P(r) - c <= range.to);
        if (amount[r] !== 0 && j >= 0) expected[cells.cohorts.indexOf(c!) * W + j] += amount[r];
      }
      assert.deepEqual(cells.cohorts, [...new Set(cohortOf.values())].sort((a, b) => a - b), `${mode} ${s ? 'scoped' : ''}`);
      assert.deepEqual(cells.sums, expected, `${mode} ${s ? 'scoped' : ''}`);
    }
  });

  it('leaves rolling windows, recurring cohorts and cohort events to the row scan', () => {
    const any = { cohortCode: -1, returnCode: -1 };
    const month = (extra: object) => resolveOptions({ period: 'month', weekStart: 'monday', ...extra });
    assert.equal(fitsCalendarRevenue(month({ window: 'rolling' }), any), false);
    assert.equal(fitsCalendarRevenue(month({ cohorts: 'recurring' }), any), false);
    assert.equal(fitsCalendarRevenue(month({}), { cohortCode: 2, returnCode: -1 }), false);
    assert.equal(fitsCalendarRevenue(month({}), null), false);
  });
});

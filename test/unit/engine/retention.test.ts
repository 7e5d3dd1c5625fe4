import { strict as assert } from 'node:assert';
import { classicRetention } from '../../../src/engine/retention';
import type { AnalysisOptions, Period, WeekStart } from '../../../src/shared/options';
import type { RetentionTable } from '../../../src/shared/report';
import { ORDERS_ROWS, makeDataset, type MakeOptions, type Row } from './makeDataset';

const table = (rows: Row[], period: Period, options: MakeOptions = {}, weekStart: WeekStart = 'monday'): RetentionTable =>
  classicRetention(makeDataset(rows, options), { period, weekStart });

/** [label, size, counts, rates, partial] per cohort: compact to read against hand-worked tables. */
const rowsOf = (t: RetentionTable) => t.cohorts.map((c) => [c.cohort, c.size, c.counts, c.rates, c.partial]);

/** The DESIGN.md §6 stable core of a table (the lab adds intervals, columns, at-risk and the definition beside it). */
const core = (t: RetentionTable) => ({
  period: t.period, mode: t.mode,
  cohorts: t.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, counts: c.counts, rates: c.rates, partial: c.partial })),
  average: { rates: t.average.rates, method: t.average.method },
});

const monthly: AnalysisOptions = { period: 'month', weekStart: 'monday' };

describe('engine/retention', () => {
  it('reproduces the DESIGN.md §6 example exactly', () => {
    assert.deepEqual(core(classicRetention(makeDataset(ORDERS_ROWS, { dataEnd: '2024-04-01' }), monthly)), {
      period: 'month', mode: 'classic',
      cohorts: [
        { cohort: '2024-01', size: 3, counts: [3, 2, 1], rates: [1, 0.6667, 0.3333], partial: [false, false, false] },
        { cohort: '2024-02', size: 2, counts: [2, 1, null], rates: [1, 0.5, null], partial: [false, false, false] },
      ],
      average: { rates: [1, 0.6, 0.3333], method: 'pooled' },
    });
  });

  it('gives the same table whatever the row order', () => {
    const expected = table(ORDERS_ROWS, 'month');
    const shuffled = [6, 2, 8, 0, 4, 7, 1, 5, 3].map((i) => ORDERS_ROWS[i]);
    assert.deepEqual(table(shuffled, 'month'), expected);
    assert.deepEqual(table([...ORDERS_ROWS].reverse(), 'month'), expected);
  });

  it('takes the cohort from the earliest purchase even when it comes later in the file', () => {
    const t = table([['a', '2024-03-02', 5], ['b', '2024-02-10', 5], ['a', '2024-01-20', 5]], 'month', { dataEnd: '2024-04-01' });
    assert.deepEqual(rowsOf(t), [
      ['2024-01', 1, [1, 0, 1], [1, 0, 1], [false, false, false]],
      ['2024-02', 1, [1, 0, null], [1, 0, null], [false, false, false]],
    ]);
  });

  it('flags partial cells and leaves absent ones null when data ends mid-period', () => {
    const t = table([
      ['a', '2024-01-05', 10], ['a', '2024-02-10', 10], ['a', '2024-03-02', 10],
      ['b', '2024-01-20', 10], ['b', '2024-03-15', 10],
      ['c', '2024-02-03', 10], ['c', '2024-03-01', 10],
      ['d', '2024-03-10', 10],
    ], 'month', { precision: 'day', dataEnd: '2024-03-16' });
    assert.deepEqual(rowsOf(t), [
      ['2024-01', 2, [2, 1, 2], [1, 0.5, 1], [false, false, true]],
      ['2024-02', 1, [1, 1, null], [1, 1, null], [false, true, false]],
      ['2024-03', 1, [1, null, null], [1, null, null], [true, false, false]],
    ]);
    // Partial cells stay out of the average: k = 1 is January's February only; k = 2 has no complete cell.
    assert.deepEqual(core(t).average, { rates: [1, 0.5, null], method: 'pooled' });
  });

  it('shows a zero, not null, for an observed period without activity', () => {
    // A return in April moves the data end past the last purchase: March is observed, with no purchase.
    const t = table([['a', '2024-01', 10], ['a', '2024-02', 10], ['b', '2024-02', 10], ['a', '2024-04', -5]], 'month', { dataEnd: '2024-05-01' });
    assert.deepEqual(rowsOf(t), [
      ['2024-01', 1, [1, 1], [1, 1], [false, false]],
      ['2024-02', 1, [1, 0], [1, 0], [false, false]],
    ]);
    assert.deepEqual(t.average.rates, [1, 0.5]);
  });

  it('counts only purchases: returns and zero amounts are not activity', () => {
    const t = table([
      ['a', '2024-01-10', 50], ['a', '2024-02-05', -20], ['a', '2024-03-01', 0],
      ['b', '2024-02-10', -10],                    // only a return: in no cohort
      ['c', '2024-02-15', 30], ['c', '2024-03-20', 25],
    ], 'month', { dataEnd: '2024-04-01' });
    assert.deepEqual(rowsOf(t), [
      ['2024-01', 1, [1, 0, 0], [1, 0, 0], [false, false, false]],
      ['2024-02', 1, [1, 1, null], [1, 1, null], [false, false, false]],
    ]);
    assert.deepEqual(t.average.rates, [1, 0.5, 0]);
  });

  it('counts a customer active several times in one period once', () => {
    const t = table([
      ['a', '2024-01-01', 1], ['a', '2024-01-20', 1], ['a', '2024-02-03', 1], ['a', '2024-02-04', 1], ['a', '2024-02-28', 1],
      ['b', '2024-01-15', 1], ['b', '2024-01-16', 1],
    ], 'month', { dataEnd: '2024-03-01' });
    assert.deepEqual(rowsOf(t), [['2024-01', 2, [2, 1], [1, 0.5], [false, false]]]);
  });

  it('leaves out periods in which nobody started (cohorts are listed only when they have members)', () => {
    const t = table([['a', '2024-01', 1], ['a', '2024-04', 1], ['b', '2024-04', 1]], 'month', { dataEnd: '2024-05-01' });
    assert.deepEqual(t.cohorts.map((c) => [c.cohort, c.counts]), [['2024-01', [1, 0, 0, 1]], ['2024-04', [1, null, null, null]]]);
    assert.deepEqual(t.average.rates, [1, 0, 0, 1]);
  });

  describe('periods', () => {
    const weekRows: Row[] = [
      ['a', '2024-01-01', 1], ['a', '2024-01-09', 1], ['a', '2024-01-21', 1],   // Mon W01, Tue W02, Sun W03
      ['b', '2024-01-07', 1], ['b', '2024-01-08', 1],                        // Sun W01, Mon W02
      ['c', '2024-01-10', 1],                                               // Wed W02
    ];

    it('builds ISO-weekly cohorts', () => {
      const t = table(weekRows, 'week', { dataEnd: '2024-01-22' });
      assert.deepEqual(rowsOf(t), [
        ['2024-W01', 2, [2, 2, 1], [1, 1, 0.5], [false, false, false]],
        ['2024-W02', 1, [1, 0, null], [1, 0, null], [false, false, false]],
      ]);
      assert.deepEqual(t.average.rates, [1, 0.6667, 0.5]);
    });

    it('builds Sunday-start weekly cohorts labelled by their first day', () => {
      const t = table(weekRows, 'week', { dataEnd: '2024-01-22' }, 'sunday');
      assert.deepEqual(rowsOf(t), [
        ['2023-12-31', 1, [1, 1, 0, 1], [1, 1, 0, 1], [false, false, false, true]],
        ['2024-01-07', 2, [2, 0, 0, null], [1, 0, 0, null], [false, false, true, false]],
      ]);
      assert.deepEqual(t.average.rates, [1, 0.3333, 0, null]);
    });

    it('builds quarterly cohorts across a year end', () => {
      const t = table([['a', '2023-11-15', 1], ['a', '2024-02-01', 1], ['b', '2024-01-10', 1], ['b', '2024-05-01', 1]], 'quarter', { dataEnd: '2024-05-02' });
      assert.deepEqual(rowsOf(t), [
        ['2023-Q4', 1, [1, 1, 0], [1, 1, 0], [false, false, true]],
        ['2024-Q1', 1, [1, 1, null], [1, 1, null], [false, true, false]],
      ]);
      assert.deepEqual(t.average.rates, [1, 1, null]);
    });

    it('puts the §6 example in one quarter', () => {
      assert.deepEqual(rowsOf(table(ORDERS_ROWS, 'quarter', { dataEnd: '2024-04-01' })), [['2024-Q1', 5, [5], [1], [false]]]);
    });

    it('builds yearly cohorts', () => {
      const t = table([['a', '2022-06-01', 1], ['a', '2024-01-01', 1], ['b', '2023-03-03', 1], ['b', '2023-12-31', 1], ['c', '2024-07-01', 1]], 'year');
      assert.deepEqual(rowsOf(t), [
        ['2022', 1, [1, 0, 1], [1, 0, 1], [false, false, true]],
        ['2023', 1, [1, 0, null], [1, 0, null], [false, true, false]],
        ['2024', 1, [1, null, null], [1, null, null], [true, false, false]],
      ]);
      assert.deepEqual(t.average.rates, [1, 0, null]);
    });

    it('builds daily cohorts from date-times (minute precision ends mid-day)', () => {
      const t = table([
        ['a', '2024-03-01T09:00', 1], ['a', '2024-03-01T18:00', 1], ['a', '2024-03-03T10:00', 1],
        ['b', '2024-03-02T23:59', 1], ['b', '2024-03-03T00:00', 1],
      ], 'day');
      assert.deepEqual(rowsOf(t), [
        ['2024-03-01', 1, [1, 0, 1], [1, 0, 1], [false, false, true]],
        ['2024-03-02', 1, [1, 1, null], [1, 1, null], [false, true, false]],
      ]);
      assert.deepEqual(t.average.rates, [1, 0, null]);
    });
  });

  describe('small and degenerate data', () => {
    it('handles one customer', () => {
      const t = table([['a', '2024-01-05', 1], ['a', '2024-03-05', 1]], 'month');
      assert.deepEqual(rowsOf(t), [['2024-01', 1, [1, 0, 1], [1, 0, 1], [false, false, true]]]);
      assert.deepEqual(t.average.rates, [1, 0, null]);
    });

    it('handles a single period, complete or cut off', () => {
      const complete = table([['a', '2024-01', 1], ['b', '2024-01', 1]], 'month');
      assert.deepEqual(rowsOf(complete), [['2024-01', 2, [2], [1], [false]]]);
      assert.deepEqual(complete.average.rates, [1]);
      const cut = table([['a', '2024-01-05', 1], ['b', '2024-01-20', 1]], 'month');
      assert.deepEqual(rowsOf(cut), [['2024-01', 2, [2], [1], [true]]]);
      assert.deepEqual(cut.average.rates, [null]);
    });

    it('treats every row as activity when there is no amount column', () => {
      const t = table([['a', '2024-01'], ['a', '2024-02'], ['b', '2024-02']], 'month');
      assert.deepEqual(rowsOf(t), [
        ['2024-01', 1, [1, 1], [1, 1], [false, false]],
        ['2024-02', 1, [1, null], [1, null], [false, false]],
      ]);
    });

    it('copes with a span of millennia (beyond the day lookup table)', () => {
      const ds = makeDataset([['a', '2000-06-01', 1], ['b', '2001-03-01', 1]]);
      ds.time[1] = Date.UTC(14000, 2, 1);
      ds.dataEnd = Date.UTC(14000, 2, 2);
      const t = classicRetention(ds, { period: 'year', weekStart: 'monday' });
      assert.deepEqual(t.cohorts.map((c) => [c.cohort, c.size, c.counts.length, c.counts[0], c.counts.at(-1)]), [['2000', 1, 12001, 1, 0], ['14000', 1, 12001, 1, null]]);
      assert.equal(t.cohorts[0].partial.indexOf(true), 12000);
    });

    it('is empty when nobody purchased', () => {
      const expected = { period: 'month', mode: 'classic', cohorts: [], average: { rates: [], method: 'pooled' } };
      assert.deepEqual(core(table([['a', '2024-01', -5], ['b', '2024-02', 0]], 'month')), expected);
      assert.deepEqual(core(table([], 'month', { amounts: true })), expected);
    });
  });
});

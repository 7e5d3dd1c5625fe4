import { strict as assert } from 'node:assert';
import { explainOptions } from '../../../src/engine/explain';
import { resolveOptions, type RetentionOptions } from '../../../src/shared/options';
import { scanGrid } from '../../../src/engine/grid';
import { COMPLETE, columnLabel } from '../../../src/engine/windows';
import type { Grid } from '../../../src/engine/gridCells';
import { makeDataset, syntheticDataset, type Row } from './makeDataset';

/** Pooled average of column j over complete cells, rates of the cohort (the defaults), straight from a grid's counts. */
function pooledAt(grid: Grid, j: number): number | null {
  const W = grid.ranges.length;
  let count = 0;
  let size = 0;
  grid.cohorts.forEach((_, row) => {
    if (grid.state[row * W + j] !== COMPLETE) return;
    count += grid.counts[row * W + j];
    size += grid.sizes[row];
  });
  return size > 0 ? count / size : null;
}

// a: M1, M2;  b: M1, M3;  c: M2;  d: nothing after M0;  e starts in May (the data's last month).
const ROWS: Row[] = [
  ['a', '2024-01'], ['b', '2024-01'], ['c', '2024-01'], ['d', '2024-01'],
  ['a', '2024-02'], ['b', '2024-02'], ['a', '2024-03'], ['c', '2024-03'], ['b', '2024-04'], ['e', '2024-05'],
];
const explain = (extra: Partial<RetentionOptions> = {}, rows = ROWS, events?: string[], dataEnd?: string) =>
  explainOptions(makeDataset(rows, { events, dataEnd }), resolveOptions({ period: 'month', weekStart: 'monday', ...extra }));
const textOf = (lines: { option: string; text: string }[], option: string) => lines.find((l) => l.option === option)!.text;

describe('engine/explain', () => {
  it('gives one sentence per option, with this file\'s numbers', () => {
    const lines = explain();
    assert.deepEqual(lines.map((l) => l.option), ['mode', 'window', 'cohorts', 'rateBase', 'average']);
    // Classic M1 = 2/4 (a, b); on or after M1 = 3/4 (c comes back in M2).
    assert.equal(textOf(lines, 'mode'), 'On or after (unbounded) counts anyone active in that period or any later one: 75.0% at M1, against 50.0% active in that month itself (classic).');
    // M2: a and c of 4 (50%), but of the 2 counted at M1 only a (50%)… the previous-column base differs from M2 on.
    assert.equal(textOf(lines, 'rateBase'), 'Relative to the previous column, each rate divides by the customers counted one column earlier: 100.0% at M2, against 50.0% of the whole cohort.');
    assert.match(textOf(lines, 'cohorts'), /^Recurring cohorts .*: \d+\.\d% at M1, against 50\.0% with first-time cohorts\.$/);
    assert.match(textOf(lines, 'average'), /all give 50\.0% at M1/);
  });

  it('states the three averages on Mixpanel\'s example (60% pooled, 65% simple, 56% Mixpanel)', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 10; i++) rows.push([`j${i}`, '2024-01-10'], ...(i < 5 ? [[`j${i}`, '2024-02-10'] as Row] : []));
    for (let i = 0; i < 5; i++) rows.push([`f${i}`, '2024-02-11'], ...(i < 4 ? [[`f${i}`, '2024-03-10'] as Row] : []));
    const text = textOf(explain({}, rows, undefined, '2024-04-01'), 'average');
    assert.equal(text, "The average row at M1 shows 60.0% with the pooled average (every customer weighs the same); the simple mean (every cohort weighs the same) gives 65.0%, and Mixpanel's average (cohorts weighted by size squared) gives 56.0%, because cohorts of different sizes retain differently.");
  });

  it('explains the other side of each setting, and the filters when they are set', () => {
    assert.match(textOf(explain({ mode: 'unbounded' }), 'mode'), /^Classic counts only customers active in that very period: 50\.0% at M1, against 75\.0% active then or later/);
    assert.match(textOf(explain({ minOccurrences: 2 }), 'minOccurrences'), /^Requiring 2 rows in a period leaves out customers who came back less often: 50\.0% at M1, against 0\.0% with 2 rows/);
    const events = ROWS.map((_, i) => (i === 8 ? 'buy' : 'visit'));
    const filtered = explain({ returnEvent: 'buy' }, ROWS, events);
    assert.match(textOf(filtered, 'returnEvent'), /^Only 'buy' counts as coming back, not any event: /);
    assert.match(textOf(explain({ mode: 'streak' }), 'mode'), /: 50\.0% at M2, against 25\.0% active in every period up to it \(streak\)\.$/);
  });

  it('compares on the columns the row-scanned tables give (first two columns counted per period)', () => {
    const ds = syntheticDataset({ rows: 5000, customers: 600, seed: 41, days: 400 });
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    for (const period of ['day', 'week', 'month'] as const) {
      for (const cohorts of ['first', 'recurring'] as const) {
        const o = resolveOptions({ period, weekStart: 'monday', cohorts });
        const current = scanGrid(ds, o)!;
        const other = scanGrid(ds, { ...o, cohorts: cohorts === 'first' ? 'recurring' : 'first' })!;
        const j = current.ranges.findIndex((_, k) => k >= 1 && pooledAt(current, k) !== null && pooledAt(other, k) !== null);
        const text = textOf(explainOptions(ds, o), 'cohorts');
        assert.ok(text.endsWith(`: ${pct(pooledAt(other, j)!)} at ${columnLabel(period, { from: j, to: j })}, against ${pct(pooledAt(current, j)!)} with ${cohorts === 'first' ? 'first-time' : 'recurring'} cohorts.`), `${period} ${cohorts}: ${text}`);
      }
    }
  });

  it('says so when nothing qualifies', () => {
    assert.deepEqual(explain({ cohortEvent: 'nope' }, ROWS, ROWS.map(() => 'visit')).map((l) => l.option), ['data']);
  });
});

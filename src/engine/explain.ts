// The "explain" view: one sentence per option saying, with this file's numbers, why the other
// setting gives a different retention figure. Each alternative is a count grid of its own (no
// rows, intervals or labels are built), compared on the average row at the first column where
// the option matters and both tables have complete cells.
import type { Dataset } from '../shared/dataset';
import type { AverageMethod, Period, ResolvedOptions } from '../shared/options';
import type { ExplainLine } from '../shared/report';
import { averageOf, cellBases, completeCells } from './averages';
import { headGrid, rememberedGrid, type Grid } from './grid';
import { columnLabel } from './windows';

const NOUN: Record<Period, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };
const ROLLING: Record<Period, string> = { day: '24-hour', week: '7-day', month: '30-day', quarter: '91-day', year: '365-day' };
const METHOD: Record<AverageMethod, string> = {
  pooled: 'the pooled average (every customer weighs the same)',
  simple: 'the simple mean (every cohort weighs the same)',
  mixpanel: "Mixpanel's average (cohorts weighted by size squared)",
};

/** One sentence per option (mode, window, cohorts, rate base, average, and the filters that are set) with this file's numbers. */
export function explainOptions(ds: Dataset, options: ResolvedOptions): ExplainLine[] {
  const grid = rememberedGrid(ds, options);
  if (!grid) return [{ option: 'data', text: 'No cohort qualifies under these options, so there is nothing to compare.' }];
  const lines: ExplainLine[] = [modeLine(ds, options, grid), windowLine(ds, options, grid), cohortsLine(ds, options, grid), rateBaseLine(ds, options, grid), averageLine(options, grid)];
  if (options.minOccurrences > 1) lines.push(filterLine(ds, options, grid, 'minOccurrences', { minOccurrences: 1 }, `Requiring ${options.minOccurrences} rows in a period leaves out customers who came back less often`, `with ${options.minOccurrences} rows required`));
  if (options.cohortEvent !== null) lines.push(filterLine(ds, options, grid, 'cohortEvent', { cohortEvent: null }, `Cohorts start at the first '${options.cohortEvent}', not at a customer's first row of any event`, `with '${options.cohortEvent}'`));
  if (options.returnEvent !== null) lines.push(filterLine(ds, options, grid, 'returnEvent', { returnEvent: null }, `Only '${options.returnEvent}' counts as coming back, not any event`, `with '${options.returnEvent}'`));
  return lines;
}

/** The average row's value at column j under the options' rate base and method. */
function averageAt(grid: Grid, o: ResolvedOptions, j: number): number | null {
  if (j >= grid.ranges.length) return null;
  const bases = cellBases(grid, o.rateBase);
  const { counts, sizes } = completeCells(grid, bases, j);
  return counts.length ? averageOf(o.average, counts, sizes) : null;
}

type Comparison = { j: number; va: number; vb: number };

/** First column from `want` on (and below `until`) where both grids have an average (same column index in both). */
function comparable(a: Grid, oa: ResolvedOptions, b: Grid | null, ob: ResolvedOptions, want: number, until = Infinity): Comparison | null {
  if (!b) return null;
  for (let j = want; j < Math.min(a.ranges.length, b.ranges.length, until); j++) {
    const va = averageAt(a, oa, j);
    const vb = averageAt(b, ob, j);
    if (va !== null && vb !== null) return { j, va, vb };
  }
  return null;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** "why: 52.1% at M1, against 36.6% (current)", or a note that no column can be compared yet. */
function sentence(why: string, at: Comparison | null, label: (j: number) => string, currentDesc: string): string {
  if (!at) return `${why}; no column has complete cells under both settings yet, so the file cannot show the difference.`;
  if (at.va === at.vb) return `${why}, but on this file both give ${pct(at.va)} at ${label(at.j)}.`;
  return `${why}: ${pct(at.vb)} at ${label(at.j)}, against ${pct(at.va)} ${currentDesc}.`;
}

function alternative(ds: Dataset, o: ResolvedOptions, change: Partial<ResolvedOptions>): { alt: ResolvedOptions; grid: Grid | null } {
  const alt = { ...o, ...change };
  return { alt, grid: rememberedGrid(ds, alt) };
}

/**
 * Columns of an alternative counted first, in turn: comparisons start at column 1 or 2 and nearly
 * always end there, and a recurring table's first two columns cost no pass over the customers.
 */
const FIRST_COLUMNS = [2, 4];

/**
 * comparable() against the table `change` gives: decided on its first columns (grid.ts headGrid)
 * when they hold a comparable column, else on the whole table, so the answer is the same.
 */
function compareWith(ds: Dataset, o: ResolvedOptions, grid: Grid, change: Partial<ResolvedOptions>, want: number): Comparison | null {
  const alt = { ...o, ...change };
  for (const columns of FIRST_COLUMNS) {
    if (columns <= want) continue;
    const head = headGrid(ds, alt, columns);
    if (!head) return null;
    const at = comparable(grid, o, head, alt, want, columns);
    if (at) return at;
  }
  return comparable(grid, o, rememberedGrid(ds, alt), alt, want);
}

function modeLine(ds: Dataset, o: ResolvedOptions, grid: Grid): ExplainLine {
  const offset = (j: number): string => columnLabel(o.period, { from: j, to: j });
  if (o.mode === 'classic') {
    return { option: 'mode', text: sentence('On or after (unbounded) counts anyone active in that period or any later one', compareWith(ds, o, grid, { mode: 'unbounded' }, 1), offset, `active in that ${NOUN[o.period]} itself (classic)`) };
  }
  const classic = { mode: 'classic' } as const;
  if (o.mode === 'unbounded') return { option: 'mode', text: sentence('Classic counts only customers active in that very period', compareWith(ds, o, grid, classic, 1), offset, 'active then or later (on or after)') };
  if (o.mode === 'streak') return { option: 'mode', text: sentence('Classic counts anyone active in the period, whatever they did in the periods before it', compareWith(ds, o, grid, classic, 2), offset, 'active in every period up to it (streak)') };
  const { alt, grid: g } = alternative(ds, o, classic);
  return { option: 'mode', text: bracketSentence(o, grid, g, alt) };
}

/** Bracket vs classic: the first bracket after offset 0 against classic at that bracket's first offset. */
function bracketSentence(o: ResolvedOptions, grid: Grid, classic: Grid | null, alt: ResolvedOptions): string {
  const j = grid.ranges.findIndex((r) => r.from >= 1 && averageAt(grid, o, grid.ranges.indexOf(r)) !== null);
  const why = 'Classic counts customers active in one period, a bracket anyone active at least once in its range';
  if (j < 0 || !classic) return sentence(why, null, String, '');
  const r = grid.ranges[j];
  const vb = averageAt(classic, alt, r.from);
  if (vb === null) return sentence(why, null, String, '');
  const at = { j, va: averageAt(grid, o, j)!, vb };
  return sentence(why, at, () => columnLabel(o.period, { from: r.from, to: r.from }), `active at least once in ${columnLabel(o.period, r)} (bracket)`);
}

function windowLine(ds: Dataset, o: ResolvedOptions, grid: Grid): ExplainLine {
  const label = (j: number): string => columnLabel(o.period, grid.ranges[j]);
  const rolling = o.window === 'rolling';
  const at = compareWith(ds, o, grid, { window: rolling ? 'calendar' : 'rolling' }, 1);
  const why = rolling
    ? `Calendar ${NOUN[o.period]}s count the next ${NOUN[o.period]} as offset 1 however late in their first ${NOUN[o.period]} a customer started`
    : `Rolling ${ROLLING[o.period]} windows measure each offset from the customer's own first activity instead of the calendar ${NOUN[o.period]}`;
  return { option: 'window', text: sentence(why, at, label, rolling ? `in ${ROLLING[o.period]} windows (rolling)` : `by calendar ${NOUN[o.period]} (calendar)`) };
}

function cohortsLine(ds: Dataset, o: ResolvedOptions, grid: Grid): ExplainLine {
  const label = (j: number): string => columnLabel(o.period, grid.ranges[j]);
  const recurring = o.cohorts === 'recurring';
  const at = compareWith(ds, o, grid, { cohorts: recurring ? 'first' : 'recurring' }, 1);
  const why = recurring
    ? `First-time cohorts hold each customer once, in their first ${NOUN[o.period]}, so returning regulars stop re-entering`
    : `Recurring cohorts put a customer in every ${NOUN[o.period]} they are active in, so regulars enter again and again`;
  return { option: 'cohorts', text: sentence(why, at, label, recurring ? 'with recurring cohorts' : 'with first-time cohorts') };
}

// At column 1 both bases are the cohort size, so the first column where they can differ is 2.
function rateBaseLine(ds: Dataset, o: ResolvedOptions, grid: Grid): ExplainLine {
  const label = (j: number): string => columnLabel(o.period, grid.ranges[j]);
  const previous = o.rateBase === 'previous';
  const { alt, grid: g } = alternative(ds, o, { rateBase: previous ? 'cohort' : 'previous' });
  const why = previous
    ? 'Relative to the cohort, every column divides by the customers who started'
    : 'Relative to the previous column, each rate divides by the customers counted one column earlier';
  return { option: 'rateBase', text: sentence(why, comparable(grid, o, g, alt, 2), label, previous ? 'of the previous column' : 'of the whole cohort') };
}

function averageLine(o: ResolvedOptions, grid: Grid): ExplainLine {
  const label = (j: number): string => columnLabel(o.period, grid.ranges[j]);
  const others = (['pooled', 'simple', 'mixpanel'] as const).filter((m) => m !== o.average);
  for (let j = 1; j < grid.ranges.length; j++) {
    const current = averageAt(grid, o, j);
    if (current === null) continue;
    const values = others.map((m) => averageAt(grid, { ...o, average: m }, j)!);
    if (values.every((v) => v === current)) return { option: 'average', text: `Pooled, simple and Mixpanel averages all give ${pct(current)} at ${label(j)} on this file: its complete cohorts there share one rate, or only one is complete.` };
    const alts = others.map((m, i) => `${METHOD[m]} gives ${pct(values[i])}`);
    return { option: 'average', text: `The average row at ${label(j)} shows ${pct(current)} with ${METHOD[o.average]}; ${alts.join(', and ')}, because cohorts of different sizes retain differently.` };
  }
  return { option: 'average', text: 'No column after the first has complete cells yet, so the averaging methods cannot differ on this file.' };
}

function filterLine(ds: Dataset, o: ResolvedOptions, grid: Grid, option: string, change: Partial<ResolvedOptions>, why: string, currentDesc: string): ExplainLine {
  const label = (j: number): string => columnLabel(o.period, grid.ranges[j]);
  return { option, text: sentence(why, compareWith(ds, o, grid, change, 1), label, currentDesc) };
}

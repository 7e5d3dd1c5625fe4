// Every lab definition (mode × window × cohorts × min occurrences × event filters × rate base ×
// average) against a deliberately naive reference written straight from DESIGN.md §4 and
// docs/DESIGN-lab.md: Maps of offsets per cohort entry, nested loops, no typed arrays, and cell
// coverage judged from period boundaries rather than from the engine's "last present period".
import { strict as assert } from 'node:assert';
import { retentionTable } from '../../../src/engine/retention';
import { cellMembers } from '../../../src/engine/cellMembers';
import { periodEnd, periodIndex, periodLabel, periodStart } from '../../../src/engine/periods';
import type { Dataset } from '../../../src/shared/dataset';
import { resolveOptions, type AverageMethod, type OffsetRange, type ResolvedOptions } from '../../../src/shared/options';
import { syntheticDataset } from './makeDataset';

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const LENGTH = { day: 1, week: 7, month: 30, quarter: 91, year: 365 } as const;

interface Entry { u: number; c: number; origin: number }
interface NaiveRow { cohort: string; size: number; counts: (number | null)[]; partial: boolean[]; members: number[][] }

function naiveEntries(ds: Dataset, o: ResolvedOptions, P: (t: number) => number): Entry[] {
  const name = (r: number): string | null => (ds.event ? ds.eventNames[ds.event[r]] : null);
  const rows = new Map<number, number[]>();   // customer → cohort-row times
  for (let r = 0; r < ds.rowCount; r++) {
    if (ds.amount && !(ds.amount[r] > 0)) continue;
    if (ds.event && o.cohortEvent !== null && name(r) !== o.cohortEvent) continue;
    rows.set(ds.customer[r], [...(rows.get(ds.customer[r]) ?? []), ds.time[r]]);
  }
  const entries: Entry[] = [];
  for (const [u, times] of rows) {
    if (o.cohorts === 'first') {
      const t = Math.min(...times);
      entries.push({ u, c: P(t), origin: t });
      continue;
    }
    const byPeriod = new Map<number, number[]>();
    for (const t of times) byPeriod.set(P(t), [...(byPeriod.get(P(t)) ?? []), t]);
    for (const [c, ts] of byPeriod) if (ts.length >= o.minOccurrences) entries.push({ u, c, origin: Math.min(...ts) });
  }
  return entries;
}

/** The table's cohorts and counts, the naive way. */
function naiveTable(ds: Dataset, o: ResolvedOptions, ranges: OffsetRange[] | null): { rows: NaiveRow[]; ranges: OffsetRange[] } {
  const P = (t: number): number => periodIndex(t, o.period, o.weekStart);
  const L = LENGTH[o.period] * 86_400_000;
  const entries = naiveEntries(ds, o, P);
  const qualifying: number[] = [];
  for (let r = 0; r < ds.rowCount; r++) if (!ds.amount || ds.amount[r] > 0) qualifying.push(r);
  const lastTime = Math.max(...qualifying.map((r) => ds.time[r]));
  const firstCohort = Math.min(...entries.map((e) => e.c));
  const width = o.window === 'rolling' ? Math.floor((lastTime - periodStart(firstCohort, o.period, o.weekStart)) / L) + 1 : P(lastTime) - firstCohort + 1;
  const cols = ranges ?? Array.from({ length: width }, (_, k) => ({ from: k, to: k }));
  const offsetOf = (t: number, e: Entry): number => (o.window === 'rolling' ? Math.floor((t - e.origin) / L) : P(t) - e.c);
  const activeCount = (e: Entry): Map<number, number> => {
    const m = new Map<number, number>();
    for (const r of qualifying) {
      if (ds.customer[r] !== e.u) continue;
      if (ds.event && o.returnEvent !== null && ds.eventNames[ds.event[r]] !== o.returnEvent) continue;
      const k = offsetOf(ds.time[r], e);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const retained = (m: Map<number, number>, range: OffsetRange): boolean => {
    const active = (k: number): boolean => (m.get(k) ?? 0) >= o.minOccurrences;
    const k = range.from;
    switch (o.mode) {
      case 'classic': return k === 0 || active(k);
      case 'unbounded': return k === 0 || [...m.keys()].some((j) => j >= k && active(j));
      case 'streak': return Array.from({ length: k }, (_, i) => i + 1).every(active);
      case 'bracket': return range.from === 0 || Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i).some(active);
    }
  };
  const cohorts = [...new Set(entries.map((e) => e.c))].sort((a, b) => a - b);
  const rows = cohorts.map((c): NaiveRow => {
    const members = entries.filter((e) => e.c === c);
    const maps = members.map(activeCount);
    const row: NaiveRow = { cohort: periodLabel(c, o.period, o.weekStart), size: members.length, counts: [], partial: [], members: [] };
    for (const range of cols) {
      const { present, partial } = coverage(ds, o, c, range, L);
      const who = members.filter((_e, i) => retained(maps[i], range)).map((e) => e.u).sort((a, b) => a - b);
      row.counts.push(present ? who.length : null);
      row.partial.push(present && partial);
      row.members.push(present ? who : []);
    }
    return row;
  });
  return { rows, ranges: cols };
}

function coverage(ds: Dataset, o: ResolvedOptions, c: number, range: OffsetRange, L: number): { present: boolean; partial: boolean } {
  if (o.window === 'rolling') {
    return { present: periodStart(c, o.period, o.weekStart) + range.from * L < ds.dataEnd, partial: periodEnd(c, o.period, o.weekStart) + (range.to + 1) * L > ds.dataEnd };
  }
  return { present: periodStart(c + range.from, o.period, o.weekStart) < ds.dataEnd, partial: periodEnd(c + range.to, o.period, o.weekStart) > ds.dataEnd };
}

/** The average row from the naive rows: complete cells only, per method and rate base. */
function naiveAverage(rows: NaiveRow[], o: ResolvedOptions, j: number): number | null {
  const cells = rows.flatMap((row) => {
    if (row.counts[j] === null || row.partial[j]) return [];
    const base = o.rateBase === 'cohort' || j === 0 ? row.size : row.counts[j - 1];
    return base === null ? [] : [{ x: row.counts[j]!, n: base }];
  });
  const method: AverageMethod = o.average;
  if (method === 'simple') {
    const rates = cells.filter((c) => c.n > 0).map((c) => c.x / c.n);
    return rates.length ? r4(rates.reduce((a, b) => a + b, 0) / rates.length) : null;
  }
  const num = cells.reduce((s, c) => s + (method === 'mixpanel' ? c.n * c.x : c.x), 0);
  const den = cells.reduce((s, c) => s + (method === 'mixpanel' ? c.n * c.n : c.n), 0);
  return den > 0 ? r4(num / den) : null;
}

describe('engine/retention lab definitions on generated data (naive reference)', function () {
  this.timeout(300000);
  const ds = syntheticDataset({ rows: 2500, customers: 300, seed: 11, days: 200, eventNames: ['view', 'buy', 'signup'] });
  const brackets = [{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3, to: 6 }, { from: 7, to: 40 }];
  const filters = [{ cohortEvent: null, returnEvent: null }, { cohortEvent: 'signup', returnEvent: null }, { cohortEvent: 'signup', returnEvent: 'buy' }];

  for (const period of ['week', 'month'] as const) {
    for (const mode of ['classic', 'unbounded', 'bracket', 'streak'] as const) {
      it(`${period} ${mode}: every window × cohorts × min occurrences × filter matches`, () => {
        let compared = 0;
        let nonTrivial = 0;   // combinations with someone retained after column 0, so the comparison says something
        for (const window of ['calendar', 'rolling'] as const) {
          for (const cohorts of ['first', 'recurring'] as const) {
            for (const minOccurrences of [1, 2]) {
              for (const filter of filters) {
                const o = resolveOptions({ period, weekStart: 'monday', mode, window, cohorts, minOccurrences, ...filter, brackets, rateBase: compared % 2 ? 'previous' : 'cohort', average: (['pooled', 'simple', 'mixpanel'] as const)[compared % 3] });
                const label = JSON.stringify({ window, cohorts, minOccurrences, ...filter });
                const t = retentionTable(ds, o);
                const naive = naiveTable(ds, o, mode === 'bracket' ? brackets : null);
                assert.deepEqual(t.cohorts.map((c) => [c.cohort, c.size, c.counts, c.partial]), naive.rows.map((c) => [c.cohort, c.size, c.counts, c.partial]), label);
                assert.deepEqual(t.average.rates, naive.ranges.map((_, j) => naiveAverage(naive.rows, o, j)), `average ${label}`);
                if (t.cohorts.some((c) => c.counts.some((n, j) => j > 0 && n !== null && n > 0))) nonTrivial++;
                const row = naive.rows[1];
                const j = Math.min(1, naive.ranges.length - 1);
                assert.deepEqual([...cellMembers(ds, o, row.cohort, j)], row.members[j], `members ${label}`);
                compared++;
              }
            }
          }
        }
        assert.equal(compared, 24);
        assert.ok(nonTrivial >= 20, `only ${nonTrivial} of 24 combinations retain anyone`);
      });
    }
  }

  it('restricts cohorts to a customer scope exactly as filtering the data would', () => {
    const scope = new Uint8Array(ds.customerIds.length).map((_, u) => (u % 3 === 0 ? 1 : 0));
    for (const mode of ['classic', 'unbounded'] as const) {
      const o = resolveOptions({ period: 'month', weekStart: 'monday', mode });
      const scoped = retentionTable(ds, o, { customers: scope });
      const naive = naiveTable(ds, o, null).rows.map((row) => ({
        cohort: row.cohort,
        counts: row.members.map((m, j) => (row.counts[j] === null ? null : m.filter((u) => scope[u] === 1).length)),
      }));
      const expected = naive.map((row) => ({ ...row, size: row.counts[0] })).filter((row) => row.size! > 0);
      assert.deepEqual(scoped.cohorts.map((c) => ({ cohort: c.cohort, counts: c.counts, size: c.size })), expected);
      assert.ok(scoped.cohorts.reduce((s, c) => s + c.size, 0) < retentionTable(ds, o).cohorts.reduce((s, c) => s + c.size, 0));
    }
  });
});

// Generated data: the engine against a deliberately naive reference (Sets of "customer|period"
// keys, arrays of members), and structural invariants on a million rows.
import { strict as assert } from 'node:assert';
import { classicRetention } from '../../../src/engine/retention';
import { computeKpis } from '../../../src/engine/kpis';
import { periodEnd, periodIndex, periodLabel } from '../../../src/engine/periods';
import type { Dataset } from '../../../src/shared/dataset';
import { PERIODS, type AnalysisOptions } from '../../../src/shared/options';
import type { CohortRow, RetentionTable } from '../../../src/shared/report';
import { syntheticDataset } from './makeDataset';

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

type Core = Pick<RetentionTable, 'period' | 'mode'> & { cohorts: Pick<CohortRow, 'cohort' | 'size' | 'counts' | 'rates' | 'partial'>[]; average: Pick<RetentionTable['average'], 'rates' | 'method'> };

/** The DESIGN.md §6 stable core of a table. */
function stableCore(t: RetentionTable): Core {
  return {
    period: t.period, mode: t.mode,
    cohorts: t.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, counts: c.counts, rates: c.rates, partial: c.partial })),
    average: { rates: t.average.rates, method: t.average.method },
  };
}

/** The §4 definitions, written the slow and obvious way. */
function naiveRetention(ds: Dataset, { period, weekStart }: AnalysisOptions): Core {
  const p = (ms: number): number => periodIndex(ms, period, weekStart);
  const first = new Map<number, number>();
  const active = new Set<string>();
  let last = -Infinity;
  for (let r = 0; r < ds.rowCount; r++) {
    if (ds.amount && !(ds.amount[r] > 0)) continue;
    const u = ds.customer[r];
    first.set(u, Math.min(first.get(u) ?? Infinity, ds.time[r]));
    active.add(`${u}|${p(ds.time[r])}`);
    last = Math.max(last, p(ds.time[r]));
  }
  const members = new Map<number, number[]>();
  for (const [u, t] of first) members.set(p(t), [...(members.get(p(t)) ?? []), u]);
  const cohortPeriods = [...members.keys()].sort((a, b) => a - b);
  const width = last - cohortPeriods[0] + 1;
  const lastPresent = p(ds.dataEnd - 1);
  const isPartial = (q: number): boolean => q === lastPresent && periodEnd(q, period, weekStart) > ds.dataEnd;
  const cohorts: Core['cohorts'] = cohortPeriods.map((c) => {
    const us = members.get(c)!;
    const ks = Array.from({ length: width }, (_, k) => k);
    const counts = ks.map((k) => (c + k > lastPresent ? null : us.filter((u) => active.has(`${u}|${c + k}`)).length));
    return { cohort: periodLabel(c, period, weekStart), size: us.length, counts,
      rates: counts.map((n) => (n === null ? null : r4(n / us.length))), partial: ks.map((k) => isPartial(c + k)) };
  });
  const average = Array.from({ length: width }, (_, k) => {
    const ok = cohorts.filter((row, i) => row.counts[k] !== null && !isPartial(cohortPeriods[i] + k));
    const sizes = ok.reduce((s, row) => s + row.size, 0);
    return sizes === 0 ? null : r4(ok.reduce((s, row) => s + row.counts[k]!, 0) / sizes);
  });
  return { period, mode: 'classic', cohorts, average: { rates: average, method: 'pooled' } };
}

describe('engine/retention on generated data', function () {
  this.timeout(120000);

  for (const seed of [1, 2, 3]) {
    it(`matches the naive definition for every period (seed ${seed})`, () => {
      const ds = syntheticDataset({ rows: 4000, customers: 600, seed, days: 500 + seed * 37 });
      for (const period of PERIODS) {
        for (const weekStart of period === 'week' ? (['monday', 'sunday', 'wednesday'] as const) : (['monday'] as const)) {
          const options = { period, weekStart };
          assert.deepEqual(stableCore(classicRetention(ds, options)), naiveRetention(ds, options), `${period}/${weekStart}`);
        }
      }
    });
  }

  it('builds the monthly table for 1M rows / 100k customers with consistent totals', () => {
    const ds = syntheticDataset({ rows: 1_000_000, customers: 100_000, seed: 42 });
    const t = classicRetention(ds, { period: 'month', weekStart: 'monday' });
    const kpis = computeKpis(ds);
    assert.equal(t.cohorts.length, 24);
    assert.equal(t.cohorts.reduce((s, c) => s + c.size, 0), kpis.customers);
    assert.equal(kpis.customers, 100_000);
    for (const c of t.cohorts) {
      assert.equal(c.counts.length, 24);
      assert.equal(c.counts[0], c.size);
      assert.equal(c.rates[0], 1);
      for (const n of c.counts) assert.ok(n === null || (n >= 0 && n <= c.size));
    }
    // Cohort i sees 24 − i periods; data ends 1 ms after the last row, mid-December, so that last cell is partial.
    assert.deepEqual(t.cohorts.map((c) => c.counts.filter((n) => n !== null).length), Array.from({ length: 24 }, (_, i) => 24 - i));
    assert.deepEqual(t.cohorts.map((c) => c.partial.indexOf(true)), Array.from({ length: 24 }, (_, i) => 23 - i));
    assert.equal(t.average.rates[23], null);
    assert.ok(t.average.rates.every((r) => r === null || (r >= 0 && r <= 1)));
  });
});

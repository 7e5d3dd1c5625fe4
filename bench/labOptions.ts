// npx tsx bench/labOptions.ts [file.csv] [--rows 10000000]: time every retention-lab option on a
// parsed Dataset (parse excluded: the panel re-runs the engine on the cached Dataset). Figures,
// never assertions. With --rows, a synthetic Dataset of that many rows instead of the file.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCsv } from '../test/unit/engine/loadCsv';
import { retentionTable } from '../src/engine/retention';
import { revenueTable } from '../src/engine/revenue';
import { explainOptions } from '../src/engine/explain';
import { cellMembers } from '../src/engine/cellMembers';
import { resolveOptions, type AnalysisOptions } from '../src/shared/options';
import type { Dataset } from '../src/shared/dataset';
import { syntheticDataset } from '../test/unit/engine/makeDataset';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rows: { type: 'string' } } });

async function load(): Promise<Dataset> {
  if (values.rows) return syntheticDataset({ rows: Number(values.rows), customers: Math.round(Number(values.rows) / 10), seed: 7 });
  const file = positionals[0] ?? resolve(__dirname, '../../shared/data/online_retail/online_retail.csv');
  return loadCsv(file);
}

function time(label: string, run: () => unknown): void {
  const t0 = performance.now();
  run();
  const first = performance.now() - t0;
  const t1 = performance.now();
  run();
  console.log(`${label.padEnd(34)} ${first.toFixed(0).padStart(6)} ms first  ${(performance.now() - t1).toFixed(0).padStart(6)} ms again`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const ds = await load();
  console.log(`${ds.file}: ${ds.rowCount.toLocaleString('en-US')} rows, ${ds.customerIds.length.toLocaleString('en-US')} customers, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const base: AnalysisOptions = { period: 'month', weekStart: 'monday' };
  const cases: [string, AnalysisOptions][] = [
    ['classic (default)', base], ['unbounded', { ...base, mode: 'unbounded' }], ['streak', { ...base, mode: 'streak' }],
    ['bracket 0,1-3,4-7,8-12', { ...base, mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 3 }, { from: 4, to: 7 }, { from: 8, to: 12 }] }],
    ['rolling', { ...base, window: 'rolling' }], ['recurring', { ...base, cohorts: 'recurring' }],
    ['recurring + rolling', { ...base, cohorts: 'recurring', window: 'rolling' }],
    ['previous + mixpanel', { ...base, rateBase: 'previous', average: 'mixpanel' }], ['minOccurrences 2', { ...base, minOccurrences: 2 }],
    ['week', { ...base, period: 'week' }], ['day', { ...base, period: 'day' }], ['day recurring', { ...base, period: 'day', cohorts: 'recurring' }],
  ];
  for (const [label, o] of cases) time(label, () => retentionTable(ds, resolveOptions(o)));
  const o = resolveOptions(base);
  time('revenueTable (month)', () => revenueTable(ds, o));
  time('explainOptions (month)', () => explainOptions(ds, o));
  const first = retentionTable(ds, o).cohorts[0].cohort;
  time(`cellMembers (${first}, M1)`, () => cellMembers(ds, o, first, 1));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

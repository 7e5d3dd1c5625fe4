// npm run bench [-- --rows 1000000 --repeat 3 --seed 42 --threads N --no-reanalysis --no-lab]
// Retention Lens against DuckDB on a generated event log (issue 5): each engine in its own
// process, alternated `repeat` times; both cohort tables must agree cell for cell (exit 1 and
// the first differing cells when not). Prints the figures and writes them to
// bench/results/<timestamp>-<rows>.json. Figures, not assertions: the machines are shared, so
// compare medians and ratios from the same run. Then (unless --no-lab) bench/labOptions.ts times
// every retention-lab option on its default file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureGenerated, GENERATOR_VERSION } from './generate';
import { buildChildren, runChild, type ChildRun } from './measure';
import { tableDifferences, type CohortTable } from './cohortTable';
import type { ReanalysisTimes } from './engines/retentionLens';
import type { DuckRun } from './engines/duckdb';
import { machineInfo, printFigures, summarize, type BareFloorResult, type Runs } from './figures';

const root = resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' }, repeat: { type: 'string', default: '3' },
    threads: { type: 'string' }, 'no-reanalysis': { type: 'boolean', default: false }, 'cache-dir': { type: 'string' },
    'no-lab': { type: 'boolean', default: false },
  },
});

interface RlTableResult { table: CohortTable; rowsRead: number; rowsUsed: number; skipped: Record<string, number>; customers: number }
interface FloorResult { newlines: number; bytes: number }

/** Alternates the contenders (the order flips every repetition so neither always runs on a warm cache). */
function alternate(outDir: string, file: string, repeat: number): Runs<RlTableResult, DuckRun, FloorResult> {
  const runs: Runs<RlTableResult, DuckRun, FloorResult> = { rl: [], duck: [], floor: [], bare: [] };
  const threads = values.threads ? [values.threads] : [];
  for (let i = 0; i < repeat; i++) {
    const rl = (): number => runs.rl.push(runChild<RlTableResult>(outDir, 'retentionLens', ['table', file]));
    const duck = (): number => runs.duck.push(runChild<DuckRun>(outDir, 'duckdb', [file, ...threads]));
    const order = i % 2 === 0 ? [rl, duck] : [duck, rl];
    for (const run of order) run();
    runs.floor.push(runChild<FloorResult>(outDir, 'floor', [file]));
    runs.bare.push(runChild<BareFloorResult>(outDir, 'bareFloor', [file]));
    const last = (xs: ChildRun<unknown>[]): string => (xs[xs.length - 1].wallMs / 1000).toFixed(2);
    process.stderr.write(`  run ${i + 1}/${repeat}: Retention Lens ${last(runs.rl)} s, DuckDB ${last(runs.duck)} s, floor ${last(runs.floor)} s, parse floor ${last(runs.bare)} s\n`);
  }
  return runs;
}

/** Every table against the first Retention Lens one; the differences found (empty = identical). */
function checkTables(runs: Runs<RlTableResult, DuckRun, FloorResult>): string[] {
  const reference = runs.rl[0].result.table;
  const out: string[] = [];
  runs.rl.slice(1).forEach((r, i) => out.push(...tableDifferences(reference, r.result.table, ['Retention Lens run 1', `Retention Lens run ${i + 2}`])));
  runs.duck.forEach((r, i) => out.push(...tableDifferences(reference, r.result.table, ['Retention Lens', `DuckDB run ${i + 1}`])));
  return out;
}

/** The retention-lab options bench, as `npm run bench` always ran it (its own args: none). */
function labOptions(): void {
  console.log('\nretention-lab options on the cached Dataset (bench/labOptions.ts):');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/labOptions.ts')], { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) console.error(`bench/labOptions.ts exited with ${r.status ?? r.signal}`);
}

async function main(): Promise<number> {
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  const repeat = Math.max(1, Number(values.repeat));
  const outDir = join(root, 'bench/out/children');
  await buildChildren(root, outDir);
  const t0 = performance.now();
  const { file, generatedNow } = await ensureGenerated(rows, seed, values['cache-dir']);
  if (generatedNow) process.stderr.write(`generated ${file}: ${generatedNow.rows.toLocaleString('en-US')} records in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const runs = alternate(outDir, file, repeat);
  const differences = checkTables(runs);
  const reanalysis = values['no-reanalysis'] ? null : runChild<ReanalysisTimes>(outDir, 'retentionLens', ['reanalysis', file]).result;
  const figures = summarize({ runs, reanalysis, differences, input: { file, requestedRows: rows, seed, generatorVersion: GENERATOR_VERSION }, machine: machineInfo(root), threads: values.threads ?? null });
  printFigures(figures);
  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${figures.date.replace(/[:.]/g, '-')}-${rows}.json`);
  writeFileSync(path, JSON.stringify(figures, null, 2) + '\n');
  console.log(`\nwrote ${path}`);
  if (!values['no-lab']) labOptions();
  if (differences.length === 0) return 0;
  console.error(`\nFAIL: the cohort tables differ. First differences:\n  ${differences.join('\n  ')}`);
  return 1;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});

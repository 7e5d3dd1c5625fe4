// npm run bench [-- --rows 1000000 --repeat 3]: end-to-end CLI time and peak memory on the
// Online Retail file and on a generated order log; prints a table and writes bench/out/results.json.
// Figures, never assertions: the machines are shared, so compare medians from the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, repeat: { type: 'string', default: '3' } } });
const outDir = join(root, 'bench/out');
mkdirSync(outDir, { recursive: true });

function measure(file, args = []) {
  const stats = join(outDir, 'measure.json');
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench/measure-preload.cjs'), join(root, 'dist/cli.js'), 'report', file, '--json', join(outDir, 'report.json'), ...args],
    { env: { ...process.env, RL_MEASURE_OUT: stats, TZ: 'UTC' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(readFileSync(stats, 'utf8'));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const inputs = [];
const retail = resolve(root, '../shared/data/online_retail/online_retail.csv');
if (existsSync(retail)) inputs.push({ name: 'online_retail.csv', file: retail });
const generated = join(outDir, `orders-${values.rows}.csv`);
if (!existsSync(generated)) await generate(generated, Number(values.rows));
inputs.push({ name: `generated ${Number(values.rows).toLocaleString('en-US')} rows`, file: generated });

const results = [];
for (const input of inputs) {
  const runs = Array.from({ length: Number(values.repeat) }, () => measure(input.file));
  const mb = statSync(input.file).size / 1e6;
  const row = { input: input.name, megabytes: +mb.toFixed(1), medianSeconds: +(median(runs.map((r) => r.ms)) / 1000).toFixed(2), peakRssMiB: Math.round(Math.max(...runs.map((r) => r.maxRssMiB))) };
  results.push(row);
  console.log(`${row.input.padEnd(28)} ${String(row.megabytes).padStart(8)} MB  ${String(row.medianSeconds).padStart(6)} s  ${String(row.peakRssMiB).padStart(6)} MiB peak RSS  (CLI end to end, median of ${runs.length})`);
}
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
if (process.argv.includes('--clean')) rmSync(generated, { force: true });

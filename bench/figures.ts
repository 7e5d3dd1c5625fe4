// The benchmark's figures: medians and peaks of the alternated runs, the ratios the targets are
// stated in, the machine and commit they were measured on (bench/results/README.md), and the
// table printed on stdout.
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { presentCells, type CohortTable } from './cohortTable';
import type { ChildRun } from './measure';
import type { ReanalysisTimes } from './engines/retentionLens';
import type { BareFile } from './engines/bareParse';

/** What the parse floor's child writes. */
export type BareFloorResult = Omit<BareFile, 'parts'>;

/** The alternated runs of each contender. */
export interface Runs<R, D, F> {
  rl: ChildRun<R>[];
  duck: ChildRun<D>[];
  floor: ChildRun<F>[];
  bare: ChildRun<BareFloorResult>[];
}

/** Targets of issue 5, for the 10M-row file. */
export const TARGETS = { timeRatio: 1, rssRatio: 0.4, reanalysisMs: 150 };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Wall times (s) and peak RSS (MiB) of one contender's runs. */
function contender(runs: ChildRun<unknown>[]): { medianSeconds: number; seconds: number[]; peakRssMiB: number; rssMiB: number[] } {
  const seconds = runs.map((r) => r3(r.wallMs / 1000));
  const rssMiB = runs.map((r) => r1(r.maxRssMiB));
  return { medianSeconds: r3(median(seconds)), seconds, peakRssMiB: Math.max(...rssMiB), rssMiB };
}

/** Where the figures were measured: commit, CPUs, memory, Node. */
export function machineInfo(root: string): Record<string, unknown> {
  const git = (cmd: string): string => {
    try {
      return execSync(`git ${cmd}`, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    commit: git('rev-parse HEAD') || null, branch: git('rev-parse --abbrev-ref HEAD') || null, dirty: git('status --porcelain') !== '',
    cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, totalMemGiB: r1(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}`,
  };
}

interface RlResult { table: CohortTable; rowsRead: number; rowsUsed: number; skipped: Record<string, number>; customers: number }
interface DuckResult { version: string; threads: number }
interface FloorResult { newlines: number; bytes: number }

/** What summarize() is given. */
export interface SummaryInput {
  runs: Runs<RlResult, DuckResult, FloorResult>;
  reanalysis: ReanalysisTimes | null;
  differences: string[];
  input: { file: string; requestedRows: number; seed: number; generatorVersion: number };
  machine: Record<string, unknown>;
  threads: string | null;
}

/** The JSON written to bench/results (format in bench/results/README.md). */
export function summarize(s: SummaryInput) {
  const rl = contender(s.runs.rl);
  const duck = contender(s.runs.duck);
  const floor = contender(s.runs.floor);
  const bare = contender(s.runs.bare);
  const first = s.runs.rl[0].result;
  const table = first.table;
  const changes = s.reanalysis?.changes.map((c) => ({ ...c, firstMs: r1(c.firstMs), medianMs: r1(c.medianMs), tableMedianMs: r1(c.tableMedianMs) })) ?? null;
  const worstReanalysis = changes ? Math.max(...changes.map((c) => c.medianMs)) : null;
  const ratio = { time: r3(rl.medianSeconds / duck.medianSeconds), rss: r3(rl.peakRssMiB / duck.peakRssMiB) };
  return {
    schema: 1,
    date: new Date().toISOString(),
    machine: s.machine,
    input: { ...s.input, bytes: s.runs.floor[0].result.bytes, lines: s.runs.floor[0].result.newlines, records: first.rowsRead, rowsUsed: first.rowsUsed, skipped: first.skipped, customers: first.customers },
    repeat: s.runs.rl.length,
    retentionLens: { what: 'sniff + parse → Dataset → monthly classic cohort table (bundled engine, own process)', ...rl },
    duckdb: { what: 'read_csv + cohort SQL (@duckdb/node-api, own process)', version: s.runs.duck[0].result.version, threads: s.runs.duck[0].result.threads, threadsSetting: s.threads ?? 'default', ...duck },
    floor: { what: 'read the file, count newline bytes (Node, own process)', ...floor },
    parseFloor: {
      what: 'bench/engines/bareParse.ts: records read, ids interned, stamps and amounts into columns, on two threads and merged; none of the ingest rules (own process)',
      ...bare, records: s.runs.bare[0].result.records, customers: s.runs.bare[0].result.customers, splitAtRecord: s.runs.bare.every((r) => r.result.complete),
    },
    ratio,
    reanalysis: s.reanalysis ? { what: 'buildReport on the cached Dataset after a control change', loadSeconds: r3(s.reanalysis.loadMs / 1000), firstReportMs: r1(s.reanalysis.firstReportMs), changes, breakdownMs: s.reanalysis.breakdownMs } : null,
    table: { identical: s.differences.length === 0, cohorts: table.cohorts.length, presentCells: presentCells(table), differences: s.differences },
    targets: {
      ...TARGETS,
      timeMet: ratio.time <= TARGETS.timeRatio, rssMet: ratio.rss <= TARGETS.rssRatio,
      reanalysisMet: worstReanalysis === null ? null : worstReanalysis <= TARGETS.reanalysisMs,
    },
  };
}

/** The figures as JSON. */
export type Figures = ReturnType<typeof summarize>;

const n = (x: number): string => x.toLocaleString('en-US');

/** The readable table on stdout. */
export function printFigures(f: Figures): void {
  const i = f.input;
  console.log(`\nRetention Lens vs DuckDB — ${n(i.records)} records (${n(i.requestedRows)} requested, seed ${i.seed}, generator v${i.generatorVersion}), ${(i.bytes / 1e6).toFixed(1)} MB, ${n(i.customers)} customers`);
  console.log(`${i.file}; ${f.machine.cpus} CPUs, Node ${f.machine.node}, commit ${String(f.machine.commit).slice(0, 10)}${f.machine.dirty ? ' (dirty)' : ''}\n`);
  const row = (label: string, c: { medianSeconds: number; seconds: number[]; peakRssMiB: number }): void =>
    console.log(`${label.padEnd(34)} ${c.medianSeconds.toFixed(2).padStart(8)} s   ${c.seconds.map((x) => x.toFixed(2)).join(' ').padEnd(24)} ${n(Math.round(c.peakRssMiB)).padStart(7)} MiB`);
  console.log(`${''.padEnd(34)} ${'median'.padStart(10)}   ${'runs (s)'.padEnd(24)} ${'peak RSS'.padStart(11)}`);
  row('Retention Lens (parse → table)', f.retentionLens);
  row(`DuckDB ${f.duckdb.version} (${f.duckdb.threads} threads)`, f.duckdb);
  row('floor (read + count newlines)', f.floor);
  row('parse floor (bareParse.ts)', f.parseFloor);
  const p = f.parseFloor;
  if (!p.splitAtRecord) console.log('  (the parse floor\'s split fell inside a quoted field: its parts are not the file\'s records)');
  if (p.records !== i.records) console.log(`  (the parse floor read ${n(p.records)} records, Retention Lens ${n(i.records)})`);
  console.log(`\nRetention Lens / DuckDB: ${f.ratio.time.toFixed(2)}× the time, ${f.ratio.rss.toFixed(2)}× the peak RSS (targets at 10M rows: ≤ ${TARGETS.timeRatio}×, ≤ ${TARGETS.rssRatio}×)`);
  if (f.reanalysis) {
    console.log(`re-analysis on the cached Dataset (buildReport; load ${f.reanalysis.loadSeconds.toFixed(2)} s, first report ${f.reanalysis.firstReportMs} ms):`);
    const parts = Object.entries(f.reanalysis.breakdownMs).map(([k, v]) => `${k} ${v}`).join(', ');
    for (const c of f.reanalysis.changes ?? []) console.log(`  ${c.label.padEnd(34)} first time ${String(c.firstMs).padStart(7)} ms, back to it (median of ${c.runs}) ${String(c.medianMs).padStart(7)} ms (target ≤ ${TARGETS.reanalysisMs} ms); the table alone, nothing remembered ${c.tableMedianMs} ms`);
    console.log(`  each analysis of buildReport the first time after the period change (median ms): ${parts}`);
  }
  const t = f.table;
  console.log(`cohort tables: ${t.identical ? 'identical' : 'DIFFERENT'} (${t.cohorts} cohorts, ${n(t.presentCells)} cells, every run of both engines)`);
}

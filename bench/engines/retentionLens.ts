// Retention Lens's side of the benchmark: the CLI's path (sniff, detected mapping, streamed parse
// into a Dataset) and the monthly classic cohort table; and the re-analysis on the cached
// Dataset after a control change, as the panel runs it.
import { loadCsv, loadCsvWithPlan } from '../../test/unit/engine/loadCsv';
import { retentionTable } from '../../src/engine/retention';
import { buildReport } from '../../src/engine/report';
import { forget } from '../../src/engine/memo';
import { resolveOptions, type AnalysisOptions } from '../../src/shared/options';
import type { Dataset } from '../../src/shared/dataset';
import type { CohortTable } from '../cohortTable';
import { reportBreakdown } from './breakdown';
import { likelyNext, warmUp } from '../../src/engine/warmUp';

const MONTH: AnalysisOptions = { period: 'month', weekStart: 'monday' };

/** The monthly classic cohort table of a Dataset, reduced for comparison. */
export function cohortTableOf(ds: Dataset): CohortTable {
  const table = retentionTable(ds, resolveOptions(MONTH));
  return { cohorts: table.cohorts.map((r) => ({ cohort: r.cohort, size: r.size, counts: [...r.counts] })) };
}

/** Parse → Dataset → monthly cohort table, end to end (UTC, detected mapping). */
export async function retentionLensCohortTable(file: string): Promise<{ table: CohortTable; dataset: Dataset }> {
  const dataset = await loadCsv(file);
  return { table: cohortTableOf(dataset), dataset };
}

/** Milliseconds of each timed control change on the cached Dataset. */
export interface ReanalysisTimes {
  loadMs: number;
  firstReportMs: number;                 // the report as first shown (month, classic): caches filled
  /** Per change: buildReport's first run and median, and the median of retentionTable alone (the cohort table's share). */
  changes: { label: string; firstMs: number; medianMs: number; tableMedianMs: number; runs: number }[];
  /** Each analysis of buildReport the first time after the period change (median ms): where the time goes. */
  breakdownMs: Record<string, number>;
}

function timeMs(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Loads `file` once, builds the first report, then times buildReport (the whole ReportModel the
 * panel re-renders) after each control change: the first run of a change (its caches cold) and
 * the median of `repeat` more, alternating back to the first report in between as a user would.
 */
export async function reanalysisTimes(file: string, repeat = 5): Promise<ReanalysisTimes> {
  const t0 = performance.now();
  const { dataset, plan } = await loadCsvWithPlan(file);
  const loadMs = performance.now() - t0;
  const report = (options: AnalysisOptions): unknown => buildReport({ dataset, plan, options });
  const firstReportMs = timeMs(() => report(MONTH));
  const segment = dataset.segments[0]?.column;
  // `warmed`: timed after the preparations the worker makes while the panel is idle (engine/warmUp.ts).
  const cases: { label: string; options: AnalysisOptions; warmed?: boolean }[] = [
    { label: 'period month → week', options: { ...MONTH, period: 'week' } },
    { label: 'mode classic → unbounded', options: { ...MONTH, mode: 'unbounded' } },
    ...(segment ? [{ label: `segment none → ${segment}`, options: { ...MONTH, segment } }] : []),
    { label: 'period month → week, warmed up', options: { ...MONTH, period: 'week' }, warmed: true },
    { label: 'period month → quarter, warmed up', options: { ...MONTH, period: 'quarter' }, warmed: true },
    { label: 'period month → year, warmed up', options: { ...MONTH, period: 'year' }, warmed: true },
  ];
  const changes = cases.map(({ label, options, warmed }) => {
    if (warmed) for (const next of likelyNext(MONTH)) warmUp(dataset, plan, next);
    const firstMs = timeMs(() => report(options));
    const runs: number[] = [];
    const tableRuns: number[] = [];
    for (let i = 0; i < repeat; i++) {
      report(MONTH);
      runs.push(timeMs(() => report(options)));
    }
    // The engine remembers grids per Dataset (engine/memo.ts); this column is computing the table.
    for (let i = 0; i < repeat; i++) {
      forget(dataset);
      tableRuns.push(timeMs(() => retentionTable(dataset, resolveOptions(options))));
    }
    forget(dataset);
    report(MONTH);     // the next change starts from the report as first shown, like the first one
    return { label, firstMs, medianMs: median(runs), tableMedianMs: median(tableRuns), runs: repeat };
  });
  return { loadMs, firstReportMs, changes, breakdownMs: reportBreakdown(dataset, plan, MONTH, cases[0].options, 3) };
}

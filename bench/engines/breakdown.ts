// Where a re-analysis goes: each analysis buildReport runs (src/engine/report.ts), timed alone on
// the cached Dataset right after the report as first shown, so a slow control change points at
// its part. Each part is timed the first time it meets the changed options (what it remembers
// per Dataset is forgotten before every round, engine/memo.ts), in buildReport's order, so the
// parts share what they would share in the real change and their sum is its first run.
import { retentionTable } from '../../src/engine/retention';
import { datasetKpis } from '../../src/engine/kpis';
import { revenueTable } from '../../src/engine/revenue';
import { segmentReport } from '../../src/engine/segments';
import { explainOptions } from '../../src/engine/explain';
import { forget } from '../../src/engine/memo';
import { buildReport } from '../../src/engine/report';
import { churnReport } from '../../src/engine/churn/report';
import { customerActivity } from '../../src/engine/activity';
import { resolveOptions, type AnalysisOptions } from '../../src/shared/options';
import type { Dataset } from '../../src/shared/dataset';
import type { IngestPlan } from '../../src/shared/mapping';

/** The analyses of buildReport, in its order. */
function parts(ds: Dataset, input: AnalysisOptions): [string, () => unknown][] {
  const o = resolveOptions(input);
  return [
    ['retentionTable', () => retentionTable(ds, o)],
    ['computeKpis', () => datasetKpis(ds)],
    ['revenueTable', () => revenueTable(ds, o)],
    ['segmentReport', () => segmentReport(ds, o)],
    ['explainOptions', () => explainOptions(ds, o)],
    ['churnReport', () => churnReport(ds, { period: o.period, weekStart: o.weekStart, window: o.churnWindow, percentile: o.churnPercentile })],
    ['customerActivity (quality)', () => customerActivity(ds)],
  ];
}

/**
 * Milliseconds of each analysis the first time it runs for `options` after the report for
 * `before` (median of `repeat` rounds; each round starts from nothing remembered but that report).
 */
export function reportBreakdown(ds: Dataset, plan: IngestPlan, before: AnalysisOptions, options: AnalysisOptions, repeat: number): Record<string, number> {
  const times = new Map<string, number[]>();
  for (let i = 0; i < repeat; i++) {
    forget(ds);
    buildReport({ dataset: ds, plan, options: before });
    for (const [name, run] of parts(ds, options)) {
      const t0 = performance.now();
      run();
      times.set(name, [...(times.get(name) ?? []), performance.now() - t0]);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, ms] of times) out[name] = Math.round(ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)] * 10) / 10;
  return out;
}

// Where a re-analysis goes: each analysis buildReport runs (src/engine/report.ts), timed alone on
// the cached Dataset, so a slow control change points at its part.
import { retentionTable } from '../../src/engine/retention';
import { computeKpis } from '../../src/engine/kpis';
import { revenueTable } from '../../src/engine/revenue';
import { segmentReport } from '../../src/engine/segments';
import { explainOptions } from '../../src/engine/explain';
import { forget } from '../../src/engine/memo';
import { churnReport } from '../../src/engine/churn/report';
import { customerActivity } from '../../src/engine/activity';
import { resolveOptions, type AnalysisOptions } from '../../src/shared/options';
import type { Dataset } from '../../src/shared/dataset';

/** The analyses of buildReport, in its order. */
function parts(ds: Dataset, input: AnalysisOptions): [string, () => unknown][] {
  const o = resolveOptions(input);
  return [
    ['retentionTable', () => { forget(ds); return retentionTable(ds, o); }],   // computed, not remembered (engine/memo.ts)
    ['computeKpis', () => computeKpis(ds)],
    ['revenueTable', () => revenueTable(ds, o)],
    ['segmentReport', () => segmentReport(ds, o)],
    // Explain remembers its count grids per Dataset (engine/memo.ts): this column computes them.
    ['explainOptions', () => { forget(ds); return explainOptions(ds, o); }],
    ['churnReport', () => churnReport(ds, { period: o.period, weekStart: o.weekStart, window: o.churnWindow, percentile: o.churnPercentile })],
    ['customerActivity (quality)', () => customerActivity(ds)],
  ];
}

/** Milliseconds of each analysis for `options`, the median of `repeat` runs (caches warm after the first). */
export function reportBreakdown(ds: Dataset, options: AnalysisOptions, repeat: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, run] of parts(ds, options)) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    out[name] = Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)] * 10) / 10;
  }
  return out;
}

// What the panel is likely to ask for next, prepared while it sits idle (issue 5: a control
// change in ≤ 150 ms). A period not seen yet costs a pass over every customer's purchases for the
// new period's lists and grids (0.3–0.6 s on 10 M rows); a mode or segment change reuses them. So
// after a report is shown, the worker computes the reports of the other periods, one at a time:
// when the user switches to one, every analysis is remembered (engine/memo.ts) and only the
// assembly runs.
import type { AnalysisOptions, Period } from '../shared/options';
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { buildReport } from './report';

/**
 * The periods prepared after each, likelier first: every other one but day (whose lists are the
 * largest, ~100 MB at 10 M rows), which only its neighbours week prepares. Three at most: the
 * per-customer period lists are remembered for four period kinds (engine/periodActivity.ts,
 * rollingGrid.ts), the shown one and these, so preparing never evicts the shown period's lists
 * (a mode or segment change reads them).
 */
export const NEXT_PERIODS: Record<Period, readonly Period[]> = {
  day: ['week', 'month', 'quarter'], week: ['month', 'day', 'quarter'], month: ['week', 'quarter', 'year'],
  quarter: ['month', 'year', 'week'], year: ['quarter', 'month', 'week'],
};

/** The options prepared after a report for `options` was shown, in order. */
export function likelyNext(options: AnalysisOptions): AnalysisOptions[] {
  return NEXT_PERIODS[options.period].map((period) => ({ ...options, period }));
}

/** Computes (and so remembers) the report for `next`, one of likelyNext's. */
export function warmUp(dataset: Dataset, plan: IngestPlan, next: AnalysisOptions): void {
  buildReport({ dataset, plan, options: next });
}

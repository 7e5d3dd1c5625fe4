// What the panel is likely to ask for next, prepared while it sits idle (issue 5: a control
// change in ≤ 150 ms). A period not seen yet costs a pass over every customer's purchases for the
// new period's lists and grids (0.3–0.4 s on 10 M rows); a mode or segment change reuses them. So
// after a report is shown, the worker computes the reports of the neighbouring periods, one at a
// time: when the user switches to one, every analysis is remembered (engine/memo.ts) and only the
// assembly runs.
import type { AnalysisOptions, Period } from '../shared/options';
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { buildReport } from './report';

/**
 * The periods prepared after each: its neighbours in the selector, the likelier first (a month
 * is drilled into, a week or a quarter looked at from further out). At most two: the
 * per-customer period lists are remembered for three period kinds (engine/periodActivity.ts,
 * rollingGrid.ts), the shown one and these.
 */
export const NEXT_PERIODS: Record<Period, readonly Period[]> = {
  day: ['week'], week: ['month', 'day'], month: ['week', 'quarter'], quarter: ['month', 'year'], year: ['quarter'],
};

/** The options prepared after a report for `options` was shown, in order. */
export function likelyNext(options: AnalysisOptions): AnalysisOptions[] {
  return NEXT_PERIODS[options.period].map((period) => ({ ...options, period }));
}

/** Computes (and so remembers) the report for `next`, one of likelyNext's. */
export function warmUp(dataset: Dataset, plan: IngestPlan, next: AnalysisOptions): void {
  buildReport({ dataset, plan, options: next });
}

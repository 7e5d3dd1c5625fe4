// What the panel is likely to ask for next, prepared while it sits idle (issue 5: a control
// change in ≤ 150 ms). A period not seen yet costs a pass over every customer's purchases for the
// new period's lists and grids (about 0.33 s on 10 M rows); a mode or segment change reuses them. So
// after a report is shown, the worker computes the report of one neighbouring period: when the
// user switches to it, every analysis is remembered (engine/memo.ts) and only the assembly runs.
import type { AnalysisOptions, Period } from '../shared/options';
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { buildReport } from './report';

/**
 * The period prepared after each: its neighbour in the selector, finer where there is a choice
 * (how analysts drill into a month). One only: the per-customer period lists are remembered for
 * two period kinds.
 */
export const NEXT_PERIOD: Record<Period, Period> = { day: 'week', week: 'month', month: 'week', quarter: 'month', year: 'quarter' };

/** The options prepared after a report for `options` was shown. */
export function likelyNext(options: AnalysisOptions): AnalysisOptions {
  return { ...options, period: NEXT_PERIOD[options.period] };
}

/** Computes (and so remembers) the report the panel is likely to ask for after `options`. */
export function warmUp(dataset: Dataset, plan: IngestPlan, options: AnalysisOptions): void {
  buildReport({ dataset, plan, options: likelyNext(options) });
}

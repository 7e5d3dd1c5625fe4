/** Calendar period lengths the cohort table can use. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** All periods, in selector order. */
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Day a week starts on; ISO weeks start on Monday. */
export type WeekStart = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** All week starts, Monday first. */
export const WEEK_STARTS: readonly WeekStart[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The controls an analysis depends on; changing one re-runs the engine on the cached Dataset. */
export interface AnalysisOptions {
  period: Period;
  weekStart: WeekStart;
}

/** Defaults when neither settings nor flags say otherwise. */
export const DEFAULT_OPTIONS: AnalysisOptions = { period: 'month', weekStart: 'monday' };

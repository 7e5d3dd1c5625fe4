/** Calendar period lengths the cohort table can use. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** All periods, in selector order. */
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Day a week starts on; ISO weeks start on Monday. */
export type WeekStart = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** All week starts, Monday first. */
export const WEEK_STARTS: readonly WeekStart[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * What "retained at offset k" means (DESIGN.md §4): active in period c+k (classic, "on"),
 * active in c+k or later (unbounded, "on or after"), active anywhere in an offset bracket
 * (bracket), or active in every period from c+1 to c+k (streak; GA4 calls it "rolling").
 */
export type RetentionMode = 'classic' | 'unbounded' | 'bracket' | 'streak';
export const RETENTION_MODES: readonly RetentionMode[] = ['classic', 'unbounded', 'bracket', 'streak'];

/**
 * Calendar periods in the configured zone, or rolling windows of the period's length measured
 * from each customer's first qualifying event (24 h days, 7-day weeks, 30-day months, 91-day
 * quarters, 365-day years, as Amplitude measures them).
 */
export type WindowKind = 'calendar' | 'rolling';
export const WINDOW_KINDS: readonly WindowKind[] = ['calendar', 'rolling'];

/** First-time cohorts (each customer once, by their first activity) or recurring (a customer enters every period they are active in). */
export type CohortKind = 'first' | 'recurring';
export const COHORT_KINDS: readonly CohortKind[] = ['first', 'recurring'];

/** Rates relative to the cohort size (default) or to the previous offset's count. */
export type RateBase = 'cohort' | 'previous';
export const RATE_BASES: readonly RateBase[] = ['cohort', 'previous'];

/**
 * The average row: pooled (Σ retained ÷ Σ sizes over complete cells), simple mean of the
 * complete cells' rates, or Mixpanel-compatible (see engine/averages.ts for its exact rule).
 */
export type AverageMethod = 'pooled' | 'simple' | 'mixpanel';
export const AVERAGE_METHODS: readonly AverageMethod[] = ['pooled', 'simple', 'mixpanel'];

const AVERAGE_WORDS: Record<AverageMethod, string> = { pooled: 'pooled', simple: 'simple mean', mixpanel: 'Mixpanel-compatible' };

/** "Average (pooled)", "Average (simple mean)", "Average (Mixpanel-compatible)": the row's name everywhere. */
export function averageLabel(method: AverageMethod): string {
  return `Average (${AVERAGE_WORDS[method]})`;
}

/** Tools whose default retention definition a preset reproduces. */
export type PresetName = 'mixpanel' | 'amplitude' | 'posthog' | 'ga4';
export const PRESET_NAMES: readonly PresetName[] = ['mixpanel', 'amplitude', 'posthog', 'ga4'];

/** An inclusive range of offsets (in periods of the table; days when the period is day), e.g. 1–3. */
export interface OffsetRange {
  from: number;
  to: number;
}

/** The retention definition: every control of the lab (issue: retention definitions lab). */
export interface RetentionOptions {
  mode: RetentionMode;
  brackets: OffsetRange[];       // used when mode = 'bracket'; ascending, non-overlapping
  window: WindowKind;
  cohorts: CohortKind;
  rateBase: RateBase;
  average: AverageMethod;
  minOccurrences: number;        // qualifying rows a customer needs in a period to count as active there (≥ 1)
  cohortEvent: string | null;    // event name that puts a customer in a cohort (null = any row)
  returnEvent: string | null;    // event name that counts as coming back (null = any row)
  smallCohort: number;           // cohorts with fewer customers are marked small
}

/** Segment comparison: which categorical column, and how many of its values to show. */
export interface SegmentOptions {
  segment: string | null;        // column name (a Dataset segment column), or null for none
  segmentTopN: number;           // largest values shown; the rest are pooled as "Other"
}

/** Churn by inactivity: the window W in days, or 'auto' from the purchase-gap percentile. */
export interface ChurnSettings {
  churnWindow: number | 'auto';
  churnPercentile: number;       // 0 < p ≤ 100, used by 'auto'
}

/** W derived from the 90th percentile of the gaps between purchases, by default. */
export const DEFAULT_CHURN_SETTINGS: ChurnSettings = { churnWindow: 'auto', churnPercentile: 90 };

import { DEFAULT_SUBSCRIPTION_POLICIES, type SubscriptionPolicies } from './subscriptionReport';

/**
 * The controls an analysis depends on; changing one re-runs the engine on the cached Dataset.
 * Retention, segment and churn options are optional here and default to DEFAULT_RETENTION,
 * DEFAULT_SEGMENTS and DEFAULT_CHURN_SETTINGS (resolveOptions fills them in).
 */
export interface AnalysisOptions extends Partial<RetentionOptions>, Partial<SegmentOptions>, Partial<ChurnSettings>, Partial<SubscriptionPolicies> {
  period: Period;
  weekStart: WeekStart;
}

/** The default retention definition: classic, calendar, first-time, relative to cohort size, pooled. */
export const DEFAULT_RETENTION: RetentionOptions = {
  mode: 'classic', brackets: [], window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'pooled',
  minOccurrences: 1, cohortEvent: null, returnEvent: null, smallCohort: 30,
};

/** No segment comparison by default; five values when one is picked. */
export const DEFAULT_SEGMENTS: SegmentOptions = { segment: null, segmentTopN: 5 };

/** Defaults when neither settings nor flags say otherwise. */
export const DEFAULT_OPTIONS: AnalysisOptions = { period: 'month', weekStart: 'monday' };

/** Every option with its default filled in. */
export type ResolvedOptions = RetentionOptions & SegmentOptions & ChurnSettings & SubscriptionPolicies & { period: Period; weekStart: WeekStart };

/** Fills in the defaults of every option not given. */
export function resolveOptions(options: AnalysisOptions): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_RETENTION, ...DEFAULT_SEGMENTS, ...DEFAULT_CHURN_SETTINGS, ...DEFAULT_SUBSCRIPTION_POLICIES, ...defined } as ResolvedOptions;
}

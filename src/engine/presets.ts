// "Like Mixpanel / Amplitude / PostHog / GA4": the options that reproduce each tool's default
// retention definition. Sources and quotes: /work/main/docs/research/retention-definitions.md
// (docs/research/retention-definitions.md on main). Presets leave the event filters, brackets and
// the small-cohort size alone: those describe the file and the reader, not the tool.
import type { PresetName, RetentionOptions, WeekStart } from '../shared/options';

/** Display names of the presets, for selectors and the CLI help. */
export const PRESET_LABELS: Record<PresetName, string> = {
  mixpanel: 'like Mixpanel',
  amplitude: 'like Amplitude',
  posthog: 'like PostHog',
  ga4: 'like GA4',
};

const PRESETS: Record<PresetName, Partial<RetentionOptions>> = {
  // docs.mixpanel.com/docs/reports/retention: "'On or After' retention … is the default calculation";
  // "[Basic] Rolling interval retention … Day 1 retention = 24-48 hrs since person's birth";
  // API retention_type defaults to "birth" (first time); the Average row is "weighted by the number
  // of users who enter" (engine/averages.ts, 'mixpanel').
  mixpanel: { mode: 'unbounded', window: 'rolling', cohorts: 'first', rateBase: 'cohort', average: 'mixpanel', minOccurrences: 1 },
  // amplitude.com/docs/analytics/charts/retention-analysis/retention-analysis-interpret: the chart opens on
  // "Return On or After"; …-time: "Amplitude treats a day as a rolling 24-hour window by default",
  // "A month is defined as 30 days"; …-calculation: the All Users row "contains the daily sums of the
  // date rows below it. Incomplete data are excluded" (pooled). Start event defaults to New user.
  amplitude: { mode: 'unbounded', window: 'rolling', cohorts: 'first', rateBase: 'cohort', average: 'pooled', minOccurrences: 1 },
  // PostHog/posthog frontend/src/queries/nodes/InsightQuery/defaults.ts: retentionType
  // 'retention_first_time', meanRetentionCalculation 'simple'; posthog.com/docs/product-analytics/retention:
  // "By default … include only users who returned … on Day 2" (classic); retention_query_runner.py buckets by
  // calendar interval in the team time zone unless timeWindowMode is "24_hour_windows".
  posthog: { mode: 'classic', window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'simple', minOccurrences: 1 },
  // GA4 cohort exploration: cohort = first-touch date (Data API CohortSpec: "only supports
  // firstSessionDate"), calendar granularity, "Standard" calculation = per-period return; rate =
  // cohortActiveUsers / cohortTotalUsers. The UI's totals-row rule was not found in a primary source:
  // pooled is our assumption (research §5).
  ga4: { mode: 'classic', window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'pooled', minOccurrences: 1 },
};

/** The retention options of a preset (a fresh copy, safe to spread into settings). */
export function presetOptions(name: PresetName): Partial<RetentionOptions> {
  return { ...PRESETS[name] };
}

/**
 * The week start a preset implies, where the tool documents one: GA4's Data API WEEKLY cohorts run
 * "starting on Sunday and ending on Saturday"; the others make it a project setting (null).
 */
export function presetWeekStart(name: PresetName): WeekStart | null {
  return name === 'ga4' ? 'sunday' : null;
}

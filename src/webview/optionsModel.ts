// The analysis controls as plain data: labels of every choice, the bracket and number parsers
// behind the text inputs, and the full ViewOptions a change posts. Tested in Node.
import {
  DEFAULT_CHURN_SETTINGS, resolveOptions, type ChurnSettings, type AverageMethod, type PresetName, type CohortKind, type OffsetRange, type RateBase, type RetentionMode, type WindowKind,
} from '../shared/options';
import type { ViewOptions } from '../shared/protocol';
import type { ReportModel } from '../shared/report';
import { formatBracket, parseBrackets } from '../shared/brackets';

/** Selector labels, in the order of the option lists in shared/options.ts. */
export const MODE_LABELS: Record<RetentionMode, string> = {
  classic: 'Classic ("on")', unbounded: 'Unbounded ("on or after")', bracket: 'Brackets', streak: 'Streak',
};
export const WINDOW_LABELS: Record<WindowKind, string> = { calendar: 'Calendar', rolling: 'Rolling' };
export const COHORT_LABELS: Record<CohortKind, string> = { first: 'First-time', recurring: 'Recurring' };
export const RATE_BASE_LABELS: Record<RateBase, string> = { cohort: 'Cohort size', previous: 'Previous period' };
export const AVERAGE_LABELS: Record<AverageMethod, string> = { pooled: 'Pooled', simple: 'Simple mean', mixpanel: 'Mixpanel-compatible' };

export const PRESET_LABELS: Record<PresetName, string> = { mixpanel: 'Like Mixpanel', amplitude: 'Like Amplitude', posthog: 'Like PostHog', ga4: 'Like GA4' };

/** The brackets a switch to "Brackets" starts with when none were set. */
export const DEFAULT_BRACKETS: OffsetRange[] = [{ from: 0, to: 0 }, { from: 1, to: 3 }, { from: 4, to: 7 }, { from: 8, to: 14 }, { from: 15, to: 30 }];

/** Most brackets and the largest offset the host accepts (shared/protocol.ts isViewOptions). */
const MAX_BRACKETS = 50;
const MAX_OFFSET = 100_000;

/** A parsed text input: the value, or the message to show next to it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The brackets text input: shared/brackets.ts parses it; the limits the host's guard enforces
 * (shared/protocol.ts isViewOptions) are checked here so the error shows next to the input.
 */
export function parseBracketsInput(text: string): Parsed<OffsetRange[]> {
  const parsed = parseBrackets(text);
  if (typeof parsed === 'string') return { ok: false, error: parsed.replace(/^brackets: /, '') };
  if (parsed.length > MAX_BRACKETS) return { ok: false, error: `at most ${MAX_BRACKETS} brackets` };
  if (parsed.some((b) => b.to > MAX_OFFSET)) return { ok: false, error: `offsets go up to ${MAX_OFFSET}` };
  return { ok: true, value: parsed };
}

/** The text input's form of brackets: [{0,0},{1,3}] → "0,1-3". */
export function formatBrackets(brackets: readonly OffsetRange[]): string {
  return brackets.map(formatBracket).join(',');
}

/** A whole number between min and max typed into a number input. */
export function parseCount(text: string, min: number, max: number): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, error: `a whole number from ${min} to ${max}` };
  const n = Number(t);
  if (n < min || n > max) return { ok: false, error: `a whole number from ${min} to ${max}` };
  return { ok: true, value: n };
}

/** Every option spelled out (defaults filled in), so the host never guesses what the panel shows. */
export function fullViewOptions(options: ViewOptions): Required<ViewOptions> {
  const { weekStart: _weekStart, ...rest } = resolveOptions({ ...options, weekStart: 'monday' });
  return rest;
}

/** Options after the user picked a mode: "Brackets" brings default brackets when there are none. */
export function withMode(options: ViewOptions, mode: RetentionMode): ViewOptions {
  const brackets = mode === 'bracket' && (options.brackets ?? []).length === 0 ? DEFAULT_BRACKETS : options.brackets;
  return { ...options, mode, brackets };
}

/** Options after a preset: its values over the current ones (weekStart is a setting, not a panel option). */
export function withPreset(options: ViewOptions, preset: Partial<ViewOptions> & { weekStart?: unknown }): ViewOptions {
  const { weekStart: _weekStart, ...values } = preset;
  return { ...options, ...values };
}

/** The event selectors are offered only when the file has event names. */
export function showEventFilters(eventNames: readonly string[]): boolean {
  return eventNames.length > 0;
}

/** The title of controls that need the extension, on a standalone page. */
export const STANDALONE_DISABLED_TITLE = 'Re-run the CLI with flags to change this';

/** The options a report was computed with, read back from it (a standalone page has no other record). */
export function reportOptions(report: ReportModel): ViewOptions {
  const t = report.retention;
  const d = t.definition;
  return {
    period: t.period, mode: t.mode, brackets: d.brackets, window: d.window, cohorts: d.cohorts, rateBase: d.rateBase,
    average: t.average.method, minOccurrences: d.minOccurrences, cohortEvent: d.cohortEvent, returnEvent: d.returnEvent,
    smallCohort: d.smallCohort, segment: report.segments?.column ?? null, ...reportChurnSettings(report),
  };
}

/**
 * The churn settings a report was computed with: a window from the setting is its days; 'auto'
 * (and its fallback) keep the percentile ('fallback' reports none: the default stands in).
 */
export function reportChurnSettings(report: ReportModel): ChurnSettings {
  const w = report.churn.window;
  return w.source === 'setting'
    ? { churnWindow: w.days, churnPercentile: DEFAULT_CHURN_SETTINGS.churnPercentile }
    : { churnWindow: 'auto', churnPercentile: w.percentile ?? DEFAULT_CHURN_SETTINGS.churnPercentile };
}

/** The largest churn window the host accepts, in days (shared/protocol.ts isViewOptions). */
export const MAX_CHURN_DAYS = 36_500;

/** The percentile input: a number with 0 < p ≤ 100 (decimals allowed). */
export function parsePercentile(text: string): Parsed<number> {
  const t = text.trim();
  const n = Number(t);
  if (!/^\d+(\.\d+)?$/.test(t) || n <= 0 || n > 100) return { ok: false, error: 'a percentile above 0, up to 100' };
  return { ok: true, value: n };
}

/** Options after the churn-window select: "auto", or fixed days (starting from the W shown). */
export function withChurnWindow(options: ViewOptions, choice: 'auto' | 'days', shownDays: number): ViewOptions {
  return { ...options, churnWindow: choice === 'auto' ? 'auto' : Math.min(MAX_CHURN_DAYS, Math.max(1, Math.round(shownDays))) };
}

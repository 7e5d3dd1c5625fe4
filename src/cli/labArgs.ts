// The retention-lab flags (definition, segments, exports): validated here, from flags and --config
// alike, so a bad value is a usage error (exit 2) before any file is read.
import { parseBrackets } from '../shared/brackets';
import {
  AVERAGE_METHODS, COHORT_KINDS, PRESET_NAMES, RATE_BASES, RETENTION_MODES, WINDOW_KINDS,
  type AnalysisOptions, type ChurnSettings, type OffsetRange, type PresetName, type RetentionOptions, type SegmentOptions,
} from '../shared/options';
import { METRICS, type CellDisplay, type Metric } from '../shared/protocol';
import { CANCEL_AT_POLICIES, REACTIVATION_POLICIES, SAME_PERIOD_CHURN_POLICIES, type SubscriptionPolicies } from '../shared/subscriptionReport';

/** A usage problem: printed with a hint to --help, exit code 2. */
export class UsageError extends Error {}

/** Flags and --config keys merged, camelCase keys; config values may be any JSON. */
export type Raw = Record<string, unknown>;

/** The retention and segment options given explicitly (a preset fills the others in main). */
export type LabOptions = Partial<RetentionOptions> & Partial<SegmentOptions> & Partial<ChurnSettings> & Partial<SubscriptionPolicies>;

/** Files the table and chart are exported to (null = not asked for). */
export interface ExportTargets {
  csv: string | null;
  markdown: string | null;
  svg: string | null;
  png: string | null;
}

/** Checks a value against a list of choices. */
export function pick<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${String(value)}')`);
}

/** A non-empty string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(value: unknown, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got '${String(value)}')`);
  return n;
}

function name(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > 500) throw new UsageError(`--${flag} needs a name (1–500 characters)`);
  return value;
}

/** "0,1-3,4-7" from a flag, or the same string or a [{from, to}] array from --config. */
function brackets(value: unknown): OffsetRange[] | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value)
    ? value.map((b: unknown) => (typeof b === 'object' && b !== null ? `${String((b as OffsetRange).from)}-${String((b as OffsetRange).to)}` : String(b))).join(',')
    : value;
  if (typeof text !== 'string') throw new UsageError('--brackets must look like 0,1-3,4-7');
  const parsed = parseBrackets(text);
  if (typeof parsed === 'string') throw new UsageError(`--${parsed}`);
  if (parsed.length > 50 || parsed.some((b) => b.to > 100_000)) throw new UsageError('--brackets: at most 50 ranges, offsets up to 100000');
  return parsed;
}

/** Drops the keys whose value is undefined, so spreading over a preset keeps the preset's. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The retention and segment options given as flags or config keys, validated. */
export function labOptions(o: Raw): LabOptions {
  const bracketList = brackets(o.brackets);
  let mode = o.mode === undefined ? undefined : pick(o.mode, RETENTION_MODES, 'mode', 'classic');
  if (bracketList && mode === undefined) mode = 'bracket';
  if (bracketList && mode !== 'bracket') throw new UsageError(`--brackets only applies to --mode bracket (got --mode ${String(mode)})`);
  return defined<LabOptions>({
    mode,
    brackets: bracketList,
    window: o.window === undefined ? undefined : pick(o.window, WINDOW_KINDS, 'window', 'calendar'),
    cohorts: o.cohorts === undefined ? undefined : pick(o.cohorts, COHORT_KINDS, 'cohorts', 'first'),
    rateBase: o.relativeTo === undefined ? undefined : pick(o.relativeTo, RATE_BASES, 'relative-to', 'cohort'),
    average: o.average === undefined ? undefined : pick(o.average, AVERAGE_METHODS, 'average', 'pooled'),
    minOccurrences: integer(o.minOccurrences, 'min-occurrences', 1, 1_000_000),
    cohortEvent: name(o.cohortEvent, 'cohort-event'),
    returnEvent: name(o.returnEvent, 'return-event'),
    smallCohort: integer(o.smallCohort, 'small-cohort', 0, 1_000_000_000),
    segment: name(o.segment, 'segment'),
    segmentTopN: integer(o.segmentTop, 'segment-top', 1, 50),
    churnWindow: o.churnWindow === 'auto' ? 'auto' : integer(o.churnWindow, 'churn-window', 1, 36_500),
    churnPercentile: percentile(o.churnPercentile),
    ...subscriptionPolicies(o),
  });
}

/** --same-period-churn, --cancel-at, --reactivation (subscriptions; defaults in subscriptionReport.ts). */
function subscriptionPolicies(o: Raw): Partial<SubscriptionPolicies> {
  return {
    samePeriodChurn: o.samePeriodChurn === undefined ? undefined : pick(o.samePeriodChurn, SAME_PERIOD_CHURN_POLICIES, 'same-period-churn', 'count'),
    cancelAt: o.cancelAt === undefined ? undefined : pick(o.cancelAt, CANCEL_AT_POLICIES, 'cancel-at', 'date'),
    reactivation: o.reactivation === undefined ? undefined : pick(o.reactivation, REACTIVATION_POLICIES, 'reactivation', 'original-cohort'),
  };
}

/** --churn-percentile: a number in (0, 100]. */
function percentile(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0 && n <= 100)) throw new UsageError(`--churn-percentile: expected a number above 0 and at most 100, got '${String(value)}'`);
  return n;
}

/** The --preset name, or null. */
export function presetArg(o: Raw): PresetName | null {
  return o.preset === undefined ? null : pick(o.preset, PRESET_NAMES, 'preset', 'mixpanel');
}

/** The export targets, metric and display. */
export function exportArgs(o: Raw): { exports: ExportTargets; metric: Metric; display: CellDisplay } {
  const path = (key: string): string | null => {
    if (o[key] === undefined) return null;
    const p = str(o[key]);
    if (!p) throw new UsageError(`--${key} needs a file name`);
    return p;
  };
  return {
    exports: { csv: path('csv'), markdown: path('markdown'), svg: path('svg'), png: path('png') },
    metric: pick(o.metric, METRICS, 'metric', 'customers'),
    display: pick(o.display, ['percent', 'count'] as const, 'display', 'percent'),
  };
}

/**
 * The options buildReport gets: the preset's definition, then every explicit flag over it
 * (explicit wins). Checked once more after the merge: bracket mode needs brackets.
 */
export function analysisOptions(
  base: Pick<AnalysisOptions, 'period' | 'weekStart'>, lab: LabOptions, preset: PresetName | null,
  presetOptions: (name: PresetName) => Partial<RetentionOptions>,
): AnalysisOptions {
  const fromPreset = preset ? presetOptions(preset) : {};
  // A preset's brackets belong to its bracket mode; an explicit other mode drops them.
  const merged: AnalysisOptions = { ...fromPreset, ...lab, ...base };
  if (lab.mode !== undefined && lab.mode !== 'bracket' && lab.brackets === undefined) delete merged.brackets;
  if (merged.mode === 'bracket' && !merged.brackets?.length) throw new UsageError('--mode bracket needs --brackets, e.g. --brackets 0,1-3,4-7');
  return merged;
}

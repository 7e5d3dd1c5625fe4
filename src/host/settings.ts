import * as vscode from 'vscode';
import {
  AVERAGE_METHODS, COHORT_KINDS, DEFAULT_CHURN_SETTINGS, DEFAULT_RETENTION, PERIODS, RATE_BASES, RETENTION_MODES, WEEK_STARTS, WINDOW_KINDS,
  type ChurnSettings, type Period, type RetentionOptions, type WeekStart,
} from '../shared/options';
import { parseBrackets } from '../shared/brackets';
import {
  CANCEL_AT_POLICIES, DEFAULT_SUBSCRIPTION_POLICIES, REACTIVATION_POLICIES, SAME_PERIOD_CHURN_POLICIES, type SubscriptionPolicies,
} from '../shared/subscriptionReport';
import { isValidTimeZone } from '../ingest/dates';
import type { ViewOptions } from '../shared/protocol';

/** The extension's settings, validated (the one place they are read). */
export interface Settings {
  timeZone: string;
  weekStart: WeekStart;
  defaultPeriod: Period;
  retention: RetentionOptions;   // the definition new reports open with
  churn: ChurnSettings;
  policies: SubscriptionPolicies; // subscription metrics: what new reports open with
}

/** The subscription policies from `retentionLens.*`. */
function readPolicies(config: vscode.WorkspaceConfiguration): SubscriptionPolicies {
  const d = DEFAULT_SUBSCRIPTION_POLICIES;
  return {
    samePeriodChurn: pick(config.get<string>('samePeriodChurn', d.samePeriodChurn), SAME_PERIOD_CHURN_POLICIES, d.samePeriodChurn),
    cancelAt: pick(config.get<string>('cancelAt', d.cancelAt), CANCEL_AT_POLICIES, d.cancelAt),
    reactivation: pick(config.get<string>('reactivation', d.reactivation), REACTIVATION_POLICIES, d.reactivation),
  };
}

/** The churn window: whole days ≥ 1, or 'auto'; and the percentile 'auto' uses. */
function readChurn(config: vscode.WorkspaceConfiguration): ChurnSettings {
  const d = DEFAULT_CHURN_SETTINGS;
  const raw = config.get<string | number>('churnWindow', d.churnWindow);
  const days = typeof raw === 'number' ? raw : /^\d+$/.test(String(raw).trim()) ? Number(raw) : NaN;
  const percentile = config.get<number>('churnPercentile', d.churnPercentile);
  return {
    churnWindow: Number.isInteger(days) && days >= 1 && days <= 36_500 ? days : 'auto',
    churnPercentile: percentile > 0 && percentile <= 100 ? percentile : d.churnPercentile,
  };
}

const pick = <T extends string>(value: string, allowed: readonly T[], fallback: T): T => ((allowed as readonly string[]).includes(value) ? (value as T) : fallback);
const whole = (value: number, min: number, fallback: number): number => (Number.isInteger(value) && value >= min ? value : fallback);

/** The retention definition from `retentionLens.*` (the panel's controls start from it). */
function readRetention(config: vscode.WorkspaceConfiguration): RetentionOptions {
  const d = DEFAULT_RETENTION;
  const brackets = parseBrackets(config.get<string>('brackets', '0,1-3,4-7,8-14,15-30'));
  return {
    ...d,
    mode: pick(config.get<string>('mode', d.mode), RETENTION_MODES, d.mode),
    brackets: typeof brackets === 'string' ? [] : brackets,
    window: pick(config.get<string>('window', d.window), WINDOW_KINDS, d.window),
    cohorts: pick(config.get<string>('cohorts', d.cohorts), COHORT_KINDS, d.cohorts),
    rateBase: pick(config.get<string>('relativeTo', d.rateBase), RATE_BASES, d.rateBase),
    average: pick(config.get<string>('average', d.average), AVERAGE_METHODS, d.average),
    minOccurrences: whole(config.get<number>('minOccurrences', d.minOccurrences), 1, d.minOccurrences),
    smallCohort: whole(config.get<number>('smallCohort', d.smallCohort), 0, d.smallCohort),
  };
}

/** The options a new report opens with: the default period and every definition setting. */
export function defaultViewOptions(settings: Settings): ViewOptions {
  return { period: settings.defaultPeriod, ...settings.retention, ...settings.churn, ...settings.policies };
}

/** Reads `retentionLens.*`; invalid values fall back to defaults with a warning. */
export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('retentionLens');
  const timeZone = config.get<string>('timeZone', 'UTC');
  const valid = isValidTimeZone(timeZone);
  if (!valid) void vscode.window.showWarningMessage(`Retention Lens: unknown time zone '${timeZone}' in retentionLens.timeZone; using UTC.`);
  return {
    timeZone: valid ? timeZone : 'UTC',
    weekStart: pick(config.get<string>('weekStart', 'monday'), WEEK_STARTS, 'monday'),
    defaultPeriod: pick(config.get<string>('defaultPeriod', 'month'), PERIODS, 'month'),
    retention: readRetention(config),
    churn: readChurn(config),
    policies: readPolicies(config),
  };
}

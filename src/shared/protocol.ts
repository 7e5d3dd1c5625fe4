import type { AnyReport, CellCustomer, RetentionTable } from './report';
import type { PredictiveOptions, PredictiveReport } from './predictiveReport';
import {
  AVERAGE_METHODS, COHORT_KINDS, PERIODS, RATE_BASES, RETENTION_MODES, WINDOW_KINDS,
  type AnalysisOptions, type Period,
} from './options';
import { CANCEL_AT_POLICIES, REACTIVATION_POLICIES, SAME_PERIOD_CHURN_POLICIES } from './subscriptionReport';

/**
 * Bumped when a message changes shape; the webview says which version it speaks in `ready`.
 * 3: reports are AnyReport (events, or a lifetime report of a subscriptions / customers file).
 */
export const PROTOCOL_VERSION = 3;

/** Counts or percentages in the heatmap (a view choice, kept in webview state). */
export type CellDisplay = 'percent' | 'count';

/** What the table and chart show (a view choice: every metric is in the report). */
export type Metric = 'customers' | 'revenue' | 'revenuePerCustomer' | 'cumulativePerCustomer' | 'revenueRetention';
export const METRICS: readonly Metric[] = ['customers', 'revenue', 'revenuePerCustomer', 'cumulativePerCustomer', 'revenueRetention'];

/** The analysis controls the panel sends: the period plus any retention and segment option. */
export type ViewOptions = Omit<AnalysisOptions, 'weekStart'>;

/** What the panel remembers across reloads (webview setState), versioned. */
export interface PanelState {
  version: 2;
  fileUri: string;            // the analysed CSV (vscode Uri string)
  options: ViewOptions;
  display: CellDisplay;
  metric: Metric;
  report: AnyReport | null;   // the last report (any shape), re-rendered at once after a reload
}

/** Export formats of the panel's Export menu. */
export type ExportFormat = 'csv' | 'markdown' | 'svg' | 'png' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'markdown', 'svg', 'png', 'html'];

/** Host → webview. */
export type HostMessage =
  | { type: 'init'; fileUri: string; fileLabel: string; options: ViewOptions; display: CellDisplay; report: AnyReport | null }
  | { type: 'busy'; requestId: number; what: string }
  | { type: 'report'; requestId: number; report: AnyReport }
  // The new cohort table of a request, sent ahead of its whole report on large files (the rest of
  // the report takes a few hundred ms more at 10M rows): the page shows it while still busy.
  | { type: 'retention'; requestId: number; retention: RetentionTable }
  | { type: 'error'; requestId: number; message: string }
  | { type: 'cellCustomers'; requestId: number; cohort: string; column: number; customers: CellCustomer[]; total: number }
  | { type: 'predictive'; requestId: number; report: PredictiveReport };

/**
 * Webview → host. `export` carries the file content the webview rendered (CSV, Markdown and SVG
 * as text, PNG as base64); for 'html' the host renders the report itself and content is empty.
 */
export type WebviewMessage =
  | { type: 'ready'; protocolVersion: number }
  | { type: 'setOptions'; requestId: number; options: ViewOptions }
  | { type: 'drillDown'; requestId: number; cohort: string; column: number }
  | { type: 'predict'; requestId: number; options: Partial<PredictiveOptions> }
  | { type: 'openLine'; line: number }
  | { type: 'export'; format: ExportFormat; content: string; suggestedName: string }
  | { type: 'changeMapping' }
  | { type: 'reload' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const oneOf = (list: readonly string[], v: unknown): boolean => v === undefined || (typeof v === 'string' && list.includes(v));
const optionalName = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.length <= 500);
const optionalCount = (v: unknown, max: number): boolean => v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max);

/** Offset brackets: at most 50, each 0 ≤ from ≤ to ≤ 100000. */
function isBrackets(v: unknown): boolean {
  if (v === undefined) return true;
  return Array.isArray(v) && v.length <= 50 && v.every((b) => isObject(b) && optionalCount(b.from, 100_000) && optionalCount(b.to, 100_000)
    && typeof b.from === 'number' && typeof b.to === 'number' && b.from <= b.to);
}

/** Runtime guard for the options a webview sends (untrusted input). */
export function isViewOptions(v: unknown): v is ViewOptions {
  if (!isObject(v)) return false;
  return typeof v.period === 'string' && (PERIODS as readonly string[]).includes(v.period as Period)
    && oneOf(RETENTION_MODES, v.mode) && oneOf(WINDOW_KINDS, v.window) && oneOf(COHORT_KINDS, v.cohorts)
    && oneOf(RATE_BASES, v.rateBase) && oneOf(AVERAGE_METHODS, v.average) && isBrackets(v.brackets)
    && optionalCount(v.minOccurrences, 1_000_000) && optionalCount(v.smallCohort, 1_000_000_000) && optionalCount(v.segmentTopN, 50)
    && optionalName(v.cohortEvent) && optionalName(v.returnEvent) && optionalName(v.segment)
    && (v.churnWindow === undefined || v.churnWindow === 'auto' || (Number.isInteger(v.churnWindow) && (v.churnWindow as number) >= 1 && (v.churnWindow as number) <= 36_500))
    && (v.churnPercentile === undefined || (typeof v.churnPercentile === 'number' && v.churnPercentile > 0 && v.churnPercentile <= 100))
    && oneOf(SAME_PERIOD_CHURN_POLICIES, v.samePeriodChurn) && oneOf(CANCEL_AT_POLICIES, v.cancelAt) && oneOf(REACTIVATION_POLICIES, v.reactivation);
}

const CLV_UNITS: readonly string[] = ['day', 'week', 'month'];
const inRange = (v: unknown, min: number, max: number): boolean => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max);

/** Runtime guard for the predictive options a webview sends. */
export function isPredictiveOptions(v: unknown): v is Partial<PredictiveOptions> {
  if (!isObject(v)) return false;
  const date = v.calibrationEnd;
  return (date === undefined || date === null || (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)))
    && oneOf(CLV_UNITS, v.timeUnit) && inRange(v.horizonMonths, 1, 600) && inRange(v.monthlyDiscountRate, 0, 1)
    && inRange(v.penalizer, 0, 100) && optionalCount(v.topCustomers, 100_000)
    && (v.zeroAmountPurchases === undefined || typeof v.zeroAmountPurchases === 'boolean');
}

/** Runtime guard for messages arriving from the webview (untrusted input). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isObject(value)) return false;
  const m = value;
  switch (m.type) {
    case 'ready':
      return typeof m.protocolVersion === 'number';
    case 'setOptions':
      return Number.isInteger(m.requestId) && isViewOptions(m.options);
    case 'drillDown':
      return Number.isInteger(m.requestId) && typeof m.cohort === 'string' && Number.isInteger(m.column) && (m.column as number) >= 0;
    case 'predict':
      return Number.isInteger(m.requestId) && isPredictiveOptions(m.options);
    case 'openLine':
      return Number.isInteger(m.line) && (m.line as number) >= 1;
    case 'export':
      return oneOf(EXPORT_FORMATS, m.format) && typeof m.format === 'string' && typeof m.content === 'string' && typeof m.suggestedName === 'string';
    case 'changeMapping':
    case 'reload':
      return true;
    default:
      return false;
  }
}

// Runtime checks for data arriving from outside the bundle: host messages, the state VS Code
// restores after a reload, and the JSON block of a standalone page. Shallow on purpose: they
// stop junk from crashing the renderer; the host and CLI are trusted to send whole reports.
import { PERIODS, type Period } from '../shared/options';
import { isViewOptions, METRICS, type CellDisplay, type HostMessage, type Metric, type PanelState } from '../shared/protocol';
import type { AnyReport, CellCustomer, ReportModel, RetentionTable } from '../shared/report';
import { isPredictiveReport } from './predictiveGuards';
import { isLifetimeReport } from './lifetimeGuards';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A Period name. */
export function isPeriod(v: unknown): v is Period {
  return typeof v === 'string' && (PERIODS as readonly string[]).includes(v);
}

/** "percent" or "count". */
export function isCellDisplay(v: unknown): v is CellDisplay {
  return v === 'percent' || v === 'count';
}

/** A metric name. */
export function isMetric(v: unknown): v is Metric {
  return typeof v === 'string' && (METRICS as readonly string[]).includes(v);
}

const arrays = (o: Obj, keys: string[]): boolean => keys.every((k) => Array.isArray(o[k]));

/** The v2 parts of a report the lab renders (columns, at-risk, intervals, choices, explain). */
/** A retention table in outline (the parts the heatmap, curves and average row read). */
export function isRetentionTable(r: unknown): r is RetentionTable {
  return isObj(r) && isPeriod(r.period) && Array.isArray(r.cohorts)
    && r.cohorts.every((c) => isObj(c) && typeof c.cohort === 'string' && typeof c.size === 'number'
      && arrays(c, ['counts', 'rates', 'partial', 'lower', 'upper']))
    && arrays(r, ['columns', 'atRisk']) && isObj(r.definition) && isObj(r.average) && arrays(r.average, ['rates', 'counts', 'sizes', 'lower', 'upper']);
}

function hasLabParts(v: Obj): boolean {
  return (v.revenue === null || (isObj(v.revenue) && Array.isArray(v.revenue.cohorts) && isObj(v.revenue.average)))
    && (v.segments === null || (isObj(v.segments) && arrays(v.segments, ['groups', 'tests']) && typeof v.segments.verdict === 'string'))
    && Array.isArray(v.explain) && isObj(v.choices) && arrays(v.choices, ['eventNames', 'segmentColumns']);
}

/**
 * A ReportModel in outline: the parts the renderer reads exist with the right types. Its shape is
 * 'events'; a report saved before shapes existed has none and is read as events (see withShape).
 */
export function isReportModel(v: unknown): v is ReportModel {
  if (!isObj(v) || (v.shape !== 'events' && v.shape !== undefined) || !isObj(v.input) || !isObj(v.mapping) || !isObj(v.retention) || !isObj(v.kpis) || !isObj(v.quality)) return false;
  return typeof v.input.file === 'string' && isRetentionTable(v.retention)
    && hasLabParts(v)
    // Absent in states saved before the predictive section (read as null).
    && (v.predictive === undefined || v.predictive === null || isPredictiveReport(v.predictive));
}

/** Any report the page renders: an events report or a lifetime (subscriptions / customers) one, told apart by `shape`. */
export function isAnyReport(v: unknown): v is AnyReport {
  return isObj(v) && (v.shape === 'subscriptions' || v.shape === 'customers' ? isLifetimeReport(v) : isReportModel(v));
}

/** The report with its shape spelled out: a state saved before shapes existed holds an events report without one. */
export function withShape<R extends AnyReport | null>(report: R): R {
  return report !== null && (report as { shape?: unknown }).shape === undefined ? { ...report, shape: 'events' } : report;
}

/**
 * The churn section in outline. A report saved by an older version (restored after a reload) has
 * none; the page then hides the churn part instead of failing, until the next analysis.
 */
export function hasChurn(report: ReportModel): boolean {
  const c: unknown = (report as unknown as Obj).churn;
  if (!isObj(c) || !isObj(c.window) || !isObj(c.inactivity) || !isObj(c.value)) return false;
  const inactivity = c.inactivity;
  return typeof c.window.days === 'number' && Array.isArray(c.window.histogram) && arrays(c, ['crr', 'churnRates', 'segments', 'lifecycle', 'insight'])
    && typeof inactivity.customers === 'number'
    && ['churned', 'atRisk', 'winBack'].every((k) => { const l = inactivity[k]; return isObj(l) && typeof l.total === 'number' && Array.isArray(l.customers); });
}

/** One drill-down row. */
function isCellCustomer(v: unknown): v is CellCustomer {
  return isObj(v) && typeof v.id === 'string' && typeof v.firstActivity === 'string' && typeof v.lastActivity === 'string'
    && typeof v.orders === 'number' && (v.revenue === null || typeof v.revenue === 'number') && Number.isInteger(v.line);
}

/** A message from the extension host (see HostMessage). */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'init':
      return typeof v.fileUri === 'string' && typeof v.fileLabel === 'string' && isViewOptions(v.options)
        && isCellDisplay(v.display) && (v.report === null || isAnyReport(v.report));
    case 'busy':
      return Number.isInteger(v.requestId) && typeof v.what === 'string';
    case 'report':
      return Number.isInteger(v.requestId) && isAnyReport(v.report);
    case 'retention':
      return Number.isInteger(v.requestId) && isRetentionTable(v.retention);
    case 'error':
      return Number.isInteger(v.requestId) && typeof v.message === 'string';
    case 'cellCustomers':
      return Number.isInteger(v.requestId) && typeof v.cohort === 'string' && Number.isInteger(v.column)
        && Array.isArray(v.customers) && v.customers.every(isCellCustomer) && Number.isInteger(v.total);
    case 'predictive':
      return Number.isInteger(v.requestId) && isPredictiveReport(v.report);
    default:
      return false;
  }
}

/**
 * The state saved by an earlier instance of this webview (vscode.getState()). Version 1 states
 * (before the lab) are refused: the panel then starts empty and the host re-parses the file.
 */
export function isPanelState(v: unknown): v is PanelState {
  return isObj(v) && v.version === 2 && typeof v.fileUri === 'string' && isViewOptions(v.options)
    && isCellDisplay(v.display) && isMetric(v.metric) && (v.report === null || isAnyReport(v.report));
}

/** The JSON block of a standalone page: every precomputed period (events or lifetime reports) and the one to open with. */
export interface StandaloneData {
  reports: Partial<Record<Period, AnyReport>>;
  period: Period;
}

/** Parses `<script type="application/json" id="report-data">`; throws with a reason when it is unusable. */
export function parseStandaloneData(text: string): StandaloneData {
  const data: unknown = JSON.parse(text);
  if (!isObj(data) || !isObj(data.reports)) throw new Error('the report data has no "reports"');
  const reports: Partial<Record<Period, AnyReport>> = {};
  for (const period of PERIODS) {
    const report = data.reports[period];
    if (report !== undefined && isAnyReport(report)) reports[period] = withShape(report);
  }
  const available = PERIODS.filter((p) => reports[p]);
  if (available.length === 0) throw new Error('the report data holds no report');
  const period = isPeriod(data.period) && reports[data.period] ? data.period : available[0];
  return { reports, period };
}

// The panel's state and how messages change it, as pure functions (tested in Node). main.ts
// feeds host messages and user actions in, and renders/persists whatever comes out.
import type { CellDisplay, HostMessage, Metric, PanelState, ViewOptions, WebviewMessage } from '../shared/protocol';
import { isEventsReport, type AnyReport, type CellCustomer, type ReportModel, type RetentionTable } from '../shared/report';
import type { PredictiveOptions, PredictiveReport } from '../shared/predictiveReport';
import { assertNever } from '../shared/assertNever';
import { resolveOptions } from '../shared/options';
import { fitMetric } from './metricModel';
import { fullViewOptions } from './optionsModel';
import { periodWords } from './periods';
import { withShape } from './guards';
import { isLifetimeShape } from './lifetimeGuards';

/** The drill-down under the table: the cell asked about and, once answered, its customers. */
export interface DrillState {
  requestId: number;
  cohort: string;
  column: number;
  customers: CellCustomer[] | null;   // null while the host is listing them
  total: number;
  error: string | null;
}

/** The predicted-customer-value section: the fit shown and the request in flight. */
export interface PredictState {
  requestId: number | null;    // the latest predict request until it is answered; other answers are stale
  superseded: number[];        // earlier predict requests (their late busy, error or fit is dropped)
  busy: string | null;         // the host's busy line for that request
  error: string | null;        // the host's error for the latest request
  report: PredictiveReport | null;
}

/** What the section shows before anything was fitted (or with the fit a report carries). */
export function idlePredict(report: PredictiveReport | null = null): PredictState {
  return { requestId: null, superseded: [], busy: null, error: null, report };
}

/** Everything the UI shows. */
export interface ViewState {
  fileUri: string | null;      // null until init (or a restored state) says which file
  options: ViewOptions;        // the selected options (may be ahead of report while busy)
  shownOptions: ViewOptions;   // the options the shown report was computed with
  display: CellDisplay;
  metric: Metric;
  report: AnyReport | null;    // events → the retention page; subscriptions / customers → the lifetime page
  busy: string | null;         // what is being computed, or null
  /** The cohort table of the request still running, sent ahead of its report (large files): shown in place of the report's until it comes. */
  preview: RetentionTable | null;
  error: string | null;        // the host's last error message, or null
  drill: DrillState | null;
  predict: PredictState;
  sentRequestId: number;       // the latest requestId this webview sent (options and drill-downs)
  acceptFrom: number;          // reports, busy and errors with a smaller requestId are stale
}

/** The state as the retention page sees it: only an events report (the page router narrows it). */
export type EventsViewState = Omit<ViewState, 'report'> & { report: ReportModel | null };

/** The events report, or null for none or a lifetime report (the retention page's parts read only events reports). */
export function eventsReport(report: AnyReport | null): ReportModel | null {
  return report !== null && isEventsReport(report) ? report : null;
}

/** Which page shows the state: the lifetime view for subscriptions / customers reports, else the retention page (also while loading). */
export function pageOf(report: AnyReport | null): 'events' | 'lifetime' {
  return report !== null && isLifetimeShape(report) ? 'lifetime' : 'events';
}

/** The state before anything arrived, or the one a reloaded panel saved. */
export function initialState(restored: PanelState | null, fallback: ViewOptions = { period: 'month' }): ViewState {
  const options = restored?.options ?? fallback;
  const report = withShape(restored?.report ?? null);
  return {
    fileUri: restored?.fileUri ?? null,
    options,
    shownOptions: options,
    display: restored?.display ?? 'percent',
    metric: fitMetric(eventsReport(report), restored?.metric ?? 'customers'),
    report,
    busy: null,
    preview: null,
    error: null,
    drill: null,
    predict: idlePredict(eventsReport(report)?.predictive ?? null),
    sentRequestId: 0,
    acceptFrom: 0,
  };
}

/** Options as comparable text (key order and unset keys do not matter). */
function canonical(options: ViewOptions): string {
  const defined = Object.entries(resolveOptions({ ...options, weekStart: 'monday' })).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(defined);
}

function applyInit(state: ViewState, msg: Extract<HostMessage, { type: 'init' }>): ViewState {
  const sameFile = state.fileUri === msg.fileUri;
  const report = withShape(msg.report) ?? (sameFile ? state.report : null);
  // A change the user made that this init does not reflect yet (e.g. right after a window reload,
  // while the host was still answering `ready`) is still to be answered: the host handles it after
  // this init, so keep its options, busy line and request id instead of dropping the answer as
  // stale. An init that already carries those options (the host took the change) replaces it.
  const pending = sameFile && state.busy !== null && state.sentRequestId > 0 && state.sentRequestId >= state.acceptFrom
    && canonical(state.options) !== canonical(msg.options);
  return {
    ...state,
    fileUri: msg.fileUri,
    options: pending ? state.options : msg.options,
    shownOptions: msg.options,
    // The webview owns the display and metric once it knows the file; the host's copy is only a default.
    display: sameFile ? state.display : msg.display,
    metric: fitMetric(eventsReport(report), sameFile ? state.metric : 'customers'),
    report,
    busy: pending ? state.busy : null,
    preview: pending ? state.preview : null,
    error: null,
    drill: null,
    predict: idlePredict(eventsReport(msg.report)?.predictive ?? (sameFile && pageOf(report) === 'events' ? state.predict.report : null)),
    // Otherwise init replaces everything: answers to requests sent before it are stale.
    acceptFrom: pending ? state.acceptFrom : state.sentRequestId + 1,
  };
}

function applyCustomers(state: ViewState, msg: Extract<HostMessage, { type: 'cellCustomers' }>): ViewState {
  const drill = state.drill;
  if (drill === null || msg.requestId !== drill.requestId) return state;
  return { ...state, drill: { ...drill, customers: msg.customers, total: msg.total, error: null } };
}

/**
 * Host traffic for the latest predict request (busy, error, the fit); null when the message is
 * not about it. An older predict request's answer is stale and leaves the state as it is.
 */
function applyPredict(state: ViewState, msg: Exclude<HostMessage, { type: 'init' | 'cellCustomers' | 'report' | 'retention' }>): ViewState | null {
  const p = state.predict;
  if (msg.type === 'predictive') {
    if (msg.requestId !== p.requestId) return state;
    return { ...state, predict: { ...idlePredict(msg.report), superseded: p.superseded } };
  }
  if (p.superseded.includes(msg.requestId)) return state;
  if (p.requestId === null || msg.requestId !== p.requestId) return null;
  if (msg.type === 'busy') return { ...state, predict: { ...p, busy: msg.what } };
  // The fit shown before stays; the error says why the new one failed.
  return { ...state, predict: { ...p, requestId: null, busy: null, error: msg.message } };
}

/**
 * The report, holding the very table object shown ahead of it when the two are the same (the
 * page then does not draw the table again).
 */
function withPreviewedTable(report: AnyReport, preview: RetentionTable | null): AnyReport {
  const events = eventsReport(report);
  if (!events || !preview || JSON.stringify(events.retention) !== JSON.stringify(preview)) return report;
  return { ...events, retention: preview };
}

/** A new report for the latest request. The customer-value fit does not depend on the retention options: it stays across events reports. */
function applyReport(state: ViewState, answer: AnyReport): ViewState {
  const report = withPreviewedTable(answer, state.preview);
  const events = eventsReport(report);
  const predict = events === null ? idlePredict() : events.predictive ? { ...state.predict, report: events.predictive } : state.predict;
  return { ...state, report, shownOptions: state.options, metric: fitMetric(events, state.metric), busy: null, preview: null, error: null, drill: null, predict };
}

/**
 * Applies a host message. Returns the same object when the message is stale (a `busy`, `report`
 * or `error` answering a request older than the latest setOptions, or customers for a cell no
 * longer asked about), so callers can skip work.
 */
export function applyHostMessage(state: ViewState, msg: HostMessage): ViewState {
  const forDrill = state.drill !== null && msg.type !== 'init' && msg.requestId === state.drill.requestId;
  if (msg.type === 'busy' || msg.type === 'error' || msg.type === 'predictive') {
    const predicted = applyPredict(state, msg);
    if (predicted !== null) return predicted;
  }
  switch (msg.type) {
    case 'init':
      return applyInit(state, msg);
    case 'busy':
      // The drill-down shows its own "listing" line; a global busy would never be cleared.
      return forDrill || msg.requestId < state.acceptFrom ? state : { ...state, busy: msg.what };
    case 'report':
      if (forDrill || msg.requestId < state.acceptFrom) return state;
      return applyReport(state, msg.report);
    case 'retention':
      // Only ahead of its own report, on the retention page, while that request is still running.
      if (forDrill || msg.requestId < state.acceptFrom || state.busy === null || eventsReport(state.report) === null) return state;
      return { ...state, preview: msg.retention };
    case 'error':
      if (forDrill && state.drill) return { ...state, drill: { ...state.drill, error: msg.message } };
      if (msg.requestId < state.acceptFrom) return state;
      // The controls go back to the options of the report that is still shown.
      return { ...state, error: msg.message, busy: null, preview: null, options: state.shownOptions };
    case 'cellCustomers':
      return applyCustomers(state, msg);
    case 'predictive':
      return state;   // handled by applyPredict above
    default:
      return assertNever(msg);
  }
}

/**
 * The next requestId. Ids grow with the clock as well as per request, so a webview re-created
 * while the host was still computing (VS Code drops hidden webviews) never reuses an id the host
 * may yet answer.
 */
function nextRequestId(state: ViewState, now: number): number {
  return Math.max(state.sentRequestId + 1, Math.floor(now));
}

/** The user changed an analysis option: the message to post (every option spelled out) and the busy state. */
export function requestOptions(state: ViewState, options: ViewOptions, now: number = Date.now()): { state: ViewState; message: WebviewMessage } {
  const requestId = nextRequestId(state, now);
  const full = fullViewOptions(options);
  const busy = pageOf(state.report) === 'lifetime' ? 'Computing survival curves and subscription metrics…' : `Computing ${periodWords(full.period).adjective} cohorts…`;
  return {
    state: { ...state, options: full, sentRequestId: requestId, acceptFrom: requestId, busy, preview: null, error: null },
    message: { type: 'setOptions', requestId, options: full },
  };
}

/** The user clicked a cell: ask the host for its customers. */
export function requestDrillDown(state: ViewState, cohort: string, column: number, now: number = Date.now()): { state: ViewState; message: WebviewMessage } {
  const requestId = nextRequestId(state, now);
  return {
    state: { ...state, sentRequestId: requestId, drill: { requestId, cohort, column, customers: null, total: 0, error: null } },
    message: { type: 'drillDown', requestId, cohort, column },
  };
}

/** The Fit model button: ask the host for BG/NBD + Gamma-Gamma with these options. */
export function requestPredict(state: ViewState, options: Partial<PredictiveOptions>, now: number = Date.now()): { state: ViewState; message: WebviewMessage } {
  const requestId = nextRequestId(state, now);
  const p = state.predict;
  // A few recent ids are enough: the button is disabled while a fit runs.
  const superseded = p.requestId === null ? p.superseded : [...p.superseded, p.requestId].slice(-20);
  return {
    // acceptFrom stays: a retention request still running is not made stale by a fit.
    state: { ...state, sentRequestId: requestId, predict: { ...state.predict, requestId, superseded, busy: 'Fitting BG/NBD and Gamma-Gamma…', error: null } },
    message: { type: 'predict', requestId, options },
  };
}

/** The metric selector (view only: every metric is in the report). */
export function chooseMetric(state: ViewState, metric: Metric): ViewState {
  return { ...state, metric: fitMetric(eventsReport(state.report), metric) };
}

/**
 * What setState saves, or null while the file is unknown (the serializer needs fileUri). The
 * options saved are the shown report's: a request still running when the window reloads is lost,
 * and the restored panel must not claim options its report was not computed with.
 */
export function toPanelState(state: ViewState): PanelState | null {
  if (state.fileUri === null) return null;
  // The fit travels inside the saved report (ReportModel.predictive), so a reload shows it again.
  const events = eventsReport(state.report);
  const report = events && events.predictive !== state.predict.report ? { ...events, predictive: state.predict.report } : state.report;
  return { version: 2, fileUri: state.fileUri, options: state.shownOptions, display: state.display, metric: state.metric, report };
}

/**
 * Whether the state VS Code saves differs between two view states. setState serialises the whole
 * report (tens of MB for daily cohorts over years), so it runs only when a saved field changed,
 * not on every busy message or drill-down.
 */
export function persistedChanged(before: ViewState | null, after: ViewState): boolean {
  return before === null || before.fileUri !== after.fileUri || before.shownOptions !== after.shownOptions || before.display !== after.display
    || before.metric !== after.metric || before.report !== after.report || before.predict.report !== after.predict.report;
}

/** The drill-down's Close button: forget the cell (a late answer for it is then dropped). */
export function closeDrill(state: ViewState): ViewState {
  return state.drill === null ? state : { ...state, drill: null };
}

// The panel's state and how messages change it, as pure functions (tested in Node). main.ts
// feeds host messages and user actions in, and renders/persists whatever comes out.
import type { Period } from '../shared/options';
import type { CellDisplay, HostMessage, PanelState, WebviewMessage } from '../shared/protocol';
import type { ReportModel } from '../shared/report';
import { assertNever } from '../shared/assertNever';
import { periodWords } from './periods';

/** Everything the UI shows. */
export interface ViewState {
  fileUri: string | null;      // null until init (or a restored state) says which file
  period: Period;              // the selected period (may be ahead of report while busy)
  display: CellDisplay;
  report: ReportModel | null;
  busy: string | null;         // what is being computed, or null
  error: string | null;        // the host's last error message, or null
  sentRequestId: number;       // the latest requestId this webview sent
  acceptFrom: number;          // responses with a smaller requestId are stale
}

/** The state before anything arrived, or the one a reloaded panel saved. */
export function initialState(restored: PanelState | null, fallbackPeriod: Period = 'month'): ViewState {
  return {
    fileUri: restored?.fileUri ?? null,
    period: restored?.period ?? fallbackPeriod,
    display: restored?.display ?? 'percent',
    report: restored?.report ?? null,
    busy: null,
    error: null,
    sentRequestId: 0,
    acceptFrom: 0,
  };
}

/**
 * Applies a host message. Returns the same object when the message is stale (a `busy`, `report`
 * or `error` answering a request older than the latest setPeriod), so callers can skip work.
 */
export function applyHostMessage(state: ViewState, msg: HostMessage): ViewState {
  switch (msg.type) {
    case 'init': {
      const sameFile = state.fileUri === msg.fileUri;
      return {
        ...state,
        fileUri: msg.fileUri,
        period: msg.period,
        // The webview owns the display toggle once it knows the file; the host's copy is only a default.
        display: sameFile ? state.display : msg.display,
        report: msg.report ?? (sameFile ? state.report : null),
        busy: null,
        error: null,
        // init replaces everything: answers to requests sent before it are stale.
        acceptFrom: state.sentRequestId + 1,
      };
    }
    case 'busy':
      return msg.requestId < state.acceptFrom ? state : { ...state, busy: msg.what };
    case 'report':
      if (msg.requestId < state.acceptFrom) return state;
      return { ...state, report: msg.report, period: msg.report.retention.period, busy: null, error: null };
    case 'error':
      if (msg.requestId < state.acceptFrom) return state;
      // The selector goes back to the period that is still shown.
      return { ...state, error: msg.message, busy: null, period: state.report?.retention.period ?? state.period };
    default:
      return assertNever(msg);
  }
}

/**
 * The user picked a period: the message to post and the busy state. requestIds grow with the
 * clock as well as per request, so a webview re-created while the host was still computing
 * (VS Code drops hidden webviews) never reuses an id the host may yet answer.
 */
export function requestPeriod(state: ViewState, period: Period, now: number = Date.now()): { state: ViewState; message: WebviewMessage } {
  const requestId = Math.max(state.sentRequestId + 1, Math.floor(now));
  return {
    state: { ...state, period, sentRequestId: requestId, acceptFrom: requestId, busy: `Computing ${periodWords(period).adjective} cohorts…`, error: null },
    message: { type: 'setPeriod', requestId, period },
  };
}

/**
 * What setState saves, or null while the file is unknown (the serializer needs fileUri). The
 * period saved is the shown report's: a request still running when the window reloads is lost,
 * and the restored panel must not claim a period its report is not cut by.
 */
export function toPanelState(state: ViewState): PanelState | null {
  if (state.fileUri === null) return null;
  const period = state.report?.retention.period ?? state.period;
  return { version: 1, fileUri: state.fileUri, period, display: state.display, report: state.report };
}

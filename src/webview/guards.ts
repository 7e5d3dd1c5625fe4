// Runtime checks for data arriving from outside the bundle: host messages, the state VS Code
// restores after a reload, and the JSON block of a standalone page. Shallow on purpose: they
// stop junk from crashing the renderer; the host and CLI are trusted to send whole reports.
import { PERIODS, type Period } from '../shared/options';
import type { CellDisplay, HostMessage, PanelState } from '../shared/protocol';
import type { ReportModel } from '../shared/report';

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

/** A ReportModel in outline: the parts the renderer reads exist with the right types. */
export function isReportModel(v: unknown): v is ReportModel {
  if (!isObj(v) || !isObj(v.input) || !isObj(v.mapping) || !isObj(v.retention) || !isObj(v.kpis) || !isObj(v.quality)) return false;
  const r = v.retention;
  return typeof v.input.file === 'string' && isPeriod(r.period) && Array.isArray(r.cohorts)
    && r.cohorts.every((c) => isObj(c) && typeof c.cohort === 'string' && typeof c.size === 'number'
      && Array.isArray(c.counts) && Array.isArray(c.rates) && Array.isArray(c.partial))
    && isObj(r.average) && Array.isArray(r.average.rates) && typeof r.average.method === 'string';
}

/** A message from the extension host (see HostMessage). */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'init':
      return typeof v.fileUri === 'string' && typeof v.fileLabel === 'string' && isPeriod(v.period)
        && isCellDisplay(v.display) && (v.report === null || isReportModel(v.report));
    case 'busy':
      return Number.isInteger(v.requestId) && typeof v.what === 'string';
    case 'report':
      return Number.isInteger(v.requestId) && isReportModel(v.report);
    case 'error':
      return Number.isInteger(v.requestId) && typeof v.message === 'string';
    default:
      return false;
  }
}

/** The state saved by an earlier instance of this webview (vscode.getState()). */
export function isPanelState(v: unknown): v is PanelState {
  return isObj(v) && v.version === 1 && typeof v.fileUri === 'string' && isPeriod(v.period)
    && isCellDisplay(v.display) && (v.report === null || isReportModel(v.report));
}

/** The JSON block of a standalone page: every precomputed period and the one to open with. */
export interface StandaloneData {
  reports: Partial<Record<Period, ReportModel>>;
  period: Period;
}

/** Parses `<script type="application/json" id="report-data">`; throws with a reason when it is unusable. */
export function parseStandaloneData(text: string): StandaloneData {
  const data: unknown = JSON.parse(text);
  if (!isObj(data) || !isObj(data.reports)) throw new Error('the report data has no "reports"');
  const reports: Partial<Record<Period, ReportModel>> = {};
  for (const period of PERIODS) {
    const report = data.reports[period];
    if (report !== undefined && isReportModel(report)) reports[period] = report;
  }
  const available = PERIODS.filter((p) => reports[p]);
  if (available.length === 0) throw new Error('the report data holds no report');
  const period = isPeriod(data.period) && reports[data.period] ? data.period : available[0];
  return { reports, period };
}

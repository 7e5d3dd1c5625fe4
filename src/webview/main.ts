// Webview entry. In VS Code (acquireVsCodeApi exists): handshake with the host, follow its
// messages, persist state for reloads. In a standalone HTML report: read every precomputed period
// from the JSON block and switch between them locally; the options that need the host are disabled.
import { PERIODS } from '../shared/options';
import { PROTOCOL_VERSION, type ExportFormat, type PanelState, type WebviewMessage } from '../shared/protocol';
import type { AppOptions } from './app';
import { Page } from './page';
import {
  applyHostMessage, chooseMetric, closeDrill, eventsReport, idlePredict, initialState, requestDrillDown, requestOptions, requestPredict, persistedChanged, toPanelState, type ViewState,
} from './controller';
import { clvExportName } from './customerTableModel';
import { exportMessage, exportFormats } from './exportModel';
import { download, downloadCsv, downloadText, exportContent } from './exporter';
import { csvExportMessage } from './churnListModel';
import { reportOptions } from './optionsModel';
import { lifetimeReportOptions } from './lifetime/lifetimeModel';
import { isEventsReport, type AnyReport } from '../shared/report';
import type { ViewOptions } from '../shared/protocol';
import { isHostMessage, isPanelState, parseStandaloneData, type StandaloneData } from './guards';

/** The part of the VS Code webview API this bundle uses. */
interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

function appRoot(): HTMLElement {
  const existing = document.getElementById('app');
  if (existing) return existing;
  const root = document.createElement('div');
  root.id = 'app';
  document.body.append(root);
  return root;
}

/** Export content for the shown view, or the state with an error when there is none. */
function runExport(format: ExportFormat, state: ViewState, app: Page, deliver: (content: string) => void): ViewState {
  // The host renders HTML itself, for any report shape; the other formats export the retention table or chart.
  if (format === 'html' && state.report) {
    deliver('');
    return state;
  }
  const report = eventsReport(state.report);
  if (!report) return state;
  const result = exportContent(format, { report, metric: state.metric, display: state.display }, () => app.chartPng());
  if ('error' in result) return { ...state, error: result.error };
  deliver(result.content);
  return state;
}

function startInVsCode(api: VsCodeApi): void {
  const saved = api.getState();
  let state: ViewState = initialState(isPanelState(saved) ? saved : null);
  let lastSaved: ViewState | null = null;
  const update = (next: ViewState): void => {
    if (next === state) return;   // stale message: nothing to do
    state = next;
    app.render(state);
    if (!persistedChanged(lastSaved, state)) return;
    const persisted = toPanelState(state);
    if (persisted) {
      api.setState(persisted);
      lastSaved = state;
    }
  };
  const send = (r: { state: ViewState; message: WebviewMessage }): void => {
    update(r.state);
    api.postMessage(r.message);
  };
  const opts: AppOptions = {
    periods: PERIODS,
    standalone: false,
    exportFormats: exportFormats(false),
    onOptions: (options) => send(requestOptions(state, options)),
    onDisplay: (display) => update({ ...state, display }),
    onMetric: (metric) => update(chooseMetric(state, metric)),
    onExport: (format) => update(runExport(format, state, app, (content) => {
      if (state.report) api.postMessage(exportMessage(format, content, state.report));
    })),
    onChangeMapping: () => api.postMessage({ type: 'changeMapping' }),
    onCell: (cohort, column) => send(requestDrillDown(state, cohort, column)),
    onLine: (line) => api.postMessage({ type: 'openLine', line }),
    onCloseDrill: () => update(closeDrill(state)),
    onSaveCsv: (content, name) => api.postMessage(csvExportMessage(content, name)),
    onPredict: (options) => send(requestPredict(state, options)),
    onExportClv: (content) => api.postMessage({ type: 'export', format: 'csv', content, suggestedName: clvExportName(state.report?.input.file ?? '') }),
  };
  const app = new Page(appRoot(), opts);
  app.render(state);   // a restored panel shows its last report at once
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isHostMessage(event.data)) update(applyHostMessage(state, event.data));
  });
  api.postMessage({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
}

function readStandaloneData(): StandaloneData | Error {
  try {
    const text = document.getElementById('report-data')?.textContent;
    if (!text) return new Error('This page holds no report data.');
    return parseStandaloneData(text);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

const noop = (): void => {};

/** The options a report was computed with (a standalone page has no other record). */
function optionsOf(report: AnyReport): ViewOptions {
  return isEventsReport(report) ? reportOptions(report) : lifetimeReportOptions(report);
}

function startStandalone(): void {
  document.body.classList.add('standalone');
  const data = readStandaloneData();
  const file = data instanceof Error ? '' : (data.reports[data.period]?.input.file ?? '');
  const base: Omit<AppOptions, 'periods' | 'onOptions' | 'onDisplay' | 'onMetric' | 'onExport'> = {
    standalone: true, exportFormats: exportFormats(true), onChangeMapping: null, onCell: null, onLine: null, onCloseDrill: noop,
    // downloadCsv takes (name, content); onSaveCsv gives (content, name).
    onSaveCsv: (content, name) => downloadCsv(name, content),
    onPredict: null, onExportClv: (content) => downloadText(content, clvExportName(file), 'csv'),
  };
  if (data instanceof Error) {
    const app = new Page(appRoot(), { ...base, periods: PERIODS, onOptions: noop, onDisplay: noop, onMetric: noop, onExport: noop });
    app.render({ ...initialState(null), error: `Cannot show the report: ${data.message}` });
    return;
  }
  const first = data.reports[data.period] ?? null;
  const options = first ? optionsOf(first) : { period: data.period };
  // Every period's report carries the same --predict fit; it stays when the period changes.
  let state: ViewState = { ...initialState(null, options), report: first, predict: idlePredict(eventsReport(first)?.predictive ?? null) };
  const update = (next: ViewState): void => {
    state = next;
    app.render(state);
  };
  const app = new Page(appRoot(), {
    ...base,
    periods: PERIODS.filter((p) => data.reports[p]),
    // Only the period can change here: each precomputed period is a whole report.
    onOptions: (options) => {
      const report = data.reports[options.period];
      if (report) update(chooseMetric({ ...state, options: optionsOf(report), shownOptions: optionsOf(report), report }, state.metric));
      else update({ ...state });
    },
    onDisplay: (display) => update({ ...state, display }),
    onMetric: (metric) => update(chooseMetric(state, metric)),
    onExport: (format) => update(runExport(format, state, app, (content) => {
      if (state.report) download(format, content, state.report.input.file);
    })),
  });
  app.render(state);
}

if (typeof acquireVsCodeApi === 'function') startInVsCode(acquireVsCodeApi());
else startStandalone();

// Webview entry. In VS Code (acquireVsCodeApi exists): handshake with the host, follow its
// messages, persist state for reloads. In a standalone HTML report: read every precomputed period
// from the JSON block and switch between them locally.
import { PERIODS } from '../shared/options';
import { PROTOCOL_VERSION, type PanelState, type WebviewMessage } from '../shared/protocol';
import { App } from './app';
import { applyHostMessage, initialState, requestPeriod, toPanelState, type ViewState } from './controller';
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

function startInVsCode(api: VsCodeApi): void {
  const saved = api.getState();
  let state: ViewState = initialState(isPanelState(saved) ? saved : null);
  const update = (next: ViewState): void => {
    if (next === state) return;   // stale message: nothing to do
    state = next;
    app.render(state);
    const persisted = toPanelState(state);
    if (persisted) api.setState(persisted);
  };
  const app = new App(appRoot(), {
    periods: PERIODS,
    onPeriod: (period) => {
      const { state: next, message } = requestPeriod(state, period);
      update(next);
      api.postMessage(message);
    },
    onDisplay: (display) => update({ ...state, display }),
    onChangeMapping: () => api.postMessage({ type: 'changeMapping' }),
  });
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

function startStandalone(): void {
  document.body.classList.add('standalone');
  const data = readStandaloneData();
  if (data instanceof Error) {
    const app = new App(appRoot(), { periods: PERIODS, onPeriod: () => {}, onDisplay: () => {}, onChangeMapping: null });
    app.render({ ...initialState(null), error: `Cannot show the report: ${data.message}` });
    return;
  }
  let state: ViewState = { ...initialState(null, data.period), report: data.reports[data.period] ?? null };
  const update = (next: ViewState): void => {
    state = next;
    app.render(state);
  };
  const app = new App(appRoot(), {
    periods: PERIODS.filter((p) => data.reports[p]),
    onPeriod: (period) => update({ ...state, period, report: data.reports[period] ?? state.report }),
    onDisplay: (display) => update({ ...state, display }),
    onChangeMapping: null,
  });
  app.render(state);
}

if (typeof acquireVsCodeApi === 'function') startInVsCode(acquireVsCodeApi());
else startStandalone();

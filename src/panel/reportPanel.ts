import * as vscode from 'vscode';
import { isWebviewMessage, PROTOCOL_VERSION, type CellDisplay, type HostMessage, type PanelState, type WebviewMessage } from '../shared/protocol';
import type { Period, WeekStart } from '../shared/options';
import type { ReportModel } from '../shared/report';
import { assertNever } from '../shared/assertNever';
import type { DatasetWorker } from '../host/datasetWorker';
import { panelHtml } from './html';

/** The webview panel type; also the serializer's key. */
export const REPORT_VIEW_TYPE = 'retentionLens.report';

/** What a panel asks of the extension: (re)load its file, or re-map it. */
export interface PanelBackend {
  /** Parses the file again (after a reload the panel has only its last report); undefined if the user cancels. */
  reload(fileUri: string): Promise<DatasetWorker | undefined>;
  /** Runs the mapping picker and the whole analysis again. */
  changeMapping(fileUri: string): Promise<void>;
  weekStart(): WeekStart;
  reportError(fileUri: string, err: unknown): void;
}

/** Title shown on the panel's tab. */
export function panelTitle(fileLabel: string): string {
  return `Retention: ${fileLabel}`;
}

/** One report panel per analysed file: owns the webview and the worker holding the file's Dataset. */
export class ReportPanel {
  private worker: DatasetWorker | undefined;
  private report: ReportModel | null;
  private period: Period;
  private readonly display: CellDisplay;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];

  constructor(readonly panel: vscode.WebviewPanel, private readonly backend: PanelBackend, readonly fileUri: string, state: Omit<PanelState, 'version' | 'fileUri'>, extensionUri: vscode.Uri) {
    this.report = state.report;
    this.period = state.period;
    this.display = state.display;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Shows a new report computed by `worker` (which the panel now owns). */
  show(report: ReportModel, worker: DatasetWorker): void {
    if (this.worker !== worker) this.worker?.dispose();
    this.worker = worker;
    this.report = report;
    this.period = report.retention.period;
    this.postInit();
    this.panel.reveal(undefined, true);
  }

  /** Re-runs the analysis after a settings change; a new time zone needs a re-parse. */
  async refresh(reparse: boolean): Promise<void> {
    try {
      if (!this.worker || reparse) {
        const worker = await this.backend.reload(this.fileUri);
        if (!worker) return;
        if (this.worker !== worker) this.worker?.dispose();
        this.worker = worker;
      }
      this.report = await this.worker.analyze({ period: this.period, weekStart: this.backend.weekStart() });
      this.postInit();
    } catch (err) {
      this.backend.reportError(this.fileUri, err);
    }
  }

  /** The period the panel currently shows. */
  currentPeriod(): Period {
    return this.period;
  }

  /** Called once when the panel closes. */
  onDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  private postInit(): void {
    this.post({ type: 'init', fileUri: this.fileUri, fileLabel: this.panel.title, period: this.period, display: this.display, report: this.report });
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    if (!isWebviewMessage(raw)) return;
    const message: WebviewMessage = raw;
    switch (message.type) {
      case 'ready':
        if (message.protocolVersion === PROTOCOL_VERSION) this.postInit();
        return;
      case 'setPeriod':
        void this.runPeriod(message.requestId, message.period);
        return;
      case 'changeMapping':
        void this.backend.changeMapping(this.fileUri);
        return;
      case 'reload':
        void this.runPeriod(0, this.period, true);
        return;
      default:
        assertNever(message);
    }
  }

  private async runPeriod(requestId: number, period: Period, reparse = false): Promise<void> {
    this.period = period;
    try {
      if (!this.worker || reparse) {
        this.post({ type: 'busy', requestId, what: 'Reading the file again…' });
        const worker = await this.backend.reload(this.fileUri);
        if (!worker) return;
        if (this.worker !== worker) this.worker?.dispose();
        this.worker = worker;
      }
      const report = await this.worker.analyze({ period, weekStart: this.backend.weekStart() });
      this.report = report;
      this.post({ type: 'report', requestId, report });
    } catch (err) {
      this.backend.reportError(this.fileUri, err);
      this.post({ type: 'error', requestId, message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Frees the worker (and its Dataset) with the panel. */
  dispose(): void {
    this.worker?.dispose();
    this.worker = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }
}

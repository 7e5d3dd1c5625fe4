import * as vscode from 'vscode';
import { isWebviewMessage, PROTOCOL_VERSION, type CellDisplay, type ExportFormat, type HostMessage, type PanelState, type ViewOptions, type WebviewMessage } from '../shared/protocol';
import type { AnalysisOptions, WeekStart } from '../shared/options';
import { isEventsReport, type AnyReport, type RetentionTable } from '../shared/report';
import type { PredictiveOptions } from '../shared/predictiveReport';
import { assertNever } from '../shared/assertNever';
import type { DatasetWorker } from '../host/datasetWorker';
import { panelHtml } from './html';

/** The webview panel type; also the serializer's key. */
export const REPORT_VIEW_TYPE = 'retentionLens.report';

/** Customers listed for one drilled-down cell. */
const DRILL_DOWN_LIMIT = 200;

/**
 * Rows from which a control change sends the new cohort table ahead of the whole report: at 1M
 * rows the report after a period change takes ~0.1 s, at 10M ~0.35 s of which the table is ~0.09 s
 * (npm run bench); below, one message is as quick and the page is drawn once.
 */
const PREVIEW_MIN_ROWS = 2_000_000;

/** What a panel asks of the extension: (re)load its file, re-map it, open it at a line, save an export. */
export interface PanelBackend {
  /** Parses the file again (after a reload the panel has only its last report); undefined if the user cancels. */
  reload(fileUri: string): Promise<DatasetWorker | undefined>;
  /** Runs the mapping picker and the whole analysis again. */
  changeMapping(fileUri: string): Promise<void>;
  /** Opens the CSV in an editor with the cursor on `line` (1-based). */
  openLine(fileUri: string, line: number): Promise<void>;
  /** Asks where to save an export and writes it (never over the CSV). */
  saveExport(fileUri: string, format: ExportFormat, content: string, suggestedName: string, report: AnyReport | null): Promise<void>;
  weekStart(): WeekStart;
  reportError(fileUri: string, err: unknown): void;
}

/** Title shown on the panel's tab. */
export function panelTitle(fileLabel: string): string {
  return `Retention: ${fileLabel}`;
}

/** What a panel starts with: options, view choices and possibly a restored report. */
export type PanelStart = Pick<PanelState, 'options' | 'display' | 'report'>;

/** A new report with the customer-value fit of the one shown (events reports only; lifetime reports have none). */
function keepPredictive(report: AnyReport, shown: AnyReport | null): AnyReport {
  if (!isEventsReport(report)) return report;
  return { ...report, predictive: shown && isEventsReport(shown) ? shown.predictive : null };
}

/** One report panel per analysed file: owns the webview and the worker holding the file's Dataset. */
export class ReportPanel {
  private worker: DatasetWorker | undefined;
  private report: AnyReport | null;
  private options: ViewOptions;
  private readonly display: CellDisplay;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private closed = false;

  constructor(readonly panel: vscode.WebviewPanel, private readonly backend: PanelBackend, readonly fileUri: string, start: PanelStart, extensionUri: vscode.Uri) {
    this.report = start.report;
    this.options = start.options;
    this.display = start.display;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /**
   * Shows a new report (any shape: the webview routes on `report.shape`) computed by `worker`
   * (which the panel now owns; freed at once when the panel was closed while the report was computed).
   */
  show(report: AnyReport, worker: DatasetWorker, options: ViewOptions): void {
    if (this.closed) return worker.dispose();
    if (this.worker !== worker) this.worker?.dispose();
    this.worker = worker;
    this.report = report;
    this.options = options;
    this.postInit();
    this.panel.reveal(undefined, true);
  }

  /** Re-runs the analysis after a settings change; a new time zone needs a re-parse. */
  async refresh(reparse: boolean): Promise<void> {
    try {
      const worker = await this.ensureWorker(reparse);
      if (!worker) return;
      this.report = await worker.analyze(this.analysisOptions(this.options));
      this.postInit();
    } catch (err) {
      this.backend.reportError(this.fileUri, err);
    }
  }

  /** The options the panel currently shows. */
  currentOptions(): ViewOptions {
    return this.options;
  }

  /** Called once when the panel closes. */
  onDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  private analysisOptions(options: ViewOptions): AnalysisOptions {
    return { ...options, weekStart: this.backend.weekStart() };
  }

  private postInit(): void {
    this.post({ type: 'init', fileUri: this.fileUri, fileLabel: this.panel.title, options: this.options, display: this.display, report: this.report });
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
      case 'setOptions':
        void this.runOptions(message.requestId, message.options);
        return;
      case 'drillDown':
        void this.drillDown(message.requestId, message.cohort, message.column);
        return;
      case 'predict':
        void this.predict(message.requestId, message.options);
        return;
      case 'openLine':
        void this.backend.openLine(this.fileUri, message.line);
        return;
      case 'export':
        void this.backend.saveExport(this.fileUri, message.format, message.content, message.suggestedName, this.report);
        return;
      case 'changeMapping':
        void this.backend.changeMapping(this.fileUri);
        return;
      case 'reload':
        void this.runOptions(0, this.options, true);
        return;
      default:
        assertNever(message);
    }
  }

  /** The panel's worker, started again (re-parsing the file) when there is none or `reparse`. */
  private async ensureWorker(reparse: boolean): Promise<DatasetWorker | undefined> {
    if (this.worker && !reparse) return this.worker;
    const worker = await this.backend.reload(this.fileUri);
    if (!worker) return undefined;
    if (this.worker !== worker) this.worker?.dispose();
    this.worker = worker;
    return worker;
  }

  private async runOptions(requestId: number, options: ViewOptions, reparse = false): Promise<void> {
    this.options = options;
    try {
      if (!this.worker || reparse) this.post({ type: 'busy', requestId, what: 'Reading the file again…' });
      const worker = await this.ensureWorker(reparse);
      if (!worker) return;
      // On a large file the new cohort table goes ahead of the report (shown while the rest is computed).
      const preview = worker.rows >= PREVIEW_MIN_ROWS ? (retention: RetentionTable) => this.post({ type: 'retention', requestId, retention }) : undefined;
      // The customer-value fit does not depend on these options: keep it (an HTML export includes it).
      const report = keepPredictive(await worker.analyze(this.analysisOptions(options), preview), this.report);
      this.report = report;
      this.post({ type: 'report', requestId, report });
    } catch (err) {
      this.backend.reportError(this.fileUri, err);
      this.post({ type: 'error', requestId, message: err instanceof Error ? err.message : String(err) });
    }
  }

  private async drillDown(requestId: number, cohort: string, column: number): Promise<void> {
    try {
      const worker = await this.ensureWorker(false);
      if (!worker) return;
      const { customers, total } = await worker.cellCustomers(this.analysisOptions(this.options), cohort, column, DRILL_DOWN_LIMIT);
      this.post({ type: 'cellCustomers', requestId, cohort, column, customers, total });
    } catch (err) {
      this.post({ type: 'error', requestId, message: err instanceof Error ? err.message : String(err) });
    }
  }

  private async predict(requestId: number, options: Partial<PredictiveOptions>): Promise<void> {
    try {
      this.post({ type: 'busy', requestId, what: 'Fitting BG/NBD and Gamma-Gamma…' });
      const worker = await this.ensureWorker(false);
      if (!worker) return;
      const report = await worker.predict(options);
      if (this.report && isEventsReport(this.report)) this.report = { ...this.report, predictive: report };
      this.post({ type: 'predictive', requestId, report });
    } catch (err) {
      this.post({ type: 'error', requestId, message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Frees the worker (and its Dataset) with the panel. */
  dispose(): void {
    this.closed = true;
    this.worker?.dispose();
    this.worker = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }
}

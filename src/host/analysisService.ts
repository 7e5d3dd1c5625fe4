import * as vscode from 'vscode';
import { basename } from 'node:path';
import { buildPlan } from '../ingest/prepare';
import { IngestError } from '../ingest/errors';
import type { IngestPlan } from '../shared/mapping';
import type { PanelState } from '../shared/protocol';
import type { WeekStart } from '../shared/options';
import type { AnyReport } from '../shared/report';
import { REPORT_VIEW_TYPE, ReportPanel, panelTitle, type PanelBackend } from '../panel/reportPanel';
import { CancelledError, type DatasetWorker } from './datasetWorker';
import { loadWithProgress } from './loadWithProgress';
import type { MappingStore } from './mappingStore';
import { confirmMapping } from './prompts';
import { sampleFile, sampleText, type SampledSource } from './sampleSource';
import { defaultViewOptions, readSettings } from './settings';
import { saveExportFile } from './exportFile';
import type { ExportFormat, ViewOptions } from '../shared/protocol';

/** What the tests (and nothing else) read back from the extension. */
export interface TestApi {
  lastReport(): AnyReport | undefined;
  lastError(): string | undefined;
  lastExport(): string | undefined;
  panelCount(): number;
}

/**
 * Runs analyses for the commands and panels: sniff the file's head, confirm the mapping when
 * unsure (remembered per file), parse in a worker with progress, then show the report in the
 * file's panel — opened once the file is read, while the report is computed (no panel when the
 * read fails or is cancelled; a new panel closes again when the report fails).
 */
export class AnalysisService implements PanelBackend, TestApi {
  private readonly panels = new Map<string, ReportPanel>();
  private last: AnyReport | undefined;
  private lastErrorMessage: string | undefined;
  private lastExportPath: string | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly store: MappingStore) {}

  /** Analyses a CSV and shows it; resolves with the report, or undefined on cancel or error. */
  async analyze(uri: vscode.Uri, how: { forceMapping?: boolean } = {}): Promise<AnyReport | undefined> {
    const key = uri.toString();
    try {
      const loaded = await this.load(uri, how.forceMapping ?? false);
      if (!loaded) return undefined;
      const existing = this.panels.get(key);
      const settings = readSettings();
      const options: ViewOptions = existing?.currentOptions() ?? defaultViewOptions(settings);
      // A new panel opens as soon as the file is read ("Loading the report…"), so the webview
      // starts while the worker computes the report (seconds on a 10M-row file), not after.
      const panel = existing ?? this.createPanel(key, labelOf(uri), vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, panelTitle(labelOf(uri)), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {}));
      let report: AnyReport;
      try {
        report = await loaded.worker.analyze({ ...options, weekStart: settings.weekStart });
      } catch (err) {
        loaded.worker.dispose();
        if (!existing) panel.panel.dispose();
        throw err;
      }
      panel.show(report, loaded.worker, options);
      this.last = report;
      this.lastErrorMessage = undefined;
      return report;
    } catch (err) {
      this.reportError(key, err);
      return undefined;
    }
  }

  /** Recreates a panel VS Code restored after a window reload, from its saved state. */
  restore(webviewPanel: vscode.WebviewPanel, state: PanelState): void {
    const uri = vscode.Uri.parse(state.fileUri);
    webviewPanel.title = panelTitle(labelOf(uri));
    this.createPanel(state.fileUri, labelOf(uri), webviewPanel, state);
  }

  /** The panel the user is looking at, if it is one of ours. */
  activePanelFile(): vscode.Uri | undefined {
    for (const [key, panel] of this.panels) if (panel.panel.active) return vscode.Uri.parse(key);
    return undefined;
  }

  async reload(fileUri: string): Promise<DatasetWorker | undefined> {
    return (await this.load(vscode.Uri.parse(fileUri), false))?.worker;
  }

  async changeMapping(fileUri: string): Promise<void> {
    await this.analyze(vscode.Uri.parse(fileUri), { forceMapping: true });
  }

  async openLine(fileUri: string, line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(fileUri));
    const at = new vscode.Position(Math.min(line, document.lineCount) - 1, 0);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
  }

  async saveExport(fileUri: string, format: ExportFormat, content: string, suggestedName: string, report: AnyReport | null): Promise<void> {
    try {
      const saved = await saveExportFile({ fileUri: vscode.Uri.parse(fileUri), format, content, suggestedName, report, extensionUri: this.context.extensionUri });
      if (saved) {
        this.lastExportPath = saved.fsPath;
        void vscode.window.showInformationMessage(`Retention Lens: saved ${basename(saved.path)}`);
      }
    } catch (err) {
      this.reportError(fileUri, err);
    }
  }

  weekStart(): WeekStart {
    return readSettings().weekStart;
  }

  reportError(fileUri: string, err: unknown): void {
    const file = labelOf(vscode.Uri.parse(fileUri));
    if (err instanceof CancelledError) {
      this.lastErrorMessage = `${file}: cancelled`;
      void vscode.window.showInformationMessage(`Retention Lens: reading ${file} was cancelled.`);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    this.lastErrorMessage = message.startsWith(file) ? message : `${file}: ${message}`;
    void vscode.window.showErrorMessage(`Retention Lens: ${this.lastErrorMessage}`);
  }

  lastReport(): AnyReport | undefined { return this.last; }
  lastExport(): string | undefined { return this.lastExportPath; }
  lastError(): string | undefined { return this.lastErrorMessage; }
  panelCount(): number { return this.panels.size; }

  /** Settings that change the numbers re-run every open report (the time zone re-parses). */
  onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    const reparse = event.affectsConfiguration('retentionLens.timeZone');
    if (!reparse && !event.affectsConfiguration('retentionLens.weekStart')) return;   // other settings apply to new reports
    for (const panel of this.panels.values()) void panel.refresh(reparse);
  }

  /** Closes every panel (extension deactivation). */
  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
  }

  private createPanel(key: string, label: string, webviewPanel: vscode.WebviewPanel, state?: PanelState): ReportPanel {
    const settings = readSettings();
    const panel = new ReportPanel(webviewPanel, this, key, {
      options: state?.options ?? defaultViewOptions(settings), display: state?.display ?? 'percent', report: state?.report ?? null,
    }, this.context.extensionUri);
    webviewPanel.title = panelTitle(label);
    this.panels.set(key, panel);
    panel.onDispose(() => { if (this.panels.get(key) === panel) this.panels.delete(key); });
    return panel;
  }

  private async load(uri: vscode.Uri, forceMapping: boolean): Promise<{ worker: DatasetWorker } | undefined> {
    const settings = readSettings();
    const remembered = this.store.get(uri.toString());
    const overrides = { mapping: remembered?.mapping, dateFormat: remembered?.dateFormat, shape: remembered?.shape, tenureUnit: remembered?.tenureUnit, timeZone: settings.timeZone, lenient: true };
    const sampled = await this.sample(uri, overrides);
    const plan = await this.settlePlan(uri, sampled, forceMapping);
    if (!plan) return undefined;
    const workerScript = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'worker.js').fsPath;
    return { worker: await loadWithProgress(workerScript, sampled, plan) };
  }

  private async sample(uri: vscode.Uri, overrides: Parameters<typeof sampleFile>[1]): Promise<SampledSource> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // Saved files stream from disk (VS Code hands extensions no document over 50 MB);
    // an editor's text is used only when it is untitled or has unsaved edits.
    if (open && (open.isUntitled || open.isDirty)) return sampleText(open.getText(), labelOf(uri), overrides);
    if (uri.scheme === 'file') return sampleFile(uri.fsPath, overrides);
    const bytes = await vscode.workspace.fs.readFile(uri);
    return sampleText(new TextDecoder().decode(bytes), labelOf(uri), overrides);
  }

  private async settlePlan(uri: vscode.Uri, sampled: SampledSource, forceMapping: boolean): Promise<IngestPlan | undefined> {
    const { analysis } = sampled;
    if (analysis.plan && !forceMapping) {
      const { mapping, dateFormat, shape, tenureUnit } = analysis.plan;
      await this.store.set(uri.toString(), { mapping, dateFormat, ...(shape ? { shape } : {}), ...(tenureUnit ? { tenureUnit } : {}) });
      return analysis.plan;
    }
    // No column reads as dates in an events file: refuse (README, Limits) rather than ask the
    // user to pick one. A customers table may have a tenure and no dates at all.
    if (analysis.shape === 'events' && !analysis.guess.mapping.timestamp && !forceMapping) {
      throw new IngestError('no-date-column', `${sampled.file}: no column looks like a date (columns: ${analysis.sniff.header.join(', ')}).`);
    }
    const remembered = this.store.get(uri.toString());
    const confirmed = await confirmMapping(analysis, sampled.file, remembered);
    if (!confirmed) return undefined;
    await this.store.set(uri.toString(), confirmed);
    return buildPlan(analysis.sniff, confirmed.mapping, confirmed.dateFormat, readSettings().timeZone, { shape: confirmed.shape, tenureUnit: confirmed.tenureUnit });
  }
}

function labelOf(uri: vscode.Uri): string {
  return basename(uri.path) || uri.toString();
}

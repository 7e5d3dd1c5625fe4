import type * as vscode from 'vscode';
import type { AnalysisService } from '../host/analysisService';
import type { PanelState } from '../shared/protocol';

function isPanelState(value: unknown): value is PanelState {
  const s = value as Partial<PanelState> | undefined;
  return !!s && s.version === 1 && typeof s.fileUri === 'string' && typeof s.period === 'string';
}

/** Brings report panels back after a window reload, showing their last report at once. */
export class ReportPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly service: AnalysisService) {}

  /** Restores one panel from the state its webview saved; a panel without state is closed. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPanelState(state)) {
      panel.dispose();
      return;
    }
    this.service.restore(panel, state);
  }
}

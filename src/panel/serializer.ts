import type * as vscode from 'vscode';
import type { AnalysisService } from '../host/analysisService';
import { isViewOptions, type PanelState } from '../shared/protocol';

function isPanelState(value: unknown): value is PanelState {
  const s = value as Partial<PanelState> | undefined;
  // Version 1 states (before the retention lab) are not restored: the panel closes and the user re-runs it.
  return !!s && s.version === 2 && typeof s.fileUri === 'string' && isViewOptions(s.options);
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

import * as vscode from 'vscode';
import type { AnalysisService } from '../host/analysisService';
import type { AnyReport } from '../shared/report';

/**
 * "Retention Lens: Analyze Retention": the explorer/editor menus pass the file's Uri; from the
 * palette it is the active editor's CSV (saved, unsaved or untitled), or the report panel's file.
 */
export function analyzeCommand(service: AnalysisService) {
  return async (uri?: vscode.Uri): Promise<AnyReport | undefined> => {
    const target = uri instanceof vscode.Uri ? uri : activeTarget(service);
    if (!target) {
      void vscode.window.showErrorMessage('Retention Lens: open a CSV file first, or right-click one in the Explorer.');
      return undefined;
    }
    return service.analyze(target);
  };
}

function activeTarget(service: AnalysisService): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  const panelFile = service.activePanelFile();
  if (panelFile) return panelFile;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText ? input.uri : undefined;
}

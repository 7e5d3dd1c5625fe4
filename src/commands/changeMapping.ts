import * as vscode from 'vscode';
import type { AnalysisService } from '../host/analysisService';

/** "Retention Lens: Change Column Mapping": re-asks the column roles for the panel's (or editor's) file. */
export function changeMappingCommand(service: AnalysisService) {
  return async (uri?: vscode.Uri): Promise<void> => {
    const target = uri instanceof vscode.Uri ? uri : service.activePanelFile() ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showErrorMessage('Retention Lens: open a CSV file or a retention report first.');
      return;
    }
    await service.changeMapping(target.toString());
  };
}

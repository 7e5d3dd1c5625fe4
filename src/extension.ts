import * as vscode from 'vscode';
import { CommandId } from './commands/commandIds';
import { analyzeCommand } from './commands/analyze';
import { changeMappingCommand } from './commands/changeMapping';
import { crrCalculatorCommand } from './commands/crrCalculator';
import { AnalysisService, type TestApi } from './host/analysisService';
import { MappingStore } from './host/mappingStore';
import { REPORT_VIEW_TYPE } from './panel/reportPanel';
import { ReportPanelSerializer } from './panel/serializer';

/** Registers the commands and the panel serializer; all logic lives behind them. */
export function activate(context: vscode.ExtensionContext): TestApi {
  const service = new AnalysisService(context, new MappingStore(context.workspaceState));
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.analyze, analyzeCommand(service)),
    vscode.commands.registerCommand(CommandId.changeMapping, changeMappingCommand(service)),
    vscode.commands.registerCommand(CommandId.crrCalculator, crrCalculatorCommand()),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, new ReportPanelSerializer(service)),
    vscode.workspace.onDidChangeConfiguration((event) => service.onConfigurationChanged(event)),
    { dispose: () => service.dispose() },
  );
  return service;
}

/** Nothing to do: subscriptions dispose the panels and their workers. */
export function deactivate(): void {}

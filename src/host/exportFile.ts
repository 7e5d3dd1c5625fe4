import * as vscode from 'vscode';
import { renderStandaloneHtml } from '../cli/standaloneHtml';
import type { ExportFormat } from '../shared/protocol';
import { isEventsReport, type AnyReport } from '../shared/report';

/** File-type filters of the save dialog, per export format. */
const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  csv: { CSV: ['csv'] },
  markdown: { Markdown: ['md'] },
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
  html: { 'HTML page': ['html'] },
};

/** What an export needs: the analysed file, the format, the webview's content and the report. */
export interface ExportRequest {
  fileUri: vscode.Uri;
  format: ExportFormat;
  content: string;          // text for csv/markdown/svg, base64 for png, '' for html
  suggestedName: string;
  report: AnyReport | null;
  extensionUri: vscode.Uri;
}

/** The bytes of an export: the webview's content, or the standalone HTML page rendered here. */
async function exportBytes(request: ExportRequest): Promise<Uint8Array> {
  switch (request.format) {
    case 'png':
      return Uint8Array.from(atob(request.content), (c) => c.charCodeAt(0));
    case 'html': {
      if (!request.report) throw new Error('there is no report to export yet');
      const read = async (name: string): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(request.extensionUri, 'dist', name)));
      const r = request.report;
      const period = isEventsReport(r) ? r.retention.period : r.subscriptions?.period ?? 'month';
      const html = renderStandaloneHtml({
        title: `Retention — ${request.report.input.file}`, reports: { [period]: request.report }, period,
        scriptText: await read('webview.js'), cssText: (await read('standalone.css')) + '\n' + (await read('webview.css')),
      });
      return new TextEncoder().encode(html);
    }
    default:
      return new TextEncoder().encode(request.content);
  }
}

/** A safe base name: the webview suggests it, but it is untrusted text. */
function safeName(name: string, format: ExportFormat): string {
  const ext = Object.values(FILTERS[format])[0][0];
  const base = [...name].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').slice(0, 120) || `retention.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}

/**
 * Asks where to save (next to the CSV by default) and writes the export. Never writes over the
 * analysed CSV. Resolves with where it was saved, or undefined when the user cancels.
 */
export async function saveExportFile(request: ExportRequest): Promise<vscode.Uri | undefined> {
  const folder = vscode.Uri.joinPath(request.fileUri, '..');
  const defaultUri = request.fileUri.scheme === 'file' ? vscode.Uri.joinPath(folder, safeName(request.suggestedName, request.format)) : undefined;
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: FILTERS[request.format], title: 'Export retention report' });
  if (!target) return undefined;
  if (target.toString() === request.fileUri.toString()) throw new Error('refusing to write the export over the analysed CSV');
  await vscode.workspace.fs.writeFile(target, await exportBytes(request));
  return target;
}

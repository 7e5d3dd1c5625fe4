// Runs an export from the page: builds the content (exportModel.ts; PNG from the chart canvas)
// and either hands it to the host (VS Code shows a save dialog) or, on a standalone page,
// downloads it through a Blob URL and an <a download> link.
import type { ExportFormat } from '../shared/protocol';
import { exportText, MIME_TYPES, pngBase64, suggestedName, type ExportView } from './exportModel';

/** The content of an export (base64 for PNG), or an error message. */
export function exportContent(format: ExportFormat, view: ExportView, chartPng: () => string | null): { content: string } | { error: string } {
  if (format !== 'png') return { content: exportText(format, view) };
  const dataUrl = chartPng();
  const base64 = dataUrl === null ? null : pngBase64(dataUrl);
  return base64 === null ? { error: 'The chart is not drawn yet; nothing to export as PNG.' } : { content: base64 };
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves an export from a standalone page as a download named like the panel's suggestion. */
export function download(format: ExportFormat, content: string, file: string): void {
  downloadBlob(new Blob([format === 'png' ? bytesOf(content) : content], { type: MIME_TYPES[format] }), suggestedName(file, format));
}

/** Saves text from a standalone page as a download called `name`. */
export function downloadText(content: string, name: string, format: Exclude<ExportFormat, 'png'>): void {
  downloadBlob(new Blob([content], { type: MIME_TYPES[format] }), name);
}

/** Saves a CSV (a churn list) from a standalone page under `name`. */
export function downloadCsv(name: string, content: string): void {
  downloadText(content, name, 'csv');
}

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; the URL is freed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

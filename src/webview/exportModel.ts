// The Export menu as plain data: which formats a page offers, the file name it suggests, and the
// content of each export (tables through shared/exportTable.ts, the chart through shared/chartSvg.ts
// or the uPlot canvas). Tested in Node; render/exportMenu.ts only wires buttons.
import type { CellDisplay, ExportFormat, Metric, WebviewMessage } from '../shared/protocol';
import type { AnyReport, ReportModel } from '../shared/report';
import { tableRows, toCsv, toMarkdown } from '../shared/exportTable';
import { chartSvg } from '../shared/chartSvg';

/** Menu entries in order, with their labels. */
export const EXPORT_LABELS: Record<ExportFormat, string> = {
  csv: 'Table as CSV',
  markdown: 'Table as Markdown',
  svg: 'Chart as SVG',
  png: 'Chart as PNG',
  html: 'Report as HTML',
};

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', markdown: 'md', svg: 'svg', png: 'png', html: 'html' };

/** MIME types for the standalone page's downloads. */
export const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8', markdown: 'text/markdown;charset=utf-8', svg: 'image/svg+xml', png: 'image/png', html: 'text/html;charset=utf-8',
};

/** The formats a page offers: all in VS Code; standalone, everything but HTML (the page is the HTML). */
export function exportFormats(standalone: boolean): ExportFormat[] {
  return standalone ? ['csv', 'markdown', 'svg', 'png'] : ['csv', 'markdown', 'svg', 'png', 'html'];
}

/** "orders.csv" → "orders-retention.md" for Markdown (the file's extension is dropped). */
export function suggestedName(file: string, format: ExportFormat): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'report';
  return `${base}-retention.${EXTENSIONS[format]}`;
}

/** The base64 content of a PNG data URL ("data:image/png;base64,iVBOR…" → "iVBOR…"), or null. */
export function pngBase64(dataUrl: string): string | null {
  const prefix = 'data:image/png;base64,';
  return dataUrl.startsWith(prefix) && dataUrl.length > prefix.length ? dataUrl.slice(prefix.length) : null;
}

/** What the current view exports as: the shown metric and (for customers) percent or count. */
export interface ExportView {
  report: ReportModel;
  metric: Metric;
  display: CellDisplay;
}

/**
 * The text content of a format: CSV and Markdown of the table, SVG of the chart, '' for HTML
 * (the host renders the report itself). PNG comes from the canvas (pngBase64), not from here.
 */
export function exportText(format: Exclude<ExportFormat, 'png'>, view: ExportView): string {
  switch (format) {
    case 'csv': return toCsv(tableRows(view.report, view.metric, view.display));
    case 'markdown': return toMarkdown(tableRows(view.report, view.metric, view.display));
    case 'svg': return chartSvg(view.report, view.metric);
    case 'html': return '';
  }
}

/** The message the panel posts for an export (any report shape: only its file name is read). */
export function exportMessage(format: ExportFormat, content: string, report: Pick<AnyReport, 'input'>): WebviewMessage {
  return { type: 'export', format, content, suggestedName: suggestedName(report.input.file, format) };
}

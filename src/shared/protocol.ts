import type { ReportModel } from './report';
import { PERIODS, type Period } from './options';

/** Bumped when a message changes shape; the webview says which version it speaks in `ready`. */
export const PROTOCOL_VERSION = 1;

/** Counts or percentages in the heatmap (a view choice, kept in webview state). */
export type CellDisplay = 'percent' | 'count';

/** What the panel remembers across reloads (webview setState), versioned. */
export interface PanelState {
  version: 1;
  fileUri: string;            // the analysed CSV (vscode Uri string)
  period: Period;
  display: CellDisplay;
  report: ReportModel | null; // the last report, re-rendered at once after a reload
}

/** Host → webview. */
export type HostMessage =
  | { type: 'init'; fileUri: string; fileLabel: string; period: Period; display: CellDisplay; report: ReportModel | null }
  | { type: 'busy'; requestId: number; what: string }
  | { type: 'report'; requestId: number; report: ReportModel }
  | { type: 'error'; requestId: number; message: string };

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready'; protocolVersion: number }
  | { type: 'setPeriod'; requestId: number; period: Period }
  | { type: 'changeMapping' }
  | { type: 'reload' };

/** Runtime guard for messages arriving from the webview (untrusted input). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return typeof m.protocolVersion === 'number';
    case 'setPeriod':
      return Number.isInteger(m.requestId) && typeof m.period === 'string' && (PERIODS as readonly string[]).includes(m.period);
    case 'changeMapping':
    case 'reload':
      return true;
    default:
      return false;
  }
}

// The churned, at-risk and win-back lists as plain data: rows as text, the "showing N of M" line,
// each row's openLine payload and the list as CSV (shared/exportTable.ts, neutralised against
// formula injection) with the message or download name that carries it. Tested in Node.
import type { ChurnCustomer, ChurnList, InactivityReport } from '../shared/churnReport';
import type { WebviewMessage } from '../shared/protocol';
import { toCsv } from '../shared/exportTable';
import { formatDays, formatInteger, formatMoney, formatPoints } from './format';

/** The three lists, in display order. */
export type ChurnListKind = 'atRisk' | 'churned' | 'winBack';
export const CHURN_LIST_KINDS: readonly ChurnListKind[] = ['atRisk', 'churned', 'winBack'];

const META: Record<ChurnListKind, { title: string; hint: string; file: string; empty: string }> = {
  atRisk: { title: 'At risk', file: 'at-risk', hint: 'Silent longer than their usual gap between purchases, but for less than the churn window; by past revenue', empty: 'No customer is at risk.' },
  churned: { title: 'Churned', file: 'churned', hint: 'No purchase in the churn window before the data end; most recently churned first', empty: 'No customer has churned.' },
  winBack: { title: 'Win-back', file: 'win-back', hint: 'The churned customers worth winning back first: by past revenue', empty: 'No churned customer to win back.' },
};

/** The list table's headers ("Revenue" left out without amounts). */
export function listHeads(hasRevenue: boolean): string[] {
  return ['Customer', 'Last purchase', 'Days silent', 'Orders', ...(hasRevenue ? ['Revenue'] : []), 'Usual gap (days)', 'In the file'];
}

/** One customer of a list, as text, and the line its button opens. */
export interface ChurnRowView {
  id: string;
  cells: string[];        // last purchase, days silent, orders, [revenue], usual gap
  line: number;
  lineText: string;       // "line 513,449"
}

/** A list as shown: title, tooltip, "showing N of M" line, rows. */
export interface ChurnListView {
  kind: ChurnListKind;
  title: string;
  hint: string;
  summary: string;
  heads: string[];
  rows: ChurnRowView[];
  empty: string | null;   // said instead of the table when the list is empty
}

function rowView(c: ChurnCustomer, hasRevenue: boolean): ChurnRowView {
  return {
    id: c.id,
    cells: [c.lastPurchase, formatInteger(c.daysSilent), formatInteger(c.orders), ...(hasRevenue ? [formatMoney(c.revenue)] : []), formatDays(c.usualGap)],
    line: c.lastLine,
    lineText: `line ${formatInteger(c.lastLine)}`,
  };
}

/** "Showing 100 of 1,152 customers (26.6% of 4,338); past revenue 1,476,903.81". */
export function listSummary(list: ChurnList, customers: number, hasRevenue: boolean): string {
  const share = customers > 0 ? ` (${formatPoints((list.total / customers) * 100)} of ${formatInteger(customers)})` : '';
  const who = `${formatInteger(list.total)} ${list.total === 1 ? 'customer' : 'customers'}${share}`;
  const shown = list.customers.length < list.total ? `Showing ${formatInteger(list.customers.length)} of ${who}` : `Showing all ${who}`;
  return hasRevenue && list.revenue !== null ? `${shown}; past revenue ${formatMoney(list.revenue)}` : shown;
}

/** The view of one list. */
export function churnListView(kind: ChurnListKind, inactivity: InactivityReport, hasRevenue: boolean): ChurnListView {
  const list = inactivity[kind];
  const meta = META[kind];
  return {
    kind,
    title: `${meta.title} (${formatInteger(list.total)})`,
    hint: meta.hint,
    summary: listSummary(list, inactivity.customers, hasRevenue),
    heads: listHeads(hasRevenue),
    rows: list.customers.map((c) => rowView(c, hasRevenue)),
    empty: list.total === 0 ? meta.empty : null,
  };
}

/** The message a row's "line N" button posts: open the CSV at the customer's last row. */
export function openLineMessage(row: Pick<ChurnRowView, 'line'>): WebviewMessage {
  return { type: 'openLine', line: row.line };
}

/** The listed customers as text rows for CSV: plain numbers (no grouping), empty for unknown. */
export function listCsvRows(list: ChurnList, hasRevenue: boolean): string[][] {
  const head = ['Customer', 'Last purchase', 'Days silent', 'Orders', ...(hasRevenue ? ['Revenue'] : []), 'Usual gap (days)', 'Line'];
  return [head, ...list.customers.map((c) => [
    c.id, c.lastPurchase, String(c.daysSilent), String(c.orders), ...(hasRevenue ? [c.revenue === null ? '' : c.revenue.toFixed(2)] : []),
    c.usualGap === null ? '' : String(c.usualGap), String(c.lastLine),
  ])];
}

/** The list as RFC 4180 CSV, every cell neutralised against formula injection. */
export function listCsv(list: ChurnList, hasRevenue: boolean): string {
  return toCsv(listCsvRows(list, hasRevenue));
}

/** "shop.csv" + at-risk → "shop-at-risk.csv". */
export function listFileName(file: string, kind: ChurnListKind): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'report';
  return `${base}-${META[kind].file}.csv`;
}

/** The Export CSV button's tooltip. */
export function listExportTitle(list: ChurnList): string {
  return list.customers.length < list.total
    ? `Save the ${formatInteger(list.customers.length)} customers listed here as CSV (the list is capped; totals cover all ${formatInteger(list.total)})`
    : 'Save this list as CSV';
}

/** The export message that carries a CSV to the host (VS Code shows a save dialog). */
export function csvExportMessage(content: string, suggestedName: string): WebviewMessage {
  return { type: 'export', format: 'csv', content, suggestedName };
}

/** The export message of a list's Export CSV button. */
export function listExportMessage(kind: ChurnListKind, inactivity: InactivityReport, hasRevenue: boolean, file: string): WebviewMessage {
  return csvExportMessage(listCsv(inactivity[kind], hasRevenue), listFileName(file, kind));
}

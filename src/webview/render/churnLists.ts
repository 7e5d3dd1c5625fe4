// The churned, at-risk and win-back lists (#churn-lists), one at a time behind a switch: a table each, "showing N of M" with
// totals, a "line N" button per customer that opens the CSV at their last row (VS Code only; a
// standalone page shows the number as text) and an Export CSV button per list.
import type { InactivityReport } from '../../shared/churnReport';
import { el } from '../dom';
import { CHURN_LIST_KINDS, churnListView, listCsv, listExportTitle, listFileName, type ChurnListKind, type ChurnListView } from '../churnListModel';
import { dataTable, scrollBox } from './dataTable';

/** What the lists need from the page. */
export interface ChurnListsOptions {
  onLine: ((line: number) => void) | null;              // null on a standalone page
  onSaveCsv(content: string, suggestedName: string): void; // the host's save dialog, or a download
}

function lineCell(line: number, text: string, onLine: ChurnListsOptions['onLine']): Node {
  if (onLine === null) return el('span', { className: 'muted', text, attrs: { title: `Line ${line} of the CSV` } });
  const b = el('button', { className: 'link-button', text, attrs: { type: 'button', 'data-line': String(line), title: `Open the CSV at line ${line} (this customer's last row)` } });
  b.addEventListener('click', () => onLine(line));
  return b;
}

function listBlock(view: ChurnListView, opts: ChurnListsOptions, save: () => void, exportTitle: string): HTMLElement {
  const exportButton = el('button', { className: 'secondary', text: 'Export CSV', attrs: { type: 'button', 'data-export-list': view.kind, title: exportTitle } });
  exportButton.disabled = view.rows.length === 0;
  exportButton.addEventListener('click', save);
  const head = el('div', { className: 'list-head' }, el('p', { className: 'list-summary', text: view.empty ?? view.summary, attrs: { title: view.hint } }), exportButton);
  const parts: HTMLElement[] = [el('p', { className: 'muted list-hint', text: view.hint }), head];
  if (view.rows.length > 0) {
    const rows = view.rows.map((r) => ({ cells: [el('span', { className: 'customer-id', text: r.id }), ...r.cells, lineCell(r.line, r.lineText, opts.onLine)] }));
    const heads = view.heads.map((text, j) => ({ text, num: j >= 2 && j < view.heads.length - 1 }));
    parts.push(scrollBox(`${view.title} customers (scrollable)`, dataTable({ heads, rows, className: 'churn-list', id: `churn-list-${view.kind}` }), 'list-scroll'));
  }
  return el('div', { className: 'churn-list-block', attrs: { 'data-list': view.kind } }, ...parts);
}

/** The lists behind a segmented switch (one shown at a time; the choice survives new reports). */
export function createChurnLists(opts: ChurnListsOptions): { element: HTMLElement; setInactivity(inactivity: InactivityReport, o: { hasRevenue: boolean; file: string }): void } {
  let shown: ChurnListKind = 'atRisk';
  const blocks = el('div', { className: 'churn-list-blocks' });
  const buttons = CHURN_LIST_KINDS.map((kind) => {
    const b = el('button', { attrs: { type: 'button', 'data-show-list': kind, 'aria-pressed': 'false', 'aria-controls': 'churn-lists' } });
    b.addEventListener('click', () => { shown = kind; sync(); });
    return b;
  });
  const sync = (): void => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.showList === shown));
    for (const block of Array.from(blocks.children) as HTMLElement[]) block.hidden = block.dataset.list !== shown;
  };
  const element = el('div', { className: 'churn-lists', attrs: { id: 'churn-lists' } },
    el('div', { className: 'segmented list-switch', attrs: { role: 'group', 'aria-label': 'Customer list' } }, ...buttons), blocks);
  return {
    element,
    setInactivity(inactivity, o) {
      const views = CHURN_LIST_KINDS.map((kind) => churnListView(kind, inactivity, o.hasRevenue));
      views.forEach((v, i) => { buttons[i].textContent = v.title; buttons[i].title = v.hint; });
      blocks.replaceChildren(...views.map((view) => {
        const list = inactivity[view.kind];
        const save = (): void => opts.onSaveCsv(listCsv(list, o.hasRevenue), listFileName(o.file, view.kind));
        return listBlock(view, opts, save, listExportTitle(list));
      }));
      sync();
    },
  };
}

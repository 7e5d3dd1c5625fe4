// The customer table of the predictive section (#clv-customers): a header button per column
// sorts (customerTableModel.ts), each row's "line N" button opens the customer's first CSV line,
// and "Export CSV" saves the rows in their shown order.
import type { PredictiveReport } from '../../shared/predictiveReport';
import {
  customerCells, customerColumns, customerCsv, nextSort, showingLine, sortCustomers, type CustomerSort, type CustomerSortKey,
} from '../customerTableModel';
import { el } from '../dom';

/** What the table can do; onLine is null on a standalone page (no editor to open). */
export interface CustomerTableOptions {
  onLine: ((line: number) => void) | null;
  onExportCsv(content: string): void;
}

function header(report: PredictiveReport, sort: CustomerSort | null, onSort: (key: CustomerSortKey) => void): HTMLTableRowElement {
  const cells = customerColumns(report).map((c) => {
    const button = el('button', { className: 'sort-button', text: c.label, attrs: { type: 'button', title: `${c.title}. Click to sort.`, 'data-sort': c.key } });
    button.addEventListener('click', () => onSort(c.key));
    return el('th', { className: c.numeric ? 'num' : undefined, attrs: { scope: 'col', 'aria-sort': sort?.key === c.key ? sort.direction : undefined } }, button);
  });
  return el('tr', {}, ...cells, el('th', { text: 'In the file', attrs: { scope: 'col' } }));
}

function body(report: PredictiveReport, sort: CustomerSort | null, onLine: ((line: number) => void) | null): HTMLTableSectionElement {
  const rows = sortCustomers(report.customers, sort).map((row) => {
    const c = customerCells(row);
    let open: HTMLElement = el('span', { className: 'muted', text: c.lineText });
    if (onLine) {
      open = el('button', { className: 'link-button', text: c.lineText, attrs: { type: 'button', 'data-line': String(c.line), title: `Open the CSV at line ${c.line}` } });
      open.addEventListener('click', () => onLine(c.line));
    }
    return el('tr', {},
      el('th', { className: 'customer-id', text: c.id, attrs: { scope: 'row' } }),
      ...c.cells.map((text) => el('td', { className: 'num', text })),
      el('td', {}, open));
  });
  return el('tbody', {}, ...rows);
}

/** The table block; setReport() shows a fit's customers in the report's order. */
export function createCustomerTable(opts: CustomerTableOptions): { element: HTMLElement; setReport(report: PredictiveReport | null): void } {
  let report: PredictiveReport | null = null;
  let sort: CustomerSort | null = null;
  const showing = el('p', { className: 'muted', attrs: { id: 'clv-showing', 'aria-live': 'polite' } });
  const exportButton = el('button', { className: 'secondary', text: 'Export CSV', attrs: { type: 'button', id: 'clv-export', title: 'Save this table (in its shown order) as CSV' } });
  const table = el('table', { className: 'data-table customer-table', attrs: { id: 'clv-customers' } });
  const element = el('div', { className: 'clv-customers' },
    el('div', { className: 'section-head' }, el('h3', { text: 'Customers' }), exportButton),
    showing,
    el('div', { className: 'table-scroll tall', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Predicted value per customer (scrollable)' } }, table));
  const draw = (): void => {
    if (!report) return;
    showing.textContent = showingLine(report, sort);
    table.replaceChildren(el('thead', {}, header(report, sort, (key) => {
      sort = nextSort(sort, key);
      draw();
      table.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
    })), body(report, sort, opts.onLine));
  };
  exportButton.addEventListener('click', () => {
    if (report) opts.onExportCsv(customerCsv(report, sortCustomers(report.customers, sort)));
  });
  return {
    element,
    setReport(next) {
      report = next;
      sort = null;
      element.hidden = next === null || next.customers.length === 0;
      if (next === null) table.replaceChildren();
      else draw();
    },
  };
}

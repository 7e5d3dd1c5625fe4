// The drill-down list under the table (#drill-down): the customers behind the clicked cell, each
// with a "line N" button that opens the CSV at the customer's first line. Built from drillModel.ts.
import { el } from '../dom';
import type { DrillView } from '../drillModel';

/** Fills `root` for a drill view, or empties and hides it for null. */
export function renderDrillDown(root: HTMLElement, view: DrillView | null, onLine: (line: number) => void, onClose: () => void): void {
  root.hidden = view === null;
  if (view === null) {
    root.replaceChildren();
    return;
  }
  const close = el('button', { className: 'secondary icon-button', text: 'Close', attrs: { type: 'button', title: 'Hide the customer list' } });
  close.addEventListener('click', onClose);
  const parts: HTMLElement[] = [el('div', { className: 'drill-head' }, el('h3', { text: view.heading }), close)];
  if (view.status !== null) parts.push(el('p', { className: 'muted drill-status', text: view.status, attrs: { role: 'status' } }));
  if (view.rows.length > 0) {
    const header = el('tr', {}, ...['Customer', 'First activity', 'Last activity', 'Orders', 'Revenue', 'In the file'].map((h, i) =>
      el('th', { className: i >= 3 && i <= 4 ? 'num' : undefined, text: h, attrs: { scope: 'col' } })));
    const rows = view.rows.map((r) => {
      const open = el('button', { className: 'link-button', text: r.lineText, attrs: { type: 'button', 'data-line': String(r.line), title: `Open the CSV at line ${r.line}` } });
      open.addEventListener('click', () => onLine(r.line));
      return el('tr', {},
        el('th', { className: 'customer-id', text: r.id, attrs: { scope: 'row' } }),
        el('td', { text: r.first }), el('td', { text: r.last }),
        el('td', { className: 'num', text: r.orders }), el('td', { className: 'num', text: r.revenue }),
        el('td', {}, open));
    });
    parts.push(el('div', { className: 'drill-scroll' }, el('table', { className: 'drill-table' }, el('thead', {}, header), el('tbody', {}, ...rows))));
  }
  if (view.footer !== null) parts.push(el('p', { className: 'muted drill-footer', text: view.footer }));
  root.replaceChildren(...parts);
}

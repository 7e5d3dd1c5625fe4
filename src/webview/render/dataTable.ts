// A plain table from text: headers (with tooltips, numbers right-aligned) and rows of cells, the
// first cell a row header. Every string goes in as text (dom.ts), never as markup.
import { el } from '../dom';

/** A header: text, tooltip and whether the column holds numbers. */
export interface Head {
  text: string;
  title?: string;
  num: boolean;
}

/** A row: its cells (first = row header), extra classes and a tooltip. */
export interface Row {
  cells: (string | Node)[];
  classes?: string[];
  title?: string | null;
}

/** The table; `className` styles it, `id` names it for tests and links. */
export function dataTable(o: { heads: readonly Head[]; rows: readonly Row[]; className: string; id?: string; caption?: string }): HTMLTableElement {
  const head = el('tr', {}, ...o.heads.map((h) => el('th', { className: h.num ? 'num' : undefined, text: h.text, attrs: { scope: 'col', title: h.title } })));
  const rows = o.rows.map((r) => {
    const tr = el('tr', { className: r.classes?.join(' ') || undefined, attrs: { title: r.title ?? undefined } });
    r.cells.forEach((cell, j) => {
      const num = o.heads[j]?.num ? 'num' : undefined;
      tr.append(j === 0 ? el('th', { className: num, attrs: { scope: 'row' } }, cell) : el('td', { className: num }, cell));
    });
    return tr;
  });
  return el('table', { className: `data-table ${o.className}`, attrs: { id: o.id } },
    o.caption ? el('caption', { text: o.caption }) : null, el('thead', {}, head), el('tbody', {}, ...rows));
}

/** A table in a focusable horizontal scroll box (wide tables on narrow panels). */
export function scrollBox(label: string, table: HTMLElement, className = 'table-scroll'): HTMLElement {
  return el('div', { className, attrs: { tabindex: '0', role: 'region', 'aria-label': label } }, table);
}

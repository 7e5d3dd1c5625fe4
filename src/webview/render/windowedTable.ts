// The cohort heatmap for big tables (issue 5: daily cohorts over three years are ~1,100 × 1,100
// cells, which as DOM would take seconds to build and lay out): the same table, but only the rows
// and columns in view (plus a margin) exist; spacer rows and colspan cells keep the scroll size,
// and a scroll re-renders the window. Fixed column widths (table-layout: fixed) and one measured
// row height let scroll offsets map straight to row and column indexes.
import { el } from '../dom';
import { ARROW_STEPS, cellElement } from './cohortCell';
import { formatInteger } from '../format';
import {
  atRiskCells, cohortCells, cohortTitle, columnLabel, prepareGrid, rowClasses, summaryCells,
  type CellContext, type CellView, type PreparedGrid,
} from '../tableModel';
import { columnTitle } from '../periods';

/**
 * Cells above which the table is windowed (below it, every cell is rendered). 5,000: a 106 × 106
 * weekly table (two years of weeks) drawn whole cost the page ~0.5 s of layout at each switch in
 * the real panel (the curves and the rest of the report waited on it); windowed, ~50 ms.
 */
export const WINDOW_CELL_THRESHOLD = 5_000;

const COHORT_WIDTH = 140;      // px, the sticky cohort column
const SIZE_WIDTH = 90;
const COLUMN_WIDTH = 64;
const OVERSCAN_ROWS = 8;
const OVERSCAN_COLUMNS = 3;
const DEFAULT_ROW_HEIGHT = 25;

/** The rows [r0, r1) and columns [c0, c1) currently rendered. */
export interface TableWindow { r0: number; r1: number; c0: number; c1: number }

/** The window for a scroll position: what is in view plus a margin, clamped to the table. */
export function windowFor(view: { top: number; left: number; height: number; width: number }, rowHeight: number, rows: number, columns: number): TableWindow {
  const left = Math.max(0, view.left);
  return {
    r0: Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN_ROWS),
    r1: Math.min(rows, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN_ROWS),
    c0: Math.max(0, Math.floor(left / COLUMN_WIDTH) - OVERSCAN_COLUMNS),
    c1: Math.min(columns, Math.ceil((left + view.width) / COLUMN_WIDTH) + OVERSCAN_COLUMNS),
  };
}

/** Empty cells standing in for the columns left and right of the window. */
function spacers(tag: 'td' | 'th', w: TableWindow, columns: number): [HTMLTableCellElement | null, HTMLTableCellElement | null] {
  const make = (span: number) => (span > 0 ? el(tag, { className: 'spacer', attrs: { colspan: String(span), 'aria-hidden': 'true' } }) : null);
  return [make(w.c0), make(columns - w.c1)];
}

function spacerRow(height: number, columns: number): HTMLTableRowElement {
  const cell = el('td', { className: 'spacer', attrs: { colspan: String(columns + 2), 'aria-hidden': 'true' } });
  const row = el('tr', { className: 'spacer-row' }, cell);
  row.style.height = `${height}px`;   // CSSOM, allowed under the panel's CSP (no style attribute in markup)
  return row;
}

/** The elements given, without the nulls (absent spacers). */
function nodes(...list: (HTMLElement | null)[]): HTMLElement[] {
  return list.filter((n): n is HTMLElement => n !== null);
}

/** State of one windowed table: its parts, the data, and the window on screen. */
class WindowedTable {
  readonly element: HTMLTableElement;
  private readonly head = el('tr');
  private readonly body = el('tbody');
  private readonly summary = el('tr', { className: 'average-row' });
  private readonly atRisk = el('tr', { className: 'at-risk-row' });
  private readonly prepared: PreparedGrid;
  private rowHeight = DEFAULT_ROW_HEIGHT;
  private shown: TableWindow | null = null;

  constructor(private readonly ctx: CellContext, private readonly clickable: boolean, private readonly scroller: HTMLElement, caption: string) {
    this.prepared = prepareGrid(ctx);
    const columns = this.prepared.columns;
    const cols = [el('col', { attrs: { width: String(COHORT_WIDTH) } }), el('col', { attrs: { width: String(SIZE_WIDTH) } }),
      ...Array.from({ length: columns }, () => el('col', { attrs: { width: String(COLUMN_WIDTH) } }))];
    this.element = el('table', { className: `windowed${clickable ? ' clickable' : ''}`, attrs: {
      id: 'cohort-table', 'data-display': ctx.display, 'data-metric': ctx.metric, 'data-period': ctx.report.retention.period,
      'data-windowed': 'true', 'data-rows': String(ctx.report.retention.cohorts.length), 'data-columns': String(columns),
      'aria-rowcount': String(ctx.report.retention.cohorts.length + 3), 'aria-colcount': String(columns + 2),
    } }, el('caption', { text: caption }), el('colgroup', {}, ...cols), el('thead', {}, this.head), this.body, el('tfoot', {}, this.summary, this.atRisk));
    this.element.style.width = `${COHORT_WIDTH + SIZE_WIDTH + columns * COLUMN_WIDTH}px`;
  }

  /** Re-renders when the scroll position shows other rows or columns than those rendered. */
  update(force = false): void {
    const rows = this.ctx.report.retention.cohorts.length;
    const measured = this.body.querySelector('tr[data-index]')?.getBoundingClientRect().height;
    if (measured && measured > 4) this.rowHeight = measured;
    const next = windowFor({
      top: this.scroller.scrollTop, left: this.scroller.scrollLeft - COHORT_WIDTH - SIZE_WIDTH,
      height: this.scroller.clientHeight || 600, width: this.scroller.clientWidth || 1000,
    }, this.rowHeight, rows, this.prepared.columns);
    const s = this.shown;
    if (!force && s && s.r0 === next.r0 && s.r1 === next.r1 && s.c0 === next.c0 && s.c1 === next.c1) return;
    this.shown = next;
    this.render(next);
  }

  /** Row i and column j on screen (scrolling to them), then the cell's element. */
  reveal(i: number, j: number): HTMLTableCellElement | null {
    const top = i * this.rowHeight;
    const left = COHORT_WIDTH + SIZE_WIDTH + j * COLUMN_WIDTH;
    if (top < this.scroller.scrollTop || top + this.rowHeight > this.scroller.scrollTop + this.scroller.clientHeight - 2 * this.rowHeight) this.scroller.scrollTop = Math.max(0, top - this.scroller.clientHeight / 2);
    if (left < this.scroller.scrollLeft + COHORT_WIDTH + SIZE_WIDTH || left + COLUMN_WIDTH > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = Math.max(0, left - this.scroller.clientWidth / 2);
    this.update();
    return this.body.querySelector<HTMLTableCellElement>(`tr[data-index="${i}"] td[data-column="${j}"]`);
  }

  private render(w: TableWindow): void {
    const { ctx, prepared } = this;
    const table = ctx.report.retention;
    const columns = prepared.columns;
    const [headLeft, headRight] = spacers('th', w, columns);
    this.head.replaceChildren(...nodes(
      el('th', { className: 'cohort', text: 'Cohort', attrs: { scope: 'col' } }),
      el('th', { className: 'size', text: 'Customers', attrs: { scope: 'col', title: 'Customers in the cohort' } }),
      headLeft,
      ...Array.from({ length: w.c1 - w.c0 }, (_, k) => el('th', { className: 'column', text: columnLabel(table, w.c0 + k), attrs: { scope: 'col', title: columnTitle(table, w.c0 + k) } })),
      headRight));
    const rows: HTMLTableRowElement[] = [];
    for (let i = w.r0; i < w.r1; i++) {
      const row = table.cohorts[i];
      const [left, right] = spacers('td', w, columns);
      rows.push(el('tr', { className: rowClasses(row).join(' ') || undefined, attrs: { 'data-cohort': row.cohort, 'data-index': String(i), 'aria-rowindex': String(i + 2) } },
        el('th', { className: 'cohort', text: row.cohort, attrs: { scope: 'row', title: cohortTitle(row, table) } }),
        el('td', { className: 'size', text: formatInteger(row.size) }),
        left, ...cohortCells(i, ctx, prepared, w.c0, w.c1).map((c) => cellElement(c, this.clickable)), right));
    }
    this.body.replaceChildren(spacerRow(w.r0 * this.rowHeight, columns), ...rows, spacerRow((table.cohorts.length - w.r1) * this.rowHeight, columns));
    this.footRow(this.summary, prepared.grid.summaryLabel, formatInteger(table.cohorts.reduce((a, c) => a + c.size, 0)), summaryCells(ctx, prepared, w.c0, w.c1), w);
    this.footRow(this.atRisk, 'Number at risk', '', atRiskCells(table, w.c0, w.c1), w);
    // Keep one tab stop in the grid (roving tabindex) whatever the window shows.
    const first = this.clickable && !this.body.querySelector('td[tabindex="0"]') ? this.body.querySelector<HTMLTableCellElement>('td.cell:not(.absent)') : null;
    if (first) first.tabIndex = 0;
  }

  private footRow(tr: HTMLTableRowElement, label: string, size: string, cells: CellView[], w: TableWindow): void {
    const [left, right] = spacers('td', w, this.prepared.columns);
    tr.replaceChildren(...nodes(el('th', { className: 'cohort', text: label, attrs: { scope: 'row' } }), el('td', { className: 'size', text: size }),
      left, ...cells.map((c) => cellElement(c, false)), right));
  }
}

/** Next present cell from (i, j) by a step, or null at the edge. */
function nextPresent(ctx: CellContext, i: number, j: number, [di, dj]: [number, number]): [number, number] | null {
  const cohorts = ctx.report.retention.cohorts;
  for (let r = i + di, c = j + dj; r >= 0 && r < cohorts.length && c >= 0; r += di, c += dj) {
    const count = cohorts[r].counts[c];
    if (count === undefined && c >= cohorts[r].counts.length && dj > 0) return null;
    if (count !== null && count !== undefined) return [r, c];
  }
  return null;
}

/** Click, Enter / Space and arrow keys on the windowed body, as on the full table. */
function listen(wt: WindowedTable, ctx: CellContext, onCell: (cohort: string, column: number) => void): void {
  const cellOf = (target: EventTarget | null): HTMLTableCellElement | null =>
    target instanceof Element ? target.closest<HTMLTableCellElement>('tbody td.cell:not(.absent)') : null;
  const pick = (cell: HTMLTableCellElement): void => {
    const cohort = cell.closest('tr')?.getAttribute('data-cohort');
    if (cohort !== null && cohort !== undefined) onCell(cohort, Number(cell.getAttribute('data-column')));
  };
  wt.element.addEventListener('click', (e) => { const cell = cellOf(e.target); if (cell) pick(cell); });
  wt.element.addEventListener('keydown', (e) => {
    const cell = cellOf(e.target);
    if (!cell) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(cell);
      return;
    }
    const step = ARROW_STEPS[e.key];
    if (!step) return;
    e.preventDefault();
    const next = nextPresent(ctx, Number(cell.closest('tr')?.getAttribute('data-index')), Number(cell.getAttribute('data-column')), step);
    const target = next ? wt.reveal(next[0], next[1]) : null;
    if (!target) return;
    cell.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  });
}

const cleanups = new WeakMap<HTMLElement, () => void>();

/** Stops the previous windowed table of `scroller` from listening (a new table replaces it). */
export function releaseScroller(scroller: HTMLElement): void {
  cleanups.get(scroller)?.();
  cleanups.delete(scroller);
}

/** Builds a windowed table that renders what `scroller` shows, and follows its scrolling and resizing. */
export function renderWindowedTable(ctx: CellContext, onCell: ((cohort: string, column: number) => void) | null, scroller: HTMLElement, caption: string): HTMLTableElement {
  releaseScroller(scroller);
  const wt = new WindowedTable(ctx, onCell !== null, scroller, caption);
  wt.update(true);
  let frame = 0;
  const onScroll = (): void => {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; wt.update(); });
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onScroll);
  resize?.observe(scroller);
  cleanups.set(scroller, () => { scroller.removeEventListener('scroll', onScroll); resize?.disconnect(); if (frame) cancelAnimationFrame(frame); });
  if (onCell) listen(wt, ctx, onCell);
  requestAnimationFrame(() => wt.update(true));   // now attached: the real row height and viewport are known
  return wt.element;
}

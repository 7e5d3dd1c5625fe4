// The cohort heatmap: table#cohort-table with tr[data-cohort] rows (th.cohort, td.size,
// td.cell[data-column]), tr.average-row and tr.at-risk-row. Cell contents come from tableModel.ts;
// a click (or Enter) on a present cell asks for its customers.
import type { Metric } from '../../shared/protocol';
import type { ReportModel } from '../../shared/report';
import { formatDataEnd } from '../dates';
import { el } from '../dom';
import { ARROW_STEPS, cellElement } from './cohortCell';
import { formatInteger } from '../format';
import { METRIC_LABELS, metricGrid } from '../metricModel';
import { MODE_LABELS, RATE_BASE_LABELS } from '../optionsModel';
import { columnTitle, periodWords } from '../periods';
import {
  atRiskCells, cohortCells, cohortTitle, columnCount, columnLabel, hasPartialCells, hasSmallCohorts, partialNote, prepareGrid, rowClasses, summaryCells,
  type CellContext,
} from '../tableModel';
import { releaseScroller, renderWindowedTable, WINDOW_CELL_THRESHOLD } from './windowedTable';

const ACTIVE = 'tbody td.cell:not(.absent)';

/** Moves focus from `cell` by an arrow key's step to the next present cell in that direction. */
function moveFocus(table: HTMLTableElement, cell: HTMLTableCellElement, [dr, dc]: [number, number]): void {
  const rows = [...table.tBodies[0].rows];
  let r = rows.indexOf(cell.parentElement as HTMLTableRowElement);
  let c = cell.cellIndex;
  for (;;) {
    r += dr;
    c += dc;
    const next = rows[r]?.cells[c];
    if (!next) return;
    if (next.matches(ACTIVE)) {
      cell.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
      return;
    }
  }
}

function headerRow(report: ReportModel): HTMLTableRowElement {
  const table = report.retention;
  const columns = Array.from({ length: columnCount(table) }, (_, j) =>
    el('th', { className: 'column', text: columnLabel(table, j), attrs: { scope: 'col', title: columnTitle(table, j) } }));
  return el('tr', {},
    el('th', { className: 'cohort', text: 'Cohort', attrs: { scope: 'col' } }),
    el('th', { className: 'size', text: 'Customers', attrs: { scope: 'col', title: 'Customers in the cohort' } }),
    ...columns);
}

/** The caption: what the numbers are, under which definition. */
export function tableCaption(report: ReportModel, metric: Metric): string {
  const t = report.retention;
  const w = periodWords(t.period);
  const def = t.definition;
  const what = report.revenue === null ? METRIC_LABELS.customers : METRIC_LABELS[metric];
  return `${what} by ${w.one} cohort — ${MODE_LABELS[t.mode]}, ${def.window} windows, ${def.cohorts === 'first' ? 'first-time' : 'recurring'} cohorts, relative to ${RATE_BASE_LABELS[def.rateBase].toLowerCase()}.`;
}

/** Calls onCell(cohort, column) for clicks and Enter / Space on present cells of the body. */
function listen(table: HTMLTableElement, onCell: (cohort: string, column: number) => void): void {
  const pick = (target: EventTarget | null): void => {
    const cell = target instanceof Element ? target.closest('tbody td.cell:not(.absent)') : null;
    const cohort = cell?.closest('tr')?.getAttribute('data-cohort');
    if (cell && cohort !== null && cohort !== undefined) onCell(cohort, Number(cell.getAttribute('data-column')));
  };
  table.addEventListener('click', (e) => pick(e.target));
  table.addEventListener('keydown', (e) => {
    const cell = e.target instanceof HTMLTableCellElement && e.target.matches(ACTIVE) ? e.target : null;
    if (!cell) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(cell);
    } else if (ARROW_STEPS[e.key]) {
      e.preventDefault();
      moveFocus(table, cell, ARROW_STEPS[e.key]);
    }
  });
  const first = table.querySelector<HTMLTableCellElement>(ACTIVE);
  if (first) first.tabIndex = 0;
}

/**
 * Builds the table for the view; onCell is null where there is no host to list customers
 * (standalone). Given its scroll container, a table of more than WINDOW_CELL_THRESHOLD cells
 * renders only what is in view (render/windowedTable.ts).
 */
export function renderCohortTable(ctx: CellContext, onCell: ((cohort: string, column: number) => void) | null, scroller?: HTMLElement): HTMLTableElement {
  const { report } = ctx;
  const table = report.retention;
  if (scroller) {
    if (table.cohorts.length * columnCount(table) > WINDOW_CELL_THRESHOLD) return renderWindowedTable(ctx, onCell, scroller, tableCaption(report, ctx.metric));
    releaseScroller(scroller);
  }
  const clickable = onCell !== null;
  const prepared = prepareGrid(ctx);
  const rows = table.cohorts.map((row, i) =>
    el('tr', { className: rowClasses(row).join(' ') || undefined, attrs: { 'data-cohort': row.cohort } },
      el('th', { className: 'cohort', text: row.cohort, attrs: { scope: 'row', title: cohortTitle(row, table) } }),
      el('td', { className: 'size', text: formatInteger(row.size) }),
      ...cohortCells(i, ctx, prepared).map((c) => cellElement(c, clickable))));
  const summaryLabel = metricGrid(report, ctx.metric).summaryLabel;
  const summary = el('tr', { className: 'average-row' },
    el('th', { className: 'cohort', text: summaryLabel, attrs: { scope: 'row' } }),
    el('td', { className: 'size', text: formatInteger(table.cohorts.reduce((a, c) => a + c.size, 0)), attrs: { title: 'All customers' } }),
    ...summaryCells(ctx, prepared).map((c) => cellElement(c, false)));
  const atRisk = el('tr', { className: 'at-risk-row' },
    el('th', { className: 'cohort', text: 'Number at risk', attrs: { scope: 'row', title: 'Customers in the cohorts old enough to have each column' } }),
    el('td', { className: 'size' }),
    ...atRiskCells(table).map((c) => cellElement(c, false)));
  const body = rows.length > 0 ? rows
    : [el('tr', { className: 'empty-row' }, el('td', { text: 'No cohorts: no row qualified.', attrs: { colspan: String(2 + columnCount(table)) } }))];
  const element = el('table', { className: clickable ? 'clickable' : undefined, attrs: { id: 'cohort-table', 'data-display': ctx.display, 'data-metric': ctx.metric, 'data-period': table.period } },
    el('caption', { text: tableCaption(report, ctx.metric) }),
    el('thead', {}, headerRow(report)),
    el('tbody', {}, ...body),
    el('tfoot', {}, summary, atRisk));
  if (onCell) listen(element, onCell);
  return element;
}

/** The notes under the table: partial and small markers (when used), the average's method, the click hint. */
export function tableNotes(report: ReportModel, clickable: boolean): string[] {
  const t = report.retention;
  const notes: string[] = [];
  if (hasPartialCells(t)) notes.push(`* ${partialNote(formatDataEnd(report.quality.dataEnd, report.quality.timePrecision))}; these cells will still grow.`);
  if (hasSmallCohorts(t)) notes.push(`Greyed rows: small cohorts (fewer than ${formatInteger(t.definition.smallCohort)} customers); their rates swing by chance — hover a cell for its 95% interval.`);
  const method = t.average.method;
  notes.push(method === 'pooled' ? 'Average (pooled): customers retained ÷ customers, summed over the cohorts whose period is complete.'
    : method === 'simple' ? 'Average (simple mean): the mean of the complete cohorts\' rates, each cohort weighted the same.'
      : 'Average (Mixpanel-compatible): averaged the way Mixpanel\'s retention report does; see Explain.');
  if (clickable) notes.push('Click a cell to list its customers.');
  return notes;
}

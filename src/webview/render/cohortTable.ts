// The cohort heatmap: table#cohort-table with tr[data-cohort] rows (th.cohort, td.size,
// td.cell[data-offset]) and tr.average-row. Cell contents come from tableModel.ts.
import type { CellDisplay } from '../../shared/protocol';
import type { ReportModel } from '../../shared/report';
import { formatDataEnd } from '../dates';
import { el } from '../dom';
import { formatInteger } from '../format';
import { offsetLabel, periodWords } from '../periods';
import { averageCells, averageLabel, cohortCells, hasPartialCells, offsetCount, partialNote, type CellView } from '../tableModel';

function cellElement(cell: CellView): HTMLTableCellElement {
  return el('td', { className: cell.classes.join(' '), text: cell.text, attrs: { 'data-offset': String(cell.offset), title: cell.title ?? undefined } });
}

function headerRow(report: ReportModel): HTMLTableRowElement {
  const { period } = report.retention;
  const offsets = Array.from({ length: offsetCount(report.retention) }, (_, k) =>
    el('th', { className: 'offset', text: offsetLabel(period, k), attrs: { scope: 'col', title: `${k} ${k === 1 ? periodWords(period).one : periodWords(period).many} after the first purchase` } }));
  return el('tr', {},
    el('th', { className: 'cohort', text: 'Cohort', attrs: { scope: 'col' } }),
    el('th', { className: 'size', text: 'Customers', attrs: { scope: 'col', title: 'Customers whose first purchase fell in the cohort period' } }),
    ...offsets);
}

/** The caption: what the numbers are and how the average is computed. */
export function tableCaption(report: ReportModel): string {
  const w = periodWords(report.retention.period);
  return `Share of each ${w.one}'s new customers who purchased again k ${w.many} later (classic retention).`;
}

/** Builds the table for a report in the given display mode. */
export function renderCohortTable(report: ReportModel, display: CellDisplay): HTMLTableElement {
  const table = report.retention;
  const dataEnd = formatDataEnd(report.quality.dataEnd, report.quality.timePrecision);
  const ctx = { table, display, dataEnd };
  const rows = table.cohorts.map((row) =>
    el('tr', { attrs: { 'data-cohort': row.cohort } },
      el('th', { className: 'cohort', text: row.cohort, attrs: { scope: 'row' } }),
      el('td', { className: 'size', text: formatInteger(row.size) }),
      ...cohortCells(row, ctx).map(cellElement)));
  const average = el('tr', { className: 'average-row' },
    el('th', { className: 'cohort', text: averageLabel(table), attrs: { scope: 'row', title: 'Σ retained ÷ Σ cohort size, over the cohorts whose period is complete' } }),
    el('td', { className: 'size', text: formatInteger(table.cohorts.reduce((a, c) => a + c.size, 0)), attrs: { title: 'All customers' } }),
    ...averageCells(table).map(cellElement));
  const body = rows.length > 0 ? rows
    : [el('tr', { className: 'empty-row' }, el('td', { text: 'No cohorts: no row qualified as a purchase.', attrs: { colspan: String(2 + offsetCount(table)) } }))];
  return el('table', { attrs: { id: 'cohort-table', 'data-display': display, 'data-period': table.period } },
    el('caption', { text: tableCaption(report) }),
    el('thead', {}, headerRow(report)),
    el('tbody', {}, ...body),
    el('tfoot', {}, average));
}

/** The notes under the table: the partial marker (when used) and the average's method. */
export function tableNotes(report: ReportModel): string[] {
  const notes: string[] = [];
  if (hasPartialCells(report.retention)) {
    notes.push(`* ${partialNote(formatDataEnd(report.quality.dataEnd, report.quality.timePrecision))}; these cells will still grow.`);
  }
  notes.push(`${averageLabel(report.retention)}: customers retained ÷ customers, summed over the cohorts whose period is complete.`);
  return notes;
}

// The Segments section (#segments): pick a categorical column and how many of its values to
// compare; when the report has a segment comparison, one curve per value (a second uPlot chart),
// a table of customers, plateau and rate per column, the verdict, and the χ² test per column.
import { DEFAULT_SEGMENTS } from '../../shared/options';
import type { ViewOptions } from '../../shared/protocol';
import type { ReportModel } from '../../shared/report';
import { segmentChartModel, xAxisLabel } from '../chartModel';
import { el } from '../dom';
import { parseCount, STANDALONE_DISABLED_TITLE } from '../optionsModel';
import { segmentView, type SegmentView } from '../segmentModel';
import { inputField, selectField, setChoices, syncInput, type Field } from './fields';
import { RetentionChart } from './retentionChart';

const NONE = '';   // the "None" choice; column names are never empty

function segmentTable(view: SegmentView): HTMLTableElement {
  const head = el('tr', {},
    el('th', { text: view.column, attrs: { scope: 'col' } }),
    el('th', { className: 'num', text: 'Customers', attrs: { scope: 'col' } }),
    el('th', { text: 'Plateau', attrs: { scope: 'col', title: 'Where the curve flattens (drops by less than 1 point per period) and at what level' } }),
    ...view.columns.map((c) => el('th', { className: 'num', text: c, attrs: { scope: 'col' } })));
  const rows = view.rows.map((r) => el('tr', {},
    el('th', { className: 'segment-value', text: r.value, attrs: { scope: 'row' } }),
    el('td', { className: 'num', text: r.customers }),
    el('td', { text: r.plateau, attrs: { title: r.plateauTitle } }),
    ...r.cells.map((c) => el('td', { className: 'num', text: c.text, attrs: { title: c.title ?? undefined } }))));
  return el('table', { className: 'segment-table', attrs: { id: 'segment-table' } }, el('thead', {}, head), el('tbody', {}, ...rows));
}

/** The section; update() syncs the controls, setReport() redraws the comparison. */
export function createSegments(opts: { standalone: boolean; onOptions(options: ViewOptions): void }): {
  element: HTMLElement; update(options: ViewOptions, report: ReportModel | null): void; setReport(report: ReportModel | null): void;
} {
  let current: ViewOptions = { period: 'month' };
  const column = selectField({ id: 'segment-select', label: 'Compare by', hint: 'A categorical column (each customer\'s value on their first row)',
    choices: [{ value: NONE, text: 'None' }], onChange: (v) => opts.onOptions({ ...current, segment: v === NONE ? null : v.slice(1) }) });
  const topN: Field<HTMLInputElement> = inputField({ id: 'segment-top-input', label: 'Top', hint: 'Largest values shown; the rest are pooled as "Other"', type: 'number', size: 3, min: 1, max: 50,
    onCommit: (text) => {
      const parsed = parseCount(text, 1, 50);
      topN.setError(parsed.ok ? null : parsed.error);
      if (parsed.ok) opts.onOptions({ ...current, segmentTopN: parsed.value });
    } });
  if (opts.standalone) for (const f of [column, topN]) f.setDisabled(true, STANDALONE_DISABLED_TITLE);
  const chartBox = el('div', { className: 'chart', attrs: { id: 'segment-chart', role: 'img', 'aria-label': 'Retention curves per segment' } });
  const result = el('div', { className: 'segment-result' });
  const empty = el('p', { className: 'muted' });
  const element = el('section', { className: 'card', attrs: { id: 'segments', 'aria-label': 'Segments' } },
    el('h2', { text: 'Segments' }), el('div', { className: 'controls-row' }, column.element, topN.element), empty, chartBox, result);
  const chart = new RetentionChart(chartBox, null);
  return {
    element,
    update(options, report) {
      current = options;
      const names = report?.choices.segmentColumns ?? [];
      setChoices(column.control, [{ value: NONE, text: 'None' }, ...names.map((n) => ({ value: `=${n}`, text: n }))]);
      column.control.value = options.segment ? `=${options.segment}` : NONE;
      syncInput(topN.control, String(options.segmentTopN ?? DEFAULT_SEGMENTS.segmentTopN));
      topN.element.hidden = !options.segment;
      empty.hidden = names.length > 0 || report === null;
      empty.textContent = 'This file has no categorical column to compare by.';
    },
    setReport(report) {
      const segments = report?.segments ?? null;
      chartBox.hidden = segments === null;
      chart.setModel(report && segments ? segmentChartModel(report, segments) : null, report ? xAxisLabel(report.retention) : '');
      if (!report || !segments) {
        result.replaceChildren();
        return;
      }
      const view = segmentView(segments, report.retention);
      result.replaceChildren(
        el('p', { className: 'verdict', text: view.verdict, attrs: { id: 'segment-verdict' } }),
        el('div', { className: 'table-scroll' }, segmentTable(view)),
        el('h3', { text: 'χ² test per column (segment × retained)' }),
        view.tests.length ? el('ul', { className: 'tests', attrs: { id: 'segment-tests' } }, ...view.tests.map((t) => el('li', { text: t })))
          : el('p', { className: 'muted', text: 'No column has enough customers in every segment for a test.' }),
      );
    },
  };
}

// The holdout check (#holdout): the summary line, the cumulative and weekly charts (actual vs
// predicted repeat purchases) and the table of holdout purchases by calibration frequency.
import type { HoldoutReport } from '../../shared/predictiveReport';
import { el } from '../dom';
import { frequencyRows, holdoutCharts, holdoutSummary } from '../holdoutModel';
import { HoldoutChart } from './holdoutChart';

function frequencyTable(h: HoldoutReport): HTMLTableElement {
  const head = el('tr', {}, ...[
    ['Repeat purchases in calibration (x)', ''], ['Customers', 'num'], ['Actual per customer', 'num'], ['Predicted per customer', 'num'], ['Predicted vs actual', 'num'],
  ].map(([text, cls]) => el('th', { className: cls || undefined, text, attrs: { scope: 'col' } })));
  const rows = frequencyRows(h).map((r) => el('tr', {},
    el('th', { text: r.label, attrs: { scope: 'row' } }),
    el('td', { className: 'num', text: r.customers }),
    el('td', { className: 'num', text: r.actual }),
    el('td', { className: 'num', text: r.predicted }),
    el('td', { className: 'num', text: r.difference })));
  return el('table', { className: 'data-table', attrs: { id: 'holdout-frequency' } },
    el('caption', { text: 'Mean holdout purchases per customer, by calibration frequency' }), el('thead', {}, head), el('tbody', {}, ...rows));
}

/** The holdout part of the section; setHoldout(null) hides it. */
export function createHoldout(): { element: HTMLElement; setHoldout(h: HoldoutReport | null): void } {
  const summary = el('p', { attrs: { id: 'holdout-summary' } });
  const boxes = [
    el('div', { className: 'chart', attrs: { id: 'holdout-cumulative', role: 'img', 'aria-label': 'Cumulative repeat purchases in the holdout, actual vs predicted' } }),
    el('div', { className: 'chart', attrs: { id: 'holdout-weekly', role: 'img', 'aria-label': 'Repeat purchases per holdout week, actual vs predicted' } }),
  ];
  const note = el('p', { className: 'notes' });
  const table = el('div', { className: 'table-scroll' });
  const element = el('div', { className: 'holdout', attrs: { id: 'holdout' } },
    el('h3', { text: 'Holdout check' }), summary,
    el('div', { className: 'chart-pair' },
      el('figure', {}, el('figcaption', { text: 'Cumulative' }), boxes[0]),
      el('figure', {}, el('figcaption', { text: 'Per week' }), boxes[1])),
    note, table);
  const charts = boxes.map((b) => new HoldoutChart(b));
  return {
    element,
    setHoldout(h) {
      element.hidden = h === null;
      if (h === null) {
        for (const c of charts) c.setModel(null);
        table.replaceChildren();
        return;
      }
      const model = holdoutCharts(h);
      summary.textContent = holdoutSummary(h);
      charts[0].setModel(model.cumulative);
      charts[1].setModel(model.incremental);
      note.textContent = model.note ?? '';
      note.hidden = model.note === null;
      table.replaceChildren(frequencyTable(h));
    },
  };
}

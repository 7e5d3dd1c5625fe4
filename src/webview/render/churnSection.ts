// The "Churn & value" part of the page (#churn): CRR per period, the churn window, the churned /
// at-risk / win-back lists, churn rate per period and by segment, the lifecycle chart with its
// counts and quick ratio, and customer value. Built once; setReport() refills it.
import type { ChurnReport } from '../../shared/churnReport';
import type { ViewOptions } from '../../shared/protocol';
import type { ReportModel } from '../../shared/report';
import {
  CHURN_RATE_COLUMNS, churnRateRows, CRR_COLUMNS, crrHeading, crrRows, dataEndSummary, SEGMENT_CHURN_HEADS, segmentChurnViews, type CrrRowView,
} from '../churnModel';
import { el } from '../dom';
import { hasChurn } from '../guards';
import { lifecycleChart, lifecycleCountRows, lifecycleLabel, quickRatioCells } from '../lifecycleModel';
import { BarChart } from './barChart';
import { createChurnLists, type ChurnListsOptions } from './churnLists';
import { createChurnWindow } from './churnWindow';
import { renderCustomerValue } from './customerValue';
import { dataTable, scrollBox, type Row } from './dataTable';

/** What the section needs from the page. */
export interface ChurnSectionOptions extends ChurnListsOptions {
  standalone: boolean;
  onOptions(options: ViewOptions): void;
}

const card = (id: string, title: string, ...children: (Node | null)[]): HTMLElement =>
  el('section', { className: 'card', attrs: { id, 'aria-label': title } }, el('h3', { text: title }), ...children);

function periodRows(rows: CrrRowView[]): Row[] {
  return rows.map((r) => ({ cells: r.cells, classes: r.warmUp ? ['warm-up'] : [], title: r.title }));
}

const WARM_UP_NOTE = 'Greyed rows are warm-up periods: the churn window before their start reaches back before the first purchase in the file, so S and E undercount.';

function crrPart(churn: ChurnReport): Node[] {
  const table = dataTable({ heads: CRR_COLUMNS, rows: periodRows(crrRows(churn)), className: 'crr-table', id: 'crr-table' });
  const parts: Node[] = [el('p', { className: 'muted', text: crrHeading(churn) }), scrollBox('Customer retention rate per period (scrollable)', table)];
  if (churn.crr.length === 0) return [el('p', { className: 'muted', text: 'The data covers no complete period.' })];
  if (churn.crr.some((r) => r.warmUp)) parts.push(el('p', { className: 'notes', text: WARM_UP_NOTE }));
  return parts;
}

function ratesPart(churn: ChurnReport): Node[] {
  const rates = dataTable({ heads: CHURN_RATE_COLUMNS, rows: periodRows(churnRateRows(churn)), className: 'churn-rate-table', id: 'churn-rate-table' });
  const views = segmentChurnViews(churn.segments);
  const segments = views.length === 0 ? [el('p', { className: 'muted', text: 'This file has no categorical column to split churn by.' })]
    : views.map((v, i) => scrollBox(`Churn by ${v.column}`, dataTable({
      heads: [{ text: v.column, num: false }, ...SEGMENT_CHURN_HEADS.map((text) => ({ text, num: true }))],
      rows: v.rows.map((cells) => ({ cells })), className: 'segment-churn-table', id: `segment-churn-${i}`,
      caption: `Churn at the data end by ${v.column}`,
    })));
  const perPeriod = churn.churnRates.length === 0 ? el('p', { className: 'muted', text: 'The data covers no complete period.' }) : scrollBox('Churn rate per period', rates);
  return [
    el('div', { className: 'churn-rates' },
      el('div', {}, el('h4', { text: 'Per period' }), perPeriod),
      el('div', {}, el('h4', { text: 'By segment' }), el('p', { className: 'muted', text: dataEndSummary(churn.inactivity) }), ...segments)),
  ];
}

function lifecycleTable(churn: ChurnReport): HTMLElement {
  const quick = quickRatioCells(churn.lifecycle);
  const heads = [{ text: '', num: false }, ...churn.lifecycle.map((r) => ({ text: lifecycleLabel(r), num: true, title: r.partial ? 'Not complete: the period ends after the data' : undefined }))];
  const rows: Row[] = [
    ...lifecycleCountRows(churn.lifecycle).map((cells) => ({ cells })),
    { cells: ['Quick ratio', ...quick.map((q) => el('span', { text: q.text, attrs: { title: q.title } }))], classes: ['quick-ratio'] },
  ];
  return scrollBox('Lifecycle counts and quick ratio per period (scrollable)', dataTable({ heads, rows, className: 'lifecycle-table', id: 'lifecycle-table' }));
}

/** The section; update() syncs the controls, setReport() redraws the content. */
export function createChurnSection(opts: ChurnSectionOptions): { element: HTMLElement; update(options: ViewOptions): void; setReport(report: ReportModel | null): void } {
  const windowBlock = createChurnWindow(opts);
  const crr = el('div', {});
  const lists = createChurnLists(opts);
  const rates = el('div', {});
  const lifecycleBox = el('div', { className: 'chart bar-chart', attrs: { id: 'lifecycle-chart', role: 'img', 'aria-label': 'Lifecycle per period: new, retained and resurrected above zero, churned below' } });
  const lifecycleNote = el('p', { className: 'notes' });
  const lifecycleCounts = el('div', {});
  const value = el('div', { className: 'value-grid', attrs: { id: 'customer-value' } });
  const missing = el('p', { className: 'muted', text: 'This report was saved before churn was computed: re-run the analysis to see it.' });
  const cards = el('div', { className: 'churn-cards' },
    card('crr', 'Customer retention rate (CRR)', crr),
    card('churn-window-card', 'Churn window', windowBlock.element),
    card('churn-customers', 'At risk, churned, win-back', lists.element),
    card('churn-rates', 'Churn rate', rates),
    card('lifecycle', 'Lifecycle', lifecycleBox, lifecycleNote, lifecycleCounts),
    card('value', 'Customer value', value));
  const element = el('section', { className: 'churn', attrs: { id: 'churn', 'aria-label': 'Churn and value' } }, el('h2', { text: 'Churn & value' }), missing, cards);
  const chart = new BarChart(lifecycleBox, 260);
  return {
    element,
    update: (options) => windowBlock.update(options),
    setReport(report) {
      const churn = report && hasChurn(report) ? report.churn : null;
      missing.hidden = churn !== null || report === null;
      cards.hidden = churn === null;
      windowBlock.setWindow(churn?.window ?? null);
      chart.setModel(churn && churn.lifecycle.length > 0 ? lifecycleChart(churn.lifecycle) : null);
      if (!report || !churn) return;
      const model = lifecycleChart(churn.lifecycle);
      lifecycleNote.textContent = model.note ?? '';
      lifecycleNote.hidden = model.note === null;
      crr.replaceChildren(...crrPart(churn));
      lists.setInactivity(churn.inactivity, { hasRevenue: churn.value.revenue !== null, file: report.input.file });
      rates.replaceChildren(...ratesPart(churn));
      lifecycleCounts.replaceChildren(churn.lifecycle.length > 0 ? lifecycleTable(churn) : el('p', { className: 'muted', text: 'No period to show.' }));
      renderCustomerValue(value, churn.value, churn.period);
    },
  };
}

// The subscriptions section (#subscriptions): period and policy selects (each default named, with a
// one-line explanation), KPI tiles, MRR over time, the MRR movements chart, the per-period table
// and the cohort heat table (NRR / GRR / logo retention). Every CSV-derived text goes in as text.
import type { Period } from '../../shared/options';
import type { ViewOptions } from '../../shared/protocol';
import type { LifetimeReportModel } from '../../shared/report';
import { DEFAULT_SUBSCRIPTION_POLICIES, type SubscriptionReport } from '../../shared/subscriptionReport';
import { el } from '../dom';
import { STANDALONE_DISABLED_TITLE } from '../optionsModel';
import { periodOptionLabel } from '../periods';
import { dataTable, scrollBox } from '../render/dataTable';
import { selectField, type Field } from '../render/fields';
import { MovementsChart } from '../render/movementsChart';
import { RetentionChart } from '../render/retentionChart';
import { lifetimeExportName, periodsCsv } from './lifetimeExport';
import { POLICY_FIELDS } from './lifetimeModel';
import { createCohortHeat } from './cohortHeat';
import { movementsModel, mrrLineModel, periodTable, subscriptionTiles } from './subscriptionModel';

/** What the section needs from the page. */
export interface SubscriptionSectionOptions {
  periods: readonly Period[];
  standalone: boolean;
  onOptions(options: ViewOptions): void;
  onSaveCsv(content: string, name: string): void;
}

function tiles(r: SubscriptionReport): HTMLElement {
  return el('div', { className: 'kpis', attrs: { id: 'subscription-kpis' } }, ...subscriptionTiles(r).map((t) =>
    el('div', { className: 'kpi', attrs: { 'data-kpi': t.key, title: t.hint } }, el('div', { className: 'kpi-label', text: t.label }), el('div', { className: 'kpi-value', text: t.value }))));
}

function periodsTable(r: SubscriptionReport): HTMLElement {
  const t = periodTable(r);
  const table = dataTable({ heads: t.heads, className: 'mrr-table', id: 'mrr-table', caption: r.hasMrr ? 'MRR movements per period (losses negative)' : 'Customers per period (no MRR column: logo metrics only)',
    rows: t.rows.map((row) => ({ cells: row.cells, classes: row.partial ? ['partial'] : [], title: row.partial ? 'Partial period: it ends after the data end' : null })) });
  return scrollBox('MRR per period (scrollable)', table);
}

/** MRR over time and the movements chart; hidden without an MRR column. */
function createMrrCharts(): { element: HTMLElement; setReport(subs: SubscriptionReport | null): void; dispose(): void } {
  const mrrBox = el('div', { className: 'chart', attrs: { id: 'mrr-chart', role: 'img', 'aria-label': 'MRR over time' } });
  const mrrNote = el('p', { className: 'notes chart-note' });
  const moveBox = el('div', { className: 'chart', attrs: { id: 'mrr-movements-chart', role: 'img', 'aria-label': 'MRR movements per period' } });
  const element = el('div', {}, el('h3', { text: 'MRR over time' }), mrrBox, mrrNote, el('h3', { text: 'MRR movements' }), moveBox);
  const mrrChart = new RetentionChart(mrrBox, mrrNote);
  const movesChart = new MovementsChart(moveBox);
  return {
    element,
    setReport(subs) {
      element.hidden = !subs?.hasMrr;
      mrrChart.setModel(subs?.hasMrr ? mrrLineModel(subs) : null, 'Period');
      movesChart.setModel(subs?.hasMrr ? movementsModel(subs) : null);
    },
    dispose() {
      mrrChart.dispose();
      movesChart.dispose();
    },
  };
}

/** The policy selects, each with its caption; returns the fields by option key. */
function policyControls(opts: SubscriptionSectionOptions, current: () => ViewOptions): { element: HTMLElement; fields: Map<string, Field<HTMLSelectElement>> } {
  const fields = new Map<string, Field<HTMLSelectElement>>();
  const boxes = POLICY_FIELDS.map((p) => {
    const field = selectField({ id: `policy-${p.key}`, label: p.label, hint: p.caption, choices: p.choices, onChange: (v) => opts.onOptions({ ...current(), [p.key]: v }) });
    if (opts.standalone) field.setDisabled(true, STANDALONE_DISABLED_TITLE);
    fields.set(p.key, field);
    return el('div', { className: 'policy' }, field.element, el('p', { className: 'policy-caption', text: p.caption }));
  });
  return { element: el('div', { className: 'policies', attrs: { role: 'group', 'aria-label': 'Subscription policies' } }, ...boxes), fields };
}

/** The section; update() syncs the selects, setReport() redraws. Hidden for customers files (no subscriptions part). */
export function createSubscriptionSection(opts: SubscriptionSectionOptions): {
  element: HTMLElement; update(options: ViewOptions): void; setReport(report: LifetimeReportModel | null): void; dispose(): void;
} {
  let current: ViewOptions = { period: 'month' };
  let shown: LifetimeReportModel | null = null;
  const period = selectField({ id: 'mrr-period-select', label: 'Period', hint: 'Length of an MRR period and of a cohort',
    choices: opts.periods.map((p) => ({ value: p, text: periodOptionLabel(p) })), onChange: (v) => opts.onOptions({ ...current, period: v as Period }) });
  const policies = policyControls(opts, () => current);
  const exportButton = el('button', { className: 'secondary', text: 'Export MRR table (CSV)', attrs: { type: 'button', id: 'export-mrr' } });
  exportButton.addEventListener('click', () => {
    const csv = shown ? periodsCsv(shown) : null;
    if (shown && csv !== null) opts.onSaveCsv(csv, lifetimeExportName(shown.input.file, 'mrr'));
  });
  const kpis = el('div');
  const charts = createMrrCharts();
  const table = el('div');
  const cohorts = createCohortHeat();
  const element = el('section', { className: 'card subscriptions', attrs: { id: 'subscriptions', 'aria-label': 'Subscriptions' } },
    el('h2', { text: 'Subscriptions (MRR)' }), el('div', { className: 'controls-row' }, period.element, exportButton), policies.element,
    kpis, charts.element, el('h3', { text: 'Per period' }), table, cohorts.element);
  return {
    element,
    update(options) {
      current = options;
      if (period.control.value !== options.period) period.control.value = options.period;
      for (const p of POLICY_FIELDS) {
        // Options without a policy (e.g. the host's defaults) mean the stated default.
        const value = options[p.key] ?? DEFAULT_SUBSCRIPTION_POLICIES[p.key];
        const control = policies.fields.get(p.key)?.control;
        if (control && control.value !== value) control.value = value;
      }
    },
    setReport(report) {
      shown = report;
      const subs = report?.subscriptions ?? null;
      element.hidden = subs === null;
      charts.setReport(subs);
      cohorts.setReport(subs);
      if (!subs) return;
      kpis.replaceChildren(tiles(subs));
      const partial = subs.periods.some((p) => p.partial);
      table.replaceChildren(periodsTable(subs), ...(partial ? [el('p', { className: 'notes', text: '* Partial period: it ends after the data end, so its numbers can still change.' })] : []));
    },
    dispose: () => charts.dispose(),
  };
}

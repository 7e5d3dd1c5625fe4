// The subscription cohort table (#subscription-cohort-table): one row per signup cohort, one heat
// cell per offset, showing NRR, GRR or logo retention (a view switch: all three are in the report).
import type { SubscriptionReport } from '../../shared/subscriptionReport';
import { el } from '../dom';
import { COHORT_METRIC_LABELS, COHORT_METRICS, cohortHeatRows, cohortMetrics, type CohortMetric } from './subscriptionModel';

const HINTS: Record<CohortMetric, string> = {
  nrr: 'Net revenue retention: the cohort\'s MRR at offset k ÷ its MRR at the end of its first period (expansion can lift it above 100%)',
  grr: 'Gross revenue retention: each customer\'s MRR capped at their first-period MRR, ÷ the cohort\'s first-period MRR',
  logoRetention: 'Share of the cohort\'s customers still subscribed at offset k',
};

function table(subs: SubscriptionReport, metric: CohortMetric): HTMLTableElement {
  const head = el('tr', {},
    el('th', { className: 'cohort', text: 'Cohort', attrs: { scope: 'col' } }),
    el('th', { className: 'num', text: 'Customers', attrs: { scope: 'col' } }),
    el('th', { className: 'num', text: 'Start MRR', attrs: { scope: 'col', title: 'The cohort\'s MRR at the end of its first period' } }),
    ...subs.columns.map((c) => el('th', { className: 'num', text: c, attrs: { scope: 'col' } })));
  const rows = cohortHeatRows(subs, metric).map((r) => el('tr', {},
    el('th', { className: 'cohort', text: r.cohort, attrs: { scope: 'row' } }),
    el('td', { className: 'num', text: r.customers }),
    el('td', { className: 'num', text: r.startMrr }),
    ...r.cells.map((c) => el('td', { className: ['cell', c.heat ?? 'absent', c.partial ? 'partial' : ''].join(' ').trim(), text: c.text,
      attrs: { title: c.partial ? 'Partial: this period ends after the data end' : undefined } }))));
  const body = rows.length ? rows : [el('tr', {}, el('td', { text: 'No cohorts.', attrs: { colspan: String(3 + subs.columns.length) } }))];
  return el('table', { className: 'heat-table', attrs: { id: 'subscription-cohort-table', 'data-metric': metric } },
    el('caption', { text: `${COHORT_METRIC_LABELS[metric]} by signup cohort — ${HINTS[metric]}` }), el('thead', {}, head), el('tbody', {}, ...body));
}

/** The cohort part; setReport() redraws it, the switch changes the metric shown. */
export function createCohortHeat(): { element: HTMLElement; setReport(subs: SubscriptionReport | null): void } {
  let metric: CohortMetric = 'nrr';
  let subs: SubscriptionReport | null = null;
  const box = el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Subscription cohorts (scrollable)' } });
  // Built once and updated in place, so the pressed button keeps keyboard focus.
  const buttons = COHORT_METRICS.map((m) => {
    const b = el('button', { text: COHORT_METRIC_LABELS[m], attrs: { type: 'button', 'data-cohort-metric': m, title: HINTS[m], 'aria-pressed': 'false' } });
    b.addEventListener('click', () => { metric = m; draw(); });
    return b;
  });
  const toggle = el('div', { className: 'segmented', attrs: { role: 'group', 'aria-label': 'Cohort metric' } }, ...buttons);
  const draw = (): void => {
    if (!subs) return;
    const available = cohortMetrics(subs);
    if (!available.includes(metric)) metric = available[0];
    buttons.forEach((b, i) => {
      b.hidden = !available.includes(COHORT_METRICS[i]);
      b.setAttribute('aria-pressed', String(COHORT_METRICS[i] === metric));
    });
    box.replaceChildren(table(subs, metric));
  };
  const element = el('div', { className: 'subscription-cohorts' }, el('h3', { text: 'Cohorts' }), toggle, box);
  return {
    element,
    setReport(next) {
      subs = next;
      draw();
    },
  };
}

// KPI cards: .kpi[data-kpi] > .kpi-label + .kpi-value.
import type { Kpis } from '../../shared/report';
import { el } from '../dom';
import { kpiCards } from '../kpiModel';

/** Fills `root` (#kpis) with one card per KPI. */
export function renderKpis(root: HTMLElement, kpis: Kpis): void {
  root.replaceChildren(...kpiCards(kpis).map((card) =>
    el('div', { className: 'kpi', attrs: { 'data-kpi': card.key, title: card.hint } },
      el('div', { className: 'kpi-label', text: card.label }),
      el('div', { className: 'kpi-value', text: card.value }))));
}

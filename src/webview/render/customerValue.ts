// The customer-value block (#customer-value): six figures, each with the arithmetic behind it.
import type { CustomerValue } from '../../shared/churnReport';
import type { Period } from '../../shared/options';
import { el } from '../dom';
import { valueItems } from '../valueModel';

/** Fills `root` with one card per figure: label, value, then the arithmetic lines. */
export function renderCustomerValue(root: HTMLElement, value: CustomerValue, period: Period): void {
  root.replaceChildren(...valueItems(value, period).map((item) =>
    el('div', { className: 'value-item', attrs: { 'data-value': item.key } },
      el('div', { className: 'kpi-label', text: item.label, attrs: { title: item.hint } }),
      el('div', { className: 'kpi-value', text: item.value }),
      ...item.lines.map((line, i) => el('p', { className: i === 0 ? 'arithmetic' : 'arithmetic muted', text: line })))));
}

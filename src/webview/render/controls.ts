// Controls: the period selector and the percent / count toggle. Built once and updated in place,
// so keyboard focus survives re-renders.
import type { Period } from '../../shared/options';
import type { CellDisplay } from '../../shared/protocol';
import { el } from '../dom';
import { periodOptionLabel } from '../periods';

/** What the controls show. */
export interface ControlsState {
  period: Period;
  display: CellDisplay;
  busy: boolean;
}

/** Callbacks and the periods offered (all five in VS Code; the precomputed ones standalone). */
export interface ControlsOptions {
  periods: readonly Period[];
  onPeriod(period: Period): void;
  onDisplay(display: CellDisplay): void;
}

const DISPLAYS: { value: CellDisplay; text: string; label: string }[] = [
  { value: 'percent', text: 'Percent', label: 'Show retention as percentages' },
  { value: 'count', text: 'Count', label: 'Show retained customer counts' },
];

/** The controls bar; update() syncs it with the state. */
export function createControls(opts: ControlsOptions): { element: HTMLElement; update(s: ControlsState): void } {
  const select = el('select', { attrs: { id: 'period-select', title: 'Length of a cohort period' } },
    ...opts.periods.map((p) => el('option', { text: periodOptionLabel(p), attrs: { value: p } })));
  select.addEventListener('change', () => opts.onPeriod(select.value as Period));
  const periodField = el('div', { className: 'field' }, el('label', { text: 'Period', attrs: { for: 'period-select' } }), select);

  const buttons = DISPLAYS.map((d) => {
    const b = el('button', { text: d.text, attrs: { type: 'button', 'data-display': d.value, title: d.label, 'aria-pressed': 'false' } });
    b.addEventListener('click', () => opts.onDisplay(d.value));
    return b;
  });
  const toggle = el('div', { className: 'segmented', attrs: { role: 'group', 'aria-label': 'Show cells as' } }, ...buttons);
  const displayField = el('div', { className: 'field' }, el('span', { className: 'field-label', text: 'Cells', attrs: { 'aria-hidden': 'true' } }), toggle);

  return {
    element: el('div', { className: 'controls' }, periodField, displayField),
    update(s) {
      if (select.value !== s.period) select.value = s.period;
      select.setAttribute('aria-busy', String(s.busy));
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.display === s.display));
    },
  };
}

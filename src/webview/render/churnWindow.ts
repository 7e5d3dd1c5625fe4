// The churn window block (#churn-window): W and how it was chosen, the gap distribution, the
// histogram of gaps (a uPlot bar chart, W's bin highlighted) and the controls: Auto or a number of
// days, and the percentile Auto uses. Every commit posts the whole ViewOptions.
import { DEFAULT_CHURN_SETTINGS } from '../../shared/options';
import type { ViewOptions } from '../../shared/protocol';
import type { ChurnWindow } from '../../shared/churnReport';
import { histogramBars } from '../barModel';
import { gapSummary, histogramModel, windowSource } from '../churnModel';
import { el } from '../dom';
import { MAX_CHURN_DAYS, parseCount, parsePercentile, STANDALONE_DISABLED_TITLE, withChurnWindow } from '../optionsModel';
import { BarChart } from './barChart';
import { inputField, selectField, syncInput, type Field } from './fields';

const AUTO = 'auto';
const DAYS = 'days';

/** The block; update() syncs the controls with the selected options, setWindow() redraws the rest. */
export function createChurnWindow(opts: { standalone: boolean; onOptions(options: ViewOptions): void }): {
  element: HTMLElement; update(options: ViewOptions): void; setWindow(w: ChurnWindow | null): void;
} {
  let current: ViewOptions = { period: 'month' };
  let shownDays = 90;
  const mode = selectField({ id: 'churn-window-select', label: 'Churn window', hint: 'Auto derives W from the gaps between purchases; or set a number of days',
    choices: [{ value: AUTO, text: 'Auto (from purchase gaps)' }, { value: DAYS, text: 'Number of days' }],
    onChange: (v) => opts.onOptions(withChurnWindow(current, v === DAYS ? 'days' : 'auto', shownDays)) });
  const days: Field<HTMLInputElement> = inputField({ id: 'churn-days-input', label: 'Days', hint: 'Churned = no purchase in this many days before the data end', type: 'number', size: 5, min: 1, max: MAX_CHURN_DAYS,
    onCommit: (text) => {
      const parsed = parseCount(text, 1, MAX_CHURN_DAYS);
      days.setError(parsed.ok ? null : parsed.error);
      if (parsed.ok) opts.onOptions({ ...current, churnWindow: parsed.value });
    } });
  const percentile: Field<HTMLInputElement> = inputField({ id: 'churn-percentile-input', label: 'Percentile', hint: 'Auto sets W to this percentile of the gaps between purchases', type: 'number', size: 4, min: 1, max: 100,
    onCommit: (text) => {
      const parsed = parsePercentile(text);
      percentile.setError(parsed.ok ? null : parsed.error);
      if (parsed.ok) opts.onOptions({ ...current, churnPercentile: parsed.value });
    } });
  if (opts.standalone) for (const f of [mode, days, percentile]) f.setDisabled(true, STANDALONE_DISABLED_TITLE);

  const source = el('p', { className: 'window-source', attrs: { id: 'churn-window-source' } });
  const gaps = el('p', { className: 'muted' });
  const chartBox = el('div', { className: 'chart bar-chart', attrs: { id: 'gap-histogram', role: 'img', 'aria-label': 'Histogram of the gaps between purchases' } });
  const note = el('p', { className: 'notes' });
  const chart = new BarChart(chartBox, 200);
  const element = el('div', { className: 'churn-window', attrs: { id: 'churn-window' } },
    el('div', { className: 'controls-row' }, mode.element, days.element, percentile.element), source, gaps, chartBox, note);
  return {
    element,
    update(options) {
      current = options;
      const w = options.churnWindow ?? DEFAULT_CHURN_SETTINGS.churnWindow;
      mode.control.value = w === 'auto' ? AUTO : DAYS;
      days.element.hidden = w === 'auto';
      percentile.element.hidden = w !== 'auto';
      if (w !== 'auto') syncInput(days.control, String(w));
      syncInput(percentile.control, String(options.churnPercentile ?? DEFAULT_CHURN_SETTINGS.churnPercentile));
    },
    setWindow(w) {
      shownDays = w?.days ?? shownDays;
      source.textContent = w ? `W = ${windowSource(w)}` : '';
      const summary = w ? gapSummary(w) : null;
      gaps.textContent = summary ?? 'No customer bought on two different days: there is no gap to show.';
      const model = w ? histogramModel(w) : null;
      chartBox.hidden = model === null;
      chart.setModel(model ? histogramBars(model) : null);
      note.textContent = model?.note ?? '';
      note.hidden = model === null;
    },
  };
}

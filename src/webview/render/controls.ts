// The controls bar: period and the retention-definition fields (labControls.ts), the presets, and
// the view row (metric, percent / count, Export). Built once and updated in place, so keyboard
// focus survives re-renders.
import { METRICS, type CellDisplay, type ExportFormat, type Metric, type ViewOptions } from '../../shared/protocol';
import type { Period } from '../../shared/options';
import type { ReportModel } from '../../shared/report';
import { el } from '../dom';
import { METRIC_LABELS, metricAvailable } from '../metricModel';
import { periodOptionLabel } from '../periods';
import { createExportMenu } from './exportMenu';
import { selectField, setChoices } from './fields';
import { createLabControls } from './labControls';

/** What the controls show. */
export interface ControlsState {
  options: ViewOptions;
  display: CellDisplay;
  metric: Metric;
  busy: boolean;
  report: ReportModel | null;
}

/** Callbacks, the periods offered (all five in VS Code; the precomputed ones standalone) and the export formats. */
export interface ControlsOptions {
  periods: readonly Period[];
  standalone: boolean;
  exportFormats: readonly ExportFormat[];
  onOptions(options: ViewOptions): void;
  onDisplay(display: CellDisplay): void;
  onMetric(metric: Metric): void;
  onExport(format: ExportFormat): void;
}

const DISPLAYS: { value: CellDisplay; text: string; label: string }[] = [
  { value: 'percent', text: 'Percent', label: 'Show retention as percentages' },
  { value: 'count', text: 'Count', label: 'Show retained customer counts' },
];

function displayToggle(onDisplay: (d: CellDisplay) => void): { element: HTMLElement; buttons: HTMLButtonElement[] } {
  const buttons = DISPLAYS.map((d) => {
    const b = el('button', { text: d.text, attrs: { type: 'button', 'data-display': d.value, title: d.label, 'aria-pressed': 'false' } });
    b.addEventListener('click', () => onDisplay(d.value));
    return b;
  });
  const toggle = el('div', { className: 'segmented', attrs: { role: 'group', 'aria-label': 'Show cells as' } }, ...buttons);
  return { element: el('div', { className: 'field' }, el('span', { className: 'field-label', text: 'Cells', attrs: { 'aria-hidden': 'true' } }), toggle), buttons };
}

/** The controls bar; update() syncs it with the state. */
export function createControls(opts: ControlsOptions): { element: HTMLElement; update(s: ControlsState): void } {
  let options: ViewOptions = { period: 'month' };
  const period = selectField({ id: 'period-select', label: 'Period', hint: 'Length of a cohort period',
    choices: opts.periods.map((p) => ({ value: p, text: periodOptionLabel(p) })), onChange: (v) => opts.onOptions({ ...options, period: v as Period }) });
  const lab = createLabControls({ standalone: opts.standalone, onOptions: opts.onOptions });
  const metric = selectField({ id: 'metric-select', label: 'Metric', hint: 'What the table and the chart show',
    choices: METRICS.map((m) => ({ value: m, text: METRIC_LABELS[m] })), onChange: (v) => opts.onMetric(v as Metric) });
  const display = displayToggle(opts.onDisplay);
  const exportMenu = createExportMenu(opts.exportFormats, opts.onExport);

  const element = el('div', { className: 'controls', attrs: { role: 'region', 'aria-label': 'Retention options' } },
    el('div', { className: 'controls-row' }, period.element, lab.fields),
    lab.presets,
    el('div', { className: 'controls-row view-row' }, metric.element, display.element, exportMenu.element));
  return {
    element,
    update(s) {
      options = s.options;
      if (period.control.value !== s.options.period) period.control.value = s.options.period;
      period.control.setAttribute('aria-busy', String(s.busy));
      lab.update(s.options, s.report);
      setChoices(metric.control, METRICS.map((m) => ({ value: m, text: METRIC_LABELS[m], disabled: !metricAvailable(s.report, m) })));
      metric.control.value = s.metric;
      metric.control.title = s.report && s.report.revenue === null ? 'Revenue metrics need an amount column' : 'What the table and the chart show';
      for (const b of display.buttons) {
        b.setAttribute('aria-pressed', String(b.dataset.display === s.display));
        b.disabled = s.metric !== 'customers';
      }
      exportMenu.setEnabled(s.report !== null);
    },
  };
}

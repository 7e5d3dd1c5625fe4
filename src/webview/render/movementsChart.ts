// The MRR movements chart drawn by uPlot from a MovementsModel: per period, new, expansion and
// reactivation MRR stacked above zero, contraction and churn stacked below it (ChartMogul's
// "MRR movements"), and net new MRR as a line with points. Colours from --vscode-charts-*.
import uPlot from 'uplot';
import { formatMoney } from '../format';
import type { MovementsModel } from '../lifetime/subscriptionModel';
import type { Palette } from '../theme';
import { barSpec, layerSeries } from './barChart';
import { ThemedChart, type ChartSpec } from './themedChart';

const HEIGHT = 260;
const X_INCREMENTS = [1, 2, 3, 4, 6, 12, 24, 52, 104, 365];

function series(model: MovementsModel, palette: Palette): uPlot.Series[] {
  return [
    { label: 'Period', value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : `${model.labels[v] ?? ''}${model.partial[v] ? ' (partial)' : ''}`) },
    // Hover shows the movement itself (losses negative), not the stacked top.
    ...layerSeries(model.layers, palette, formatMoney, [0.7, 56]),
    { label: 'Net new MRR', stroke: palette.foreground, width: 2, points: { show: true, size: 5, fill: palette.foreground }, value: (_u: uPlot, v: number | null) => formatMoney(v ?? null) },
  ];
}

function yRange(model: MovementsModel): [number, number] {
  const values = [...model.layers.flatMap((l) => l.tops), ...model.net].filter((v): v is number => v !== null);
  const max = Math.max(0, ...values), min = Math.min(0, ...values);
  const pad = (max - min || 1) * 0.06;
  return [min < 0 ? min - pad : 0, max + pad];
}

function axes(model: MovementsModel, palette: Palette): uPlot.Axis[] {
  const common = { stroke: palette.foreground, font: palette.font, labelFont: palette.font, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  const widest = Math.max(...model.labels.map((l) => l.length), 4);
  return [
    { ...common, label: 'Period', incrs: X_INCREMENTS, space: 7 * widest + 14, grid: { show: false },
      values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? model.labels[v] ?? '' : '')) },
    { ...common, label: 'MRR moved', size: 80, values: (_u, splits) => splits.map((v) => formatMoney(v)) },
  ];
}

/** The MRR movements chart in `container` (null or empty model = nothing drawn). */
export class MovementsChart extends ThemedChart<MovementsModel> {
  constructor(container: HTMLElement) {
    super(container, HEIGHT);
  }

  protected build(model: MovementsModel, palette: Palette): ChartSpec | null {
    return barSpec(model.labels.length, { series: series(model, palette), y: yRange(model), axes: axes(model, palette), data: [...model.layers.map((l) => l.tops), model.net] });
  }
}

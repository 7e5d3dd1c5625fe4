// One holdout chart drawn by uPlot: actual repeat purchases per week as a solid line, the model's
// prediction as a dashed line. Colours come from the theme (rebuilt when it changes); the chart
// follows its container's width.
import uPlot from 'uplot';
import type { HoldoutChartModel } from '../holdoutModel';
import type { Palette } from '../theme';
import { ThemedChart, type ChartSpec } from './themedChart';

const HEIGHT = 240;
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const show = (_u: uPlot, v: number | null): string => (v === null || v === undefined ? '—' : COUNT.format(v));

function options(model: HoldoutChartModel, palette: Palette): ChartSpec['options'] {
  const common = { stroke: palette.foreground, font: palette.font, labelFont: palette.font, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  const max = Math.max(1, ...model.actual, ...model.predicted);
  return {
    series: [
      { label: 'Week', value: (_u, v) => (v === null || v === undefined ? '—' : `week ${v}`) },
      { label: 'Actual', stroke: palette.series[0], width: 2, value: show, points: { show: false } },
      { label: 'Predicted', stroke: palette.series[1], width: 2, dash: [6, 4], value: show, points: { show: false } },
    ],
    scales: { x: { time: false, range: [1, Math.max(2, model.xs.length)] }, y: { range: [0, max * 1.05] } },
    axes: [
      { ...common, label: 'Week of the holdout', space: 40, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      { ...common, label: model.yLabel, size: 64, values: (_u, splits) => splits.map((v) => COUNT.format(v)) },
    ],
    cursor: { points: { size: 6 } },
    legend: { live: true },
  };
}

/** A holdout chart in `container`. */
export class HoldoutChart extends ThemedChart<HoldoutChartModel> {
  constructor(container: HTMLElement) {
    super(container, HEIGHT);
  }

  protected build(model: HoldoutChartModel, palette: Palette): ChartSpec {
    return { options: options(model, palette), data: [model.xs, model.actual, model.predicted] };
  }
}

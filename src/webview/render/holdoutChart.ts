// One holdout chart drawn by uPlot: actual repeat purchases per week as a solid line, the model's
// prediction as a dashed line. Colours come from the theme (rebuilt when it changes); the chart
// follows its container's width.
import uPlot from 'uplot';
import type { HoldoutChartModel } from '../holdoutModel';
import { readPalette, watchTheme, type Palette } from '../theme';

const HEIGHT = 240;
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const show = (_u: uPlot, v: number | null): string => (v === null || v === undefined ? '—' : COUNT.format(v));

function options(model: HoldoutChartModel, palette: Palette, width: number): uPlot.Options {
  const common = { stroke: palette.foreground, font: palette.font, labelFont: palette.font, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  const max = Math.max(1, ...model.actual, ...model.predicted);
  return {
    width,
    height: HEIGHT,
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
export class HoldoutChart {
  private plot: uPlot | null = null;
  private model: HoldoutChartModel | null = null;
  private palette = '';
  private readonly resize: ResizeObserver;
  private readonly stopWatching: () => void;

  constructor(private readonly container: HTMLElement) {
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(container);
    this.stopWatching = watchTheme(() => {
      if (this.model && JSON.stringify(readPalette()) !== this.palette) this.rebuild();
    });
  }

  /** Draws a model, or clears the chart for null. */
  setModel(model: HoldoutChartModel | null): void {
    this.model = model;
    this.rebuild();
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    const model = this.model;
    if (!model) return;
    const palette = readPalette();
    this.palette = JSON.stringify(palette);
    this.plot = new uPlot(options(model, palette, this.width()), [model.xs, model.actual, model.predicted], this.container);
  }

  private width(): number {
    return Math.max(200, Math.floor(this.container.clientWidth));
  }

  private fit(): void {
    if (this.plot && Math.abs(this.plot.width - this.width()) >= 1) this.plot.setSize({ width: this.width(), height: HEIGHT });
  }

  /** Stops observing and frees the chart. */
  dispose(): void {
    this.resize.disconnect();
    this.stopWatching();
    this.plot?.destroy();
    this.plot = null;
  }
}

// Curves drawn by uPlot from a ChartModel: one thin, faint line per cohort and the average as a
// thick line in a chart accent colour, or one coloured line per segment. Colours come from the
// theme and the chart is rebuilt when the theme changes; it follows the container's width.
import uPlot from 'uplot';
import { cohortAlpha, withAlpha, type ChartModel } from '../chartModel';
import { formatMoney } from '../format';
import { readPalette, type Palette } from '../theme';
import { ThemedChart, type ChartSpec } from './themedChart';

const HEIGHT = 280;
const X_INCREMENTS = [1, 2, 3, 4, 6, 12, 24, 52, 104, 365, 730];

function valueFormat(model: ChartModel): (u: uPlot, v: number | null) => string {
  return (_u, v) => (v === null || v === undefined ? '—' : model.unit === 'percent' ? `${v.toFixed(1)}%` : formatMoney(v));
}

function seriesOptions(model: ChartModel, palette: Palette): uPlot.Series[] {
  const cohorts = model.series.filter((s) => s.kind === 'cohort').length;
  const value = valueFormat(model);
  return [
    { label: model.xName ?? 'Column', value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : model.columns[v] ?? '') },
    ...model.series.map((s, i): uPlot.Series => {
      if (s.kind === 'average') return { label: s.label, stroke: palette.average, width: 3, value, points: { show: true, size: 6, fill: palette.average } };
      if (s.kind === 'segment') {
        const color = palette.series[i % palette.series.length];
        return { label: s.label, stroke: color, width: 2, value, points: { show: true, size: 5, fill: color } };
      }
      return { label: s.label, stroke: withAlpha(palette.cohort, cohortAlpha(i, cohorts)), width: 1.25, value, points: { show: false } };
    }),
  ];
}

function yRange(model: ChartModel): uPlot.Range.MinMax {
  const values = model.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  if (model.unit === 'percent') return [min, Math.max(100, Math.ceil(max / 10) * 10)];
  return [min, max > 0 ? max * 1.05 : 1];
}

function axes(model: ChartModel, palette: Palette, xLabel: string): uPlot.Axis[] {
  const common = { stroke: palette.foreground, font: palette.font, labelFont: palette.font, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  const yValues = (_u: uPlot, splits: number[]): string[] => splits.map((v) => (model.unit === 'percent' ? `${v}%` : formatMoney(v)));
  return [
    { ...common, label: xLabel, incrs: X_INCREMENTS, space: 36, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? model.columns[v] ?? '' : '')) },
    { ...common, label: model.yLabel, size: model.unit === 'percent' ? 56 : 72, values: yValues, ...(model.unit === 'percent' ? { incrs: [10, 20, 25, 50] } : {}) },
  ];
}

/** A uPlot chart in `container`, with `note` (e.g. "showing N of M cohorts") below it. */
export class RetentionChart extends ThemedChart<ChartModel> {
  private xLabel = '';

  constructor(container: HTMLElement, private readonly note: HTMLElement | null) {
    super(container, HEIGHT);
  }

  /** Draws a model (or clears the chart for null); xLabel names the x axis. */
  override setModel(model: ChartModel | null, xLabel = ''): void {
    this.xLabel = xLabel;
    if (this.note) {
      this.note.textContent = model?.note ?? '';
      this.note.hidden = !model?.note;
    }
    super.setModel(model);
  }

  /**
   * The chart as a PNG data URL, on the theme's editor background (the canvas itself is
   * transparent, and light axis text on a transparent PNG would vanish in a light viewer).
   */
  toPng(): string | null {
    const canvas = this.canvas();
    if (!canvas) return null;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = readPalette().background;
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    return copy.toDataURL('image/png');
  }

  protected build(model: ChartModel, palette: Palette): ChartSpec {
    return {
      options: {
        series: seriesOptions(model, palette),
        scales: { x: { time: false, range: [0, Math.max(1, model.xs.length - 1)] }, y: { range: yRange(model) } },
        axes: axes(model, palette, this.xLabel),
        cursor: { focus: { prox: 24 }, points: { size: 6 } },
        focus: { alpha: 0.25 },
        legend: { live: true },
      },
      data: [model.xs, ...model.series.map((s) => s.values)],
    };
  }
}

// Bar charts drawn by uPlot (uPlot.paths.bars) from a BarModel: the churn window's gap histogram
// and the stacked lifecycle chart. uPlot sizes its canvas through the CSSOM, which the strict CSP
// allows. Colours come from the theme (--vscode-charts-*); redrawn on theme change, follows the
// container's width.
import uPlot from 'uplot';
import { barRange, type BarLayer, type BarModel } from '../barModel';
import { formatInteger } from '../format';
import type { Palette } from '../theme';
import { ThemedChart, type ChartSpec } from './themedChart';

const X_INCREMENTS = [1, 2, 3, 4, 5, 10, 20, 50, 100];
/** Whole counts only: a chart of 1 customer must not tick at 0.2, 0.4… */
const Y_INCREMENTS = [1, 2, 5].flatMap((m) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].map((p) => m * p)).sort((a, b) => a - b);

/**
 * Stacked bar series, one per layer: filled bars in the layer's colour, hover showing the layer's
 * own value (not the stacked top) through `format`. Shared with the MRR movements chart.
 */
export function layerSeries(layers: readonly BarLayer[], palette: Palette, format: (v: number | null) => string, size: [number, number]): uPlot.Series[] {
  const bars = uPlot.paths.bars?.({ size, align: 0 });
  return layers.map((layer): uPlot.Series => ({
    label: layer.label,
    stroke: palette.colors[layer.color],
    fill: palette.colors[layer.color],
    width: 0,
    paths: bars,
    points: { show: false },
    value: (_u: uPlot, _v: number | null, _s: number, i: number | null) => (i === null ? '—' : format(layer.values[i] ?? null)),
  }));
}

/** The uPlot spec of a bar chart over `n` bars (null for none): bars centred on 0 … n − 1, no cursor drag. */
export function barSpec(n: number, parts: { series: uPlot.Series[]; y: [number, number]; axes: uPlot.Axis[]; data: (number | null)[][] }): ChartSpec | null {
  if (n === 0) return null;
  return {
    options: {
      series: parts.series,
      scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: parts.y } },
      axes: parts.axes,
      cursor: { points: { show: false }, drag: { x: false, y: false } },
      legend: { live: true },
    },
    data: [Array.from({ length: n }, (_, i) => i), ...parts.data] as uPlot.AlignedData,
  };
}

function series(model: BarModel, palette: Palette): uPlot.Series[] {
  return [
    { label: model.xName, value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : model.labels[v] ?? '') },
    ...layerSeries(model.layers, palette, formatInteger, [0.75, 64]),
  ];
}

function axes(model: BarModel, palette: Palette): uPlot.Axis[] {
  const common = { stroke: palette.foreground, font: palette.font, labelFont: palette.font, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  return [
    // Ticks at least one label apart (range labels like "113–119" are wide), so they never overlap.
    { ...common, label: model.xLabel, incrs: X_INCREMENTS, space: Math.max(36, 7 * Math.max(...model.labels.map((l) => l.length)) + 14), grid: { show: false },
      values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? model.labels[v] ?? '' : '')) },
    { ...common, label: model.yLabel, size: 64, incrs: Y_INCREMENTS, values: (_u, splits) => splits.map((v) => formatInteger(Math.abs(v))) },
  ];
}

/** A uPlot bar chart in `container` (null or empty model = nothing drawn). */
export class BarChart extends ThemedChart<BarModel> {
  protected build(model: BarModel, palette: Palette): ChartSpec | null {
    return barSpec(model.labels.length, { series: series(model, palette), y: barRange(model), axes: axes(model, palette), data: model.layers.map((l) => l.tops) });
  }
}

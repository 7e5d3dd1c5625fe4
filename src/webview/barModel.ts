// Bar charts as plain data (render/barChart.ts draws them with uPlot): layers of bars per x, the
// y range, and the gap histogram of the churn window as such a chart. Tested in Node.
import type { HistogramModel } from './churnModel';

/** Colour names a bar chart paints with (theme.ts maps them to --vscode-charts-*). */
export type ChartColor = 'blue' | 'orange' | 'green' | 'purple' | 'red' | 'yellow';

/** One layer of a stacked bar chart: the raw values (hover shows them) and the bar tops drawn. */
export interface BarLayer {
  key: string;
  label: string;
  color: ChartColor;
  values: (number | null)[];   // per bar, as counted (what hover shows; churned stays positive)
  tops: (number | null)[];     // where the bar ends: the running sum up to this layer (from 0; churned below zero)
}

/** A bar chart: x = bar index labelled by `labels`; layers drawn in order (taller stacks first, so the lower ones stay visible). */
export interface BarModel {
  labels: string[];
  layers: BarLayer[];
  xName: string;     // what one bar is, in the legend ("Period", "Days")
  xLabel: string;
  yLabel: string;
  note: string | null;
}

/** The y range that holds every bar, with 5% room. */
export function barRange(model: BarModel): [number, number] {
  const tops = model.layers.flatMap((l) => l.tops.filter((v): v is number => v !== null));
  const max = Math.max(0, ...tops), min = Math.min(0, ...tops);
  const pad = (max - min || 1) * 0.05;
  return [min < 0 ? min - pad : 0, max + pad];
}


/** The gap histogram: the bin holding W in its own colour (a second layer), the rest in blue. */
export function histogramBars(h: HistogramModel): BarModel {
  const at = (i: number): boolean => i === h.windowBin;
  const gaps = h.counts.map((c, i) => (at(i) ? null : c));
  const w = h.counts.map((c, i) => (at(i) ? c : null));
  return {
    labels: h.labels,
    layers: [
      { key: 'gaps', label: 'Gaps', color: 'blue', values: gaps, tops: gaps },
      ...(h.windowBin === null ? [] : [{ key: 'window', label: 'Bin holding W', color: 'orange' as const, values: w, tops: w }]),
    ],
    xName: 'Days',
    xLabel: h.xLabel,
    yLabel: 'Gaps',
    note: h.note,
  };
}

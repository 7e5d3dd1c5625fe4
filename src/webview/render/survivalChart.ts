// Kaplan–Meier curves drawn by uPlot from a SurvivalChartModel: per curve a step line (the
// product-limit estimate), its confidence band as a shaded area between two hidden step series,
// and a short vertical tick where subjects were censored (drawn in a draw hook, as lifelines and
// R's survminer mark them). Colours from the theme, x ticks at the number-at-risk table's times.
import uPlot from 'uplot';
import { withAlpha } from '../chartModel';
import { formatTime, type SurvivalChartModel } from '../lifetime/survivalModel';
import type { Palette } from '../theme';
import { ThemedChart, type ChartSpec } from './themedChart';

const HEIGHT = 300;
/** Series per curve: upper band edge, lower band edge, the curve itself. */
const PER_CURVE = 3;
const CENSOR_TICK_PX = 5;

const percent = (_u: uPlot, v: number | null): string => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);

function seriesOptions(model: SurvivalChartModel, palette: Palette): uPlot.Series[] {
  const step = uPlot.paths.stepped?.({ align: 1 });
  const out: uPlot.Series[] = [{ label: model.xLabel, value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : formatTime(v)) }];
  model.curves.forEach((c, i) => {
    const color = palette.series[i % palette.series.length];
    // The band edges: no line, no legend row (media/lifetime.css hides .rl-band), same steps as the curve.
    const edge = (label: string): uPlot.Series => ({ label, class: 'rl-band', stroke: 'transparent', width: 0, paths: step, points: { show: false }, value: percent });
    out.push(edge(`${c.label} upper`), edge(`${c.label} lower`));
    out.push({ label: c.label, stroke: color, width: 2, paths: step, points: { show: false }, value: percent });
  });
  return out;
}

function bands(model: SurvivalChartModel, palette: Palette): uPlot.Band[] {
  return model.curves.map((_, i) => ({
    series: [1 + i * PER_CURVE, 2 + i * PER_CURVE] as uPlot.Band.Bounds,
    fill: withAlpha(palette.series[i % palette.series.length], 0.15),
  }));
}

/** Draws the censoring ticks of every visible curve, clipped to the plot area. */
function drawCensoring(model: SurvivalChartModel, palette: Palette): (u: uPlot) => void {
  return (u) => {
    const ctx = u.ctx;
    const half = CENSOR_TICK_PX * uPlot.pxRatio;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    ctx.lineWidth = Math.max(1, uPlot.pxRatio);
    model.curves.forEach((c, i) => {
      if (!u.series[3 + i * PER_CURVE]?.show) return;
      ctx.strokeStyle = palette.series[i % palette.series.length];
      ctx.beginPath();
      c.censored.forEach((v, j) => {
        if (v === null) return;
        const x = u.valToPos(model.xs[j], 'x', true), y = u.valToPos(v, 'y', true);
        ctx.moveTo(x, y - half);
        ctx.lineTo(x, y + half);
      });
      ctx.stroke();
    });
    ctx.restore();
  };
}

function axes(model: SurvivalChartModel, palette: Palette): uPlot.Axis[] {
  const common = { stroke: palette.foreground, font: palette.font, labelFont: palette.font, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  const ticks = model.ticks.length >= 2 ? { splits: () => model.ticks } : {};
  return [
    { ...common, label: model.xLabel, ...ticks, values: (_u, splits) => splits.map(formatTime) },
    { ...common, label: 'Survival S(t)', size: 56, incrs: [10, 20, 25, 50], values: (_u, splits) => splits.map((v) => `${v}%`) },
  ];
}

/** The survival chart in `container` (null model = nothing drawn). */
export class SurvivalChart extends ThemedChart<SurvivalChartModel> {
  constructor(container: HTMLElement) {
    super(container, HEIGHT);
  }

  protected build(model: SurvivalChartModel, palette: Palette): ChartSpec | null {
    if (model.curves.length === 0) return null;
    const maxX = Math.max(1, model.xs[model.xs.length - 1] ?? 1, ...model.ticks);
    return {
      options: {
        series: seriesOptions(model, palette),
        bands: bands(model, palette),
        // 2% room on the right, so a censoring tick at the last time is not cut in half by the frame.
        scales: { x: { time: false, range: [0, maxX * 1.02] }, y: { range: [0, 100] } },
        axes: axes(model, palette),
        cursor: { focus: { prox: 24 }, points: { size: 6 }, drag: { x: true, y: false } },
        focus: { alpha: 0.3 },
        legend: { live: true },
        hooks: { draw: [drawCensoring(model, palette)] },
      },
      data: [model.xs, ...model.curves.flatMap((c) => [c.upper, c.lower, c.survival])],
    };
  }
}

// Retention curves (#retention-chart) drawn by uPlot: one thin, faint line per cohort and the
// average as a thick line in a chart accent colour. Colours come from the theme and the chart is
// rebuilt when the theme changes; it follows the container's width.
import uPlot from 'uplot';
import type { Period } from '../../shared/options';
import type { RetentionTable } from '../../shared/report';
import { chartModel, cohortAlpha, withAlpha, type ChartModel } from '../chartModel';
import { offsetLabel, periodWords } from '../periods';
import { readPalette, watchTheme, type Palette } from '../theme';

const HEIGHT = 280;
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const X_INCREMENTS = [1, 2, 3, 4, 6, 12, 24, 52, 104, 365, 730];

function seriesOptions(model: ChartModel, palette: Palette, period: Period): uPlot.Series[] {
  const cohorts = model.series.filter((s) => s.kind === 'cohort').length;
  const value = (_u: uPlot, v: number | null): string => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
  return [
    { label: 'Offset', value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : offsetLabel(period, v)) },
    ...model.series.map((s, i): uPlot.Series => s.kind === 'average'
      ? { label: s.label, stroke: palette.average, width: 3, value, points: { show: true, size: 6, fill: palette.average } }
      : { label: s.label, stroke: withAlpha(palette.cohort, cohortAlpha(i, cohorts)), width: 1.25, value, points: { show: false } }),
  ];
}

function axes(table: RetentionTable, palette: Palette): uPlot.Axis[] {
  const common = { stroke: palette.foreground, font: palette.font, labelFont: palette.font, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  return [
    { ...common, label: `${capitalise(periodWords(table.period).many)} since first purchase`, incrs: X_INCREMENTS, space: 36,
      values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? offsetLabel(table.period, v) : '')) },
    { ...common, label: 'Customers retained', size: 56, incrs: [10, 20, 25, 50], values: (_u, splits) => splits.map((v) => `${v}%`) },
  ];
}

function buildOptions(table: RetentionTable, model: ChartModel, palette: Palette, width: number): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    series: seriesOptions(model, palette, table.period),
    scales: { x: { time: false, range: [0, Math.max(1, model.xs.length - 1)] }, y: { range: [0, 100] } },
    axes: axes(table, palette),
    cursor: { focus: { prox: 24 }, points: { size: 6 } },
    focus: { alpha: 0.25 },
    legend: { live: true },
  };
}

/** The chart in `container`, with `note` (the "showing N of M cohorts" line) below it. */
export class RetentionChart {
  private plot: uPlot | null = null;
  private table: RetentionTable | null = null;
  private palette = '';
  private readonly resize: ResizeObserver;
  private readonly stopWatching: () => void;

  constructor(private readonly container: HTMLElement, private readonly note: HTMLElement) {
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(container);
    this.stopWatching = watchTheme(() => this.redrawIfThemeChanged());
  }

  /** Draws a new table (or clears the chart for null). */
  setTable(table: RetentionTable | null): void {
    this.table = table;
    this.rebuild();
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    const table = this.table;
    if (!table) {
      this.note.textContent = '';
      return;
    }
    const palette = readPalette();
    this.palette = JSON.stringify(palette);
    const model = chartModel(table);
    this.note.textContent = model.note ?? '';
    this.note.hidden = model.note === null;
    const data: uPlot.AlignedData = [model.xs, ...model.series.map((s) => s.values)];
    this.plot = new uPlot(buildOptions(table, model, palette, this.width()), data, this.container);
  }

  private width(): number {
    return Math.max(200, Math.floor(this.container.clientWidth));
  }

  private fit(): void {
    if (this.plot && Math.abs(this.plot.width - this.width()) >= 1) this.plot.setSize({ width: this.width(), height: HEIGHT });
  }

  private redrawIfThemeChanged(): void {
    if (this.table && JSON.stringify(readPalette()) !== this.palette) this.rebuild();
  }

  /** Stops observing and frees the chart. */
  dispose(): void {
    this.resize.disconnect();
    this.stopWatching();
    this.plot?.destroy();
    this.plot = null;
  }
}

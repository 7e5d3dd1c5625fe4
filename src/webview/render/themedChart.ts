// The life of a uPlot chart in a container, shared by every chart of the panel: built from its
// model with the theme's colours, rebuilt when the model or the theme changes, resized with its
// container, freed on dispose. Subclasses only say how a model becomes uPlot options and data.
import uPlot from 'uplot';
import { readPalette, watchTheme, type Palette } from '../theme';

/** What a chart draws for one model: uPlot options (without size) and its aligned data. */
export interface ChartSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

/** A uPlot chart of models M in `container`, `height` pixels tall, as wide as the container. */
export abstract class ThemedChart<M> {
  private plot: uPlot | null = null;
  private model: M | null = null;
  private palette = '';
  private readonly resize: ResizeObserver;
  private readonly stopWatching: () => void;

  constructor(protected readonly container: HTMLElement, private readonly height: number) {
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(container);
    this.stopWatching = watchTheme(() => {
      if (this.model !== null && JSON.stringify(readPalette()) !== this.palette) this.rebuild();
    });
  }

  /** How a model is drawn; null draws nothing (e.g. an empty model). */
  protected abstract build(model: M, palette: Palette): ChartSpec | null;

  /** Draws a model, or clears the chart for null. */
  setModel(model: M | null): void {
    this.model = model;
    this.rebuild();
  }

  /** The drawn canvas (for PNG export), or null when nothing is drawn. */
  protected canvas(): HTMLCanvasElement | null {
    return this.plot?.ctx.canvas ?? null;
  }

  /** Stops observing and frees the chart. */
  dispose(): void {
    this.resize.disconnect();
    this.stopWatching();
    this.plot?.destroy();
    this.plot = null;
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    if (this.model === null) return;
    const palette = readPalette();
    this.palette = JSON.stringify(palette);
    const spec = this.build(this.model, palette);
    if (spec) this.plot = new uPlot({ ...spec.options, width: this.width(), height: this.height }, spec.data, this.container);
  }

  private width(): number {
    return Math.max(200, Math.floor(this.container.clientWidth));
  }

  private fit(): void {
    if (this.plot && Math.abs(this.plot.width - this.width()) >= 1) this.plot.setSize({ width: this.width(), height: this.height });
  }
}

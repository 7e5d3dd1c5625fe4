// The page skeleton and what to re-render when the state changes. Sections are built once; a new
// report refills them, a display or metric change redraws only the table and the chart.
import type { Period } from '../shared/options';
import type { PredictiveOptions } from '../shared/predictiveReport';
import type { CellDisplay, ExportFormat, Metric, ViewOptions } from '../shared/protocol';
import { changedBeyondTable, sameTableInputs } from './redraw';
import type { ReportModel } from '../shared/report';
import { chartModel, xAxisLabel } from './chartModel';
import type { DrillState, EventsViewState } from './controller';
import { formatDataEnd } from './dates';
import { el } from './dom';
import { drillView } from './drillModel';
import { createControls } from './render/controls';
import { renderCohortTable, tableNotes } from './render/cohortTable';
import { renderDrillDown } from './render/drillDown';
import { renderExplain } from './render/explain';
import { createHeader, reportTitle } from './render/header';
import { createPredictive } from './render/predictive';
import { renderKpis } from './render/kpis';
import { renderQuality } from './render/quality';
import { RetentionChart } from './render/retentionChart';
import { createSegments } from './render/segments';
import { createChurnSection } from './render/churnSection';
import { renderInsight } from './render/insight';
import { hasChurn } from './guards';
import { createStatus } from './render/status';
import { columnLabel } from './tableModel';

/** What the page can do; the host-only callbacks are null in a standalone HTML report. */
export interface AppOptions {
  periods: readonly Period[];
  standalone: boolean;
  exportFormats: readonly ExportFormat[];
  onOptions(options: ViewOptions): void;
  onDisplay(display: CellDisplay): void;
  onMetric(metric: Metric): void;
  onExport(format: ExportFormat): void;
  onChangeMapping: (() => void) | null;
  onCell: ((cohort: string, column: number) => void) | null;
  onLine: ((line: number) => void) | null;
  onCloseDrill(): void;
  onSaveCsv(content: string, suggestedName: string): void;   // a churn list's Export CSV
  onPredict: ((options: Partial<PredictiveOptions>) => void) | null;
  onExportClv(content: string): void;   // the customer-value table as CSV
}

/** The busy line to show: the state's, or "Loading" while there is nothing to show yet. */
export function busyMessage(state: Pick<EventsViewState, 'busy' | 'error'> & { report: unknown }): string | null {
  if (state.busy !== null) return state.busy;
  return state.report === null && state.error === null ? 'Loading the report…' : null;
}

/** The report page inside #app. */
export class App {
  private readonly header;
  private readonly controls;
  private readonly status;
  private readonly segments;
  private readonly churn;
  private readonly insight = el('section', { className: 'insight', attrs: { id: 'insight', 'aria-label': 'Insight' } });
  private readonly predictive;
  private readonly body = el('main', { className: 'report-body' });
  private readonly kpis = el('section', { className: 'kpis', attrs: { id: 'kpis', 'aria-label': 'Key figures' } });
  private readonly tableScroll = el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Cohort retention table (scrollable)' } });
  private readonly tableNotes = el('div', { className: 'notes' });
  private readonly drill = el('div', { className: 'drill-down', attrs: { id: 'drill-down', 'aria-live': 'polite' } });
  private readonly chartNote = el('p', { className: 'notes chart-note', attrs: { id: 'chart-note' } });
  private readonly explain = el('section', { className: 'card', attrs: { id: 'explain', 'aria-label': 'Explain' } });
  private readonly quality = el('section', { className: 'quality', attrs: { id: 'quality', 'aria-label': 'Data quality' } });
  private readonly chart: RetentionChart;
  private readonly tableCard: HTMLElement;
  private readonly chartCard: HTMLElement;
  private shown: { report: ReportModel | null; display: CellDisplay | null; metric: Metric | null; drill: DrillState | null } = { report: null, display: null, metric: null, drill: null };

  constructor(root: HTMLElement, private readonly opts: AppOptions) {
    this.header = createHeader({ onChangeMapping: opts.onChangeMapping });
    this.controls = createControls(opts);
    this.status = createStatus();
    this.segments = createSegments({ standalone: opts.standalone, onOptions: opts.onOptions });
    this.churn = createChurnSection({ standalone: opts.standalone, onOptions: opts.onOptions, onLine: opts.onLine, onSaveCsv: opts.onSaveCsv });
    this.predictive = createPredictive({ standalone: opts.standalone, onPredict: opts.onPredict, onLine: opts.onLine, onExportCsv: opts.onExportClv });
    const chartBox = el('div', { className: 'chart', attrs: { id: 'retention-chart', role: 'img', 'aria-label': 'Retention curves by cohort' } });
    this.tableCard = el('section', { className: 'card', attrs: { id: 'retention-card' } }, el('h2', { text: 'Cohort retention' }), this.tableScroll, this.tableNotes, this.drill);
    this.chartCard = el('section', { className: 'card', attrs: { id: 'curves-card' } }, el('h2', { text: 'Curves' }), chartBox, this.chartNote);
    this.body.append(
      this.insight,
      this.kpis,
      this.tableCard,
      this.chartCard,
      this.explain,
      this.segments.element,
      this.churn.element,
      this.predictive.element,
      this.quality,
    );
    root.replaceChildren(this.header.element, this.controls.element, this.status.busy, this.status.error, this.body);
    this.chart = new RetentionChart(chartBox, this.chartNote);
  }

  /** Brings the page in line with `state`, redrawing only what changed. */
  render(state: EventsViewState): void {
    this.controls.update({ options: state.options, display: state.display, metric: state.metric, busy: state.busy !== null, report: state.report });
    this.segments.update(state.options, state.report);
    this.churn.update(state.options);
    this.predictive.update(state.predict, state.report);
    this.status.update(busyMessage(state), state.error);
    this.body.hidden = state.report === null;
    this.body.setAttribute('aria-busy', String(state.busy !== null));
    this.body.classList.toggle('stale', state.busy !== null);
    // The running request's own cohort table (sent ahead of its report) is not stale.
    for (const card of [this.tableCard, this.chartCard]) card.classList.toggle('fresh', state.preview !== null);
    const shown = this.shown.report;
    const reportChanged = state.report !== shown;
    // A cohort table sent ahead of its report changes only the table; the report that follows
    // brings the same table (the controller keeps the object): each part is drawn when its own
    // inputs change (a 100-cohort table and its curves take ~0.4 s to draw).
    if (reportChanged && (shown === null || state.report === null || changedBeyondTable(shown, state.report))) this.showReport(state.report);
    const tableChanged = shown === null || state.report === null || !sameTableInputs(shown, state.report, state.metric) || state.metric !== this.shown.metric;
    if (state.report && (tableChanged || state.display !== this.shown.display)) this.showTable(state);
    if (state.report && tableChanged) this.showChart(state.report, state.metric);
    if (reportChanged || state.drill !== this.shown.drill) this.showDrill(state);
    this.shown = { report: state.report, display: state.display, metric: state.metric, drill: state.drill };
  }

  /** The curves chart as a PNG data URL (for Export → PNG). */
  chartPng(): string | null {
    return this.chart.toPng();
  }

  private showReport(report: ReportModel | null): void {
    this.header.update(report);
    document.title = reportTitle(report?.input.file ?? null);
    this.segments.setReport(report);
    this.churn.setReport(report);
    renderInsight(this.insight, report && hasChurn(report) ? report.churn.insight : []);
    if (!report) {
      this.chart.setModel(null);
      return;
    }
    renderKpis(this.kpis, report.kpis);
    renderExplain(this.explain, report.explain);
    renderQuality(this.quality, report);
  }

  private showTable(state: EventsViewState): void {
    const report = state.report!;
    const dataEnd = formatDataEnd(report.quality.dataEnd, report.quality.timePrecision);
    this.tableScroll.replaceChildren(renderCohortTable({ report, metric: state.metric, display: state.display, dataEnd }, this.opts.onCell, this.tableScroll));
    this.tableNotes.replaceChildren(...tableNotes(report, this.opts.onCell !== null).map((n) => el('p', { text: n })));
  }

  private showChart(report: ReportModel, metric: Metric): void {
    this.chart.setModel(chartModel(report, metric), xAxisLabel(report.retention));
  }

  private showDrill(state: EventsViewState): void {
    const report = state.report;
    const view = report && state.drill ? drillView(state.drill, columnLabel(report.retention, state.drill.column), report.quality.timePrecision) : null;
    renderDrillDown(this.drill, view, (line) => this.opts.onLine?.(line), () => this.opts.onCloseDrill());
  }
}

// The page skeleton and what to re-render when the state changes. Sections are built once; a new
// report refills them, the display toggle redraws only the table.
import type { Period } from '../shared/options';
import type { CellDisplay } from '../shared/protocol';
import type { ReportModel } from '../shared/report';
import type { ViewState } from './controller';
import { el } from './dom';
import { createControls } from './render/controls';
import { createHeader, reportTitle } from './render/header';
import { renderKpis } from './render/kpis';
import { renderCohortTable, tableNotes } from './render/cohortTable';
import { RetentionChart } from './render/retentionChart';
import { renderQuality } from './render/quality';
import { createStatus } from './render/status';

/** What the page can do; onChangeMapping is null where there is no extension (standalone HTML). */
export interface AppOptions {
  periods: readonly Period[];
  onPeriod(period: Period): void;
  onDisplay(display: CellDisplay): void;
  onChangeMapping: (() => void) | null;
}

/** The busy line to show: the state's, or "Loading" while there is nothing to show yet. */
export function busyMessage(state: ViewState): string | null {
  if (state.busy !== null) return state.busy;
  return state.report === null && state.error === null ? 'Loading the report…' : null;
}

/** The report page inside #app. */
export class App {
  private readonly header;
  private readonly controls;
  private readonly status;
  private readonly body = el('main', { className: 'report-body' });
  private readonly kpis = el('section', { className: 'kpis', attrs: { id: 'kpis', 'aria-label': 'Key figures' } });
  private readonly tableScroll = el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Cohort retention table (scrollable)' } });
  private readonly tableNotes = el('div', { className: 'notes' });
  private readonly chartNote = el('p', { className: 'notes chart-note', attrs: { id: 'chart-note' } });
  private readonly quality = el('section', { className: 'quality', attrs: { id: 'quality', 'aria-label': 'Data quality' } });
  private readonly chart: RetentionChart;
  private shownReport: ReportModel | null = null;
  private shownDisplay: CellDisplay | null = null;

  constructor(root: HTMLElement, opts: AppOptions) {
    this.header = createHeader({ onChangeMapping: opts.onChangeMapping });
    this.controls = createControls(opts);
    this.status = createStatus();
    const chartBox = el('div', { className: 'chart', attrs: { id: 'retention-chart', role: 'img', 'aria-label': 'Retention curves: share of each cohort retained by period offset' } });
    this.body.append(
      this.kpis,
      el('section', { className: 'card' }, el('h2', { text: 'Cohort retention' }), this.tableScroll, this.tableNotes),
      el('section', { className: 'card' }, el('h2', { text: 'Retention curves' }), chartBox, this.chartNote),
      this.quality,
    );
    root.replaceChildren(this.header.element, this.controls.element, this.status.busy, this.status.error, this.body);
    this.chart = new RetentionChart(chartBox, this.chartNote);
  }

  /** Brings the page in line with `state`, redrawing only what changed. */
  render(state: ViewState): void {
    this.controls.update({ period: state.period, display: state.display, busy: state.busy !== null });
    this.status.update(busyMessage(state), state.error);
    this.body.hidden = state.report === null;
    this.body.setAttribute('aria-busy', String(state.busy !== null));
    this.body.classList.toggle('stale', state.busy !== null);
    if (state.report !== this.shownReport) {
      this.shownReport = state.report;
      this.showReport(state.report, state.display);
    } else if (state.report && state.display !== this.shownDisplay) {
      this.showTable(state.report, state.display);
    }
  }

  private showReport(report: ReportModel | null, display: CellDisplay): void {
    this.header.update(report);
    document.title = reportTitle(report?.input.file ?? null);
    if (!report) {
      this.chart.setTable(null);
      return;
    }
    renderKpis(this.kpis, report.kpis);
    this.showTable(report, display);
    this.chart.setTable(report.retention);
    renderQuality(this.quality, report);
  }

  private showTable(report: ReportModel, display: CellDisplay): void {
    this.shownDisplay = display;
    this.tableScroll.replaceChildren(renderCohortTable(report, display));
    this.tableNotes.replaceChildren(...tableNotes(report).map((n) => el('p', { text: n })));
  }
}

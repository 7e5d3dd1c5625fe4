// Routes the state to the page for its report's shape: events (and the loading state) → the
// retention page (app.ts), subscriptions / customers → the lifetime page (lifetime/lifetimeApp.ts).
// Only one page exists at a time, so element ids (#report-title, #quality…) stay unique; a shape
// change (e.g. after Change mapping) rebuilds the page.
import type { AnyReport, LifetimeReportModel, ReportModel, RetentionTable } from '../shared/report';
import { App, type AppOptions } from './app';
import { eventsReport, pageOf, type ViewState } from './controller';
import { LifetimeApp } from './lifetime/lifetimeApp';

/** The page inside #app. */
export class Page {
  private kind: 'events' | 'lifetime' | null = null;
  private events: App | null = null;
  private lifetime: LifetimeApp | null = null;
  private previewed: { report: ReportModel | null; preview: RetentionTable | null; shown: ReportModel | null } | null = null;

  constructor(private readonly root: HTMLElement, private readonly opts: AppOptions) {}

  /** Renders `state` on the page for its report's shape, building that page first when needed. */
  render(state: ViewState): void {
    const kind = pageOf(state.report);
    if (kind !== this.kind) this.build(kind);
    if (this.events) this.events.render({ ...state, report: this.shownReport(eventsReport(state.report), state.preview) });
    else this.lifetime?.render(state, lifetimeReport(state.report));
  }

  /** The report to draw: with the running request's cohort table in place of its own, the same object while neither changes (the page redraws on a new report). */
  private shownReport(report: ReportModel | null, preview: RetentionTable | null): ReportModel | null {
    const last = this.previewed;
    if (last && last.report === report && last.preview === preview) return last.shown;
    const shown = report !== null && preview !== null ? { ...report, retention: preview } : report;
    this.previewed = { report, preview, shown };
    return shown;
  }

  /** The retention chart as a PNG data URL (Export → PNG; the lifetime page exports CSV only). */
  chartPng(): string | null {
    return this.events?.chartPng() ?? null;
  }

  private build(kind: 'events' | 'lifetime'): void {
    this.lifetime?.dispose();
    this.kind = kind;
    this.events = null;
    this.lifetime = null;
    this.root.replaceChildren();
    if (kind === 'events') this.events = new App(this.root, this.opts);
    else this.lifetime = new LifetimeApp(this.root, { ...this.opts, onExportHtml: this.opts.exportFormats.includes('html') ? () => this.opts.onExport('html') : null });
  }
}

function lifetimeReport(report: AnyReport | null): LifetimeReportModel | null {
  return report !== null && pageOf(report) === 'lifetime' ? (report as LifetimeReportModel) : null;
}

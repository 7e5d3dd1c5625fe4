// The page for a subscriptions or customers file (a LifetimeReportModel): header, busy/error
// lines, survival (Kaplan–Meier by segment with the log-rank test), subscriptions (MRR, movements,
// GRR/NRR, cohorts; hidden for customers files) and data quality. Sections are built once; a new
// report refills them, an options change only syncs the controls.
import type { Period } from '../../shared/options';
import type { ViewOptions } from '../../shared/protocol';
import type { LifetimeReportModel } from '../../shared/report';
import { busyMessage } from '../app';
import type { ViewState } from '../controller';
import { el } from '../dom';
import { createHeader, reportTitle } from '../render/header';
import { renderQualityFacts } from '../render/quality';
import { createStatus } from '../render/status';
import { lifetimeQualityFacts, lifetimeViewOptions, rowsLine } from './lifetimeModel';
import { createSubscriptionSection } from './subscriptionSection';
import { createSurvivalSection } from './survivalSection';

/** What the lifetime page can do; onChangeMapping is null on a standalone page. */
export interface LifetimeAppOptions {
  periods: readonly Period[];
  standalone: boolean;
  onOptions(options: ViewOptions): void;
  onChangeMapping: (() => void) | null;
  onSaveCsv(content: string, suggestedName: string): void;
  onExportHtml: (() => void) | null;   // the whole report as a standalone HTML page (VS Code only: the host renders it)
}

/** The lifetime report page inside its root element. */
export class LifetimeApp {
  private readonly header;
  private readonly status = createStatus();
  private readonly survival;
  private readonly subscriptions;
  private readonly body = el('main', { className: 'report-body lifetime', attrs: { 'data-shape': '' } });
  private readonly quality = el('section', { className: 'quality', attrs: { id: 'quality', 'aria-label': 'Data quality' } });
  private readonly rows = el('p', { className: 'muted', attrs: { id: 'lifetime-rows' } });
  private shown: LifetimeReportModel | null = null;

  constructor(root: HTMLElement, opts: LifetimeAppOptions) {
    this.header = createHeader({ onChangeMapping: opts.onChangeMapping });
    this.survival = createSurvivalSection({ standalone: opts.standalone, onOptions: opts.onOptions, onSaveCsv: opts.onSaveCsv });
    this.subscriptions = createSubscriptionSection({ periods: opts.periods, standalone: opts.standalone, onOptions: opts.onOptions, onSaveCsv: opts.onSaveCsv });
    const bar = el('div', { className: 'controls-row lifetime-bar' }, this.rows);
    if (opts.onExportHtml) {
      const onExportHtml = opts.onExportHtml;
      const button = el('button', { className: 'secondary', text: 'Export report (HTML)', attrs: { type: 'button', id: 'export-html', title: 'Save this report as one self-contained HTML page' } });
      button.addEventListener('click', () => onExportHtml());
      bar.append(button);
    }
    this.body.append(bar, this.survival.element, this.subscriptions.element, this.quality);
    root.replaceChildren(this.header.element, this.status.busy, this.status.error, this.body);
  }

  /** Brings the page in line with `state` (whose report, when present, is a lifetime report). */
  render(state: ViewState, report: LifetimeReportModel | null): void {
    this.status.update(busyMessage(state), state.error);
    this.body.hidden = report === null;
    this.body.setAttribute('aria-busy', String(state.busy !== null));
    this.body.classList.toggle('stale', state.busy !== null);
    if (report !== this.shown) this.showReport(report);
    if (report) {
      const options = lifetimeViewOptions(state.options, report);
      this.survival.update(options, report);
      this.subscriptions.update(options);
    }
  }

  /** Frees the charts (the page is being replaced). */
  dispose(): void {
    this.survival.dispose();
    this.subscriptions.dispose();
  }

  private showReport(report: LifetimeReportModel | null): void {
    this.shown = report;
    this.header.update(report);
    document.title = reportTitle(report?.input.file ?? null);
    this.body.setAttribute('data-shape', report?.shape ?? '');
    this.survival.setReport(report);
    this.subscriptions.setReport(report);
    this.rows.textContent = report ? rowsLine(report) : '';
    if (report) renderQualityFacts(this.quality, lifetimeQualityFacts(report.quality, report.shape, report.settings?.timeZone ?? 'UTC'), report.quality);
  }
}

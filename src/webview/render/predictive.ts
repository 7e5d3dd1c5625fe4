// The "Predicted customer value" section (#predictive): the Fit model form, then — once a fit is
// shown (from the host, a restored state, or a standalone page made with --predict) — the models,
// the holdout check and the customer table. update() is cheap when nothing changed.
import type { PredictiveOptions, PredictiveReport } from '../../shared/predictiveReport';
import type { ReportModel } from '../../shared/report';
import type { PredictState } from '../controller';
import { el } from '../dom';
import { dateBounds } from '../predictFormModel';
import { createCustomerTable } from './customerTable';
import { createHoldout } from './holdout';
import { createPredictForm } from './predictForm';
import { renderPredictResults } from './predictResults';

/** What the section needs from the page; onPredict and onLine are null on a standalone page. */
export interface PredictiveSectionOptions {
  standalone: boolean;
  onPredict: ((options: Partial<PredictiveOptions>) => void) | null;
  onLine: ((line: number) => void) | null;
  onExportCsv(content: string): void;
}

const INTRO = 'Which customers are still active, how often they will buy, and what they are worth: BG/NBD (purchases and drop-out) '
  + 'and Gamma-Gamma (spend) fitted to this file by maximum likelihood.';
const EMPTY_PANEL = 'No model fitted yet. Choose the options and press Fit model (a few seconds, even for a million customers).';
const EMPTY_STANDALONE = 'This page was made without the customer-value models. Re-run the CLI with --predict '
  + '(e.g. retention-lens report data.csv --predict --calibration-end YYYY-MM-DD --out report.html) to include them.';

/** The section element and its update function. */
export function createPredictive(opts: PredictiveSectionOptions): { element: HTMLElement; update(predict: PredictState, report: ReportModel | null): void } {
  const form = createPredictForm({ standalone: opts.standalone, onPredict: opts.onPredict });
  const empty = el('p', { className: 'muted', attrs: { id: 'clv-empty' }, text: opts.standalone ? EMPTY_STANDALONE : EMPTY_PANEL });
  const results = el('div', { className: 'clv-results', attrs: { id: 'clv-results' } });
  const holdout = createHoldout();
  const customers = createCustomerTable({ onLine: opts.onLine, onExportCsv: opts.onExportCsv });
  const element = el('section', { className: 'card', attrs: { id: 'predictive', 'aria-label': 'Predicted customer value' } },
    el('h2', { text: 'Predicted customer value' }),
    el('p', { className: 'muted intro', text: INTRO }),
    form.element, empty, el('div', { className: 'clv-output' }, results, holdout.element, customers.element));
  const output = element.lastElementChild as HTMLElement;
  let shown: PredictiveReport | null | undefined;
  let shownReport: ReportModel | null | undefined;
  let shownPredict: PredictState | undefined;
  return {
    element,
    update(predict, report) {
      if (predict === shownPredict && report === shownReport) return;
      form.update(predict, dateBounds(report));
      element.setAttribute('aria-busy', String(predict.busy !== null));
      output.classList.toggle('stale', predict.busy !== null);
      empty.hidden = predict.report !== null || predict.busy !== null;
      if (predict.report !== shown) {
        const fit = predict.report;
        form.setReport(fit);
        results.hidden = fit === null;
        if (fit) renderPredictResults(results, fit);
        else results.replaceChildren();
        holdout.setHoldout(fit?.holdout ?? null);
        customers.setReport(fit);
        shown = fit;
      }
      shownPredict = predict;
      shownReport = report;
    },
  };
}

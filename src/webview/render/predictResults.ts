// The fitted models (#clv-results): the units line, periods and data lines, the totals cards, the
// warnings and one parameter table per model with its log-likelihood, customers, fit time and
// convergence status. Every string comes from predictModel.ts.
import type { ModelFit, PredictiveReport, SpendModelFit } from '../../shared/predictiveReport';
import { el } from '../dom';
import { dataLine, fitFacts, parameterRows, periodLine, totalCards, unitsLine, warningLines } from '../predictModel';

function modelBlock(title: string, fit: ModelFit | SpendModelFit | null, missing: string, id: string): HTMLElement {
  if (fit === null) return el('div', { className: 'model', attrs: { id } }, el('h3', { text: title }), el('p', { className: 'muted', text: missing }));
  const head = el('tr', {}, ...['Parameter', 'Estimate', 'Std. error'].map((h, i) => el('th', { className: i > 0 ? 'num' : undefined, text: h, attrs: { scope: 'col' } })));
  const rows = parameterRows(fit).map((p) => el('tr', {},
    el('th', { className: 'param', text: p.symbol, attrs: { scope: 'row', title: p.meaning } }),
    el('td', { className: 'num', text: p.value }),
    el('td', { className: 'num', text: p.se })));
  const facts = el('dl', { className: 'facts fit-facts' }, ...fitFacts(fit).flatMap((f) => [
    el('dt', { text: f.label }),
    el('dd', { className: f.bad ? 'not-converged' : undefined, text: f.value }),
  ]));
  return el('div', { className: `model${fit.converged ? '' : ' failed'}`, attrs: { id } },
    el('h3', { text: title }),
    el('table', { className: 'data-table params' }, el('thead', {}, head), el('tbody', {}, ...rows)),
    facts);
}

/** Fills `root` with a fit's results. */
export function renderPredictResults(root: HTMLElement, report: PredictiveReport): void {
  const warnings = warningLines(report);
  const cards = totalCards(report);
  const parts: (HTMLElement | null)[] = [
    el('p', { className: 'units-line', text: unitsLine(report), attrs: { id: 'clv-units' } }),
    el('p', { className: 'muted', text: periodLine(report) }),
    el('p', { className: 'muted', text: dataLine(report) }),
    warnings.length > 0 ? el('ul', { className: 'warnings', attrs: { id: 'clv-warnings', 'aria-label': 'Warnings' } }, ...warnings.map((w) => el('li', { text: w }))) : null,
    cards.length > 0 ? el('div', { className: 'kpis clv-totals', attrs: { id: 'clv-totals', 'aria-label': 'Predicted totals' } }, ...cards.map((c) =>
      el('div', { className: 'kpi', attrs: { 'data-kpi': c.key, title: c.hint } },
        el('div', { className: 'kpi-label', text: c.label }),
        el('div', { className: 'kpi-value', text: c.value })))) : null,
    el('div', { className: 'models' },
      modelBlock('BG/NBD (purchases and drop-out)', report.bgnbd, 'Not fitted: nobody bought again before the calibration end.', 'clv-bgnbd'),
      modelBlock('Gamma-Gamma (spend per purchase)', report.gammaGamma, 'Not fitted: no amount column, or fewer than 3 repeat customers with spend.', 'clv-gamma-gamma')),
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

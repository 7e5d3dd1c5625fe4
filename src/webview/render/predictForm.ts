// The "Fit model" form of the predictive section: calibration end, time unit, horizon, discount
// rate, penalizer, the zero-amount checkbox and the button. Validation (predictFormModel.ts) shows
// next to each input; the host's busy line and error show under the button. On a standalone page
// every control is disabled: the CLI computed the fit (--predict) and nothing can re-run it.
import type { PredictiveOptions, PredictiveReport } from '../../shared/predictiveReport';
import type { PredictState } from '../controller';
import { el } from '../dom';
import {
  initialFormValues, parsePredictForm, TIME_UNIT_LABELS, type DateBounds, type PredictField, type PredictFormValues,
} from '../predictFormModel';
import { inputField, selectField, type Field } from './fields';

/** The title of the disabled form on a standalone page. */
export const PREDICT_STANDALONE_TITLE = 'Re-run the CLI with --predict to change this';

const noop = (): void => {};

function checkbox(id: string, label: string, hint: string): { element: HTMLElement; control: HTMLInputElement } {
  const control = el('input', { attrs: { id, type: 'checkbox', title: hint } });
  return { control, element: el('div', { className: 'field checkbox-field' }, control, el('label', { text: label, attrs: { for: id, title: hint } })) };
}

/** The form; update() shows the request's progress, setReport() fills the inputs from a fit. */
export function createPredictForm(opts: { standalone: boolean; onPredict: ((options: Partial<PredictiveOptions>) => void) | null }): {
  element: HTMLElement; update(predict: PredictState, bounds: DateBounds): void; setReport(report: PredictiveReport | null): void;
} {
  let bounds: DateBounds = { first: null, last: null };
  const fields: Record<Exclude<PredictField, 'zeroAmountPurchases'>, Field<HTMLInputElement | HTMLSelectElement>> = {
    calibrationEnd: inputField({ id: 'clv-calibration-end', label: 'Calibration end', type: 'date', size: 10, onCommit: noop,
      hint: 'Last day the model learns from; empty = the data\'s end. Choose an earlier date to check the model on a holdout.' }),
    timeUnit: selectField({ id: 'clv-time-unit', label: 'Time unit', hint: 'Unit of t_x, T and α', onChange: noop,
      choices: (['day', 'week', 'month'] as const).map((u) => ({ value: u, text: TIME_UNIT_LABELS[u] })) }),
    horizonMonths: inputField({ id: 'clv-horizon', label: 'Horizon (months)', hint: 'Months after the calibration end to predict purchases and CLV for', type: 'number', size: 4, min: 1, max: 600, onCommit: noop }),
    discountPercent: inputField({ id: 'clv-discount', label: 'Discount (% per month)', hint: 'Monthly discount rate of future spend, in percent (1 ≈ 12.7% a year)', type: 'number', size: 4, min: 0, max: 100, onCommit: noop }),
    penalizer: inputField({ id: 'clv-penalizer', label: 'Penalizer', hint: 'L2 penalty on the parameters (like lifetimes\' penalizer_coef); 0 = plain maximum likelihood', type: 'number', size: 4, min: 0, max: 100, onCommit: noop }),
  };
  fields.discountPercent.control.setAttribute('step', 'any');
  fields.penalizer.control.setAttribute('step', 'any');
  const zero = checkbox('clv-zero-amount', 'Count zero-amount rows as purchases', 'Off: a zero line is not a purchase (DESIGN.md §3). The published CDNOW preparation counts its $0.00 orders.');
  const fit = el('button', { text: 'Fit model', attrs: { type: 'submit', id: 'clv-fit' } });
  const hint = el('p', { className: 'muted form-hint' });
  const hintFor = (report: PredictiveReport | null): string => {
    if (!opts.standalone) return 'Calibration end empty = the data\'s end. Choose an earlier date to check the model on a holdout.';
    return report ? 'The options the CLI fitted with (--predict). Re-run the CLI to change them, or open the CSV in VS Code.' : '';
  };
  const busyText = el('span', {});
  const busy = el('div', { className: 'busy', attrs: { id: 'clv-busy', role: 'status', 'aria-live': 'polite' } },
    el('div', { className: 'progress', attrs: { 'aria-hidden': 'true' } }, el('div', { className: 'progress-bit' })), busyText);
  const error = el('div', { className: 'error', attrs: { id: 'clv-error', role: 'alert' } });
  const form = el('form', { className: 'predict-form', attrs: { id: 'clv-form', novalidate: '' } },
    el('div', { className: 'controls-row' }, ...Object.values(fields).map((f) => f.element), zero.element),
    el('div', { className: 'predict-actions' }, fit, hint));
  const element = el('div', {}, form, busy, error);

  const read = (): PredictFormValues => ({
    calibrationEnd: fields.calibrationEnd.control.value, timeUnit: fields.timeUnit.control.value, horizonMonths: fields.horizonMonths.control.value,
    discountPercent: fields.discountPercent.control.value, penalizer: fields.penalizer.control.value, zeroAmountPurchases: zero.control.checked,
  });
  const write = (v: PredictFormValues): void => {
    fields.calibrationEnd.control.value = v.calibrationEnd;
    fields.timeUnit.control.value = v.timeUnit;
    fields.horizonMonths.control.value = v.horizonMonths;
    fields.discountPercent.control.value = v.discountPercent;
    fields.penalizer.control.value = v.penalizer;
    zero.control.checked = v.zeroAmountPurchases;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!opts.onPredict) return;
    const result = parsePredictForm(read(), bounds);
    for (const [key, field] of Object.entries(fields)) field.setError(result.ok ? null : result.errors[key as PredictField] ?? null);
    if (result.ok) opts.onPredict(result.options);
  });
  write(initialFormValues(null));
  hint.textContent = hintFor(null);
  hint.hidden = hint.textContent === '';
  if (opts.standalone || !opts.onPredict) {
    for (const f of Object.values(fields)) f.setDisabled(true, PREDICT_STANDALONE_TITLE);
    for (const c of [zero.control, fit]) {
      c.disabled = true;
      c.title = PREDICT_STANDALONE_TITLE;
    }
  }
  return {
    element,
    update(predict, next) {
      bounds = next;
      fields.calibrationEnd.control.setAttribute('min', next.first ?? '');
      fields.calibrationEnd.control.setAttribute('max', next.last ?? '');
      busy.hidden = predict.busy === null;
      busyText.textContent = predict.busy ?? '';
      error.hidden = predict.error === null;
      error.textContent = predict.error === null ? '' : `The fit failed: ${predict.error}`;
      if (!opts.standalone && opts.onPredict) fit.disabled = predict.requestId !== null;
    },
    setReport(report) {
      write(initialFormValues(report));
      hint.textContent = hintFor(report);
      hint.hidden = hint.textContent === '';
      for (const f of Object.values(fields)) f.setError(null);
    },
  };
}

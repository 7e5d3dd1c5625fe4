// Labelled native form controls (<select>, <input>) styled by media/webview.css with --vscode-*
// variables. Each is built once and updated in place, so focus and typed text survive re-renders.
import { el } from '../dom';

/** One choice of a select. */
export interface Choice {
  value: string;
  text: string;
  disabled?: boolean;
}

/** A labelled control: its wrapper (.field), the control itself and an inline error line. */
export interface Field<C extends HTMLElement> {
  element: HTMLElement;
  control: C;
  setError(message: string | null): void;
  setDisabled(disabled: boolean, title?: string): void;
}

function wrap<C extends HTMLSelectElement | HTMLInputElement>(id: string, label: string, control: C, hint: string): Field<C> {
  const error = el('span', { className: 'field-error', attrs: { id: `${id}-error`, role: 'alert' } });
  error.hidden = true;
  const element = el('div', { className: 'field', attrs: { 'data-field': id } }, el('label', { text: label, attrs: { for: id } }), control, error);
  control.title = hint;
  return {
    element,
    control,
    setError(message) {
      error.hidden = message === null;
      error.textContent = message ?? '';
      control.setAttribute('aria-invalid', String(message !== null));
      if (message === null) control.removeAttribute('aria-describedby');
      else control.setAttribute('aria-describedby', error.id);
    },
    setDisabled(disabled, title) {
      control.disabled = disabled;
      control.title = disabled && title ? title : hint;
    },
  };
}

/** Replaces a select's options when they changed (keeps the element and its focus). */
export function setChoices(select: HTMLSelectElement, choices: readonly Choice[]): void {
  const same = select.options.length === choices.length
    && choices.every((c, i) => select.options[i].value === c.value && select.options[i].text === c.text && select.options[i].disabled === (c.disabled ?? false));
  if (same) return;
  const value = select.value;
  select.replaceChildren(...choices.map((c) => el('option', { text: c.text, attrs: { value: c.value, disabled: c.disabled ? '' : undefined } })));
  if (choices.some((c) => c.value === value)) select.value = value;
}

/** A labelled <select>; onChange gets the chosen value. */
export function selectField(o: { id: string; label: string; hint: string; choices: readonly Choice[]; onChange(value: string): void }): Field<HTMLSelectElement> {
  const select = el('select', { attrs: { id: o.id } });
  setChoices(select, o.choices);
  select.addEventListener('change', () => o.onChange(select.value));
  return wrap(o.id, o.label, select, o.hint);
}

/**
 * A labelled text or number input. onCommit runs on "change" (Enter or leaving the field), not on
 * every key: each commit re-runs the analysis on the host.
 */
export function inputField(o: { id: string; label: string; hint: string; type: 'text' | 'number' | 'date'; size: number; onCommit(text: string): void; min?: number; max?: number }): Field<HTMLInputElement> {
  const input = el('input', { attrs: {
    id: o.id, type: o.type, size: String(o.size), spellcheck: 'false', autocomplete: 'off',
    min: o.min === undefined ? undefined : String(o.min), max: o.max === undefined ? undefined : String(o.max),
  } });
  input.addEventListener('change', () => o.onCommit(input.value));
  return wrap(o.id, o.label, input, o.hint);
}

/** Sets an input's text unless the user is editing it or it shows an error (their text stays). */
export function syncInput(input: HTMLInputElement, text: string): void {
  if (document.activeElement === input || input.getAttribute('aria-invalid') === 'true') return;
  if (input.value !== text) input.value = text;
}

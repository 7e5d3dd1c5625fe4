// The retention-definition controls (mode, brackets, window, cohorts, base, average, minimum
// occurrences, event filters, small-cohort size) and the preset buttons. Every commit hands the
// whole ViewOptions to onOptions; invalid text stays in its input with the error next to it.
import {
  AVERAGE_METHODS, COHORT_KINDS, DEFAULT_RETENTION, PRESET_NAMES, RATE_BASES, RETENTION_MODES, WINDOW_KINDS,
  type PresetName, type RetentionMode,
} from '../../shared/options';
import type { ViewOptions } from '../../shared/protocol';
import type { ReportModel } from '../../shared/report';
import { presetOptions } from '../../engine/presets';
import { el } from '../dom';
import {
  AVERAGE_LABELS, COHORT_LABELS, formatBrackets, MODE_LABELS, parseBracketsInput, parseCount, PRESET_LABELS, RATE_BASE_LABELS,
  showEventFilters, STANDALONE_DISABLED_TITLE, WINDOW_LABELS, withMode, withPreset,
} from '../optionsModel';
import { inputField, selectField, setChoices, syncInput, type Choice, type Field } from './fields';

/** What the lab controls need from the page. */
export interface LabControlsOptions {
  standalone: boolean;                  // no host: every control here is disabled
  onOptions(options: ViewOptions): void;
}

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] => values.map((v) => ({ value: v, text: labels[v] }));
const ANY = '';   // the "(any)" choice of the event selects; event names are never empty

function eventChoices(names: readonly string[]): Choice[] {
  return [{ value: ANY, text: '(any)' }, ...names.map((n) => ({ value: `=${n}`, text: n }))];
}

/** The lab fields and presets; update() syncs them with the selected options and the shown report. */
export function createLabControls(opts: LabControlsOptions): { fields: HTMLElement; presets: HTMLElement; update(options: ViewOptions, report: ReportModel | null): void } {
  let current: ViewOptions = { period: 'month' };
  const post = (change: Partial<ViewOptions>): void => opts.onOptions({ ...current, ...change });

  const mode = selectField({ id: 'mode-select', label: 'Mode', hint: 'What counts as retained at a column', choices: choices(RETENTION_MODES, MODE_LABELS),
    onChange: (v) => opts.onOptions(withMode(current, v as RetentionMode)) });
  const brackets: Field<HTMLInputElement> = inputField({ id: 'brackets-input', label: 'Brackets', hint: 'Offset ranges, e.g. 0,1-3,4-7,8-14,15-30', type: 'text', size: 18,
    onCommit: (text) => {
      const parsed = parseBracketsInput(text);
      brackets.setError(parsed.ok ? null : parsed.error);
      if (parsed.ok) post({ brackets: parsed.value });
    } });
  const windowKind = selectField({ id: 'window-select', label: 'Window', hint: 'Calendar periods, or rolling windows from each customer\'s first event', choices: choices(WINDOW_KINDS, WINDOW_LABELS), onChange: (v) => post({ window: v as ViewOptions['window'] }) });
  const cohorts = selectField({ id: 'cohorts-select', label: 'Cohorts', hint: 'First-time: each customer once; recurring: every period they are active in', choices: choices(COHORT_KINDS, COHORT_LABELS), onChange: (v) => post({ cohorts: v as ViewOptions['cohorts'] }) });
  const rateBase = selectField({ id: 'rate-base-select', label: 'Relative to', hint: 'What each rate is divided by', choices: choices(RATE_BASES, RATE_BASE_LABELS), onChange: (v) => post({ rateBase: v as ViewOptions['rateBase'] }) });
  const average = selectField({ id: 'average-select', label: 'Average', hint: 'How the average row combines the cohorts', choices: choices(AVERAGE_METHODS, AVERAGE_LABELS), onChange: (v) => post({ average: v as ViewOptions['average'] }) });
  const count = (id: string, label: string, hint: string, key: 'minOccurrences' | 'smallCohort', min: number, max: number): Field<HTMLInputElement> => {
    const field: Field<HTMLInputElement> = inputField({ id, label, hint, type: 'number', size: 5, min, max, onCommit: (text) => {
      const parsed = parseCount(text, min, max);
      field.setError(parsed.ok ? null : parsed.error);
      if (parsed.ok) post({ [key]: parsed.value });
    } });
    return field;
  };
  const minOcc = count('min-occurrences-input', 'Min occurrences', 'Rows a customer needs in a period to count as active there', 'minOccurrences', 1, 1_000_000);
  const small = count('small-cohort-input', 'Small cohort', 'Cohorts with fewer customers are greyed as small', 'smallCohort', 0, 1_000_000_000);
  const eventValue = (v: string): string | null => (v === ANY ? null : v.slice(1));
  const cohortEvent = selectField({ id: 'cohort-event-select', label: 'Cohort event', hint: 'Event that puts a customer in a cohort', choices: eventChoices([]), onChange: (v) => post({ cohortEvent: eventValue(v) }) });
  const returnEvent = selectField({ id: 'return-event-select', label: 'Return event', hint: 'Event that counts as coming back', choices: eventChoices([]), onChange: (v) => post({ returnEvent: eventValue(v) }) });

  const all = [mode, brackets, windowKind, cohorts, rateBase, average, minOcc, cohortEvent, returnEvent, small];
  const presetButtons = PRESET_NAMES.map((name: PresetName) => {
    const b = el('button', { className: 'secondary', text: PRESET_LABELS[name], attrs: { type: 'button', 'data-preset': name, title: `Set the options the way ${PRESET_LABELS[name].replace('Like ', '')} defines retention by default` } });
    b.addEventListener('click', () => opts.onOptions(withPreset(current, presetOptions(name))));
    return b;
  });
  if (opts.standalone) {
    for (const f of all) f.setDisabled(true, STANDALONE_DISABLED_TITLE);
    for (const b of presetButtons) { b.disabled = true; b.title = STANDALONE_DISABLED_TITLE; }
  }
  const presets = el('div', { className: 'presets', attrs: { role: 'group', 'aria-label': 'Presets' } }, el('span', { className: 'field-label', text: 'Presets' }), ...presetButtons);

  return {
    fields: el('div', { className: 'lab-fields' }, ...all.map((f) => f.element)),
    presets,
    update(options, report) {
      current = options;
      const o = { ...DEFAULT_RETENTION, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
      mode.control.value = o.mode;
      brackets.element.hidden = o.mode !== 'bracket';
      syncInput(brackets.control, formatBrackets(o.brackets));
      windowKind.control.value = o.window;
      cohorts.control.value = o.cohorts;
      rateBase.control.value = o.rateBase;
      average.control.value = o.average;
      syncInput(minOcc.control, String(o.minOccurrences));
      syncInput(small.control, String(o.smallCohort));
      const names = report?.choices.eventNames ?? [];
      for (const [field, value] of [[cohortEvent, o.cohortEvent], [returnEvent, o.returnEvent]] as const) {
        setChoices(field.control, eventChoices(names));
        field.control.value = value === null ? ANY : `=${value}`;
        field.element.hidden = !showEventFilters(names);
      }
    },
  };
}

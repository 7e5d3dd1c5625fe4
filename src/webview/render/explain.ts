// The Explain section (#explain): one sentence per option saying why another setting gives a
// different number on this file (report.explain).
import type { ExplainLine } from '../../shared/report';
import { el } from '../dom';

/** Fills `root`'s list for the report's explain lines. */
export function renderExplain(root: HTMLElement, lines: readonly ExplainLine[]): void {
  root.replaceChildren(
    el('h2', { text: 'Explain' }),
    lines.length === 0
      ? el('p', { className: 'muted', text: 'Nothing to explain for these options.' })
      : el('ul', { className: 'explain-list' }, ...lines.map((l) => el('li', { attrs: { 'data-option': l.option } },
        el('span', { className: 'explain-option', text: l.option }), ' ', l.text))),
  );
}

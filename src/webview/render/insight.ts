// The insight lines at the top of the report (#insight): plain sentences the engine wrote from
// its own numbers, shown as text.
import { el } from '../dom';

/** Fills `root` with one paragraph per line; hidden when there is none. */
export function renderInsight(root: HTMLElement, lines: readonly string[]): void {
  root.hidden = lines.length === 0;
  root.replaceChildren(...lines.map((line) => el('p', { className: 'insight-line', text: line })));
}

// What the full and the windowed cohort tables share: one heatmap cell as an element, and the
// arrow keys' steps for moving between cells.
import { el } from '../dom';
import type { CellView } from '../tableModel';

/**
 * One heatmap cell. A present cell of a clickable table is a button in the grid's roving tabindex
 * (arrows move between cells). data-offset is the pre-lab name of data-column, kept for the
 * integration tests that read the table.
 */
export function cellElement(cell: CellView, clickable: boolean): HTMLTableCellElement {
  const active = clickable && !cell.classes.includes('absent');
  return el('td', { className: cell.classes.join(' '), text: cell.text, attrs: {
    'data-column': String(cell.column), 'data-offset': String(cell.column), title: cell.title ?? undefined,
    tabindex: active ? '-1' : undefined, role: active ? 'button' : undefined,
  } });
}

/** Row and column step of each arrow key. */
export const ARROW_STEPS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

// The Export menu: a <details> disclosure (opens without script) holding one button per format.
import type { ExportFormat } from '../../shared/protocol';
import { el } from '../dom';
import { EXPORT_LABELS } from '../exportModel';

/** The menu; a click picks a format and closes it. */
export function createExportMenu(formats: readonly ExportFormat[], onExport: (format: ExportFormat) => void): { element: HTMLElement; setEnabled(enabled: boolean): void } {
  const buttons = formats.map((format) => {
    const b = el('button', { className: 'menu-item', text: EXPORT_LABELS[format], attrs: { type: 'button', role: 'menuitem', 'data-export': format } });
    b.addEventListener('click', () => {
      details.open = false;
      onExport(format);
    });
    return b;
  });
  const summary = el('summary', { className: 'export-button', text: 'Export', attrs: { title: 'Save the table, the chart or the report', 'aria-haspopup': 'menu' } });
  const details = el('details', { className: 'export-menu', attrs: { id: 'export-menu' } }, summary, el('div', { className: 'menu', attrs: { role: 'menu' } }, ...buttons));
  details.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && details.open) {
      details.open = false;
      summary.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (details.open && e.target instanceof Node && !details.contains(e.target)) details.open = false;
  });
  return {
    element: details,
    setEnabled(enabled) {
      for (const b of buttons) b.disabled = !enabled;
    },
  };
}

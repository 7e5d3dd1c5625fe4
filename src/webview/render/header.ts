// Header: "Retention — <file>", the column mapping the report used, and "Change mapping".
import { ROLE_LABELS, type ColumnRole } from '../../shared/mapping';
import { isEventsReport, type AnyReport, type ReportModel } from '../../shared/report';
import { lifetimeMappingSummary, shapeLabel } from '../lifetime/lifetimeModel';
import { el } from '../dom';

/** The mapping line: "customer id: customer_id · timestamp: month · amount: amount" (+ optional roles when mapped). */
export function mappingSummary(mapping: ReportModel['mapping']): string {
  const roles: ColumnRole[] = ['customerId', 'timestamp', 'amount', 'quantity', 'unitPrice', 'orderId', 'eventName'];
  const core = new Set<ColumnRole>(['customerId', 'timestamp', 'amount']);
  return roles
    .filter((role) => core.has(role) || (mapping[role] ?? null) !== null)
    .map((role) => `${ROLE_LABELS[role]}: ${mapping[role] ?? 'not mapped'}`)
    .join(' · ');
}

/** The header's second line: the events mapping, or a lifetime file's shape and mapping. */
export function headerSummary(report: AnyReport): string {
  return isEventsReport(report) ? mappingSummary(report.mapping) : `${shapeLabel(report.shape)} · ${lifetimeMappingSummary(report)}`;
}

/** The page title for a file name. */
export function reportTitle(file: string | null): string {
  return file ? `Retention — ${file}` : 'Retention';
}

/** The header; update() refreshes its texts without replacing the button (keeps focus). */
export function createHeader(opts: { onChangeMapping: (() => void) | null }): { element: HTMLElement; update(report: AnyReport | null): void } {
  const title = el('h1', { attrs: { id: 'report-title' } });
  const summary = el('p', { className: 'mapping-summary', attrs: { id: 'mapping-summary' } });
  let button: HTMLButtonElement | null = null;
  if (opts.onChangeMapping) {
    const onChangeMapping = opts.onChangeMapping;
    button = el('button', { className: 'secondary', text: 'Change mapping…', attrs: { id: 'change-mapping', type: 'button', title: 'Choose which columns hold the customer id, timestamp and amount' } });
    button.addEventListener('click', () => onChangeMapping());
  }
  const element = el('header', { className: 'report-header' }, el('div', { className: 'title-block' }, title, summary), button);
  return {
    element,
    update(report) {
      title.textContent = reportTitle(report?.input.file ?? null);
      summary.textContent = report ? headerSummary(report) : '';
    },
  };
}

// Data quality (#quality): rows read / used / skipped per reason with the first examples,
// returns, zero-amount rows, date format and range. All values are text (they come from the CSV).
import type { QualityReport, ReportModel } from '../../shared/report';
import { el } from '../dom';
import { qualityFacts, skipLines } from '../qualityModel';

function skippedTable(quality: Pick<QualityReport, 'skipped' | 'examples'>): HTMLElement {
  const lines = skipLines(quality);
  if (lines.length === 0) return el('p', { className: 'muted', text: 'No rows were skipped.' });
  return el('table', { className: 'skipped-table' },
    el('caption', { text: 'Skipped rows, by reason (first examples)' }),
    el('thead', {}, el('tr', {},
      el('th', { text: 'Reason', attrs: { scope: 'col' } }),
      el('th', { className: 'num', text: 'Rows', attrs: { scope: 'col' } }),
      el('th', { text: 'First examples', attrs: { scope: 'col' } }))),
    el('tbody', {}, ...lines.map((line) => el('tr', { attrs: { 'data-reason': line.reason } },
      el('th', { text: line.label, attrs: { scope: 'row' } }),
      el('td', { className: 'num', text: line.count }),
      el('td', {}, el('ul', { className: 'examples' }, ...line.examples.map((e) => el('li', { text: e }))))))));
}

/** Fills `root` (#quality) for a report. */
export function renderQuality(root: HTMLElement, report: ReportModel): void {
  renderQualityFacts(root, qualityFacts(report.quality, report.settings?.timeZone ?? 'UTC'), report.quality);
}

/** Fills `root` (#quality) with a facts list and the skipped-rows table (any report shape). */
export function renderQualityFacts(root: HTMLElement, facts: [string, string][], quality: Pick<QualityReport, 'skipped' | 'examples'>): void {
  root.replaceChildren(
    el('h2', { text: 'Data quality' }),
    el('dl', { className: 'facts' }, ...facts.flatMap(([label, value]) => [el('dt', { text: label }), el('dd', { text: value })])),
    skippedTable(quality),
  );
}

// The survival section (#survival): the "Split by" select (a segment column or None), the
// Kaplan–Meier chart with bands and censoring ticks, its legend (subjects, events, median with
// interval), the number-at-risk table under it, and the log-rank test with observed vs expected.
// Every label may come from the CSV: all text goes in through dom.ts (textContent).
import type { ViewOptions } from '../../shared/protocol';
import type { LifetimeReportModel } from '../../shared/report';
import { el } from '../dom';
import { STANDALONE_DISABLED_TITLE } from '../optionsModel';
import { dataTable, scrollBox, type Head } from '../render/dataTable';
import { selectField, setChoices } from '../render/fields';
import { SurvivalChart } from '../render/survivalChart';
import { subjectWord } from './lifetimeModel';
import { lifetimeExportName, survivalCsv } from './lifetimeExport';
import { atRiskLayout, confidenceLabel, legendRows, logRankLine, logRankRows, survivalChartModel } from './survivalModel';

const NONE = '';   // the "None" choice; column names are never empty, and real ones are sent with a "=" prefix

/** A label with its curve's colour swatch (.series-N in media/lifetime.css). */
function swatched(label: string, color: number): HTMLElement {
  return el('span', { className: 'curve-label' }, el('span', { className: `swatch series-${color % 6}`, attrs: { 'aria-hidden': 'true' } }), label);
}

function legendTable(report: LifetimeReportModel): HTMLTableElement {
  const s = report.survival;
  const heads: Head[] = [
    { text: s.segmentColumn ?? 'Curve', num: false }, { text: subjectWord(report.shape).replace(/^./, (c) => c.toUpperCase()), num: true },
    { text: 'Churned', num: true, title: 'Events: the subjects whose end was observed' }, { text: 'Censored', num: true, title: 'Still active at the data end (or when last seen)' },
    { text: `Median (${confidenceLabel(s.confidence)} CI)`, num: false, title: 'First time the curve is at or below 50%, with the interval read off the band' },
  ];
  return dataTable({ heads, className: 'survival-legend', id: 'survival-legend',
    rows: legendRows(s).map((r) => ({ cells: [swatched(r.label, r.color), r.subjects, r.events, r.censored, r.median] })) });
}

function atRiskTable(report: LifetimeReportModel): HTMLTableElement {
  const layout = atRiskLayout(report.survival);
  const heads: Head[] = [{ text: `Number at risk (${report.survival.timeUnit})`, num: false }, ...layout.heads.map((h) => ({ text: h, num: true }))];
  return dataTable({ heads, className: 'at-risk-table', id: 'at-risk-table', rows: layout.rows.map((r) => ({ cells: [swatched(r.label, r.color), ...r.cells] })) });
}

function logRankPart(report: LifetimeReportModel): HTMLElement[] {
  const lr = report.survival.logRank;
  if (!lr) {
    const why = report.survival.segmentColumn === null ? 'Pick a column under "Split by" to compare its curves with a log-rank test.' : 'Fewer than two groups have subjects: no log-rank test.';
    return [el('p', { className: 'muted', text: why, attrs: { id: 'logrank' } })];
  }
  const heads: Head[] = [{ text: report.survival.segmentColumn ?? 'Group', num: false }, { text: 'Subjects', num: true },
    { text: 'Observed', num: true, title: 'Events in the group' }, { text: 'Expected', num: true, title: 'Events expected if every group had the pooled hazard' },
    { text: 'O / E', num: true, title: 'Above 1: the group churns faster than the pooled rate' }];
  return [
    el('p', { className: 'verdict', text: logRankLine(lr), attrs: { id: 'logrank' } }),
    scrollBox('Log-rank test, observed and expected events', dataTable({ heads, className: 'logrank-table', id: 'logrank-table', rows: logRankRows(lr).map((cells) => ({ cells })) })),
  ];
}

/** The section; update() syncs the select with the options, setReport() redraws the curves and tables. */
export function createSurvivalSection(opts: { standalone: boolean; onOptions(options: ViewOptions): void; onSaveCsv(content: string, name: string): void }): {
  element: HTMLElement; update(options: ViewOptions, report: LifetimeReportModel): void; setReport(report: LifetimeReportModel | null): void; dispose(): void;
} {
  let current: ViewOptions = { period: 'month' };
  let shown: LifetimeReportModel | null = null;
  const split = selectField({ id: 'survival-segment-select', label: 'Split by', hint: 'One curve per value of a categorical column, compared with a log-rank test',
    choices: [{ value: NONE, text: 'None' }], onChange: (v) => opts.onOptions({ ...current, segment: v === NONE ? null : v.slice(1) }) });
  if (opts.standalone) split.setDisabled(true, STANDALONE_DISABLED_TITLE);
  const exportButton = el('button', { className: 'secondary', text: 'Export survival table (CSV)', attrs: { type: 'button', id: 'export-survival' } });
  exportButton.addEventListener('click', () => { if (shown) opts.onSaveCsv(survivalCsv(shown), lifetimeExportName(shown.input.file, 'survival')); });
  const intro = el('p', { className: 'notes', attrs: { id: 'survival-intro' } });
  const chartBox = el('div', { className: 'chart', attrs: { id: 'survival-chart', role: 'img', 'aria-label': 'Kaplan–Meier survival curves' } });
  const tables = el('div', { className: 'survival-tables' });
  const test = el('div', { className: 'logrank' });
  const element = el('section', { className: 'card', attrs: { id: 'survival', 'aria-label': 'Survival' } },
    el('h2', { text: 'Survival (Kaplan–Meier)' }), el('div', { className: 'controls-row' }, split.element, exportButton), intro, chartBox, tables, test);
  const chart = new SurvivalChart(chartBox);
  return {
    element,
    update(options, report) {
      current = options;
      setChoices(split.control, [{ value: NONE, text: 'None' }, ...report.choices.segmentColumns.map((n) => ({ value: `=${n}`, text: n }))]);
      split.control.value = options.segment ? `=${options.segment}` : NONE;
    },
    setReport(report) {
      shown = report;
      chart.setModel(report ? survivalChartModel(report.survival) : null);
      if (!report) return;
      const s = report.survival;
      intro.textContent = `Share of ${subjectWord(report.shape)} still active t ${s.timeUnit} after they started. Shaded: ${confidenceLabel(s.confidence)} confidence band; `
        + 'ticks: censored (still active at the data end, so only known to have lasted at least that long).';
      tables.replaceChildren(scrollBox('Survival curves', legendTable(report)), scrollBox('Number at risk', atRiskTable(report)));
      test.replaceChildren(...logRankPart(report));
    },
    dispose: () => chart.dispose(),
  };
}

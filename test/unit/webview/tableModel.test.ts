import { strict as assert } from 'node:assert';
import type { Metric } from '../../../src/shared/protocol';
import type { ReportModel, RetentionTable } from '../../../src/shared/report';
import {
  atRiskCells, ciText, cohortCells, cohortTitle, columnCount, hasPartialCells, hasSmallCohorts, rateBase, rowClasses, summaryCells, type CellContext,
} from '../../../src/webview/tableModel';
import { ordersReport } from './sampleReports';

const texts = (cells: { text: string }[]): string[] => cells.map((c) => c.text);
const withTable = (over: Partial<RetentionTable>): ReportModel => ({ ...ordersReport(), retention: { ...ordersReport().retention, ...over } });

describe('webview/tableModel', () => {
  const report = ordersReport();
  const ctx = (metric: Metric = 'customers', display: 'percent' | 'count' = 'percent', r: ReportModel = report): CellContext => ({ report: r, metric, display, dataEnd: '2024-03-31' });

  it('shows the DESIGN.md §6 example as percentages and as counts', () => {
    assert.deepEqual(texts(cohortCells(0, ctx())), ['100%', '67%', '33%']);
    assert.deepEqual(texts(cohortCells(1, ctx())), ['100%', '50%', '']);
    assert.deepEqual(texts(cohortCells(0, ctx('customers', 'count'))), ['3', '2', '1']);
    assert.deepEqual(texts(summaryCells(ctx())), ['100%', '60%', '33%']);
    assert.deepEqual(texts(summaryCells(ctx('customers', 'count'))), ['100%', '60%', '33%']);
  });

  it('gives present cells "n of base = rate (95% CI lower–upper)"; absent cells nothing', () => {
    const [c0, c1, c2] = cohortCells(1, ctx());
    assert.deepEqual(c2, { column: 2, text: '', title: null, classes: ['cell', 'absent'] });
    assert.deepEqual(c0.classes, ['cell', 'heat-10']);
    // 1 of 2: Wilson 0.0945–0.9055, printed with one decimal (half up).
    assert.equal(c1.title, '2024-02 · M1: 1 of 2 = 50.0% (95% CI 9.5–90.6%)');
    assert.equal(cohortCells(0, ctx())[1].title, '2024-01 · M1: 2 of 3 = 66.7% (95% CI 20.8–93.9%)');
    assert.equal(ciText(0.314, 0.399), '95% CI 31.4–39.9%');
    assert.equal(ciText(null, 0.5), null);
  });

  it('divides by the previous column\'s count when rates are relative to the previous period', () => {
    const r = withTable({ definition: { ...report.retention.definition, rateBase: 'previous' },
      cohorts: [{ ...report.retention.cohorts[0], rates: [1, 0.6667, 0.5], lower: [0.4385, 0.2077, 0.0945], upper: [1, 0.9385, 0.9055] }] });
    assert.equal(rateBase(r.retention, r.retention.cohorts[0], 0), 3);
    assert.equal(rateBase(r.retention, r.retention.cohorts[0], 2), 2);
    assert.equal(cohortCells(0, ctx('customers', 'percent', r))[2].title, '2024-01 · M2: 1 of 2 = 50.0% (95% CI 9.5–90.6%)');
  });

  it('flags partial cells with a class and a tooltip naming the data end', () => {
    const r = withTable({ cohorts: [{ cohort: '2024-03', size: 4, counts: [4, 1], rates: [1, 0.25], partial: [false, true], lower: [0.5101, 0.0456], upper: [1, 0.6994], small: true }] });
    const cell = cohortCells(0, ctx('customers', 'percent', r))[1];
    assert.deepEqual(cell.classes, ['cell', 'heat-5', 'partial']);
    assert.equal(cell.title, '2024-03 · M1: 1 of 4 = 25.0% (95% CI 4.6–69.9%)\nPeriod not complete: data ends 2024-03-31');
    assert.ok(hasPartialCells(r.retention));
    assert.ok(!hasPartialCells(report.retention));
  });

  it('greys small cohorts with a class and says why in the row header', () => {
    const t = report.retention;
    assert.deepEqual(rowClasses(t.cohorts[0]), ['small']);
    assert.deepEqual(rowClasses({ ...t.cohorts[0], small: false }), []);
    assert.equal(cohortTitle(t.cohorts[1], t), '2024-02: small cohort (fewer than 30 customers), rates are uncertain');
    assert.equal(cohortTitle({ ...t.cohorts[1], small: false }, t), '2024-02');
    assert.ok(hasSmallCohorts(t));
  });

  it('pads short rows to the number of columns', () => {
    const r = withTable({ cohorts: [...report.retention.cohorts, { cohort: '2024-03', size: 1, counts: [1], rates: [1], partial: [false], lower: [0.2065], upper: [1], small: true }] });
    assert.equal(columnCount(r.retention), 3);
    assert.deepEqual(cohortCells(2, ctx('customers', 'percent', r)).map((c) => c.classes.includes('absent')), [false, true, true]);
  });

  it('adds a "Number at risk" row', () => {
    const cells = atRiskCells(report.retention);
    assert.deepEqual(texts(cells), ['5', '5', '3']);
    assert.equal(cells[2].title, '3 customers in cohorts old enough for column M2');
  });

  it('explains the average row per method, with the pooled totals and interval', () => {
    assert.equal(summaryCells(ctx())[1].title, 'Average (pooled) · M1: 60.0% (95% CI 23.1–88.2%)\n3 of 5 customers in the cohorts whose period is complete');
    const simple = withTable({ average: { ...report.retention.average, method: 'simple', rates: [1, 0.5833, 0.3333] } });
    assert.equal(summaryCells(ctx('customers', 'percent', simple))[1].title,
      'Average (simple mean) · M1: 58.3%\nMean of the complete cohorts\' rates\nPooled: 3 of 5 customers in the cohorts whose period is complete (95% CI 23.1–88.2%)');
    const mixpanel = withTable({ average: { ...report.retention.average, method: 'mixpanel' } });
    assert.match(summaryCells(ctx('customers', 'percent', mixpanel))[1].title!, /^Average \(Mixpanel-compatible\) · M1: 60\.0%\n/);
  });

  it('shows revenue metrics as money, revenue retention as percent', () => {
    assert.deepEqual(texts(cohortCells(0, ctx('revenue'))), ['45.00', '20.00', '9.00']);
    assert.deepEqual(texts(summaryCells(ctx('revenue'))), ['80.00', '31.00', '9.00']);
    assert.deepEqual(texts(cohortCells(1, ctx('revenuePerCustomer'))), ['17.50', '5.50', '']);
    assert.deepEqual(texts(summaryCells(ctx('revenuePerCustomer'))), ['16.00', '6.20', '3.00']);
    assert.deepEqual(texts(cohortCells(0, ctx('cumulativePerCustomer'))), ['15.00', '21.67', '24.67']);
    assert.deepEqual(texts(cohortCells(0, ctx('revenueRetention'))), ['100%', '44%', '20%']);
    assert.equal(cohortCells(0, ctx('revenueRetention'))[1].title, '2024-01 · M1: 44.4% of the first column\'s revenue');
    assert.equal(cohortCells(0, ctx('revenue'))[1].title, '2024-01 · M1: 20.00 revenue');
    assert.equal(summaryCells(ctx('revenuePerCustomer'))[1].title, 'Average (pooled) · M1: 6.20 revenue per cohort customer');
    // Money heat is relative to the largest cell (45): 20/45 → √0.444 = 0.667 → step 7; 9/45 → √0.2 = 0.447 → step 4.
    assert.deepEqual(cohortCells(0, ctx('revenue')).map((c) => c.classes[1]), ['heat-10', 'heat-7', 'heat-4']);
    // Counts are a customers-only view: revenue cells stay money in count mode.
    assert.deepEqual(texts(cohortCells(0, ctx('revenue', 'count'))), ['45.00', '20.00', '9.00']);
  });
});

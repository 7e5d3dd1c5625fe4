import { strict as assert } from 'node:assert';
import type { CohortRow, ReportModel } from '../../../src/shared/report';
import { chartModel, xAxisLabel, cohortAlpha, cohortValues, MAX_COHORT_SERIES, RECENT_COHORTS, segmentChartModel, selectChartCohorts, withAlpha } from '../../../src/webview/chartModel';
import { bigReport, ordersReport, segmentedReport, weekLabels } from './sampleReports';

const rows = (n: number): CohortRow[] => Array.from({ length: n }, (_, i) => ({ cohort: `c${i}`, size: 1, counts: [1], rates: [1], partial: [false], lower: [0.2065], upper: [1], small: true }));

describe('webview/chartModel', () => {
  it('draws every cohort up to the limit', () => {
    const { shown, note } = selectChartCohorts(rows(MAX_COHORT_SERIES));
    assert.equal(shown.length, 50);
    assert.equal(note, null);
  });

  it('above 50 cohorts draws the 12 most recent and says so', () => {
    const { shown, note } = selectChartCohorts(rows(51));
    assert.deepEqual(shown, Array.from({ length: RECENT_COHORTS }, (_, i) => 39 + i));
    assert.equal(note, '51 cohorts: showing the average and the 12 most recent cohorts.');
  });

  it('puts the average last, in percent, with one x per column', () => {
    const m = chartModel(ordersReport(), 'customers');
    assert.deepEqual(m.xs, [0, 1, 2]);
    assert.deepEqual(m.columns, ['M0', 'M1', 'M2']);
    assert.equal(m.unit, 'percent');
    assert.equal(m.yLabel, 'Customers retained');
    assert.deepEqual(m.series.map((s) => [s.label, s.kind, s.values]), [
      ['2024-01', 'cohort', [100, 66.67, 33.33]],
      ['2024-02', 'cohort', [100, 50, null]],
      ['Average (pooled)', 'average', [100, 60, 33.33]],
    ]);
  });

  it('follows the metric: LTV in money, revenue retention in percent, total revenue summed', () => {
    const ltv = chartModel(ordersReport(), 'cumulativePerCustomer');
    assert.equal(ltv.unit, 'money');
    assert.equal(ltv.yLabel, 'Cumulative revenue per customer');
    assert.deepEqual(ltv.series.map((s) => s.values), [[15, 21.6667, 24.6667], [17.5, 23, null], [16, 22.2, 24.6667]]);
    const rr = chartModel(ordersReport(), 'revenueRetention');
    assert.equal(rr.unit, 'percent');
    assert.deepEqual(rr.series[0].values, [100, 44.44, 20]);
    assert.deepEqual(chartModel(ordersReport(), 'revenue').series[2], { label: 'Total', kind: 'average', values: [80, 31, 9] });
    const noRevenue: ReportModel = { ...ordersReport(), revenue: null };
    assert.equal(chartModel(noRevenue, 'revenue').yLabel, 'Customers retained');
  });

  it('leaves incomplete periods out of cohort curves (but keeps k = 0)', () => {
    assert.deepEqual(cohortValues([1, 0.25, null], [true, true, false], 3, 'percent'), [100, null, null]);
    assert.deepEqual(cohortValues([12.5, 3], [false, true], 2, 'money'), [12.5, null]);
  });

  it('draws one curve per segment', () => {
    const r = segmentedReport();
    const m = segmentChartModel(r, r.segments!);
    assert.deepEqual(m.series, [
      { label: 'organic', kind: 'segment', values: [100, 33.33, 0] },
      { label: 'ads', kind: 'segment', values: [100, 100, 100] },
    ]);
  });

  it('with 60 weekly cohorts shows 13 series (12 cohorts + average)', () => {
    const report = bigReport('week', weekLabels(60));
    const m = chartModel(report, 'customers');
    assert.equal(m.series.length, 13);
    assert.equal(m.series[0].label, report.retention.cohorts[48].cohort);
    assert.match(m.note!, /^60 cohorts/);
  });

  it('applies alpha to theme colours in any notation', () => {
    assert.equal(withAlpha('#3794ff', 0.5), 'rgba(55, 148, 255, 0.5)');
    assert.equal(withAlpha('#fff', 0.25), 'rgba(255, 255, 255, 0.25)');
    assert.equal(withAlpha('#cccccc80', 0.5), 'rgba(204, 204, 204, 0.251)');
    assert.equal(withAlpha('rgb(1, 2, 3)', 0.4), 'rgba(1, 2, 3, 0.4)');
    assert.equal(withAlpha('rgba(1, 2, 3, 0.5)', 0.5), 'rgba(1, 2, 3, 0.25)');
    assert.equal(withAlpha(' #3794FF ', 1), 'rgba(55, 148, 255, 1)');
    assert.equal(withAlpha('red', 0.5), 'red');
  });

  it('titles the x axis by period and mode', () => {
    assert.equal(xAxisLabel(ordersReport().retention), 'Months since the cohort month');
    assert.equal(xAxisLabel({ ...ordersReport().retention, period: 'day', mode: 'bracket' }), 'Days since the cohort day (brackets)');
  });

  it('fades older cohorts', () => {
    assert.equal(cohortAlpha(0, 1), 0.75);
    assert.equal(cohortAlpha(0, 10), 0.3);
    assert.equal(cohortAlpha(9, 10), 0.75);
  });
});

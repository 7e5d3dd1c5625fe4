import { strict as assert } from 'node:assert';
import type { CohortRow, RetentionTable } from '../../../src/shared/report';
import { chartModel, cohortAlpha, cohortValues, MAX_COHORT_SERIES, RECENT_COHORTS, selectChartCohorts, withAlpha } from '../../../src/webview/chartModel';
import { bigReport, ordersReport, weekLabels } from './sampleReports';

const rows = (n: number): CohortRow[] => Array.from({ length: n }, (_, i) => ({ cohort: `c${i}`, size: 1, counts: [1], rates: [1], partial: [false] }));

describe('webview/chartModel', () => {
  it('draws every cohort up to the limit', () => {
    const { shown, note } = selectChartCohorts(rows(MAX_COHORT_SERIES));
    assert.equal(shown.length, 50);
    assert.equal(note, null);
  });

  it('above 50 cohorts draws the 12 most recent and says so', () => {
    const { shown, note } = selectChartCohorts(rows(51));
    assert.deepEqual(shown.map((r) => r.cohort), Array.from({ length: RECENT_COHORTS }, (_, i) => `c${39 + i}`));
    assert.equal(note, '51 cohorts: showing the average and the 12 most recent cohorts.');
  });

  it('puts the average last, in percent, with one x per offset', () => {
    const m = chartModel(ordersReport().retention);
    assert.deepEqual(m.xs, [0, 1, 2]);
    assert.deepEqual(m.series.map((s) => [s.label, s.kind, s.values]), [
      ['2024-01', 'cohort', [100, 66.67, 33.33]],
      ['2024-02', 'cohort', [100, 50, null]],
      ['Average (pooled)', 'average', [100, 60, 33.33]],
    ]);
  });

  it('leaves incomplete periods out of cohort curves (but keeps k = 0)', () => {
    const row: CohortRow = { cohort: 'x', size: 4, counts: [4, 1, null], rates: [1, 0.25, null], partial: [true, true, false] };
    assert.deepEqual(cohortValues(row, 3), [100, null, null]);
  });

  it('with 60 weekly cohorts shows 13 series (12 cohorts + average)', () => {
    const table: RetentionTable = bigReport('week', weekLabels(60)).retention;
    const m = chartModel(table);
    assert.equal(m.series.length, 13);
    assert.equal(m.series[0].label, table.cohorts[48].cohort);
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

  it('fades older cohorts', () => {
    assert.equal(cohortAlpha(0, 1), 0.75);
    assert.equal(cohortAlpha(0, 10), 0.3);
    assert.equal(cohortAlpha(9, 10), 0.75);
  });
});

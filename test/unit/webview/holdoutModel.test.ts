import { strict as assert } from 'node:assert';
import { frequencyRows, holdoutCharts, holdoutSummary, relativeDifference } from '../../../src/webview/holdoutModel';
import { samplePredictive } from './samplePredictive';

describe('webview/holdoutModel', () => {
  it('builds the cumulative and weekly series, week numbers on x, predictions to 2 decimals', () => {
    const h = samplePredictive().holdout!;
    const charts = holdoutCharts(h);
    assert.deepEqual(charts.cumulative, { xs: [1, 2, 3], yLabel: 'Cumulative repeat purchases', actual: [50, 106, 126], predicted: [52.15, 103.57, 125.27] });
    assert.deepEqual(charts.incremental, { xs: [1, 2, 3], yLabel: 'Repeat purchases per week', actual: [50, 56, 20], predicted: [52.15, 51.43, 21.7] });
    assert.equal(charts.note, 'Week 3 has only 3 days of data, so its weekly counts are lower.');
    assert.equal(holdoutCharts({ ...h, weeks: h.weeks.slice(0, 2) }).note, null);
    assert.deepEqual(holdoutCharts({ ...h, weeks: [] }).cumulative.xs, []);
  });

  it('summarises the holdout and the by-frequency table, predicted relative to actual', () => {
    const h = samplePredictive().holdout!;
    assert.equal(holdoutSummary(h), 'Over the holdout (3 weeks): 126 repeat purchases happened; the model predicted 125.3 (−0.6%).');
    assert.deepEqual(frequencyRows(h), [
      { label: '0', customers: '1,411', actual: '0.24', predicted: '0.23', difference: '−4.9%' },
      { label: '1', customers: '439', actual: '0.70', predicted: '0.52', difference: '−24.9%' },
      { label: '7+', customers: '0', actual: '0.00', predicted: '0.00', difference: '—' },
    ]);
    assert.equal(relativeDifference(100, 112.34), '+12.3%');
    assert.equal(relativeDifference(100, 100.01), '0.0%');
    assert.equal(relativeDifference(0, 3), '—');
  });
});

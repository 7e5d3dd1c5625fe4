import { strict as assert } from 'node:assert';
import { averageLabelFor, fitMetric, formatMetricCell, metricAvailable, metricGrid, metricKind } from '../../../src/webview/metricModel';
import { ordersReport } from './sampleReports';

describe('webview/metricModel', () => {
  const noRevenue = { ...ordersReport(), revenue: null };

  it('offers revenue metrics only when the report has revenue', () => {
    assert.equal(metricAvailable(ordersReport(), 'revenue'), true);
    assert.equal(metricAvailable(noRevenue, 'revenue'), false);
    assert.equal(metricAvailable(noRevenue, 'customers'), true);
    assert.equal(fitMetric(noRevenue, 'cumulativePerCustomer'), 'customers');
    assert.equal(fitMetric(null, 'revenue'), 'revenue');
  });

  it('names the average row by its method', () => {
    assert.equal(averageLabelFor('pooled'), 'Average (pooled)');
    assert.equal(averageLabelFor('simple'), 'Average (simple mean)');
    assert.equal(averageLabelFor('mixpanel'), 'Average (Mixpanel-compatible)');
  });

  it('builds the grid of each metric', () => {
    assert.deepEqual(metricGrid(ordersReport(), 'customers'), {
      kind: 'rate', rows: [[1, 0.6667, 0.3333], [1, 0.5, null]], summary: [1, 0.6, 0.3333], summaryLabel: 'Average (pooled)',
    });
    // Total revenue per column: 45 + 35 = 80, 20 + 11 = 31, 9.
    assert.deepEqual(metricGrid(ordersReport(), 'revenue'), { kind: 'money', rows: [[45, 20, 9], [35, 11, null]], summary: [80, 31, 9], summaryLabel: 'Total' });
    assert.deepEqual(metricGrid(ordersReport(), 'revenueRetention').summary, [1, 0.3875, 0.2]);
    assert.equal(metricGrid(noRevenue, 'revenue').kind, 'rate');
    assert.equal(metricKind('revenuePerCustomer'), 'money');
  });

  it('formats cells per kind', () => {
    assert.equal(formatMetricCell('rate', 1.35), '135%');
    assert.equal(formatMetricCell('money', 1234.5), '1,234.50');
    assert.equal(formatMetricCell('money', -3), '-3.00');
    assert.equal(formatMetricCell('rate', null), '');
  });
});

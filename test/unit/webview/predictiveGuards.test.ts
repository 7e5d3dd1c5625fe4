import { eventsReport } from '../../../src/webview/controller';
import { strict as assert } from 'node:assert';
import { isHostMessage, isPanelState, isReportModel, parseStandaloneData } from '../../../src/webview/guards';
import { isPredictiveReport } from '../../../src/webview/predictiveGuards';
import { ordersReport } from './sampleReports';
import { samplePredictive } from './samplePredictive';

/** A copy of the sample with one path replaced (path = property names, then the new value). */
function broken(path: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(samplePredictive())) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

describe('webview/predictiveGuards', () => {
  it('accepts a predictive message, with and without fits, holdout and totals', () => {
    const fit = samplePredictive();
    assert.ok(isHostMessage({ type: 'predictive', requestId: 7, report: fit }));
    assert.ok(isHostMessage({ type: 'predictive', requestId: 7, report: { ...fit, bgnbd: null, gammaGamma: null, totals: null, customers: [], holdout: null } }));
    assert.ok(isPredictiveReport(JSON.parse(JSON.stringify(fit))));
  });

  it('rejects malformed predictive messages', () => {
    const fit = samplePredictive();
    for (const m of [
      { type: 'predictive', requestId: 1.5, report: fit },
      { type: 'predictive', requestId: '1', report: fit },
      { type: 'predictive', requestId: 1 },
      { type: 'predictive', requestId: 1, report: null },
      { type: 'predictive', requestId: 1, report: [] },
      { type: 'predictive', requestId: 1, report: { ...fit, customers: {} } },
      { type: 'predictive', requestId: 1, report: broken(['options', 'timeUnit'], 'fortnight') },
      { type: 'predictive', requestId: 1, report: broken(['units', 'horizonUnits'], '52') },
      { type: 'predictive', requestId: 1, report: broken(['data', 'modelled'], null) },
      { type: 'predictive', requestId: 1, report: broken(['bgnbd', 'params', 0, 'value'], '0.24') },
      { type: 'predictive', requestId: 1, report: broken(['bgnbd', 'converged'], 'yes') },
      { type: 'predictive', requestId: 1, report: broken(['gammaGamma', 'frequencySpendCorrelation'], null) },
      { type: 'predictive', requestId: 1, report: broken(['gammaGamma', 'warning'], 3) },
      { type: 'predictive', requestId: 1, report: broken(['totals', 'clv'], 'lots') },
      { type: 'predictive', requestId: 1, report: broken(['customers', 0, 'id'], 12) },
      { type: 'predictive', requestId: 1, report: broken(['customers', 0, 'firstLine'], 1.5) },
      { type: 'predictive', requestId: 1, report: broken(['customers', 1, 'clv'], '60') },
      { type: 'predictive', requestId: 1, report: broken(['holdout', 'weeks', 0, 'actual'], null) },
      { type: 'predictive', requestId: 1, report: broken(['holdout', 'byFrequency'], 'none') },
      { type: 'predictive', requestId: 1, report: broken(['warnings'], [1]) },
    ]) assert.ok(!isHostMessage(m), JSON.stringify(m).slice(0, 120));
  });

  it('reads a report with a fit, without one, and from before the section (no predictive key)', () => {
    const fit = samplePredictive();
    assert.ok(isReportModel({ ...ordersReport(), predictive: fit }));
    assert.ok(isReportModel(ordersReport()));
    const { predictive: _p, ...old } = ordersReport();
    assert.ok(isReportModel(old));
    assert.ok(!isReportModel({ ...ordersReport(), predictive: { bgnbd: 'x' } }));
    assert.ok(isPanelState({ version: 2, fileUri: 'f', options: { period: 'month' }, display: 'percent', metric: 'customers', report: { ...ordersReport(), predictive: fit } }));
    const data = parseStandaloneData(JSON.stringify({ reports: { month: { ...ordersReport(), predictive: fit } }, period: 'month' }));
    assert.deepEqual(eventsReport(data.reports.month ?? null)?.predictive, fit);
  });
});

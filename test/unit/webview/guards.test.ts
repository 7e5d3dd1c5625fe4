import { strict as assert } from 'node:assert';
import { isHostMessage, isPanelState, isReportModel, parseStandaloneData } from '../../../src/webview/guards';
import { ordersReport } from './sampleReports';

describe('webview/guards', () => {
  it('accepts the host messages of the protocol', () => {
    const report = ordersReport();
    assert.ok(isHostMessage({ type: 'init', fileUri: 'f', fileLabel: 'l', period: 'month', display: 'percent', report }));
    assert.ok(isHostMessage({ type: 'init', fileUri: 'f', fileLabel: 'l', period: 'month', display: 'count', report: null }));
    assert.ok(isHostMessage({ type: 'busy', requestId: 1, what: 'x' }));
    assert.ok(isHostMessage({ type: 'report', requestId: 0, report }));
    assert.ok(isHostMessage({ type: 'error', requestId: 2, message: 'm' }));
  });

  it('rejects junk', () => {
    for (const m of [null, 'init', {}, { type: 'nope' }, { type: 'report', requestId: 1.5, report: ordersReport() },
      { type: 'report', requestId: 1, report: {} }, { type: 'init', fileUri: 'f', fileLabel: 'l', period: 'decade', display: 'percent', report: null }]) {
      assert.ok(!isHostMessage(m), JSON.stringify(m));
    }
    assert.ok(!isReportModel({ ...ordersReport(), retention: { ...ordersReport().retention, cohorts: [{ cohort: 1 }] } }));
  });

  it('checks restored panel state', () => {
    assert.ok(isPanelState({ version: 1, fileUri: 'f', period: 'month', display: 'percent', report: null }));
    assert.ok(!isPanelState({ version: 2, fileUri: 'f', period: 'month', display: 'percent', report: null }));
    assert.ok(!isPanelState(undefined));
  });

  it('reads the standalone data block and falls back to an available period', () => {
    const report = ordersReport();
    assert.deepEqual(parseStandaloneData(JSON.stringify({ reports: { month: report }, period: 'month' })), { reports: { month: report }, period: 'month' });
    assert.equal(parseStandaloneData(JSON.stringify({ reports: { month: report }, period: 'week' })).period, 'month');
    assert.throws(() => parseStandaloneData('{"reports":{}}'), /no report/);
    assert.throws(() => parseStandaloneData('[]'), /no "reports"/);
  });
});

import { strict as assert } from 'node:assert';
import { hasChurn, isHostMessage, isPanelState, isReportModel, parseStandaloneData } from '../../../src/webview/guards';
import { ordersReport, segmentedReport } from './sampleReports';

const customer = { id: 'c1', firstActivity: '2024-01-01T00:00:00', lastActivity: '2024-03-01T00:00:00', orders: 3, revenue: null, line: 2 };

describe('webview/guards', () => {
  it('accepts the host messages of protocol v2', () => {
    const report = ordersReport();
    assert.ok(isHostMessage({ type: 'init', fileUri: 'f', fileLabel: 'l', options: { period: 'month', mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 3 }] }, display: 'percent', report }));
    assert.ok(isHostMessage({ type: 'init', fileUri: 'f', fileLabel: 'l', options: { period: 'month' }, display: 'count', report: null }));
    assert.ok(isHostMessage({ type: 'busy', requestId: 1, what: 'x' }));
    assert.ok(isHostMessage({ type: 'report', requestId: 0, report }));
    assert.ok(isHostMessage({ type: 'report', requestId: 0, report: segmentedReport() }));
    assert.ok(isHostMessage({ type: 'error', requestId: 2, message: 'm' }));
    assert.ok(isHostMessage({ type: 'retention', requestId: 4, retention: report.retention }));
    assert.ok(!isHostMessage({ type: 'retention', requestId: 4, retention: { ...report.retention, cohorts: [{ cohort: 1 }] } }));
    assert.ok(!isHostMessage({ type: 'retention', requestId: 4, retention: { ...report.retention, average: null } }));
    assert.ok(!isHostMessage({ type: 'retention', requestId: 4.5, retention: report.retention }));
    assert.ok(isHostMessage({ type: 'cellCustomers', requestId: 3, cohort: '2024-01', column: 1, customers: [customer], total: 250 }));
    assert.ok(isHostMessage({ type: 'cellCustomers', requestId: 3, cohort: '2024-01', column: 1, customers: [], total: 0 }));
  });

  it('rejects junk, v1 messages and malformed customers', () => {
    for (const m of [null, 'init', {}, { type: 'nope' }, { type: 'report', requestId: 1.5, report: ordersReport() },
      { type: 'report', requestId: 1, report: {} },
      { type: 'init', fileUri: 'f', fileLabel: 'l', period: 'month', display: 'percent', report: null },
      { type: 'init', fileUri: 'f', fileLabel: 'l', options: { period: 'decade' }, display: 'percent', report: null },
      { type: 'init', fileUri: 'f', fileLabel: 'l', options: { period: 'month', mode: 'sometimes' }, display: 'percent', report: null },
      { type: 'cellCustomers', requestId: 3, cohort: '2024-01', column: 1, customers: [{ ...customer, line: 'two' }], total: 1 },
      { type: 'cellCustomers', requestId: 3, cohort: '2024-01', column: 1, customers: [{ ...customer, revenue: '31' }], total: 1 },
      { type: 'cellCustomers', requestId: 3, cohort: '2024-01', column: 1, customers: {}, total: 1 }]) {
      assert.ok(!isHostMessage(m), JSON.stringify(m));
    }
    assert.ok(!isReportModel({ ...ordersReport(), retention: { ...ordersReport().retention, cohorts: [{ cohort: 1 }] } }));
  });

  it('rejects a v1 report (no columns, intervals, choices)', () => {
    const r = ordersReport();
    const { columns: _c, ...noColumns } = r.retention;
    assert.ok(!isReportModel({ ...r, retention: noColumns }));
    const { explain: _e, ...noExplain } = r;
    assert.ok(!isReportModel(noExplain));
    assert.ok(!isReportModel({ ...r, retention: { ...r.retention, cohorts: r.retention.cohorts.map(({ lower: _l, ...c }) => c) } }));
    assert.ok(!isReportModel({ ...r, revenue: { cohorts: 'x' } }));
  });

  it('accepts a v2 panel state and refuses v1 (the host then re-parses)', () => {
    assert.ok(isPanelState({ version: 2, fileUri: 'f', options: { period: 'month' }, display: 'percent', metric: 'customers', report: null }));
    assert.ok(isPanelState({ version: 2, fileUri: 'f', options: { period: 'week', average: 'simple' }, display: 'count', metric: 'revenueRetention', report: ordersReport() }));
    assert.ok(!isPanelState({ version: 1, fileUri: 'f', period: 'month', display: 'percent', report: null }));
    assert.ok(!isPanelState({ version: 2, fileUri: 'f', options: { period: 'month' }, display: 'percent', metric: 'ltv', report: null }));
    assert.ok(!isPanelState({ version: 2, fileUri: 'f', display: 'percent', metric: 'customers', report: null }));
    assert.ok(!isPanelState(undefined));
  });

  it('reads the standalone data block and falls back to an available period', () => {
    const report = ordersReport();
    assert.deepEqual(parseStandaloneData(JSON.stringify({ reports: { month: report }, period: 'month' })), { reports: { month: report }, period: 'month' });
    assert.equal(parseStandaloneData(JSON.stringify({ reports: { month: report }, period: 'week' })).period, 'month');
    assert.throws(() => parseStandaloneData('{"reports":{}}'), /no report/);
    assert.throws(() => parseStandaloneData('[]'), /no "reports"/);
  });

  it('tells a report with a churn section from one saved before churn existed', () => {
    assert.ok(hasChurn(ordersReport()));
    const old = { ...ordersReport() } as Partial<ReturnType<typeof ordersReport>>;
    delete old.churn;
    assert.ok(!hasChurn(old as ReturnType<typeof ordersReport>));
    const broken = ordersReport();
    (broken.churn.inactivity as unknown as Record<string, unknown>).atRisk = { total: 1 };
    assert.ok(!hasChurn(broken));
    const noLists = ordersReport();
    (noLists.churn as unknown as Record<string, unknown>).lifecycle = null;
    assert.ok(!hasChurn(noLists));
  });
});

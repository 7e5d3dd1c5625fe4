import { strict as assert } from 'node:assert';
import { isViewOptions, isWebviewMessage } from '../../../src/shared/protocol';
import { isAnyReport, isHostMessage, isPanelState, isReportModel, parseStandaloneData, withShape } from '../../../src/webview/guards';
import { isLifetimeReport, isLifetimeShape } from '../../../src/webview/lifetimeGuards';
import { subscriptionsReport, telcoReport } from './sampleLifetimeReports';
import { ordersReport } from './sampleReports';

/** A deep copy with one change, for junk variants. */
function variant(change: (r: Record<string, unknown>) => void): unknown {
  const r = JSON.parse(JSON.stringify(subscriptionsReport())) as Record<string, unknown>;
  change(r);
  return r;
}

describe('webview/lifetimeGuards', () => {
  it('accepts both lifetime shapes and tells them from events reports', () => {
    assert.ok(isLifetimeReport(telcoReport()));
    assert.ok(isLifetimeReport(subscriptionsReport()));
    assert.ok(isLifetimeReport(JSON.parse(JSON.stringify(subscriptionsReport()))), 'survives JSON');
    assert.ok(isLifetimeShape(telcoReport()) && !isLifetimeShape(ordersReport()));
    assert.ok(!isLifetimeReport(ordersReport()));
    assert.ok(!isReportModel(telcoReport()), 'a lifetime report is not an events report');
    assert.ok(isAnyReport(telcoReport()) && isAnyReport(ordersReport()));
  });

  it('rejects junk lifetime reports', () => {
    const bad = [
      variant((r) => { r.shape = 'orders'; }),
      variant((r) => { delete r.survival; }),
      variant((r) => { (r.survival as { overall: { points: unknown[] } }).overall.points = [{ time: '1' }]; }),
      variant((r) => { (r.survival as { logRank: unknown }).logRank = { chiSquare: 1 }; }),
      variant((r) => { (r.subscriptions as { periods: unknown }).periods = 'x'; }),
      variant((r) => { (r.subscriptions as { period: unknown }).period = 'decade'; }),
      variant((r) => { (r.subscriptions as { periods: { movements: unknown }[] }).periods[1].movements = { new: '5' }; }),
      variant((r) => { r.choices = { segmentColumns: [1] }; }),
      variant((r) => { delete (r.quality as Record<string, unknown>).active; }),
      { ...telcoReport(), subscriptions: subscriptionsReport().subscriptions },   // customers files have no subscriptions part
    ];
    for (const r of bad) {
      assert.ok(!isLifetimeReport(r), JSON.stringify(r).slice(0, 80));
      assert.ok(!isAnyReport(r));
    }
    assert.ok(!isAnyReport({ ...ordersReport(), shape: 'subscriptions' }), 'the shape decides which outline is checked');
    assert.ok(!isAnyReport({ ...ordersReport(), shape: 'weird' }));
  });

  it('carries lifetime reports in init, report, the saved state and a standalone page', () => {
    const options = { period: 'month' as const, segment: 'Contract', samePeriodChurn: 'count', cancelAt: 'date', reactivation: 'original-cohort' };
    assert.ok(isHostMessage({ type: 'init', fileUri: 'f', fileLabel: 'l', options, display: 'percent', report: telcoReport() }));
    assert.ok(isHostMessage({ type: 'report', requestId: 4, report: subscriptionsReport() }));
    assert.ok(!isHostMessage({ type: 'report', requestId: 4, report: { ...telcoReport(), survival: null } }));
    assert.ok(isPanelState({ version: 2, fileUri: 'f', options, display: 'percent', metric: 'customers', report: telcoReport() }));
    const data = parseStandaloneData(JSON.stringify({ reports: { month: subscriptionsReport(), week: { junk: true } }, period: 'month' }));
    assert.deepEqual(Object.keys(data.reports), ['month']);
    assert.equal(data.reports.month?.shape, 'subscriptions');
  });

  it('reads an events report saved before shapes existed as events', () => {
    const { shape: _shape, ...legacy } = ordersReport();
    assert.ok(isReportModel(legacy) && isAnyReport(legacy));
    assert.equal(withShape(legacy as never as ReturnType<typeof ordersReport>).shape, 'events');
    assert.equal(withShape(null), null);
    const r = ordersReport();
    assert.equal(withShape(r), r, 'a report with a shape is returned as it is');
    assert.equal(parseStandaloneData(JSON.stringify({ reports: { month: legacy }, period: 'month' })).reports.month?.shape, 'events');
  });

  it('checks the subscription policies the panel sends', () => {
    assert.ok(isViewOptions({ period: 'month', samePeriodChurn: 'ignore', cancelAt: 'period-end', reactivation: 'new-cohort' }));
    for (const bad of [{ samePeriodChurn: 'sometimes' }, { cancelAt: 'tomorrow' }, { reactivation: 1 }]) {
      assert.ok(!isViewOptions({ period: 'month', ...bad }), JSON.stringify(bad));
      assert.ok(!isWebviewMessage({ type: 'setOptions', requestId: 1, options: { period: 'month', ...bad } }));
    }
  });
});

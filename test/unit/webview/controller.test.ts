import { strict as assert } from 'node:assert';
import type { HostMessage } from '../../../src/shared/protocol';
import { applyHostMessage, initialState, requestPeriod, toPanelState, type ViewState } from '../../../src/webview/controller';
import { bigReport, ordersReport } from './sampleReports';

const init = (over: Partial<Extract<HostMessage, { type: 'init' }>> = {}): HostMessage =>
  ({ type: 'init', fileUri: 'file:///w/orders.csv', fileLabel: 'orders.csv', period: 'month', display: 'percent', report: ordersReport(), ...over });

function started(): ViewState {
  return applyHostMessage(initialState(null), init());
}

describe('webview/controller', () => {
  it('starts empty, or with the restored report', () => {
    assert.equal(initialState(null).report, null);
    assert.equal(initialState(null).fileUri, null);
    const restored = initialState({ version: 1, fileUri: 'f', period: 'week', display: 'count', report: ordersReport() });
    assert.equal(restored.report?.input.file, 'orders.csv');
    assert.equal(restored.display, 'count');
  });

  it('takes file, period, display and report from init', () => {
    const s = started();
    assert.equal(s.fileUri, 'file:///w/orders.csv');
    assert.equal(s.report?.input.file, 'orders.csv');
    assert.equal(s.busy, null);
  });

  it('keeps the user\'s display choice when the host re-inits the same file', () => {
    const s = applyHostMessage({ ...started(), display: 'count' }, init({ display: 'percent' }));
    assert.equal(s.display, 'count');
    assert.equal(applyHostMessage({ ...started(), display: 'count' }, init({ fileUri: 'other', display: 'percent' })).display, 'percent');
  });

  it('posts setPeriod with increasing requestIds and shows busy', () => {
    const a = requestPeriod(started(), 'quarter', 1000);
    const b = requestPeriod(a.state, 'year', 1000);
    assert.deepEqual(a.message, { type: 'setPeriod', requestId: 1000, period: 'quarter' });
    assert.deepEqual(b.message, { type: 'setPeriod', requestId: 1001, period: 'year' });
    assert.equal(b.state.period, 'year');
    assert.equal(b.state.busy, 'Computing yearly cohorts…');
  });

  it('drops report, busy and error messages older than the latest setPeriod', () => {
    const first = requestPeriod(started(), 'quarter', 1000);
    const second = requestPeriod(first.state, 'week', 1000);
    const s = second.state;
    for (const stale of [
      { type: 'report', requestId: 1000, report: bigReport() },
      { type: 'error', requestId: 1000, message: 'old' },
      { type: 'busy', requestId: 1000, what: 'old' },
    ] as HostMessage[]) assert.equal(applyHostMessage(s, stale), s, stale.type);
    const fresh = applyHostMessage(s, { type: 'report', requestId: 1001, report: bigReport('week') });
    assert.equal(fresh.report?.retention.period, 'week');
    assert.equal(fresh.busy, null);
  });

  it('on error keeps the shown report and sets the selector back to its period', () => {
    const { state } = requestPeriod(started(), 'day', 5);
    const s = applyHostMessage(state, { type: 'error', requestId: 5, message: 'too many days' });
    assert.equal(s.error, 'too many days');
    assert.equal(s.busy, null);
    assert.equal(s.period, 'month');
    assert.equal(s.report?.retention.period, 'month');
  });

  it('treats answers to requests sent before an init as stale', () => {
    const { state } = requestPeriod(started(), 'day', 5);
    const reinit = applyHostMessage(state, init());
    assert.equal(applyHostMessage(reinit, { type: 'report', requestId: 5, report: bigReport('day') }), reinit);
  });

  it('saves a versioned PanelState once the file is known, with the shown report\'s period', () => {
    assert.equal(toPanelState(initialState(null)), null);
    const { state } = requestPeriod(started(), 'week', 5);
    assert.deepEqual(toPanelState(state), { version: 1, fileUri: 'file:///w/orders.csv', period: 'month', display: 'percent', report: ordersReport() });
  });
});

import { eventsReport } from '../../../src/webview/controller';
import { strict as assert } from 'node:assert';
import type { HostMessage } from '../../../src/shared/protocol';
import { applyHostMessage, initialState, requestOptions, requestPredict, toPanelState, type ViewState } from '../../../src/webview/controller';
import { bigReport, ordersReport } from './sampleReports';
import { samplePredictive } from './samplePredictive';

const init = (over: Partial<Extract<HostMessage, { type: 'init' }>> = {}): HostMessage =>
  ({ type: 'init', fileUri: 'file:///w/orders.csv', fileLabel: 'orders.csv', options: { period: 'month' }, display: 'percent', report: ordersReport(), ...over });

function started(): ViewState {
  return applyHostMessage(initialState(null), init());
}

describe('webview/controller: predict', () => {
  it('starts with no fit, or with the fit a restored report or init carries', () => {
    assert.deepEqual(started().predict, { requestId: null, superseded: [], busy: null, error: null, report: null });
    const fit = samplePredictive();
    const restored = initialState({ version: 2, fileUri: 'f', options: { period: 'month' }, display: 'percent', metric: 'customers', report: { ...ordersReport(), predictive: fit } });
    assert.equal(restored.predict.report, fit);
    assert.equal(applyHostMessage(initialState(null), init({ report: { ...ordersReport(), predictive: fit } })).predict.report, fit);
  });

  it('posts predict with a fresh requestId and shows its own busy line, not the global one', () => {
    const a = requestPredict(started(), { timeUnit: 'day', horizonMonths: 6 }, 1000);
    assert.deepEqual(a.message, { type: 'predict', requestId: 1000, options: { timeUnit: 'day', horizonMonths: 6 } });
    assert.deepEqual(a.state.predict, { requestId: 1000, superseded: [], busy: 'Fitting BG/NBD and Gamma-Gamma…', error: null, report: null });
    assert.equal(a.state.busy, null);
    const b = requestPredict(a.state, {}, 1000);
    assert.equal((b.message as { requestId: number }).requestId, 1001);
    const busy = applyHostMessage(b.state, { type: 'busy', requestId: 1001, what: 'Fitting…' });
    assert.equal(busy.predict.busy, 'Fitting…');
    assert.equal(busy.busy, null);
  });

  it('shows the answer to the latest request and drops older ones', () => {
    const fit = samplePredictive();
    const a = requestPredict(started(), {}, 2000);
    const b = requestPredict(a.state, { penalizer: 0.1 }, 2000);
    assert.equal(applyHostMessage(b.state, { type: 'predictive', requestId: 2000, report: fit }), b.state);
    // The superseded request's busy and error reach neither the section nor the global lines.
    assert.equal(applyHostMessage(b.state, { type: 'busy', requestId: 2000, what: 'old' }), b.state);
    assert.equal(applyHostMessage(b.state, { type: 'error', requestId: 2000, message: 'old' }), b.state);
    const done = applyHostMessage(b.state, { type: 'predictive', requestId: 2001, report: fit });
    assert.deepEqual(done.predict, { requestId: null, superseded: [2000], busy: null, error: null, report: fit });
    assert.equal(applyHostMessage(done, { type: 'busy', requestId: 2000, what: 'late' }), done);
    // A repeat of the answer after it arrived is stale too.
    assert.equal(applyHostMessage(done, { type: 'predictive', requestId: 2001, report: samplePredictive() }), done);
  });

  it('shows a fit error in the section, keeps the fit shown before and leaves the global error alone', () => {
    const fit = samplePredictive();
    const a = requestPredict(started(), {}, 3000);
    const shown = applyHostMessage(a.state, { type: 'predictive', requestId: 3000, report: fit });
    const b = requestPredict(shown, { calibrationEnd: '1990-01-01' }, 3001);
    const failed = applyHostMessage(b.state, { type: 'error', requestId: 3001, message: 'no customer before the calibration end' });
    assert.deepEqual(failed.predict, { requestId: null, superseded: [], busy: null, error: 'no customer before the calibration end', report: fit });
    assert.equal(failed.error, null);
    // The next request clears the error.
    assert.equal(requestPredict(failed, {}, 3002).state.predict.error, null);
  });

  it('keeps retention traffic and the fit independent', () => {
    const fit = samplePredictive();
    const o = requestOptions(started(), { period: 'week' }, 4000);
    const p = requestPredict(o.state, {}, 4000);
    // The setOptions answer is not made stale by the later predict request.
    const r = applyHostMessage(p.state, { type: 'report', requestId: 4000, report: bigReport('week') });
    assert.equal(eventsReport(r.report)?.retention.period, 'week');
    assert.equal(r.predict.requestId, 4001);
    const fitted = applyHostMessage(r, { type: 'predictive', requestId: 4001, report: fit });
    // A later retention report (predictive: null from the host) keeps the fit.
    const o2 = requestOptions(fitted, { period: 'month' }, 4002);
    assert.equal(applyHostMessage(o2.state, { type: 'report', requestId: 4002, report: ordersReport() }).predict.report, fit);
    // An error for the predict request does not touch the retention options.
    const p2 = requestPredict(fitted, {}, 4003);
    assert.deepEqual(applyHostMessage(p2.state, { type: 'error', requestId: 4003, message: 'x' }).options, fitted.options);
  });

  it('treats a fit requested before an init as stale, and keeps the fit for the same file', () => {
    const fit = samplePredictive();
    const p = requestPredict(started(), {}, 5000);
    const reinit = applyHostMessage(p.state, init());
    assert.equal(reinit.predict.requestId, null);
    assert.equal(applyHostMessage(reinit, { type: 'predictive', requestId: 5000, report: fit }), reinit);
    const fitted = applyHostMessage(p.state, { type: 'predictive', requestId: 5000, report: fit });
    assert.equal(applyHostMessage(fitted, init()).predict.report, fit);
    assert.equal(applyHostMessage(fitted, init({ fileUri: 'file:///w/other.csv' })).predict.report, null);
  });

  it('saves the fit inside the panel state\'s report', () => {
    const fit = samplePredictive();
    const p = requestPredict(started(), {}, 6000);
    const fitted = applyHostMessage(p.state, { type: 'predictive', requestId: 6000, report: fit });
    assert.equal(eventsReport(toPanelState(fitted)?.report ?? null)?.predictive, fit);
    assert.equal(eventsReport(toPanelState(started())?.report ?? null)?.predictive, null);
  });
});

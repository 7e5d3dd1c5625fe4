import { eventsReport } from '../../../src/webview/controller';
import { strict as assert } from 'node:assert';
import { isWebviewMessage, type HostMessage, type ViewOptions } from '../../../src/shared/protocol';
import type { CellCustomer } from '../../../src/shared/report';
import {
  applyHostMessage, chooseMetric, closeDrill, initialState, requestDrillDown, persistedChanged, requestOptions, toPanelState, type ViewState,
} from '../../../src/webview/controller';
import { bigReport, ordersReport, weekLabels } from './sampleReports';
import { telcoReport } from './sampleLifetimeReports';

const init = (over: Partial<Extract<HostMessage, { type: 'init' }>> = {}): HostMessage =>
  ({ type: 'init', fileUri: 'file:///w/orders.csv', fileLabel: 'orders.csv', options: { period: 'month' }, display: 'percent', report: ordersReport(), ...over });

function started(): ViewState {
  return applyHostMessage(initialState(null), init());
}

/** Every option spelled out, as requestOptions sends them. */
const FULL: Required<ViewOptions> = {
  period: 'month', mode: 'classic', brackets: [], window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'pooled',
  minOccurrences: 1, cohortEvent: null, returnEvent: null, smallCohort: 30, segment: null, segmentTopN: 5,
  churnWindow: 'auto', churnPercentile: 90, samePeriodChurn: 'count', cancelAt: 'date', reactivation: 'original-cohort',
};

const c1: CellCustomer = { id: 'c1', firstActivity: '2024-01-01T00:00:00', lastActivity: '2024-03-01T00:00:00', orders: 3, revenue: 31, line: 2 };

describe('webview/controller', () => {
  it('saves the panel state only when a saved field changes (not on busy or drill-down messages)', () => {
    const s = started();
    assert.equal(persistedChanged(null, s), true);
    const request = requestOptions(s, { period: 'week' });
    const busy = request.state;
    assert.equal(persistedChanged(s, busy), false, 'a request in flight changes nothing saved');
    assert.equal(persistedChanged(s, { ...s, display: 'count' }), true);
    assert.equal(persistedChanged(s, { ...s, metric: 'revenue' }), true);
    const requestId = request.message.type === 'setOptions' ? request.message.requestId : -1;
    const answered = applyHostMessage(busy, { type: 'report', requestId, report: ordersReport() });
    assert.equal(persistedChanged(busy, answered), true, 'a new report is saved');
  });

  it('starts empty, or with the restored report, options and metric', () => {
    assert.equal(initialState(null).report, null);
    assert.equal(initialState(null).fileUri, null);
    const restored = initialState({ version: 2, fileUri: 'f', options: { period: 'week', mode: 'streak' }, display: 'count', metric: 'revenue', report: ordersReport() });
    assert.equal(restored.report?.input.file, 'orders.csv');
    assert.deepEqual(restored.options, { period: 'week', mode: 'streak' });
    assert.equal(restored.display, 'count');
    assert.equal(restored.metric, 'revenue');
  });

  it('takes file, options, display and report from init; keeps display and metric for the same file', () => {
    const s = started();
    assert.equal(s.fileUri, 'file:///w/orders.csv');
    assert.deepEqual(s.options, { period: 'month' });
    assert.equal(s.busy, null);
    const mine = { ...s, display: 'count' as const, metric: 'revenue' as const };
    assert.equal(applyHostMessage(mine, init({ display: 'percent' })).display, 'count');
    assert.equal(applyHostMessage(mine, init()).metric, 'revenue');
    assert.equal(applyHostMessage(mine, init({ fileUri: 'other', display: 'percent' })).display, 'percent');
    assert.equal(applyHostMessage(mine, init({ fileUri: 'other' })).metric, 'customers');
  });

  it('posts setOptions with every option spelled out and increasing requestIds, and shows busy', () => {
    const a = requestOptions(started(), { period: 'quarter', mode: 'unbounded' }, 1000);
    const b = requestOptions(a.state, { ...a.state.options, period: 'year' }, 1000);
    assert.deepEqual(a.message, { type: 'setOptions', requestId: 1000, options: { ...FULL, period: 'quarter', mode: 'unbounded' } });
    assert.deepEqual(b.message, { type: 'setOptions', requestId: 1001, options: { ...FULL, period: 'year', mode: 'unbounded' } });
    assert.equal(b.state.options.period, 'year');
    assert.equal(b.state.busy, 'Computing yearly cohorts…');
  });

  it('posts the churn window and percentile with the rest (a message the host accepts)', () => {
    const a = requestOptions(started(), { period: 'month', churnWindow: 60 }, 1000);
    assert.deepEqual(a.message, { type: 'setOptions', requestId: 1000, options: { ...FULL, churnWindow: 60 } });
    const b = requestOptions(a.state, { ...a.state.options, churnWindow: 'auto', churnPercentile: 97.5 }, 1000);
    assert.deepEqual(b.message, { type: 'setOptions', requestId: 1001, options: { ...FULL, churnPercentile: 97.5 } });
    assert.ok(isWebviewMessage(a.message) && isWebviewMessage(b.message));
    assert.ok(!isWebviewMessage({ ...a.message, options: { ...FULL, churnWindow: 0 } }));
    assert.ok(!isWebviewMessage({ ...a.message, options: { ...FULL, churnPercentile: 0 } }));
  });

  it('drops report, busy and error messages older than the latest setOptions', () => {
    const first = requestOptions(started(), { period: 'quarter' }, 1000);
    const s = requestOptions(first.state, { period: 'week' }, 1000).state;
    for (const stale of [
      { type: 'report', requestId: 1000, report: bigReport() },
      { type: 'error', requestId: 1000, message: 'old' },
      { type: 'busy', requestId: 1000, what: 'old' },
    ] as HostMessage[]) assert.equal(applyHostMessage(s, stale), s, stale.type);
    const fresh = applyHostMessage(s, { type: 'report', requestId: 1001, report: bigReport('week') });
    assert.equal(eventsReport(fresh.report)?.retention.period, 'week');
    assert.equal(fresh.busy, null);
    assert.deepEqual(fresh.shownOptions, { ...FULL, period: 'week' });
  });

  it('on error keeps the shown report and puts the controls back to its options', () => {
    const { state } = requestOptions(started(), { period: 'day', mode: 'bracket' }, 5);
    const s = applyHostMessage(state, { type: 'error', requestId: 5, message: 'too many days' });
    assert.equal(s.error, 'too many days');
    assert.equal(s.busy, null);
    assert.deepEqual(s.options, { period: 'month' });
    assert.equal(eventsReport(s.report)?.retention.period, 'month');
  });

  it('treats answers to requests sent before an init that already carries their options as stale', () => {
    const { state } = requestOptions(started(), { period: 'day' }, 5);
    const reinit = applyHostMessage(state, init({ options: { ...FULL, period: 'day' } }));
    assert.equal(reinit.busy, null);
    assert.equal(applyHostMessage(reinit, { type: 'report', requestId: 5, report: bigReport('day') }), reinit);
  });

  it('keeps a change the init does not reflect yet (made right after a reload) and takes its answer', () => {
    const { state } = requestOptions(started(), { period: 'quarter' }, 5);
    const reinit = applyHostMessage(state, init({ options: { period: 'month' } }));
    assert.equal(reinit.options.period, 'quarter');
    assert.equal(reinit.busy, state.busy);
    const answered = applyHostMessage(reinit, { type: 'report', requestId: 5, report: bigReport('quarter') });
    assert.equal(eventsReport(answered.report)?.retention.period, 'quarter');
    assert.equal(answered.busy, null);
  });

  it('asks for a cell\'s customers and shows only the answer to the latest question', () => {
    const a = requestDrillDown(started(), '2024-01', 1, 2000);
    assert.deepEqual(a.message, { type: 'drillDown', requestId: 2000, cohort: '2024-01', column: 1 });
    assert.deepEqual(a.state.drill, { requestId: 2000, cohort: '2024-01', column: 1, customers: null, total: 0, error: null });
    const b = requestDrillDown(a.state, '2024-02', 0, 2000);
    const old: Extract<HostMessage, { type: 'cellCustomers' }> = { type: 'cellCustomers', requestId: 2000, cohort: '2024-01', column: 1, customers: [c1], total: 1 };
    assert.equal(applyHostMessage(b.state, old), b.state);
    const answered = applyHostMessage(b.state, { ...old, requestId: 2001, cohort: '2024-02', column: 0, total: 250 });
    assert.deepEqual(answered.drill, { requestId: 2001, cohort: '2024-02', column: 0, customers: [c1], total: 250, error: null });
  });

  it('keeps drill-down traffic out of the global busy line and shows its errors in the list', () => {
    const a = requestDrillDown(started(), '2024-01', 1, 3000);
    assert.equal(applyHostMessage(a.state, { type: 'busy', requestId: 3000, what: 'Listing…' }), a.state);
    assert.equal(applyHostMessage(a.state, { type: 'error', requestId: 3000, message: 'gone' }).drill?.error, 'gone');
    assert.equal(applyHostMessage(a.state, { type: 'error', requestId: 3000, message: 'gone' }).error, null);
    // A drill-down does not make the answer to an earlier setOptions stale.
    const o = requestOptions(started(), { period: 'week' }, 10);
    const d = requestDrillDown(o.state, '2024-01', 1, 10);
    assert.equal(eventsReport(applyHostMessage(d.state, { type: 'report', requestId: 10, report: bigReport('week') }).report)?.retention.period, 'week');
  });

  it('forgets the drill-down when a new report arrives or the list is closed', () => {
    const a = requestDrillDown(started(), '2024-01', 1, 4000);
    const o = requestOptions(a.state, { period: 'week' }, 4000);
    const s = applyHostMessage(o.state, { type: 'report', requestId: 4001, report: bigReport('week') });
    assert.equal(s.drill, null);
    const closed = closeDrill(a.state);
    assert.equal(closed.drill, null);
    assert.equal(applyHostMessage(closed, { type: 'cellCustomers', requestId: 4000, cohort: '2024-01', column: 1, customers: [c1], total: 1 }), closed);
  });

  it('falls back to customers retained when the report has no revenue', () => {
    const s = chooseMetric(started(), 'revenueRetention');
    assert.equal(s.metric, 'revenueRetention');
    const noRevenue = { ...ordersReport(), revenue: null };
    assert.equal(chooseMetric({ ...s, report: noRevenue }, 'revenue').metric, 'customers');
    const o = requestOptions(s, { period: 'week' }, 50);
    assert.equal(applyHostMessage(o.state, { type: 'report', requestId: 50, report: noRevenue }).metric, 'customers');
  });

  it('saves a version 2 PanelState once the file is known, with the shown report\'s options', () => {
    assert.equal(toPanelState(initialState(null)), null);
    const { state } = requestOptions(chooseMetric(started(), 'revenue'), { period: 'week' }, 5);
    assert.deepEqual(toPanelState(state), { version: 2, fileUri: 'file:///w/orders.csv', options: { period: 'month' }, display: 'percent', metric: 'revenue', report: ordersReport() });
  });
});

describe('webview/controller: the cohort table ahead of its report (large files)', () => {
  const weekly = bigReport('week', weekLabels(10)).retention;

  /** Started, then a period change in flight (request id 5). */
  function asked(): ViewState {
    return requestOptions(started(), { period: 'week' }, 5).state;
  }

  it('shows the table of the request still running, and lets the report replace it', () => {
    const s = asked();
    const previewed = applyHostMessage(s, { type: 'retention', requestId: 5, retention: weekly });
    assert.equal(previewed.preview, weekly);
    assert.equal(previewed.busy, s.busy, 'still busy: the rest of the report is coming');
    assert.equal(previewed.report, s.report, 'the report shown stays until its answer');
    assert.equal(persistedChanged(s, previewed), false, 'nothing saved for a preview');
    const answered = applyHostMessage(previewed, { type: 'report', requestId: 5, report: bigReport('week', weekLabels(10)) });
    assert.equal(answered.preview, null);
    assert.equal(answered.busy, null);
    assert.equal(eventsReport(answered.report)?.retention, weekly, 'the same table: kept as the object already drawn');
    const other = applyHostMessage(previewed, { type: 'report', requestId: 5, report: bigReport('week', weekLabels(11)) });
    assert.notEqual(eventsReport(other.report)?.retention, weekly);
    assert.equal(eventsReport(other.report)?.retention.cohorts.length, 11);
  });

  it('drops a table for an older request, with nothing running, or for a lifetime page', () => {
    const s = asked();
    assert.equal(applyHostMessage(s, { type: 'retention', requestId: 4, retention: weekly }), s);
    const idle = started();
    assert.equal(applyHostMessage(idle, { type: 'retention', requestId: 5, retention: weekly }), idle);
    const lifetime = { ...s, report: telcoReport() };
    assert.equal(applyHostMessage(lifetime, { type: 'retention', requestId: 5, retention: weekly }), lifetime);
  });

  it('forgets the table on an error, a new request or an init that answers the change, not on one still to answer it', () => {
    const previewed = applyHostMessage(asked(), { type: 'retention', requestId: 5, retention: weekly });
    assert.equal(applyHostMessage(previewed, { type: 'error', requestId: 5, message: 'no' }).preview, null);
    assert.equal(requestOptions(previewed, { period: 'year' }, 6).state.preview, null);
    assert.equal(applyHostMessage(previewed, init({ options: previewed.options })).preview, null);
    assert.equal(applyHostMessage(previewed, init()).preview, weekly, 'the week request is still running after a month init');
  });
});

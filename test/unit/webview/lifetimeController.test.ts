import { strict as assert } from 'node:assert';
import type { HostMessage } from '../../../src/shared/protocol';
import type { ReportModel } from '../../../src/shared/report';
import {
  applyHostMessage, chooseMetric, eventsReport, initialState, pageOf, requestOptions, toPanelState, type ViewState,
} from '../../../src/webview/controller';
import { subscriptionsReport, telcoReport } from './sampleLifetimeReports';
import { samplePredictive } from './samplePredictive';
import { ordersReport } from './sampleReports';

const init = (report: Extract<HostMessage, { type: 'init' }>['report']): HostMessage =>
  ({ type: 'init', fileUri: 'file:///w/telco.csv', fileLabel: 'telco.csv', options: { period: 'month', segment: 'Contract' }, display: 'percent', report });

describe('webview/controller (lifetime reports)', () => {
  it('routes on the report shape: lifetime reports to the lifetime page, events and nothing to the retention page', () => {
    assert.equal(pageOf(telcoReport()), 'lifetime');
    assert.equal(pageOf(subscriptionsReport()), 'lifetime');
    assert.equal(pageOf(ordersReport()), 'events');
    assert.equal(pageOf(null), 'events', 'the loading state is shown by the retention page');
    assert.equal(eventsReport(telcoReport()), null);
    const r = ordersReport();
    assert.equal(eventsReport(r), r);
  });

  it('takes a lifetime report from init and keeps it through options and the saved state', () => {
    const s = applyHostMessage(initialState(null), init(telcoReport()));
    assert.equal(s.report?.shape, 'customers');
    assert.equal(s.metric, 'customers');
    assert.equal(s.predict.report, null);
    const asked = requestOptions(s, { ...s.options, segment: 'gender' }, 100);
    assert.equal(asked.state.busy, 'Computing survival curves and subscription metrics…');
    assert.deepEqual(asked.message.type === 'setOptions' && [asked.message.options.segment, asked.message.options.samePeriodChurn, asked.message.options.cancelAt],
      ['gender', 'count', 'date'], 'every option spelled out, the policies with their defaults');
    const answered = applyHostMessage(asked.state, { type: 'report', requestId: 100, report: subscriptionsReport() });
    assert.equal(answered.report?.shape, 'subscriptions');
    assert.equal(answered.busy, null);
    assert.deepEqual(answered.shownOptions, asked.state.options);
    const saved = toPanelState(answered);
    assert.equal(saved?.report, answered.report, 'saved as it is (no predictive part to merge)');
    assert.equal(initialState(saved).report, answered.report);
    assert.equal(chooseMetric(answered, 'revenue').metric, 'revenue', 'view choices do not touch the lifetime report');
  });

  it('drops a stale lifetime answer like any other', () => {
    const s = applyHostMessage(initialState(null), init(telcoReport()));
    const first = requestOptions(s, { period: 'month', segment: 'gender' }, 200);
    const second = requestOptions(first.state, { period: 'month', segment: null }, 201);
    assert.equal(applyHostMessage(second.state, { type: 'report', requestId: 200, report: subscriptionsReport() }), second.state);
  });

  it('switches pages when the shape changes, and forgets the customer-value fit of an events report', () => {
    const events: ReportModel = { ...ordersReport(), predictive: samplePredictive() };
    let s: ViewState = applyHostMessage(initialState(null), init(events));
    assert.equal(pageOf(s.report), 'events');
    assert.equal(s.predict.report, events.predictive);
    s = applyHostMessage(s, init(telcoReport()));
    assert.equal(pageOf(s.report), 'lifetime');
    assert.equal(s.predict.report, null);
    const asked = requestOptions(s, s.options, 300);
    const back = applyHostMessage(asked.state, { type: 'report', requestId: 300, report: ordersReport() });
    assert.equal(pageOf(back.report), 'events');
    assert.equal(back.predict.report, null);
  });

  it('gives a restored events report without a shape its shape', () => {
    const { shape: _shape, ...legacy } = ordersReport();
    const s = initialState({ version: 2, fileUri: 'f', options: { period: 'month' }, display: 'percent', metric: 'customers', report: legacy as ReportModel });
    assert.equal(s.report?.shape, 'events');
    const again = applyHostMessage(initialState(null), init(legacy as ReportModel));
    assert.equal(again.report?.shape, 'events');
  });
});

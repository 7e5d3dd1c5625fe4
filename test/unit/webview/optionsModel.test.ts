import { strict as assert } from 'node:assert';
import { presetOptions } from '../../../src/engine/presets';
import {
  DEFAULT_BRACKETS, formatBrackets, fullViewOptions, parseBracketsInput, parseCount, parsePercentile, reportChurnSettings, reportOptions, showEventFilters,
  withChurnWindow, withMode, withPreset,
} from '../../../src/webview/optionsModel';
import { ordersReport, segmentedReport } from './sampleReports';

describe('webview/optionsModel', () => {
  it('parses the brackets input and writes it back', () => {
    const parsed = parseBracketsInput('0, 1-3,4–7,8-14,15-30');
    assert.deepEqual(parsed, { ok: true, value: [{ from: 0, to: 0 }, { from: 1, to: 3 }, { from: 4, to: 7 }, { from: 8, to: 14 }, { from: 15, to: 30 }] });
    assert.equal(formatBrackets(DEFAULT_BRACKETS), '0,1-3,4-7,8-14,15-30');
  });

  it('says what is wrong with bad brackets', () => {
    assert.deepEqual(parseBracketsInput(''), { ok: false, error: 'give at least one offset or range, e.g. 0,1-3,4-7' });
    assert.deepEqual(parseBracketsInput('0,x'), { ok: false, error: '\'x\' is not an offset or a range like 1-3' });
    assert.deepEqual(parseBracketsInput('5-2'), { ok: false, error: '\'5-2\' ends before it starts' });
    assert.deepEqual(parseBracketsInput('1-3,2-5'), { ok: false, error: '\'2-5\' overlaps or comes before 1-3' });
    assert.deepEqual(parseBracketsInput('0,100001'), { ok: false, error: 'offsets go up to 100000' });
    assert.deepEqual(parseBracketsInput(Array.from({ length: 51 }, (_, i) => String(i)).join(',')), { ok: false, error: 'at most 50 brackets' });
  });

  it('parses whole numbers in range', () => {
    assert.deepEqual(parseCount(' 5 ', 1, 10), { ok: true, value: 5 });
    assert.deepEqual(parseCount('0', 1, 10), { ok: false, error: 'a whole number from 1 to 10' });
    assert.deepEqual(parseCount('2.5', 1, 10), { ok: false, error: 'a whole number from 1 to 10' });
    assert.deepEqual(parseCount('', 0, 10), { ok: false, error: 'a whole number from 0 to 10' });
  });

  it('spells out every option (defaults filled in, no weekStart)', () => {
    assert.deepEqual(fullViewOptions({ period: 'week', average: 'simple', cohortEvent: 'signup' }), {
      period: 'week', mode: 'classic', brackets: [], window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'simple',
      minOccurrences: 1, cohortEvent: 'signup', returnEvent: null, smallCohort: 30, segment: null, segmentTopN: 5,
      churnWindow: 'auto', churnPercentile: 90, samePeriodChurn: 'count', cancelAt: 'date', reactivation: 'original-cohort',
    });
  });

  it('brings default brackets when switching to Brackets, and keeps set ones', () => {
    assert.deepEqual(withMode({ period: 'day' }, 'bracket'), { period: 'day', mode: 'bracket', brackets: DEFAULT_BRACKETS });
    assert.deepEqual(withMode({ period: 'day', brackets: [{ from: 0, to: 6 }] }, 'bracket').brackets, [{ from: 0, to: 6 }]);
    assert.deepEqual(withMode({ period: 'day' }, 'streak'), { period: 'day', mode: 'streak', brackets: undefined });
  });

  it('applies a preset over the current options, keeping period, filters and small-cohort size', () => {
    const current = { period: 'week' as const, smallCohort: 50, cohortEvent: 'signup', mode: 'classic' as const };
    assert.deepEqual(withPreset(current, presetOptions('mixpanel')), {
      period: 'week', smallCohort: 50, cohortEvent: 'signup', mode: 'unbounded', window: 'rolling', cohorts: 'first', rateBase: 'cohort', average: 'mixpanel', minOccurrences: 1,
    });
    assert.deepEqual(withPreset(current, { average: 'simple', weekStart: 'sunday' }), { ...current, average: 'simple' });
  });

  it('offers event filters only when the file has event names', () => {
    assert.equal(showEventFilters([]), false);
    assert.equal(showEventFilters(['signup']), true);
  });

  it('reads the options back from a report (standalone pages)', () => {
    assert.deepEqual(reportOptions(ordersReport()), {
      period: 'month', mode: 'classic', brackets: [], window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'pooled',
      minOccurrences: 1, cohortEvent: null, returnEvent: null, smallCohort: 30, segment: null, churnWindow: 'auto', churnPercentile: 90,
    });
    assert.equal(reportOptions(segmentedReport()).segment, 'channel');
  });

  it('reads the churn settings back from a report', () => {
    const report = ordersReport();
    assert.deepEqual(reportChurnSettings(report), { churnWindow: 'auto', churnPercentile: 90 });
    report.churn.window = { ...report.churn.window, source: 'auto', percentile: 75 };
    assert.deepEqual(reportChurnSettings(report), { churnWindow: 'auto', churnPercentile: 75 });
    report.churn.window = { ...report.churn.window, source: 'setting', percentile: null, days: 60 };
    assert.deepEqual(reportChurnSettings(report), { churnWindow: 60, churnPercentile: 90 });
    report.churn.window = { ...report.churn.window, source: 'fallback', percentile: null, days: 90 };
    assert.deepEqual(reportChurnSettings(report), { churnWindow: 'auto', churnPercentile: 90 });
  });

  it('parses the percentile and switches the churn window between auto and days', () => {
    assert.deepEqual(parsePercentile(' 97.5 '), { ok: true, value: 97.5 });
    assert.deepEqual(parsePercentile('100'), { ok: true, value: 100 });
    for (const bad of ['0', '100.1', '-5', 'abc', '', '1e2', '90%']) assert.deepEqual(parsePercentile(bad), { ok: false, error: 'a percentile above 0, up to 100' }, bad);
    assert.deepEqual(withChurnWindow({ period: 'month', churnWindow: 'auto' }, 'days', 110), { period: 'month', churnWindow: 110 });
    assert.deepEqual(withChurnWindow({ period: 'month', churnWindow: 45 }, 'auto', 45), { period: 'month', churnWindow: 'auto' });
    assert.equal(withChurnWindow({ period: 'month' }, 'days', 99_999).churnWindow, 36_500);
  });
});

import { strict as assert } from 'node:assert';
import type { SurvivalReport } from '../../../../src/shared/survivalReport';
import {
  atRiskLayout, formatP, legendRows, logRankLine, logRankRows, medianText, shownCurves, survivalChartModel,
} from '../../../../src/webview/lifetime/survivalModel';
import { subscriptionsReport, telcoReport, tinyCurve } from '../sampleLifetimeReports';
import { XSS_LABEL } from '../sampleReports';

const S = 26.67;   // 0.2667 as a percentage with 2 decimals

describe('webview/lifetime/survivalModel', () => {
  it('draws the overall curve without a split, one curve per segment with one', () => {
    assert.deepEqual(shownCurves(subscriptionsReport().survival).map((c) => c.label), ['All']);
    assert.deepEqual(shownCurves(telcoReport().survival).map((c) => c.label), ['Month-to-month', 'One year', XSS_LABEL]);
    // A split whose segments are empty (no values) falls back to the overall curve.
    assert.deepEqual(shownCurves({ ...telcoReport().survival, segments: [] }).map((c) => c.label), ['All']);
  });

  it('steps the curve from S = 100% at 0, with its band and censoring marks at their times', () => {
    const m = survivalChartModel(subscriptionsReport().survival);
    assert.deepEqual(m.xs, [0, 1, 2, 3, 5]);
    assert.deepEqual(m.curves[0].survival, [100, 80, 80, S, S]);
    assert.deepEqual(m.curves[0].lower, [100, 20.38, 20.38, 1.04, 1.04]);
    assert.deepEqual(m.curves[0].upper, [100, 96.92, 96.92, 66.94, 66.94]);
    assert.deepEqual(m.curves[0].censored, [null, null, 80, null, S], 'ticks where subjects were censored, at the curve\'s height');
    assert.deepEqual(m.ticks, [0, 2, 4]);
    assert.equal(m.xLabel, 'Time since start (days)');
  });

  it('aligns curves of different lengths on one axis: carried forward, null after a curve\'s last time', () => {
    const b = { ...tinyCurve('B'), points: [{ time: 4, atRisk: 2, events: 1, censored: 1, survival: 0.5, lower: null, upper: 0.9 }] };
    const s: SurvivalReport = { ...subscriptionsReport().survival, segmentColumn: 'plan', segments: [tinyCurve('A'), b] };
    const m = survivalChartModel(s);
    assert.deepEqual(m.xs, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(m.curves[0].survival, [100, 80, 80, S, S, S]);
    assert.deepEqual(m.curves[1].survival, [100, 100, 100, 100, 50, null]);
    assert.deepEqual(m.curves[1].lower, [100, 100, 100, 100, null, null], 'no band where the estimator gives none');
    assert.deepEqual(m.curves[1].censored, [null, null, null, null, 50, null]);
  });

  it('writes the median with its interval, open or not reached', () => {
    assert.equal(medianText({ time: 35, lower: 33, upper: 38 }, 'months', 0.95), '35 months (95% CI 33–38)');
    assert.equal(medianText({ time: 3, lower: 1, upper: null }, 'days', 0.95), '3 days (95% CI 1–not reached)');
    assert.equal(medianText({ time: 1095.5, lower: null, upper: 1200 }, 'days', 0.9), '1,095.5 days (90% CI —–1,200)');
    assert.equal(medianText({ time: null, lower: 40, upper: null }, 'months', 0.95), 'not reached');
  });

  it('formats p-values sensibly', () => {
    assert.equal(formatP(0), 'p < 0.001');
    assert.equal(formatP(0.0009), 'p < 0.001');
    assert.equal(formatP(0.001), 'p = 0.001');
    assert.equal(formatP(0.0426), 'p = 0.043');
    assert.equal(formatP(0.136), 'p = 0.14');
    assert.equal(formatP(0.995), 'p > 0.99');
    assert.equal(formatP(Number.NaN), 'p = —');
  });

  it('states the log-rank test in one line and tabulates observed vs expected', () => {
    const lr = telcoReport().survival.logRank!;
    assert.equal(logRankLine({ ...lr, chiSquare: 812.3 }), 'Log-rank test: χ² = 812.3, df = 2, p < 0.001 — the curves differ');
    assert.equal(logRankLine(lr), 'Log-rank test: χ² = 2,352.9, df = 2, p < 0.001 — the curves differ');
    assert.equal(logRankLine({ ...lr, chiSquare: 1.2, df: 1, p: 0.2733 }), 'Log-rank test: χ² = 1.2, df = 1, p = 0.27 — no evidence the curves differ (at the 5% level)');
    assert.deepEqual(logRankRows(lr), [
      ['Month-to-month', '3,875', '1,655', '716.3', '2.31'],
      ['One year', '1,473', '166', '490.1', '0.34'],
      [XSS_LABEL, '1,695', '48', '662.6', '0.07'],
    ]);
    assert.deepEqual(logRankRows({ ...lr, groups: [{ label: 'x', subjects: 1, observed: 0, expected: 0 }] })[0], ['x', '1', '0', '0.0', '—']);
  });

  it('lays out the number-at-risk table: a column per tick, a row per drawn curve', () => {
    const layout = atRiskLayout(telcoReport().survival);
    assert.deepEqual(layout.times, [0, 12, 24, 36, 48, 60, 72]);
    assert.deepEqual(layout.heads, ['0', '12', '24', '36', '48', '60', '72']);
    assert.deepEqual(layout.rows.map((r) => [r.label, r.color]), [['Month-to-month', 0], ['One year', 1], [XSS_LABEL, 2]]);
    assert.equal(layout.rows[0].cells.length, 7);
    assert.equal(layout.rows[0].cells[0], '3,875');
    const tiny = atRiskLayout(subscriptionsReport().survival);
    assert.deepEqual(tiny.rows, [{ label: 'All', color: 0, cells: ['5', '4', '1'] }]);
    // A segment without a cell at one of the overall ticks shows a dash, not a shifted number.
    const s = { ...subscriptionsReport().survival, segmentColumn: 'plan', segments: [{ ...tinyCurve('A'), atRiskTable: [{ time: 0, atRisk: 5 }, { time: 4, atRisk: 1 }] }] };
    assert.deepEqual(atRiskLayout(s).rows[0].cells, ['5', '—', '1']);
  });

  it('gives the legend subjects, events, censored and the median per curve', () => {
    assert.deepEqual(legendRows(subscriptionsReport().survival), [
      { label: 'All', color: 0, subjects: '5', events: '3', censored: '2', median: '3 days (95% CI 1–not reached)' },
    ]);
    const telco = legendRows(telcoReport().survival);
    assert.deepEqual(telco.map((r) => r.median), ['35 months (95% CI 33–38)', 'not reached', 'not reached']);
    assert.equal(telco[0].censored, '2,220');
  });
});

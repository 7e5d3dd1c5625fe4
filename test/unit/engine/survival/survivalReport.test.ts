// survivalReport on hand-made subjects and on IBM's Telco customers (tenure months, Churn Yes/No,
// by Contract). The Telco figures were computed independently of this code base by a plain
// numpy Kaplan–Meier / log-rank script (product over distinct times; k-group log-rank with the
// hypergeometric covariance, last group dropped): 7,043 customers, 1,869 churned;
// S(12) = 0.843199554, S(24) = 0.788736398, S(72) = 0.592790152 overall; Month-to-month 3,875
// customers, 1,655 churned, S(12) = 0.703096636 (log-log band 0.687259358–0.718304075),
// median 35 months; One year 1,473 / 166, S(24) = 0.978272376, median not reached; Two year
// 1,695 / 48, S(72) = 0.935738581; log-rank χ² = 2352.8725 on 2 df, O = 1655/166/48,
// E = 708.4456/470.7278/689.8266.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SegmentColumn } from '../../../../src/shared/dataset';
import { groupSubjects, survivalReport, type SurvivalSubjects } from '../../../../src/engine/survival/survivalReport';
import type { SurvivalCurve } from '../../../../src/shared/survivalReport';

function segment(column: string, values: string[]): SegmentColumn {
  const names = [...new Set(values)];
  return { column, values: names, customerValue: Int32Array.from(values, (v) => names.indexOf(v)) };
}

function telco(): SurvivalSubjects {
  const file = resolve(__dirname, '../../../../../shared/data/telco/Telco-Customer-Churn.csv');
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const rows = lines.map((l) => l.split(','));
  const at = (name: string) => cols.indexOf(name);
  return {
    durations: Float64Array.from(rows, (r) => Number(r[at('tenure')])),
    events: Uint8Array.from(rows, (r) => (r[at('Churn')] === 'Yes' ? 1 : 0)),
    segments: [segment('Contract', rows.map((r) => r[at('Contract')]))],
    timeUnit: 'months',
  };
}

/** S at time t read off the report's step points. */
function sAt(curve: SurvivalCurve, t: number): number {
  let s = 1;
  for (const p of curve.points) if (p.time <= t) s = p.survival;
  return s;
}

describe('engine/survival/survivalReport', () => {
  it('splits a tiny file by segment with the at-risk table at the ticks', () => {
    // a: 2 (event), 4 (censored), 6 (event); b: 1 (event), 3 (event). S_a(2) = 2/3, S_a(6) = 0;
    // S_b(1) = 1/2, S_b(3) = 0. Overall: n=5 → t1: 4/5, t2: 4/5·3/4 = 3/5, t3: 3/5·2/3 = 2/5, t6: 0.
    const subjects: SurvivalSubjects = {
      durations: Float64Array.of(2, 4, 6, 1, 3), events: Uint8Array.of(1, 0, 1, 1, 1),
      segments: [segment('plan', ['a', 'a', 'a', 'b', 'b'])], timeUnit: 'weeks',
    };
    const report = survivalReport(subjects, { segment: 'plan', segmentTopN: 5 });
    assert.equal(report.timeUnit, 'weeks');
    assert.equal(report.overall.subjects, 5);
    assert.equal(report.overall.events, 4);
    assert.ok(Math.abs(sAt(report.overall, 3) - 0.4) < 1e-12);
    assert.equal(report.overall.median.time, 3);
    assert.deepEqual(report.segments.map((c) => [c.label, c.subjects, c.events]), [['a', 3, 2], ['b', 2, 2]]);
    assert.ok(Math.abs(sAt(report.segments[0], 2) - 2 / 3) < 1e-12);
    assert.equal(report.segments[1].median.time, 1);
    // Ticks for 6 weeks: step 1 → 0…6; at risk at t = subjects with duration ≥ t.
    assert.deepEqual(report.overall.atRiskTable.map((c) => c.atRisk), [5, 5, 4, 3, 2, 1, 1]);
    assert.deepEqual(report.segments[1].atRiskTable.map((c) => c.atRisk), [2, 2, 1, 1, 0, 0, 0]);
    assert.equal(report.logRank?.groups.length, 2);
  });

  it('gives no split and no test without a segment, or with a single value', () => {
    const subjects: SurvivalSubjects = { durations: Float64Array.of(1, 2), events: Uint8Array.of(1, 0), segments: [segment('plan', ['a', 'a'])], timeUnit: 'days' };
    assert.equal(survivalReport(subjects, { segment: null, segmentTopN: 5 }).segmentColumn, null);
    const one = survivalReport(subjects, { segment: 'plan', segmentTopN: 5 });
    assert.equal(one.segments.length, 1);
    assert.equal(one.logRank, null);
    assert.equal(survivalReport(subjects, { segment: 'nope', segmentTopN: 5 }).segmentColumn, null);
  });

  it('keeps the N largest values and pools the rest as Other', () => {
    const col = segment('country', ['fr', 'de', 'fr', 'it', 'de', 'fr', '', 'es']);
    const { groups, labels } = groupSubjects(col, 2);
    assert.deepEqual(labels, ['fr', 'de', 'Other']);
    assert.deepEqual([...groups], [0, 1, 0, 2, 1, 0, 2, 2]);
    assert.deepEqual(groupSubjects(col, 5).labels, ['fr', 'de', 'it', '(blank)', 'es']);
  });

  it('reproduces an independent Kaplan–Meier and log-rank of Telco by contract', () => {
    const report = survivalReport(telco(), { segment: 'Contract', segmentTopN: 5 });
    assert.equal(report.overall.subjects, 7043);
    assert.equal(report.overall.events, 1869);
    assert.ok(Math.abs(sAt(report.overall, 12) - 0.843199554) < 1e-8);
    assert.ok(Math.abs(sAt(report.overall, 24) - 0.788736398) < 1e-8);
    assert.ok(Math.abs(sAt(report.overall, 72) - 0.592790152) < 1e-8);
    const byLabel = new Map(report.segments.map((c) => [c.label, c]));
    const monthly = byLabel.get('Month-to-month');
    assert.ok(monthly);
    assert.deepEqual([monthly.subjects, monthly.events], [3875, 1655]);
    const at12 = monthly.points.find((p) => p.time === 12);
    assert.ok(at12 && Math.abs(at12.survival - 0.703096636) < 1e-8);
    assert.ok(Math.abs((at12.lower ?? 0) - 0.687259358) < 1e-6 && Math.abs((at12.upper ?? 0) - 0.718304075) < 1e-6);
    assert.equal(monthly.median.time, 35);
    assert.equal(byLabel.get('One year')?.median.time, null);
    assert.ok(Math.abs(sAt(byLabel.get('One year') as SurvivalCurve, 24) - 0.978272376) < 1e-8);
    assert.ok(Math.abs(sAt(byLabel.get('Two year') as SurvivalCurve, 72) - 0.935738581) < 1e-8);
    const test = report.logRank;
    assert.ok(test);
    assert.equal(test.df, 2);
    assert.ok(Math.abs(test.chiSquare - 2352.8725) < 1e-3);
    assert.ok(test.p < 1e-300);
    const observed = new Map(test.groups.map((g) => [g.label, [g.observed, g.expected]]));
    assert.ok(Math.abs((observed.get('Month-to-month')?.[1] ?? 0) - 708.4456) < 1e-3);
    assert.ok(Math.abs((observed.get('Two year')?.[1] ?? 0) - 689.8266) < 1e-3);
    assert.equal(observed.get('One year')?.[0], 166);
    // Months 0…72 by 12: the number at risk at 0 is everyone.
    assert.deepEqual(report.overall.atRiskTable.map((c) => c.time), [0, 12, 24, 36, 48, 60, 72]);
    assert.equal(report.overall.atRiskTable[0].atRisk, 7043);
  });
});

// The survival section of a report (issue 6): the Kaplan–Meier curve of every subject, one curve
// per value of the chosen segment column (the largest N values, the rest pooled as "Other"), the
// log-rank test across those curves, and the number-at-risk table at the chart's time ticks.
import type { SegmentColumn } from '../../shared/dataset';
import type { LogRankResult, SurvivalCurve, SurvivalReport } from '../../shared/survivalReport';
import { atRiskAt, kaplanMeier, kmPoints, type KmCurve } from './kaplanMeier';
import { logRank } from './logRank';
import { axisTicks } from './ticks';

/** Subjects as the estimator sees them, with their categorical columns (customerValue indexed by subject). */
export interface SurvivalSubjects {
  durations: Float64Array;
  events: Uint8Array;            // 1 = churned, 0 = censored (still active at the data end)
  segments: SegmentColumn[];
  timeUnit: string;
}

/** Which column splits the curves, and how many of its values get their own curve. */
export interface SurvivalOptions {
  segment: string | null;
  segmentTopN: number;
  confidence?: number;           // default 0.95
}

/** Label of the curve pooling every value beyond the top N (as the events segments do). */
export const OTHER_CURVE = 'Other';
/** How a blank segment value is shown. */
export const BLANK_VALUE = '(blank)';

/** Kaplan–Meier curves overall and by segment, with the log-rank test (pure). */
export function survivalReport(subjects: SurvivalSubjects, options: SurvivalOptions): SurvivalReport {
  const confidence = options.confidence ?? 0.95;
  const { durations, events } = subjects;
  const all = kaplanMeier(durations, events, { confidence });
  const ticks = axisTicks(maxOf(durations), subjects.timeUnit);
  const column = options.segment === null ? undefined : subjects.segments.find((s) => s.column === options.segment);
  const base = { timeUnit: subjects.timeUnit, confidence, overall: curveOf('All', all, ticks) };
  if (!column) return { ...base, segmentColumn: null, segments: [], logRank: null };
  const { groups, labels } = groupSubjects(column, options.segmentTopN);
  const members: number[][] = labels.map(() => []);
  for (let i = 0; i < groups.length; i++) members[groups[i]].push(i);
  const segments = labels.map((label, g) => curveOf(label, kaplanMeier(durations, events, { confidence }, members[g]), ticks));
  return { ...base, segmentColumn: column.column, segments, logRank: testOf(subjects, groups, labels) };
}

function maxOf(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

function curveOf(label: string, curve: KmCurve, ticks: number[]): SurvivalCurve {
  return {
    label,
    subjects: curve.subjects,
    events: curve.totalEvents,
    median: curve.median,
    points: kmPoints(curve),
    atRiskTable: ticks.map((time) => ({ time, atRisk: atRiskAt(curve, time) })),
  };
}

/**
 * Group index per subject: the `topN` most frequent values in descending count (ties by value
 * order in the file), then "Other" for the rest when there is a rest.
 */
export function groupSubjects(column: SegmentColumn, topN: number): { groups: Int32Array; labels: string[] } {
  const counts = new Float64Array(column.values.length);
  for (let i = 0; i < column.customerValue.length; i++) counts[column.customerValue[i]]++;
  const used = [...counts.keys()].filter((code) => counts[code] > 0).sort((a, b) => counts[b] - counts[a] || a - b);
  const shown = used.slice(0, Math.max(1, topN));
  const groupOfCode = new Int32Array(column.values.length).fill(shown.length);
  shown.forEach((code, g) => { groupOfCode[code] = g; });
  const labels = shown.map((code) => column.values[code] || BLANK_VALUE);
  if (used.length > shown.length) labels.push(OTHER_CURVE);
  return { groups: Int32Array.from(column.customerValue, (code) => groupOfCode[code]), labels };
}

function testOf(subjects: SurvivalSubjects, groups: Int32Array, labels: string[]): LogRankResult | null {
  if (labels.length < 2) return null;
  const test = logRank(subjects.durations, subjects.events, groups);
  if (test.codes.length < 2) return null;
  return {
    chiSquare: test.chiSquare,
    df: test.df,
    p: test.p,
    groups: test.codes.map((code, j) => ({ label: labels[code], subjects: test.subjects[j], observed: test.observed[j], expected: test.expected[j] })),
  };
}

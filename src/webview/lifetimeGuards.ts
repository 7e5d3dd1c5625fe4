// Runtime check of a LifetimeReportModel (subscriptions or customers file) arriving from the host,
// a restored state or a standalone page. An outline check like guards.ts: every part the lifetime
// view renders exists with the right type, so junk cannot crash it; the numbers are trusted.
import { PERIODS } from '../shared/options';
import type { AnyReport, LifetimeReportModel } from '../shared/report';
import type { KmPoint, LogRankResult, SurvivalCurve, SurvivalReport } from '../shared/survivalReport';
import type { SubscriptionCohortRow, SubscriptionPeriodRow, SubscriptionReport } from '../shared/subscriptionReport';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number';
const numOrNull = (v: unknown): boolean => v === null || typeof v === 'number';
const str = (v: unknown): v is string => typeof v === 'string';
const listOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);

/** The shapes the lifetime view renders. */
export const LIFETIME_SHAPES: readonly string[] = ['subscriptions', 'customers'];

/** True for a report of a subscriptions or customers file (routes the page to the lifetime view). */
export function isLifetimeShape(report: AnyReport): report is LifetimeReportModel {
  return LIFETIME_SHAPES.includes(report.shape);
}

function isPoint(v: unknown): v is KmPoint {
  return isObj(v) && num(v.time) && num(v.atRisk) && num(v.events) && num(v.censored) && num(v.survival) && numOrNull(v.lower) && numOrNull(v.upper);
}

function isCurve(v: unknown): v is SurvivalCurve {
  return isObj(v) && str(v.label) && num(v.subjects) && num(v.events) && isObj(v.median)
    && numOrNull(v.median.time) && numOrNull(v.median.lower) && numOrNull(v.median.upper)
    && listOf(v.points, isPoint) && Array.isArray(v.atRiskTable) && v.atRiskTable.every((c) => isObj(c) && num(c.time) && num(c.atRisk));
}

function isLogRank(v: unknown): v is LogRankResult {
  return isObj(v) && num(v.chiSquare) && num(v.df) && num(v.p)
    && Array.isArray(v.groups) && v.groups.every((g) => isObj(g) && str(g.label) && num(g.subjects) && num(g.observed) && num(g.expected));
}

/** The survival section in outline. */
export function isSurvivalReport(v: unknown): v is SurvivalReport {
  return isObj(v) && str(v.timeUnit) && num(v.confidence) && isCurve(v.overall) && (v.segmentColumn === null || str(v.segmentColumn))
    && listOf(v.segments, isCurve) && (v.logRank === null || isLogRank(v.logRank));
}

function isPeriodRow(v: unknown): v is SubscriptionPeriodRow {
  return isObj(v) && str(v.period) && typeof v.partial === 'boolean'
    && ['startCustomers', 'newCustomers', 'reactivatedCustomers', 'churnedCustomers', 'endCustomers'].every((k) => num(v[k]))
    && ['logoChurnRate', 'startMrr', 'endMrr', 'netNewMrr', 'grossMrrChurnRate', 'grr', 'nrr', 'quickRatio'].every((k) => numOrNull(v[k]))
    && (v.movements === null || (isObj(v.movements) && ['new', 'expansion', 'contraction', 'churn', 'reactivation'].every((k) => num((v.movements as Obj)[k]))));
}

function isCohortRow(v: unknown): v is SubscriptionCohortRow {
  return isObj(v) && str(v.cohort) && num(v.customers) && numOrNull(v.startMrr)
    && ['logoRetention', 'nrr', 'grr', 'partial'].every((k) => Array.isArray(v[k]));
}

/** The subscriptions section in outline. */
export function isSubscriptionReport(v: unknown): v is SubscriptionReport {
  return isObj(v) && str(v.period) && (PERIODS as readonly string[]).includes(v.period) && isObj(v.policies) && typeof v.hasMrr === 'boolean'
    && listOf(v.periods, isPeriodRow) && listOf(v.cohorts, isCohortRow) && Array.isArray(v.columns)
    && isObj(v.current) && num(v.current.customers) && numOrNull(v.current.mrr) && numOrNull(v.current.arpa);
}

/** A LifetimeReportModel in outline: shape, input, mapping, survival, subscriptions (or null), choices, quality. */
export function isLifetimeReport(v: unknown): v is LifetimeReportModel {
  if (!isObj(v) || !str(v.shape) || !LIFETIME_SHAPES.includes(v.shape)) return false;
  const q = v.quality;
  return isObj(v.input) && str(v.input.file) && isObj(v.mapping) && isSurvivalReport(v.survival)
    && (v.shape === 'customers' ? v.subscriptions === null : (v.subscriptions === null || isSubscriptionReport(v.subscriptions)))
    && isObj(v.choices) && Array.isArray(v.choices.segmentColumns) && v.choices.segmentColumns.every(str)
    && isObj(q) && num(q.rowsRead) && num(q.rowsUsed) && isObj(q.skipped) && isObj(q.examples) && num(q.active);
}

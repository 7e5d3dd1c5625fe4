// Runtime check of a PredictiveReport arriving from the host, a restored state or a standalone
// page. Like guards.ts it is an outline check: every part the section renders exists with the
// right type, so junk cannot crash the renderer; the numbers themselves are trusted.
import type {
  HoldoutByFrequency, HoldoutReport, HoldoutWeek, ModelFit, ParameterEstimate, PredictiveCustomerRow, PredictiveReport,
} from '../shared/predictiveReport';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number';
const numOrNull = (v: unknown): boolean => v === null || typeof v === 'number';
const str = (v: unknown): v is string => typeof v === 'string';
const nums = (o: Obj, keys: readonly string[]): boolean => keys.every((k) => num(o[k]));
const listOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
const isUnit = (v: unknown): boolean => v === 'day' || v === 'week' || v === 'month';

function isParameter(v: unknown): v is ParameterEstimate {
  return isObj(v) && str(v.name) && num(v.value) && numOrNull(v.se);
}

function isFit(v: unknown): v is ModelFit {
  return isObj(v) && listOf(v.params, isParameter) && nums(v, ['logLikelihood', 'customers', 'evaluations', 'fitMs'])
    && typeof v.converged === 'boolean' && str(v.status);
}

function isCustomerRow(v: unknown): v is PredictiveCustomerRow {
  return isObj(v) && str(v.id) && Number.isInteger(v.firstLine) && nums(v, ['x', 'tx', 'T', 'pAlive', 'expectedPurchases'])
    && numOrNull(v.expectedSpend) && numOrNull(v.clv);
}

function isWeek(v: unknown): v is HoldoutWeek {
  return isObj(v) && nums(v, ['week', 'days', 'actual', 'expected', 'actualCumulative', 'expectedCumulative']);
}

function isFrequencyRow(v: unknown): v is HoldoutByFrequency {
  return isObj(v) && str(v.label) && nums(v, ['x', 'customers', 'actual', 'expected']);
}

function isHoldout(v: unknown): v is HoldoutReport {
  return isObj(v) && str(v.start) && str(v.end) && nums(v, ['days', 'actualTotal', 'expectedTotal'])
    && listOf(v.weeks, isWeek) && listOf(v.byFrequency, isFrequencyRow);
}

function isSpendFit(v: unknown): boolean {
  return isObj(v) && num(v.frequencySpendCorrelation) && (v.warning === null || str(v.warning)) && isFit(v);
}

function hasOptionsAndUnits(v: Obj): boolean {
  const o = v.options;
  const u = v.units;
  return isObj(o) && isUnit(o.timeUnit) && (o.calibrationEnd === null || str(o.calibrationEnd))
    && nums(o, ['horizonMonths', 'monthlyDiscountRate', 'penalizer']) && typeof o.zeroAmountPurchases === 'boolean'
    && isObj(u) && isUnit(u.timeUnit) && str(u.calibrationStart) && str(u.calibrationEnd) && str(u.money)
    && nums(u, ['daysPerUnit', 'horizonUnits', 'annualDiscountRate']);
}

const DATA_KEYS = ['customers', 'modelled', 'bornAfterCalibration', 'withoutPurchases', 'purchaseDays', 'repeatPurchases', 'repeatCustomers'];

/** A PredictiveReport in outline. */
export function isPredictiveReport(v: unknown): v is PredictiveReport {
  if (!isObj(v) || !hasOptionsAndUnits(v) || !isObj(v.data) || !nums(v.data, DATA_KEYS)) return false;
  const t = v.totals;
  return (v.bgnbd === null || isFit(v.bgnbd)) && (v.gammaGamma === null || isSpendFit(v.gammaGamma))
    && (t === null || (isObj(t) && nums(t, ['expectedPurchases', 'meanPAlive', 'likelyActive']) && numOrNull(t.clv)))
    && listOf(v.customers, isCustomerRow) && num(v.customersListed)
    && (v.holdout === null || isHoldout(v.holdout)) && listOf(v.warnings, str);
}

// The predictive customer-value report (DESIGN.md §4 "Predictive CLV"): BG/NBD on every customer
// first seen by the calibration end, Gamma-Gamma on the repeat buyers, discounted CLV per
// customer, the holdout check, and the top customers by CLV. Heavy per-customer work runs on
// customers collapsed by (x, t_x, T) and is spread back with typed arrays.
import type { Dataset } from '../../shared/dataset';
import {
  resolvePredictiveOptions, type ModelFit, type PredictiveCustomerRow, type PredictiveOptions,
  type PredictiveReport, type SpendModelFit,
} from '../../shared/predictiveReport';
import { fitBgNbd, type BgNbdFit } from './bgnbd';
import { annualRate, DAYS_PER_MONTH, forecastPurchases } from './clvValue';
import { expectedAverageSpend, fitGammaGamma, pearson, type GammaGammaFit } from './gammaGamma';
import { holdoutReport } from './holdout';
import { calibrationSummary, groupRfm, type CalibrationSummary } from './summary';
import { isoDate } from '../civil';

/** Fewest repeat customers for a spend model worth showing. */
const MIN_SPEND_CUSTOMERS = 10;
/** |ρ(x, spend)| from which the Gamma-Gamma independence assumption is flagged. */
const CORRELATION_WARNING = 0.3;

function modelFit(names: string[], values: number[], f: BgNbdFit | GammaGammaFit, customers: number): ModelFit {
  return {
    params: names.map((name, i) => ({ name, value: values[i], se: f.se[i] })),
    logLikelihood: f.logLikelihood, customers, converged: f.converged, status: f.status,
    evaluations: f.evaluations, fitMs: f.fitMs,
  };
}

/** Gamma-Gamma on repeat customers with a positive mean repeat spend; null when too few. */
function spendModel(s: CalibrationSummary, penalizer: number): { fit: GammaGammaFit; report: SpendModelFit } | null {
  if (!s.hasAmounts) return null;
  const keep: number[] = [];
  for (let i = 0; i < s.x.length; i++) if (s.x[i] > 0 && s.monetary[i] > 0) keep.push(i);
  if (keep.length < MIN_SPEND_CUSTOMERS) return null;
  const x = Float64Array.from(keep, (i) => s.x[i]);
  const m = Float64Array.from(keep, (i) => s.monetary[i]);
  const fit = fitGammaGamma({ x, m }, penalizer);
  const rho = pearson(x, m);
  const warning = Math.abs(rho) >= CORRELATION_WARNING
    ? `Purchase frequency and spend are correlated (ρ = ${rho.toFixed(2)}); Gamma-Gamma assumes they are independent, so expected spend and CLV are less reliable.`
    : null;
  const { p, q, gamma } = fit.params;
  return { fit, report: { ...modelFit(['p', 'q', 'gamma'], [p, q, gamma], fit, keep.length), frequencySpendCorrelation: rho, warning } };
}

/** Per modelled customer: P(alive), expected purchases, expected spend and CLV (NaN where unknown). */
interface CustomerValues { pAlive: Float64Array; expected: Float64Array; spend: Float64Array; clv: Float64Array }

function customerValues(s: CalibrationSummary, bg: BgNbdFit, gg: GammaGammaFit | null, o: PredictiveOptions): { values: CustomerValues; groups: ReturnType<typeof groupRfm> } {
  const groups = groupRfm(s);
  const f = forecastPurchases(bg.params, groups.x, groups.tx, groups.T, { ...o, unitDays: s.unitDays });
  const n = s.x.length;
  const v: CustomerValues = { pAlive: new Float64Array(n), expected: new Float64Array(n), spend: new Float64Array(n).fill(NaN), clv: new Float64Array(n).fill(NaN) };
  for (let i = 0; i < n; i++) {
    const g = groups.group[i];
    v.pAlive[i] = f.pAlive[g];
    v.expected[i] = f.expected[g];
    if (gg) {
      v.spend[i] = expectedAverageSpend(gg.params, s.x[i], s.monetary[i]);
      v.clv[i] = v.spend[i] * f.discounted[g];
    }
  }
  return { values: v, groups };
}

/** Indexes of the k customers with the largest key (NaN last), largest first. */
function topIndexes(key: Float64Array, k: number): number[] {
  if (k <= 0 || key.length === 0) return [];
  const sorted = Float64Array.from(key, (v) => (Number.isNaN(v) ? -Infinity : v)).sort();
  const threshold = sorted[Math.max(0, sorted.length - k)];
  const picked: number[] = [];
  for (let i = 0; i < key.length; i++) if (!(key[i] < threshold)) picked.push(i);
  const val = (i: number): number => (Number.isNaN(key[i]) ? -Infinity : key[i]);
  return picked.sort((i, j) => val(j) - val(i) || i - j).slice(0, k);
}

function customerRows(ds: Dataset, s: CalibrationSummary, v: CustomerValues, hasSpend: boolean, k: number): PredictiveCustomerRow[] {
  return topIndexes(hasSpend ? v.clv : v.expected, k).map((i) => {
    const u = s.customer[i];
    const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
    return {
      id: ds.customerIds.at(u), firstLine: ds.customerFirstLine[u], x: s.x[i], tx: s.tx[i], T: s.T[i],
      pAlive: v.pAlive[i], expectedPurchases: v.expected[i],
      expectedSpend: hasSpend ? finite(v.spend[i]) : null, clv: hasSpend ? finite(v.clv[i]) : null,
    };
  });
}

function totals(v: CustomerValues, hasSpend: boolean): NonNullable<PredictiveReport['totals']> {
  let expected = 0;
  let clv = 0;
  let alive = 0;
  let likely = 0;
  for (let i = 0; i < v.pAlive.length; i++) {
    expected += v.expected[i];
    if (Number.isFinite(v.clv[i])) clv += v.clv[i];
    alive += v.pAlive[i];
    if (v.pAlive[i] >= 0.5) likely++;
  }
  const n = v.pAlive.length;
  return { expectedPurchases: expected, clv: hasSpend ? clv : null, meanPAlive: n ? alive / n : 0, likelyActive: likely };
}

function baseReport(ds: Dataset, s: CalibrationSummary, o: PredictiveOptions): PredictiveReport {
  let repeat = 0;
  let repeatCustomers = 0;
  for (const x of s.x) {
    repeat += x;
    if (x > 0) repeatCustomers++;
  }
  return {
    options: { ...o, calibrationEnd: isoDate(s.calibrationEnd) },
    units: {
      timeUnit: o.timeUnit, daysPerUnit: s.unitDays,
      calibrationStart: Number.isFinite(s.firstDay) ? isoDate(s.firstDay) : '', calibrationEnd: isoDate(s.calibrationEnd),
      horizonUnits: (o.horizonMonths * DAYS_PER_MONTH) / s.unitDays, annualDiscountRate: annualRate(o.monthlyDiscountRate),
      money: s.hasAmounts ? "the amount column's currency" : 'none',
    },
    data: {
      customers: ds.customerIds.length, modelled: s.x.length, bornAfterCalibration: s.bornAfter,
      withoutPurchases: s.withoutPurchases, purchaseDays: s.purchaseDays, repeatPurchases: repeat, repeatCustomers,
    },
    bgnbd: null, gammaGamma: null, totals: null, customers: [], customersListed: 0, holdout: null, warnings: [],
  };
}

/** Fits BG/NBD and Gamma-Gamma on a Dataset and assembles the predictive report. */
export function predictiveReport(ds: Dataset, options: Partial<PredictiveOptions> = {}): PredictiveReport {
  const o = resolvePredictiveOptions(options);
  const s = calibrationSummary(ds, o.calibrationEnd, o.timeUnit, o.zeroAmountPurchases);
  const report = baseReport(ds, s, o);
  if (report.data.repeatPurchases === 0) {
    report.warnings.push('No customer bought again before the calibration end, so purchase rates cannot be estimated.');
    return report;
  }
  const bg = fitBgNbd(groupRfm(s), o.penalizer);
  const { r, alpha, a, b } = bg.params;
  report.bgnbd = modelFit(['r', 'alpha', 'a', 'b'], [r, alpha, a, b], bg, s.x.length);
  if (!bg.converged) report.warnings.push(`BG/NBD: ${bg.status}`);
  const spend = spendModel(s, o.penalizer);
  report.gammaGamma = spend?.report ?? null;
  if (spend?.report.warning) report.warnings.push(spend.report.warning);
  if (s.hasAmounts && !spend) report.warnings.push(`Fewer than ${MIN_SPEND_CUSTOMERS} repeat customers with spend: no spend model, no CLV.`);
  const hasSpend = spend !== null && spend.fit.params.q > 1;
  if (spend && !hasSpend) report.warnings.push('Gamma-Gamma q ≤ 1: mean spend is unbounded under the fit, so CLV is not shown.');
  const { values, groups } = customerValues(s, bg, hasSpend ? spend.fit : null, o);
  report.totals = totals(values, hasSpend);
  report.customers = customerRows(ds, s, values, hasSpend, o.topCustomers);
  report.customersListed = report.customers.length;
  report.holdout = holdoutReport(bg.params, s, groups);
  return report;
}

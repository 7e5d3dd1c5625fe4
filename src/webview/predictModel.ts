// The fitted models as text: parameter tables, fit facts, the units line, the periods and data
// lines, the totals cards and the warnings. Pure, tested in Node; render/predictResults.ts only
// builds elements from these strings.
import type { ClvTimeUnit, ModelFit, PredictiveReport, SpendModelFit } from '../shared/predictiveReport';
import { DASH, formatInteger, formatMoney, formatPercent1 } from './format';

const THREE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const TWO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UP_TO_TWO = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Plural unit names: "t_x and T in weeks". */
export const UNIT_WORDS: Record<ClvTimeUnit, string> = { day: 'days', week: 'weeks', month: 'months' };

/** Symbols and meanings of the parameters, as the papers write them. */
const PARAMETERS: Record<string, { symbol: string; meaning: string }> = {
  r: { symbol: 'r', meaning: 'shape of the purchase-rate distribution' },
  alpha: { symbol: 'α', meaning: 'scale of the purchase-rate distribution (time units)' },
  a: { symbol: 'a', meaning: 'drop-out probability, Beta shape a' },
  b: { symbol: 'b', meaning: 'drop-out probability, Beta shape b' },
  p: { symbol: 'p', meaning: 'shape of a purchase\'s spend' },
  q: { symbol: 'q', meaning: 'shape of the spend-rate distribution' },
  gamma: { symbol: 'γ', meaning: 'scale of the spend-rate distribution (currency)' },
};

/** A parameter estimate: 3 decimals, or 3 significant digits below 0.01 (a tiny r must not read "0.000"). */
export function formatEstimate(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return DASH;
  return v !== 0 && Math.abs(v) < 0.01 ? v.toPrecision(3) : THREE.format(v);
}

/** One row of a parameter table. */
export interface ParameterRow {
  symbol: string;
  meaning: string;
  value: string;
  se: string;
}

/** The parameter table of a fit, in the fit's order. */
export function parameterRows(fit: ModelFit): ParameterRow[] {
  return fit.params.map((p) => ({
    symbol: PARAMETERS[p.name]?.symbol ?? p.name,
    meaning: PARAMETERS[p.name]?.meaning ?? '',
    value: formatEstimate(p.value),
    se: formatEstimate(p.se),
  }));
}

/** Fit time for people: "51 ms", "1.24 s". */
export function formatFitTime(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${TWO.format(ms / 1000)} s`;
}

/** One line under a parameter table; `bad` marks a fit that did not converge. */
export interface FitFact {
  label: string;
  value: string;
  bad?: boolean;
}

/** Log-likelihood, customers, fit time and convergence of a fit (plus ρ for the spend model). */
export function fitFacts(fit: ModelFit | SpendModelFit): FitFact[] {
  const facts: FitFact[] = [
    { label: 'Log-likelihood', value: TWO.format(fit.logLikelihood) },
    { label: 'Customers', value: formatInteger(fit.customers) },
    { label: 'Fit time', value: formatFitTime(fit.fitMs) },
    { label: 'Status', value: fit.converged ? fit.status : `Not converged: ${fit.status}`, bad: !fit.converged },
  ];
  if ('frequencySpendCorrelation' in fit) facts.push({ label: 'Spend–frequency correlation', value: `ρ = ${TWO.format(fit.frequencySpendCorrelation)}` });
  return facts;
}

/**
 * The units sentence, so nobody fits in weeks and reads the horizon in days:
 * "t_x and T in weeks; horizon 12 months = 52.18 weeks; discount 1%/month = 12.68%/year".
 */
export function unitsLine(report: PredictiveReport): string {
  const u = report.units;
  const o = report.options;
  const words = UNIT_WORDS[u.timeUnit];
  const months = `${UP_TO_TWO.format(o.horizonMonths)} ${o.horizonMonths === 1 ? 'month' : 'months'}`;
  const horizon = u.timeUnit === 'month' ? `horizon ${months}` : `horizon ${months} = ${TWO.format(u.horizonUnits)} ${words}`;
  const discount = `discount ${UP_TO_TWO.format(o.monthlyDiscountRate * 100)}%/month = ${UP_TO_TWO.format(u.annualDiscountRate * 100)}%/year`;
  return `t_x and T in ${words}; ${horizon}; ${discount}`;
}

/** Calibration and holdout periods: "Calibration 1997-01-01 to 1997-09-30; holdout 1997-10-01 to 1998-06-30 (273 days)." */
export function periodLine(report: PredictiveReport): string {
  const calibration = `Calibration ${report.units.calibrationStart} to ${report.units.calibrationEnd}`;
  const h = report.holdout;
  if (h === null) return `${calibration} (the data's end: no holdout to check the model on).`;
  return `${calibration}; holdout ${h.start} to ${h.end} (${formatInteger(h.days)} days).`;
}

/** Who was modelled: "2,357 customers modelled; 946 bought again (2,457 repeat purchases)." plus who was left out. */
export function dataLine(report: PredictiveReport): string {
  const d = report.data;
  const parts = [`${formatInteger(d.modelled)} customers modelled; ${formatInteger(d.repeatCustomers)} bought again (${formatInteger(d.repeatPurchases)} repeat purchases)`];
  if (d.bornAfterCalibration > 0) parts.push(`${formatInteger(d.bornAfterCalibration)} first bought after the calibration end (not modelled)`);
  if (d.withoutPurchases > 0) parts.push(`${formatInteger(d.withoutPurchases)} without a purchase row`);
  const zero = report.options.zeroAmountPurchases ? ' Zero-amount rows count as purchases.' : '';
  return `${parts.join('; ')}.${zero}`;
}

/** One totals card. */
export interface TotalCard {
  key: string;
  label: string;
  value: string;
  hint: string;
}

/** Expected purchases, total CLV, mean P(alive) and likely active, for the horizon. */
export function totalCards(report: PredictiveReport): TotalCard[] {
  const t = report.totals;
  if (t === null) return [];
  const months = `${UP_TO_TWO.format(report.options.horizonMonths)} months`;
  return [
    { key: 'expectedPurchases', label: `Expected purchases, next ${months}`, value: ONE.format(t.expectedPurchases), hint: 'Σ expected purchase days of the modelled customers after the calibration end' },
    { key: 'clv', label: `Total CLV, next ${months}`, value: formatMoney(t.clv), hint: t.clv === null ? 'No spend model: no amount column, or too few repeat customers' : `Discounted at ${UP_TO_TWO.format(report.options.monthlyDiscountRate * 100)}% a month; ${report.units.money}` },
    { key: 'meanPAlive', label: 'Mean P(alive)', value: formatPercent1(t.meanPAlive), hint: 'Mean probability that a modelled customer is still active at the calibration end' },
    { key: 'likelyActive', label: 'Likely active', value: formatInteger(t.likelyActive), hint: `Customers with P(alive) ≥ 50%, of ${formatInteger(report.data.modelled)} modelled` },
  ];
}

/** The report's warnings, without repeats. */
export function warningLines(report: PredictiveReport): string[] {
  return [...new Set(report.warnings)];
}

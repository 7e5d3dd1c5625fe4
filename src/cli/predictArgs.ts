// The --predict flags (BG/NBD + Gamma-Gamma customer value), validated as usage errors.
import type { ClvTimeUnit, PredictiveOptions } from '../shared/predictiveReport';
import { pick, UsageError, type Raw } from './labArgs';

const UNITS: readonly ClvTimeUnit[] = ['day', 'week', 'month'];

/** A number flag within [min, max], or undefined when absent. */
function numberFlag(value: unknown, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (String(value).trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${flag} must be a number from ${min} to ${max} (got '${String(value)}')`);
  return n;
}

/** The predictive options when --predict (or a predictive flag) is given; null otherwise. */
export function predictiveArgs(o: Raw): Partial<PredictiveOptions> | null {
  const keys = ['calibrationEnd', 'timeUnit', 'horizon', 'discountRate', 'penalizer', 'zeroAmountPurchases'];
  if (!o.predict && !keys.some((k) => o[k] !== undefined)) return null;
  const out: Partial<PredictiveOptions> = {};
  if (o.calibrationEnd !== undefined) {
    const date = String(o.calibrationEnd);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new UsageError(`--calibration-end must be a date YYYY-MM-DD (got '${date}')`);
    out.calibrationEnd = date;
  }
  if (o.timeUnit !== undefined) out.timeUnit = pick(o.timeUnit, UNITS, 'time-unit', 'week');
  const horizon = numberFlag(o.horizon, 'horizon', 1, 600);
  if (horizon !== undefined) out.horizonMonths = horizon;
  const rate = numberFlag(o.discountRate, 'discount-rate', 0, 1);
  if (rate !== undefined) out.monthlyDiscountRate = rate;
  const penalizer = numberFlag(o.penalizer, 'penalizer', 0, 100);
  if (penalizer !== undefined) out.penalizer = penalizer;
  if (o.zeroAmountPurchases) out.zeroAmountPurchases = true;
  return out;
}

// Discounted customer lifetime value over a horizon, the way lifetimes' customer_lifetime_value
// computes it: month by month, expected purchases in month m (the difference of BG/NBD's
// cumulative conditional expectations) × expected spend per purchase, discounted by (1 + d)^m.
// The model's time unit and the month are converted explicitly here — lifetimes asks the caller
// for `freq` and silently gives wrong CLVs when it does not match the unit the model was fitted in.
import type { BgNbdParams } from './bgnbd';
import { expectedPurchases, pAlive } from './bgnbd';

/** Horizon and discounting; unitDays = days in the model's time unit. */
export interface ClvSettings {
  horizonMonths: number;
  monthlyDiscountRate: number;
  unitDays: number;
}

/** Days in the mean Gregorian month, the month of every horizon and discount. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Per-customer (or per-group) predictions that do not depend on spend. */
export interface PurchaseForecast {
  pAlive: Float64Array;
  expected: Float64Array;        // E[purchases in the horizon]
  discounted: Float64Array;      // Σ_m E[purchases in month m] / (1 + d)^m: CLV = spend × this
}

/** Forecasts for arrays of (x, t_x, T) in the model's unit: P(alive), expected and discounted purchases. */
export function forecastPurchases(p: BgNbdParams, x: Float64Array, tx: Float64Array, T: Float64Array, s: ClvSettings): PurchaseForecast {
  const n = x.length;
  const out: PurchaseForecast = { pAlive: new Float64Array(n), expected: new Float64Array(n), discounted: new Float64Array(n) };
  const unitsPerMonth = DAYS_PER_MONTH / s.unitDays;
  const months = Math.ceil(s.horizonMonths);
  const discount = Array.from({ length: months + 1 }, (_, m) => Math.pow(1 + s.monthlyDiscountRate, -m));
  for (let i = 0; i < n; i++) {
    let previous = 0;
    let discounted = 0;
    for (let m = 1; m <= months; m++) {
      const cumulative = expectedPurchases(p, x[i], tx[i], T[i], Math.min(m, s.horizonMonths) * unitsPerMonth);
      discounted += (cumulative - previous) * discount[m];
      previous = cumulative;
    }
    out.pAlive[i] = pAlive(p, x[i], tx[i], T[i]);
    out.expected[i] = previous;
    out.discounted[i] = discounted;
  }
  return out;
}

/** The monthly rate's annual equivalent, (1 + d)^12 − 1, for display. */
export function annualRate(monthlyRate: number): number {
  return Math.pow(1 + monthlyRate, 12) - 1;
}

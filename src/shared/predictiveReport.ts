// JSON contract of the predictive customer-value report (BG/NBD + Gamma-Gamma + discounted CLV,
// DESIGN.md §4 "Predictive CLV"). Every number carries its unit in its field comment, because
// the classic mistake with these models (lifetimes' day/week trap) is fitting in one time unit
// and predicting or discounting in another.

/** Time unit of t_x, T, α and every model horizon: days, weeks (7 days) or months (30.4375 days). */
export type ClvTimeUnit = 'day' | 'week' | 'month';

/** Days in one time unit; a month is the mean Gregorian month (365.25 / 12 days). */
export const DAYS_PER_UNIT: Readonly<Record<ClvTimeUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

/** What the user chose for the predictive analysis. */
export interface PredictiveOptions {
  /** Last day of the calibration period, 'YYYY-MM-DD', inclusive; null = the data's last day (no holdout). */
  calibrationEnd: string | null;
  /** Unit of t_x, T and the fitted α (default 'week', as in Fader, Hardie & Lee 2005). */
  timeUnit: ClvTimeUnit;
  /** Horizon of expected purchases and CLV, in months (mean Gregorian months), after the calibration end. */
  horizonMonths: number;
  /** Discount rate per month (lifetimes' convention; 0.01 ≈ 12.7 % a year). */
  monthlyDiscountRate: number;
  /** L2 penalty on the parameters (lifetimes' penalizer_coef: coef × Σθ² added to the mean negative LL); 0 = plain ML. */
  penalizer: number;
  /** Customers listed in the report's table (highest CLV first). */
  topCustomers: number;
  /**
   * Count zero-amount rows as purchase occasions (spend 0). Off by default: DESIGN.md §3 says a
   * zero line is not a purchase. The published CDNOW preparation counts its $0.00 orders.
   */
  zeroAmountPurchases: boolean;
}

/** Defaults: weeks, 12 months, 1 % a month, no penalty, 500 rows, zero-amount rows not purchases. */
export const DEFAULT_PREDICTIVE_OPTIONS: Readonly<PredictiveOptions> = {
  calibrationEnd: null,
  timeUnit: 'week',
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  penalizer: 0,
  topCustomers: 500,
  zeroAmountPurchases: false,
};

/** Options with every missing field filled from the defaults. */
export function resolvePredictiveOptions(partial: Partial<PredictiveOptions> = {}): PredictiveOptions {
  return { ...DEFAULT_PREDICTIVE_OPTIONS, ...partial };
}

/** One fitted parameter with its asymptotic standard error (null when the Hessian is not invertible). */
export interface ParameterEstimate {
  name: string;              // 'r', 'alpha', 'a', 'b' (BG/NBD) or 'p', 'q', 'gamma' (Gamma-Gamma)
  value: number;             // alpha in the report's time unit; gamma in the amount column's currency
  se: number | null;         // sqrt of the diagonal of the inverse Hessian of the (penalised) negative LL
}

/** How one maximum-likelihood fit went. */
export interface ModelFit {
  params: ParameterEstimate[];
  logLikelihood: number;     // total log-likelihood at the estimate (natural log, without the penalty)
  customers: number;         // customers the model was fitted on
  converged: boolean;        // the optimiser met its tolerances and the gradient is ~0
  status: string;            // human-readable convergence account
  evaluations: number;       // objective evaluations
  fitMs: number;             // wall-clock fit time (optimiser + standard errors), milliseconds
}

/** Gamma-Gamma fit plus its key assumption check. */
export interface SpendModelFit extends ModelFit {
  frequencySpendCorrelation: number;  // Pearson ρ between x and mean repeat spend over repeat customers
  warning: string | null;             // set when |ρ| ≥ 0.3: the model assumes spend independent of frequency
}

/** One customer in the report's table. */
export interface PredictiveCustomerRow {
  id: string;                // customer id as written in the file
  firstLine: number;         // 1-based line of the customer's first row in the file (drill-down)
  x: number;                 // repeat purchase days in calibration
  tx: number;                // recency: last − first purchase day, in time units
  T: number;                 // age: calibration end − first purchase day, in time units
  pAlive: number;            // probability the customer is still active at the calibration end
  expectedPurchases: number; // expected purchase days in the horizon after the calibration end
  expectedSpend: number | null;  // Gamma-Gamma expected mean spend per purchase (currency); null without amounts
  clv: number | null;        // discounted CLV over the horizon (currency); null without amounts
}

/** One week of the holdout: actual vs model-expected repeat purchase days of calibration customers. */
export interface HoldoutWeek {
  week: number;              // 1-based week after the calibration end
  days: number;              // days in this week (7, fewer for a last partial week)
  actual: number;            // purchase days in the week
  expected: number;          // model-expected purchase days in the week
  actualCumulative: number;
  expectedCumulative: number;
}

/** Holdout purchases grouped by calibration frequency x (the last group is "≥ its x"). */
export interface HoldoutByFrequency {
  x: number;                 // 0..6; 7 means 7 or more
  label: string;             // '0'…'6', '7+'
  customers: number;
  actual: number;            // mean holdout purchase days per customer
  expected: number;          // mean model-expected purchase days per customer over the holdout
}

/** The calibration/holdout check, present when the calibration end is before the data end. */
export interface HoldoutReport {
  start: string;             // first holdout day, 'YYYY-MM-DD'
  end: string;               // last holdout day, 'YYYY-MM-DD'
  days: number;
  weeks: HoldoutWeek[];
  byFrequency: HoldoutByFrequency[];
  actualTotal: number;
  expectedTotal: number;
}

/** The predictive report (JSON-safe: plain numbers, strings and arrays). */
export interface PredictiveReport {
  options: PredictiveOptions;      // as resolved (calibrationEnd filled in)
  units: {
    timeUnit: ClvTimeUnit;
    daysPerUnit: number;
    calibrationStart: string;      // first purchase day in the data, 'YYYY-MM-DD'
    calibrationEnd: string;        // 'YYYY-MM-DD', inclusive
    horizonUnits: number;          // horizonMonths expressed in time units
    annualDiscountRate: number;    // (1 + monthly)^12 − 1, for reading only
    money: string;                 // what amounts mean: the amount column's currency, or 'none'
  };
  data: {
    customers: number;             // customers in the Dataset
    modelled: number;              // customers with a first purchase on or before the calibration end
    bornAfterCalibration: number;  // first purchase after the calibration end: not modelled
    withoutPurchases: number;      // no purchase row at all (only returns / zero lines)
    purchaseDays: number;          // customer-days with a purchase (same-day purchases merged), calibration
    repeatPurchases: number;       // Σ x over modelled customers
    repeatCustomers: number;       // modelled customers with x > 0
  };
  bgnbd: ModelFit | null;          // null when it cannot be fitted (no repeat purchases)
  gammaGamma: SpendModelFit | null;  // null without amounts or with fewer than 3 repeat customers
  totals: {
    expectedPurchases: number;     // Σ expected purchase days in the horizon
    clv: number | null;            // Σ discounted CLV (currency)
    meanPAlive: number;
    likelyActive: number;          // customers with P(alive) ≥ 0.5
  } | null;
  customers: PredictiveCustomerRow[];  // top `topCustomers` by CLV (by expected purchases without amounts)
  customersListed: number;
  holdout: HoldoutReport | null;
  warnings: string[];
}

// The "Fit model" form as plain data: the text each input holds, its validation, and the
// PredictiveOptions a valid form posts. The limits match the host's guard (shared/protocol.ts
// isPredictiveOptions), so a mistake shows next to its input instead of being dropped silently.
import { DEFAULT_PREDICTIVE_OPTIONS, type ClvTimeUnit, type PredictiveOptions, type PredictiveReport } from '../shared/predictiveReport';
import type { ReportModel } from '../shared/report';

/** What the inputs hold (text as typed; the discount is in percent per month). */
export interface PredictFormValues {
  calibrationEnd: string;      // '' = the data's last day
  timeUnit: string;
  horizonMonths: string;
  discountPercent: string;
  penalizer: string;
  zeroAmountPurchases: boolean;
}

/** A form input's key. */
export type PredictField = keyof PredictFormValues;

/** The time-unit choices, in order, with their labels. */
export const TIME_UNIT_LABELS: Record<ClvTimeUnit, string> = { day: 'Days', week: 'Weeks', month: 'Months' };
const UNITS: readonly ClvTimeUnit[] = ['day', 'week', 'month'];

/** First and last purchase day of the data ('YYYY-MM-DD'), bounds of the calibration end. */
export interface DateBounds {
  first: string | null;
  last: string | null;
}

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The bounds from a report's quality section (its data end is exclusive, so the last day is the day before). */
export function dateBounds(report: ReportModel | null): DateBounds {
  const first = report?.quality.firstActivity ?? null;
  const end = report?.quality.dataEnd ?? null;
  const endMs = end === null ? NaN : Date.parse(/Z$/.test(end) ? end : `${end}Z`);
  return {
    first: first === null ? null : first.slice(0, 10),
    last: Number.isFinite(endMs) ? isoDay(Math.ceil(endMs / DAY_MS) * DAY_MS - DAY_MS) : null,
  };
}

/** Trims a number for an input: 0.01 × 100 → "1", not "1.0000000000000002". */
function plain(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** The inputs for a set of options; the calibration end stays empty when the fit had no holdout. */
export function formValues(options: PredictiveOptions, hasHoldout: boolean): PredictFormValues {
  return {
    calibrationEnd: hasHoldout && options.calibrationEnd !== null ? options.calibrationEnd : '',
    timeUnit: options.timeUnit,
    horizonMonths: plain(options.horizonMonths),
    discountPercent: plain(options.monthlyDiscountRate * 100),
    penalizer: plain(options.penalizer),
    zeroAmountPurchases: options.zeroAmountPurchases,
  };
}

/** The inputs before any fit, or for the fit a report shows. */
export function initialFormValues(report: PredictiveReport | null): PredictFormValues {
  return report ? formValues(report.options, report.holdout !== null) : formValues(DEFAULT_PREDICTIVE_OPTIONS, false);
}

/** A number typed into an input, within [min, max]; null when it is not one. */
function parseNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && isoDay(ms) === text;
}

/** The calibration end: '' → null, else a real date after the first purchase day and not after the last. */
function parseCalibrationEnd(text: string, bounds: DateBounds): { value: string | null } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  if (!isRealDate(t)) return { error: 'a date YYYY-MM-DD, or empty for the data\'s end' };
  if (bounds.first !== null && t <= bounds.first) return { error: `after the first purchase day, ${bounds.first}` };
  if (bounds.last !== null && t > bounds.last) return { error: `not after the data's last day, ${bounds.last}` };
  return { value: t };
}

/** The form's outcome: the options to post, or one message per invalid input. */
export type PredictFormResult = { ok: true; options: PredictiveOptions } | { ok: false; errors: Partial<Record<PredictField, string>> };

/** Validates the inputs and builds every option (defaults filled in) the Fit model button posts. */
export function parsePredictForm(values: PredictFormValues, bounds: DateBounds): PredictFormResult {
  const errors: Partial<Record<PredictField, string>> = {};
  const date = parseCalibrationEnd(values.calibrationEnd, bounds);
  if ('error' in date) errors.calibrationEnd = date.error;
  const unit = UNITS.find((u) => u === values.timeUnit);
  if (unit === undefined) errors.timeUnit = 'days, weeks or months';
  const horizon = parseNumber(values.horizonMonths, 1, 600);
  if (horizon === null) errors.horizonMonths = 'months from 1 to 600';
  const discount = parseNumber(values.discountPercent, 0, 100);
  if (discount === null) errors.discountPercent = 'a percentage from 0 to 100';
  const penalizer = parseNumber(values.penalizer, 0, 100);
  if (penalizer === null) errors.penalizer = 'a number from 0 to 100';
  if ('error' in date || unit === undefined || horizon === null || discount === null || penalizer === null) return { ok: false, errors };
  return {
    ok: true,
    options: {
      ...DEFAULT_PREDICTIVE_OPTIONS,
      calibrationEnd: date.value, timeUnit: unit, horizonMonths: horizon, monthlyDiscountRate: discount / 100,
      penalizer, zeroAmountPurchases: values.zeroAmountPurchases,
    },
  };
}

// Day → period index through a table instead of calendar arithmetic: the churn passes map
// every purchase day of up to 10M rows, and a data set spans a few thousand days, so one
// Int32Array lookup per day replaces a civil-calendar computation per day.
import type { Period, WeekStart } from '../../shared/options';
import { dayToPeriod } from '../periods';

/** Longest span tabulated (about 270 years); days outside fall back to the computation. */
const MAX_TABLE_DAYS = 100_000;

/** A day-number → period-index function, tabulated over [fromDay, toDay]. */
export function periodLookup(periods: { period: Period; weekStart: WeekStart }, fromDay: number, toDay: number): (day: number) => number {
  const f = dayToPeriod(periods.period, periods.weekStart);
  if (!Number.isFinite(fromDay) || !Number.isFinite(toDay) || toDay < fromDay) return f;
  const size = Math.min(toDay - fromDay + 1, MAX_TABLE_DAYS);
  const table = new Int32Array(size);
  for (let i = 0; i < size; i++) table[i] = f(fromDay + i);
  return (day) => {
    const i = day - fromDay;
    return i >= 0 && i < size ? table[i] : f(day);
  };
}

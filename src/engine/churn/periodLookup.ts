// Day → period index through a table instead of calendar arithmetic: the churn passes map
// every purchase day of up to 10M rows, and a data set spans a few thousand days, so one
// Int32Array lookup per day replaces a civil-calendar computation per day.
import type { Period, WeekStart } from '../../shared/options';
import { dayToPeriod } from '../periods';

/** Longest span tabulated (about 270 years); days outside fall back to the computation. */
const MAX_TABLE_DAYS = 100_000;

/** The period of every day from `fromDay` on: table[d − fromDay] (hot loops index it directly instead of calling a function per day). */
export interface PeriodTable {
  fromDay: number;
  table: Int32Array;
}

/** The periods of the days fromDay … toDay tabulated; null when that span is empty, not finite or longer than MAX_TABLE_DAYS. */
export function periodTable(periods: { period: Period; weekStart: WeekStart }, fromDay: number, toDay: number): PeriodTable | null {
  if (!Number.isFinite(fromDay) || !Number.isFinite(toDay) || toDay < fromDay || toDay - fromDay + 1 > MAX_TABLE_DAYS) return null;
  const f = dayToPeriod(periods.period, periods.weekStart);
  const table = new Int32Array(toDay - fromDay + 1);
  for (let i = 0; i < table.length; i++) table[i] = f(fromDay + i);
  return { fromDay, table };
}

/** A day-number → period-index function, tabulated over [fromDay, toDay]. */
export function periodLookup(periods: { period: Period; weekStart: WeekStart }, fromDay: number, toDay: number): (day: number) => number {
  const f = dayToPeriod(periods.period, periods.weekStart);
  const tabulated = periodTable(periods, fromDay, Math.min(toDay, fromDay + MAX_TABLE_DAYS - 1));
  if (!tabulated) return f;
  const { table } = tabulated;
  const size = table.length;
  return (day) => {
    const i = day - fromDay;
    return i >= 0 && i < size ? table[i] : f(day);
  };
}

// Calendar periods as consecutive integers, so "offset k after cohort c" is plain subtraction
// and a table column is an array index. Every period kind is a whole number of civil days,
// which lets hot loops map day numbers (see dayToPeriod) instead of milliseconds.
import { assertNever } from '../shared/assertNever';
import { WEEK_STARTS, type Period, type WeekStart } from '../shared/options';
import { MS_PER_DAY, civilOfDay, dayOf, daysFromCivil, isoDate, monthIndexOfDay, pad } from './civil';

/**
 * Day number of the first day of week 0 for a week start. 1970-01-01 (day 0) was a Thursday,
 * so Monday 1969-12-29 is day −3; other starts shift from there (Sunday → 1970-01-04, day 3).
 */
function weekAnchor(weekStart: WeekStart): number {
  return WEEK_STARTS.indexOf(weekStart) - 3;
}

/** A day-number → period-index function for one period kind, for per-row loops. */
export function dayToPeriod(period: Period, weekStart: WeekStart): (day: number) => number {
  switch (period) {
    case 'day': return (day) => day;
    case 'week': {
      const anchor = weekAnchor(weekStart);
      return (day) => Math.floor((day - anchor) / 7);
    }
    case 'month': return monthIndexOfDay;
    case 'quarter': return (day) => Math.floor(monthIndexOfDay(day) / 3);
    case 'year': return (day) => Math.floor(monthIndexOfDay(day) / 12);
    default: return assertNever(period);
  }
}

/** Index of the period containing a civil-ms instant (consecutive integers per period kind). */
export function periodIndex(civilMs: number, period: Period, weekStart: WeekStart): number {
  return dayToPeriod(period, weekStart)(dayOf(civilMs));
}

/** Day number of the first day of period `index`. */
function startDay(index: number, period: Period, weekStart: WeekStart): number {
  switch (period) {
    case 'day': return index;
    case 'week': return index * 7 + weekAnchor(weekStart);
    case 'month': return monthStartDay(index);
    case 'quarter': return monthStartDay(index * 3);
    case 'year': return monthStartDay(index * 12);
    default: return assertNever(period);
  }
}

function monthStartDay(monthIndex: number): number {
  const y = Math.floor(monthIndex / 12);
  return daysFromCivil(y, monthIndex - y * 12 + 1, 1);
}

/** Civil ms of the first instant of period `index`. */
export function periodStart(index: number, period: Period, weekStart: WeekStart): number {
  return startDay(index, period, weekStart) * MS_PER_DAY;
}

/** Civil ms just past period `index` (exclusive end = the next period's start). */
export function periodEnd(index: number, period: Period, weekStart: WeekStart): number {
  return periodStart(index + 1, period, weekStart);
}

/**
 * ISO label of period `index`: 2024-03-05, 2024-W11 (Monday weeks; ISO week-year), the start
 * date for weeks starting on another day (no ISO week number exists for those), 2024-03,
 * 2024-Q1, 2024.
 */
export function periodLabel(index: number, period: Period, weekStart: WeekStart): string {
  switch (period) {
    case 'day': return isoDate(index);
    case 'week': return weekStart === 'monday' ? isoWeekLabel(startDay(index, period, weekStart)) : isoDate(startDay(index, period, weekStart));
    case 'month': return `${pad(Math.floor(index / 12), 4)}-${pad((((index % 12) + 12) % 12) + 1, 2)}`;
    case 'quarter': return `${pad(Math.floor(index / 4), 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
    case 'year': return pad(index, 4);
    default: return assertNever(period);
  }
}

/**
 * ISO 8601 week label of the week starting on Monday `monday`: the week belongs to the year
 * holding its Thursday, and week 1 is the week with that year's first Thursday.
 */
function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const year = civilOfDay(thursday).y;
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

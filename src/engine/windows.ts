// Where a cell's window lies in time, for calendar periods and rolling windows, and whether the
// data covers it (DESIGN.md §4, incomplete cells; docs/DESIGN-lab.md §2 for rolling windows).
import type { Period, RetentionOptions, WeekStart } from '../shared/options';
import type { OffsetRange } from '../shared/options';
import { MS_PER_DAY, dayOf } from './civil';
import { dayToPeriod, periodEnd, periodIndex, periodStart } from './periods';

/** Rolling window length per period kind: 24 h days, 7-day weeks, 30-day months (Amplitude), 91-day quarters, 365-day years. */
export const ROLLING_MS: Record<Period, number> = {
  day: MS_PER_DAY, week: 7 * MS_PER_DAY, month: 30 * MS_PER_DAY, quarter: 91 * MS_PER_DAY, year: 365 * MS_PER_DAY,
};

/** A cell's coverage: its window starts after the data end (absent), ends before it (complete), or straddles it (partial). */
export const ABSENT = 0;
export const COMPLETE = 1;
export const PARTIAL = 2;

const MAX_LOOKUP_DAYS = 1 << 22;   // ≈ 11,500 years, 16 MB: a stray year 9999 must not cost gigabytes

/**
 * Civil ms → period index for per-row loops: one table read per row over the days in
 * [fromTime, toTime] (3× faster than the calendar arithmetic for months), arithmetic outside it.
 */
export function periodOfTime(period: Period, weekStart: WeekStart, fromTime: number, toTime: number): (t: number) => number {
  const toPeriod = dayToPeriod(period, weekStart);
  const from = dayOf(fromTime);
  const span = dayOf(toTime) - from + 1;
  if (!(span > 0 && span <= MAX_LOOKUP_DAYS)) return (t) => toPeriod(dayOf(t));
  const table = new Int32Array(span);
  for (let i = 0; i < span; i++) table[i] = toPeriod(from + i);
  return (t) => {
    const i = Math.floor(t / MS_PER_DAY) - from;
    return i >= 0 && i < span ? table[i] : toPeriod(i + from);
  };
}

/** Coverage of the cell spanning offsets [from, to] of the cohort in calendar period `cohort`. */
export type CoverageOf = (cohort: number, from: number, to: number) => number;

type Timing = Pick<RetentionOptions, 'window'> & { period: Period; weekStart: WeekStart };

/**
 * Calendar: the period holding the data's last instant is the last present one, partial when it
 * runs past the data end; a bracket is absent when its first period is, partial when any of its
 * periods is partial or absent. Rolling (each member's windows start at their own first event,
 * somewhere inside the cohort period [S, E)): judged conservatively from the cohort period —
 * present when S + from·L < data end (the earliest member's window has started), partial when
 * E + (to+1)·L > data end (the latest member's window may not have ended).
 */
export function coverageOf(dataEnd: number, o: Timing): CoverageOf {
  if (o.window === 'rolling') {
    const L = ROLLING_MS[o.period];
    return (c, from, to) => {
      if (periodStart(c, o.period, o.weekStart) + from * L >= dataEnd) return ABSENT;
      return periodEnd(c, o.period, o.weekStart) + (to + 1) * L > dataEnd ? PARTIAL : COMPLETE;
    };
  }
  const lastPresent = periodIndex(dataEnd - 1, o.period, o.weekStart);
  const lastIsPartial = periodEnd(lastPresent, o.period, o.weekStart) > dataEnd;
  return (c, from, to) => {
    if (c + from > lastPresent) return ABSENT;
    return c + to > lastPresent || (c + to === lastPresent && lastIsPartial) ? PARTIAL : COMPLETE;
  };
}

/**
 * Offset columns a table has: from the first cohort to the last qualifying activity (calendar),
 * or as many rolling windows as fit between the first cohort period's start and that activity.
 */
export function offsetWidth(o: Timing, firstCohort: number, lastTime: number): number {
  if (o.window === 'rolling') return Math.floor((lastTime - periodStart(firstCohort, o.period, o.weekStart)) / ROLLING_MS[o.period]) + 1;
  return periodIndex(lastTime, o.period, o.weekStart) - firstCohort + 1;
}

const LETTER: Record<Period, string> = { day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y' };

/** Column header: 'M3' for one offset, 'D1–3' for a bracket. */
export function columnLabel(period: Period, range: OffsetRange): string {
  const letter = LETTER[period];
  return range.to > range.from ? `${letter}${range.from}–${range.to}` : `${letter}${range.from}`;
}

/**
 * Brackets as the engine uses them: whole offsets ≥ 0, ascending, non-overlapping (an overlap is
 * cut from the later bracket), empty ones dropped. No brackets at all gives doubling ones
 * (0, 1, 2–3, 4–7, …) over the table's width, so the mode is never an empty table.
 */
export function normalizeBrackets(brackets: readonly OffsetRange[], width: number): OffsetRange[] {
  const out: OffsetRange[] = [];
  const sorted = brackets
    .map((b) => ({ from: Math.max(0, Math.ceil(b.from)), to: Math.floor(b.to) }))
    .filter((b) => Number.isFinite(b.from) && Number.isFinite(b.to) && b.to >= b.from)
    .sort((a, b) => a.from - b.from);
  for (const b of sorted) {
    const from = out.length ? Math.max(b.from, out[out.length - 1].to + 1) : b.from;
    if (b.to >= from) out.push({ from, to: b.to });
  }
  if (out.length || brackets.length) return out;
  for (let from = 0; from < Math.max(width, 1); from = Math.max(1, from * 2)) out.push({ from, to: Math.max(from, from * 2 - 1) });
  return out;
}

// Date values as analysts' exports write them (DESIGN.md §3), read digit by digit: `new Date`
// per row costs 11× more (PERFORMANCE-NOTES). Values without an offset are civil time as
// written; values with an offset and Unix epochs are converted to the configured zone.
import type { DateFormat } from '../shared/mapping';
import { DATE_FORMATS } from '../shared/mapping';
import type { TimePrecision } from '../shared/dataset';
import { daysFromCivil, monthIndexOfDay, MS_PER_DAY } from '../engine/civil';
import { utcToCivil } from './timeZone';

export { isValidTimeZone } from './timeZone';

/** One parsed value: civil or UTC ms, how precise it was written, and whether it is UTC. */
interface Scratch { ms: number; precision: TimePrecision; utc: boolean }

type RawParser = (s: string, out: Scratch) => boolean;

/** Reads `n` digits at `i`; -1 when any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9 || k >= s.length) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Reads 1 or 2 digits at `i`: [value, length], or null. */
function oneOrTwo(s: string, i: number): [number, number] | null {
  const a = digits(s, i, 1);
  if (a < 0) return null;
  const b = digits(s, i + 1, 1);
  return b < 0 ? [a, 1] : [a * 10 + b, 2];
}

const isSep = (c: string): boolean => c === '-' || c === '/' || c === '.';

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, m));
}

/**
 * Reads an optional time at `i` (after 'T' or a space): H:MM[:SS[.fff]] [AM|PM] then an
 * optional offset (Z, ±HH:MM, ±HHMM, ±HH). Sets out.ms to the time of day (plus the date's
 * ms already in out.ms) and returns false on junk.
 */
function readTime(s: string, i: number, out: Scratch, allowAmPm: boolean): boolean {
  if (i >= s.length) return true;
  const c = s[i];
  if (c !== 'T' && c !== ' ') return false;
  i++;
  while (s[i] === ' ') i++;
  const h = oneOrTwo(s, i);
  if (!h || s[i + h[1]] !== ':') return false;
  let hour = h[0];
  i += h[1] + 1;
  const minute = digits(s, i, 2);
  if (minute < 0 || minute > 59) return false;
  i += 2;
  let second = 0;
  let millis = 0;
  out.precision = 'minute';
  if (s[i] === ':') {
    second = digits(s, i + 1, 2);
    if (second < 0 || second > 60) return false;
    second = Math.min(second, 59);
    i += 3;
    out.precision = 'second';
    if (s[i] === '.' || s[i] === ',') {
      let k = i + 1;
      let scale = 100;
      while (k < s.length && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) {
        millis += (s.charCodeAt(k) - 48) * scale;
        scale /= 10;
        k++;
      }
      if (k === i + 1) return false;
      millis = Math.floor(millis);
      out.precision = 'millisecond';
      i = k;
    }
  }
  while (s[i] === ' ') i++;
  if (allowAmPm && i + 1 < s.length && (s[i + 1] === 'M' || s[i + 1] === 'm')) {
    const ap = s[i].toUpperCase();
    if ((ap !== 'A' && ap !== 'P') || hour < 1 || hour > 12) return false;
    hour = (hour % 12) + (ap === 'P' ? 12 : 0);
    i += 2;
    while (s[i] === ' ') i++;
  }
  if (hour > 23) return false;
  out.ms += ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return readOffset(s, i, out);
}

/** Z, ±HH:MM, ±HHMM or ±HH at the end of the value; converts out.ms to UTC. */
function readOffset(s: string, i: number, out: Scratch): boolean {
  if (i >= s.length) return true;
  if ((s[i] === 'Z' || s[i] === 'z') && i === s.length - 1) {
    out.utc = true;
    return true;
  }
  if (s.slice(i) === 'UTC' || s.slice(i) === 'GMT') {
    out.utc = true;
    return true;
  }
  const sign = s[i] === '+' ? 1 : s[i] === '-' ? -1 : 0;
  if (!sign) return false;
  const hh = digits(s, i + 1, 2);
  if (hh < 0 || hh > 14) return false;
  let k = i + 3;
  if (s[k] === ':') k++;
  const mm = k < s.length ? digits(s, k, 2) : 0;
  if (mm < 0 || mm > 59 || (k < s.length && k + 2 !== s.length)) return false;
  out.ms -= sign * (hh * 60 + mm) * 60_000;
  out.utc = true;
  return true;
}

/** The digit at `i` (0–9), or a negative or > 9 value for anything else. */
const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Two digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The shape almost every export writes — `YYYY-MM-DD`, optionally `THH:MM:SS` and `Z` — read at
 * fixed positions. True only when the general parser would read the same value; false sends
 * anything else (other shapes, out-of-range fields) to the general parser.
 */
function isoFixed(s: string, out: Scratch): boolean {
  const n = s.length;
  if ((n !== 10 && n !== 19 && n !== 20) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const m = twoDigits(s, 5);
  const d = twoDigits(s, 8);
  if (twoDigits(s, 0) < 0 || twoDigits(s, 2) < 0 || m < 0 || d < 0 || !validDate(y, m, d)) return false;
  if (n === 10) {
    out.ms = daysFromCivil(y, m, d) * MS_PER_DAY;
    out.precision = 'day';
    return true;
  }
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (n === 20 && s.charCodeAt(19) !== 90 && s.charCodeAt(19) !== 122) return false;
  out.ms = daysFromCivil(y, m, d) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  out.precision = 'second';
  if (n === 20) out.utc = true;
  return true;
}

const parseIso: RawParser = (s, out) => {
  if (isoFixed(s, out)) return true;
  const y = digits(s, 0, 4);
  if (y < 0 || !isSep(s[4])) return false;
  const m = oneOrTwo(s, 5);
  if (!m || s[5 + m[1]] !== s[4]) return false;
  const dStart = 6 + m[1];
  const d = oneOrTwo(s, dStart);
  if (!d || !validDate(y, m[0], d[0])) return false;
  out.ms = daysFromCivil(y, m[0], d[0]) * MS_PER_DAY;
  out.precision = 'day';
  return readTime(s, dStart + d[1], out, false);
};

const parseYearMonth: RawParser = (s, out) => {
  const y = digits(s, 0, 4);
  if (y < 0 || (s[4] !== '-' && s[4] !== '/')) return false;
  const m = oneOrTwo(s, 5);
  if (!m || 5 + m[1] !== s.length || m[0] < 1 || m[0] > 12) return false;
  out.ms = daysFromCivil(y, m[0], 1) * MS_PER_DAY;
  out.precision = 'month';
  return true;
};

function parseDayMonth(dayFirst: boolean): RawParser {
  return (s, out) => {
    const a = oneOrTwo(s, 0);
    if (!a || !isSep(s[a[1]])) return false;
    const sep = s[a[1]];
    const b = oneOrTwo(s, a[1] + 1);
    const yStart = a[1] + 1 + (b ? b[1] : 0) + 1;
    if (!b || s[yStart - 1] !== sep) return false;
    const y = digits(s, yStart, 4);
    const [d, m] = dayFirst ? [a[0], b[0]] : [b[0], a[0]];
    if (y < 0 || !validDate(y, m, d)) return false;
    out.ms = daysFromCivil(y, m, d) * MS_PER_DAY;
    out.precision = 'day';
    return readTime(s, yStart + 4, out, true);
  };
}

const parseCompact: RawParser = (s, out) => {
  if (s.length !== 8) return false;
  const y = digits(s, 0, 4);
  const m = digits(s, 4, 2);
  const d = digits(s, 6, 2);
  if (y < 1900 || y > 2199 || !validDate(y, m, d)) return false;
  out.ms = daysFromCivil(y, m, d) * MS_PER_DAY;
  out.precision = 'day';
  return true;
};

const UNIX_S = /^\d{9,10}(\.\d{1,6})?$/;
const UNIX_MS = /^\d{12,13}$/;

const parseUnixSeconds: RawParser = (s, out) => {
  if (!UNIX_S.test(s)) return false;
  out.ms = Math.round(Number(s) * 1000);
  out.precision = s.includes('.') ? 'millisecond' : 'second';
  out.utc = true;
  return true;
};

const parseUnixMillis: RawParser = (s, out) => {
  if (!UNIX_MS.test(s)) return false;
  out.ms = Number(s);
  out.precision = 'millisecond';
  out.utc = true;
  return true;
};

const RAW_PARSERS: Record<DateFormat, RawParser> = {
  iso: parseIso,
  'year-month': parseYearMonth,
  dmy: parseDayMonth(true),
  mdy: parseDayMonth(false),
  compact: parseCompact,
  'unix-s': parseUnixSeconds,
  'unix-ms': parseUnixMillis,
};

/** A parsed timestamp: civil ms in the configured zone, and how precisely it was written. */
export interface ParsedTime { ms: number; precision: TimePrecision }

/** Parses trimmed values of one format into civil ms; `null` when the value is not of that format. */
export type TimeParser = (value: string) => ParsedTime | null;

/**
 * A parser for one format in one zone. It returns the same object on every call (no per-row
 * allocation): copy the fields before the next call.
 */
export function makeTimeParser(format: DateFormat, timeZone: string): TimeParser {
  const raw = RAW_PARSERS[format];
  const toCivil = utcToCivil(timeZone);
  const scratch: Scratch = { ms: 0, precision: 'day', utc: false };
  const result: ParsedTime = { ms: 0, precision: 'day' };
  return (value) => {
    scratch.utc = false;
    if (!raw(value, scratch) || !Number.isFinite(scratch.ms)) return null;
    result.ms = scratch.utc ? toCivil(scratch.ms) : scratch.ms;
    result.precision = scratch.precision;
    return result;
  };
}

/** What the values of one column say about their date format. */
export interface DateDetection {
  format: DateFormat | null;     // decided format; null when none fits or day/month order is ambiguous
  candidates: DateFormat[];      // formats that fit best (two when DD/MM vs MM/DD cannot be told)
  matched: number;               // values the best format reads
  total: number;                 // non-empty values looked at
}

/**
 * Decides the format from sample values: the format that reads the most values wins; a tie
 * between day-first and month-first (every day ≤ 12) is reported as ambiguous.
 */
export function detectDateFormat(values: readonly string[]): DateDetection {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  const scratch: Scratch = { ms: 0, precision: 'day', utc: false };
  let best = 0;
  let candidates: DateFormat[] = [];
  for (const format of DATE_FORMATS) {
    const raw = RAW_PARSERS[format];
    let matched = 0;
    for (const v of present) if (raw(v, scratch)) matched++;
    if (matched > best) {
      best = matched;
      candidates = [format];
    } else if (matched === best && matched > 0) candidates.push(format);
  }
  const format = candidates.length === 1 ? candidates[0] : null;
  return { format, candidates, matched: best, total: present.length };
}

/** The end (exclusive, civil ms) of a value's span: a date covers its day, a year-month its month. */
export function endOfSpan(ms: number, precision: TimePrecision): number {
  switch (precision) {
    case 'millisecond': return ms + 1;
    case 'second': return Math.floor(ms / 1000) * 1000 + 1000;
    case 'minute': return Math.floor(ms / 60_000) * 60_000 + 60_000;
    case 'day': return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY;
    case 'month': {
      // Day-number arithmetic, not Date.UTC, which maps years 0–99 to 1900–1999.
      const next = monthIndexOfDay(Math.floor(ms / MS_PER_DAY)) + 1;
      const y = Math.floor(next / 12);
      return daysFromCivil(y, next - y * 12 + 1, 1) * MS_PER_DAY;
    }
  }
}

/** Human description of a format, for messages. */
export const DATE_FORMAT_EXAMPLES: Record<DateFormat, string> = {
  iso: 'YYYY-MM-DD[THH:MM:SS]',
  'year-month': 'YYYY-MM',
  dmy: 'DD/MM/YYYY',
  mdy: 'MM/DD/YYYY',
  compact: 'YYYYMMDD',
  'unix-s': 'Unix seconds',
  'unix-ms': 'Unix milliseconds',
};

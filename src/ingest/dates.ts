// Date values as analysts' exports write them (DESIGN.md §3), read digit by digit: `new Date`
// per row costs 11× more (PERFORMANCE-NOTES). Values without an offset are civil time as
// written; values with an offset and Unix epochs are converted to the configured zone.
import type { DateFormat } from '../shared/mapping';
import { DATE_FORMATS } from '../shared/mapping';
import type { TimePrecision } from '../shared/dataset';
import { daysFromCivil, monthIndexOfDay, MS_PER_DAY } from '../engine/civil';
import { utcToCivil } from './timeZone';
import { digits, isSep, isoFixed, oneOrTwo, readTime, validDate, type RawParser, type Scratch } from './datePieces';
import { isoFixedBytes } from './byteValues';
import { utf8Text } from './hashIndex';
import type { TimeParsers } from './rowFields';

export { isValidTimeZone } from './timeZone';


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

/**
 * The text parser of a format and its byte twin: ISO values of the fixed shape are read from
 * the bytes (byteValues.ts), anything else as text by the same parser.
 */
export function makeTimeParsers(format: DateFormat, timeZone: string): TimeParsers {
  const text = makeTimeParser(format, timeZone);
  const toCivil = utcToCivil(timeZone);
  const scratch: Scratch = { ms: 0, precision: 'day', utc: false };
  const result: ParsedTime = { ms: 0, precision: 'day' };
  if (format !== 'iso') return { text, bytes: (buf, start, end) => text(utf8Text(buf, start, end)) };
  return {
    text,
    bytes: (buf, start, end) => {
      scratch.utc = false;
      if (!isoFixedBytes(buf, start, end, scratch)) return text(utf8Text(buf, start, end));
      result.ms = scratch.utc ? toCivil(scratch.ms) : scratch.ms;
      result.precision = scratch.precision;
      return result;
    },
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

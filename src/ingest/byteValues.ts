// Values read straight from a UTF-8 file's bytes (ingest/byteRow.ts), for the shapes almost every
// export writes: plain decimals and fixed-position ISO timestamps. Each reader returns exactly
// what its text counterpart (numbers.ts, dates.ts) returns for the same value, or a "not read
// here" mark that sends the caller to the text path. No strings, no allocation.
import { daysFromCivil, MS_PER_DAY } from '../engine/civil';
import type { Scratch } from './datePieces';
import { validDate } from './datePieces';

/** ASCII whitespace that String.prototype.trim removes: tab, LF, VT, FF, CR, space. */
export const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Exact powers of ten (10^k for k ≤ 15 is a double without rounding). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `[-+]digits[.digits]` with at most 15 digits in bytes [start, end); NaN for anything else.
 * Exactly Number(text) (see numbers.ts plainDecimal, its text twin).
 */
export function plainDecimalBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === 45 || buf[i] === 43)) {
    negative = buf[i] === 45;
    i++;
  }
  let mantissa = 0;
  let count = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      count++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (count === 0 || count > 15) return NaN;
  const value = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -value : value;
}

/** Two digits at `i`, or -1. */
function twoDigits(buf: Uint8Array, i: number): number {
  const a = buf[i] - 48;
  const b = buf[i + 1] - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The last date read and its day number: files in time order repeat a date row after row. */
let lastDate = -1;
let lastDay = 0;

/** The date of `YYYY-MM-DD` at `start` as a day number, or NaN. */
function isoDay(buf: Uint8Array, start: number): number {
  if (buf[start + 4] !== 45 || buf[start + 7] !== 45) return NaN;
  const century = twoDigits(buf, start);
  const year = twoDigits(buf, start + 2);
  const m = twoDigits(buf, start + 5);
  const d = twoDigits(buf, start + 8);
  if (century < 0 || year < 0 || m < 0 || d < 0) return NaN;
  const date = ((century * 100 + year) * 100 + m) * 100 + d;
  if (date === lastDate) return lastDay;
  const y = century * 100 + year;
  if (!validDate(y, m, d)) return NaN;
  lastDate = date;
  lastDay = daysFromCivil(y, m, d);
  return lastDay;
}

/** `.f`, `.ff`, `.fff`… at [at, end): the milliseconds as dates.ts readTime reads them, or -1. */
function fraction(buf: Uint8Array, at: number, end: number): number {
  if (end - at < 2 || end - at > 10 || buf[at] !== 46) return -1;
  let millis = 0;
  let scale = 100;
  for (let k = at + 1; k < end; k++) {
    const c = buf[k] - 48;
    if (c < 0 || c > 9) return -1;
    millis += c * scale;
    scale /= 10;
  }
  return Math.floor(millis);
}

/**
 * `YYYY-MM-DD`, optionally `THH:MM:SS` (or a space), optionally `.fff…`, optionally `Z`, in
 * bytes [start, end) of a trimmed value. True only when dates.ts's ISO parser would read the
 * same value; false sends anything else to it.
 */
export function isoFixedBytes(buf: Uint8Array, start: number, end: number, out: Scratch): boolean {
  const n = end - start;
  if (n < 10) return false;
  const day = isoDay(buf, start);
  if (day !== day) return false;
  if (n === 10) {
    out.ms = day * MS_PER_DAY;
    out.precision = 'day';
    return true;
  }
  const t = buf[start + 10];
  if (n < 19 || (t !== 84 && t !== 32) || buf[start + 13] !== 58 || buf[start + 16] !== 58) return false;
  const hour = twoDigits(buf, start + 11);
  const minute = twoDigits(buf, start + 14);
  const second = twoDigits(buf, start + 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const zulu = buf[end - 1] === 90 || buf[end - 1] === 122;
  const fractionEnd = zulu ? end - 1 : end;
  let millis = 0;
  if (fractionEnd > start + 19) {
    millis = fraction(buf, start + 19, fractionEnd);
    if (millis < 0) return false;
  }
  out.ms = day * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  out.precision = fractionEnd > start + 19 ? 'millisecond' : 'second';
  out.utc = zulu;
  return true;
}

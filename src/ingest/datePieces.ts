// The pieces every date format is read with (ingest/dates.ts): digits at fixed positions, the
// time of day and the UTC offset after a date, and the fixed-position fast path for the ISO shape
// almost every export writes. Pure string arithmetic, no Date objects.
import type { TimePrecision } from '../shared/dataset';
import { daysFromCivil, MS_PER_DAY } from '../engine/civil';

/** One parsed value: civil or UTC ms, how precise it was written, and whether it is UTC. */
export interface Scratch { ms: number; precision: TimePrecision; utc: boolean }

/** Reads one value of a format into `out`; false when the value is not of that format. */
export type RawParser = (s: string, out: Scratch) => boolean;

/** Reads `n` digits at `i`; -1 when any is not a digit. */
export function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9 || k >= s.length) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Reads 1 or 2 digits at `i`: [value, length], or null. */
export function oneOrTwo(s: string, i: number): [number, number] | null {
  const a = digits(s, i, 1);
  if (a < 0) return null;
  const b = digits(s, i + 1, 1);
  return b < 0 ? [a, 1] : [a * 10 + b, 2];
}

/** A date separator: - / or . */
export const isSep = (c: string): boolean => c === '-' || c === '/' || c === '.';

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** Whether y-m-d is a day of the calendar (month 1–12, day within the month). */
export function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, m));
}

/**
 * Reads an optional time at `i` (after 'T' or a space): H:MM[:SS[.fff]] [AM|PM] then an
 * optional offset (Z, ±HH:MM, ±HHMM, ±HH). Sets out.ms to the time of day (plus the date's
 * ms already in out.ms) and returns false on junk.
 */
export function readTime(s: string, i: number, out: Scratch, allowAmPm: boolean): boolean {
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
export function isoFixed(s: string, out: Scratch): boolean {
  const n = s.length;
  if ((n !== 10 && n !== 19 && n !== 20) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const century = twoDigits(s, 0);
  const year = twoDigits(s, 2);
  const m = twoDigits(s, 5);
  const d = twoDigits(s, 8);
  const y = century * 100 + year;
  if (century < 0 || year < 0 || m < 0 || d < 0 || !validDate(y, m, d)) return false;
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

// Calendar arithmetic on civil day numbers (days since 1970-01-01 in the configured zone).
// Hot loops run once per row on 10M-row datasets, so these avoid `new Date` (an allocation and
// a slow path per call) and use Howard Hinnant's branch-light civil-from-days algorithms,
// which are exact for the proleptic Gregorian calendar and for any year, 0–99 included
// (Date.UTC would map those to 1900–1999).

/** Milliseconds in one civil day (civil time has no DST: it is wall-clock time encoded as UTC). */
export const MS_PER_DAY = 86_400_000;

/** Civil day number (days since 1970-01-01) of a civil-ms instant. */
export function dayOf(civilMs: number): number {
  return Math.floor(civilMs / MS_PER_DAY);
}

/** Day number of year `y`, month `m` (1–12), day `d` (1–31). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;                   // the algorithm's year starts in March
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;                      // [0, 399]
  const mp = m > 2 ? m - 3 : m + 9;                // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Month index (year × 12 + zero-based month) of a day number, without allocating. Quarter and
 * year indexes follow by integer division, so one function serves three period kinds.
 */
export function monthIndexOfDay(day: number): number {
  const z = day + 719468;                          // shift the epoch to 0000-03-01
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;                    // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);      // March = 0 … February = 11
  // Months from March of year (yoe + era*400): January and February belong to the next year.
  return (yoe + era * 400) * 12 + mp + 2;
}

/** Calendar date of a day number (allocates; for labels, not per-row loops). */
export function civilOfDay(day: number): { y: number; m: number; d: number } {
  const mi = monthIndexOfDay(day);
  const y = Math.floor(mi / 12);
  const m = mi - y * 12 + 1;
  return { y, m, d: day - daysFromCivil(y, m, 1) + 1 };
}

/** Zero-padded decimal, e.g. pad(3, 2) = '03'; a sign stays in front of the padding. */
export function pad(n: number, width: number): string {
  const digits = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${digits}` : digits;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  const { y, m, d } = civilOfDay(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** 'YYYY-MM-DDTHH:MM:SS' of a civil-ms instant (milliseconds truncated; no zone suffix: it is civil time). */
export function isoDateTime(civilMs: number): string {
  const day = dayOf(civilMs);
  const secs = Math.floor((civilMs - day * MS_PER_DAY) / 1000);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  return `${isoDate(day)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(secs % 60, 2)}`;
}

import type { TimePrecision } from '../shared/dataset';

// The report carries civil date-times as "YYYY-MM-DDTHH:MM:SS" without a zone (wall-clock time in
// the report's time zone). They are parsed and printed as UTC so nothing shifts by the viewer's zone.

function parseCivil(iso: string): number | null {
  const ms = Date.parse(/Z$|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms : null;
}

function printCivil(ms: number, precision: TimePrecision): string {
  const iso = new Date(ms).toISOString();   // 2024-03-05T10:20:30.000Z
  switch (precision) {
    case 'month': return iso.slice(0, 7);
    case 'day': return iso.slice(0, 10);
    case 'minute': return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    case 'second':
    case 'millisecond': return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
}

/** A civil timestamp at the column's precision: ("2024-03-05T00:00:00", "day") → "2024-03-05". */
export function formatCivil(iso: string | null, precision: TimePrecision): string | null {
  if (iso === null) return null;
  const ms = parseCivil(iso);
  return ms === null ? iso : printCivil(ms, precision);
}

/**
 * The last moment the data covers, for people: the report's data end is exclusive (the start of
 * the first uncovered day/month/…), so "2024-04-01T00:00:00" at day precision reads "2024-03-31".
 */
export function formatDataEnd(iso: string | null, precision: TimePrecision): string | null {
  if (iso === null) return null;
  const ms = parseCivil(iso);
  return ms === null ? iso : printCivil(ms - 1, precision);
}

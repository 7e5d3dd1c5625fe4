// What one row of the file is (DESIGN.md §3: events, subscriptions or customers), decided from
// the header and the sampled rows. Always shown to the user for confirmation; a shape given by a
// flag or a remembered mapping wins, and so do roles only one shape has (--tenure → customers).
import type { ColumnMapping, DataShape } from '../shared/mapping';
import { detectDateFormat, makeTimeParser } from './dates';
import { findLifetimeColumns, type LifetimeColumns } from './lifetimeRoles';
import { columnValues, NAME_PATTERNS } from './roles';
import type { CsvSniff } from './sniff';

/** The detected shape, whether it is sure enough to go on without asking, and why. */
export interface ShapeDetection {
  shape: DataShape;
  confident: boolean;
  reason: string;
}

/** Date columns that belong to an events file (an order or a login), never to a lifetime. */
const EVENT_DATE_NAME = /(order|event|purchase|invoice|transaction|visit|login|session|txn)/i;
/** Summary columns of a customer table (last_order_date, first_purchase_at) are not events. */
const SUMMARY_PREFIX = /^(last|first|next|latest|previous|prev|most[\s_-]*recent)[\s_-]/i;

/** The shape fixed roles imply: tenure/churned only exist in customers, start/end/plan in subscriptions. */
function shapeOfRoles(fixed: Partial<ColumnMapping>): DataShape | null {
  if (fixed.tenure || fixed.churned) return 'customers';
  if (fixed.start || fixed.end || fixed.plan) return 'subscriptions';
  if (fixed.timestamp) return 'events';
  return null;
}

/**
 * Whether the sample has about one row per customer: at least 90 % of its ids distinct (a few
 * duplicate rows are reported as such; a snapshot or event table repeats every id).
 */
function oneRowPerCustomer(sniff: CsvSniff, column: string | null): boolean {
  if (column === null) return true;
  const values = columnValues(sniff, sniff.header.indexOf(column));
  return new Set(values).size >= 0.9 * values.length;
}

/**
 * Start and end times of day on every row, none blank, read as sessions or visits: subscriptions
 * are dated by day and the active ones have no end.
 */
function looksLikeSessions(sniff: CsvSniff, cols: LifetimeColumns): boolean {
  if (cols.start === null || cols.end === null) return false;
  const index = sniff.header.indexOf(cols.end);
  if (sniff.sampleRows.some((r) => (r[index] ?? '').trim() === '')) return false;
  const values = columnValues(sniff, sniff.header.indexOf(cols.start));
  const format = detectDateFormat(values).format;
  if (format === null) return false;
  const parse = makeTimeParser(format, 'UTC');
  return values.every((v) => {
    const p = parse(v);
    return p === null || (p.precision !== 'day' && p.precision !== 'month');
  });
}

/** A date-named column with readable dates besides the lifetime ones, optionally only named for events. */
function hasOtherDate(sniff: CsvSniff, cols: LifetimeColumns, eventsOnly: boolean): boolean {
  const lifetime = new Set([cols.start, cols.end]);
  return sniff.header.some((name, i) => !lifetime.has(name) && NAME_PATTERNS.timestamp.test(name)
    && (!eventsOnly || (EVENT_DATE_NAME.test(name) && !SUMMARY_PREFIX.test(name))) && detectDateFormat(columnValues(sniff, i)).matched > 0);
}

/** Decides the shape from the sample; `given` (a flag, a remembered mapping) wins. */
export function detectShape(sniff: CsvSniff, fixed: Partial<ColumnMapping>, given?: DataShape): ShapeDetection {
  if (given) return { shape: given, confident: true, reason: 'given' };
  const implied = shapeOfRoles(fixed);
  if (implied) return { shape: implied, confident: true, reason: 'implied by the columns given' };
  const cols = findLifetimeColumns(sniff, fixed);
  const tenure = (): ShapeDetection => ({
    shape: 'customers', confident: cols.customerByName && cols.churned !== null,
    reason: `tenure column '${cols.tenure}'${cols.churned ? ` and churned flag '${cols.churned}'` : ''}`,
  });
  // One row per customer: a monthly snapshot table (tenure and churn on every month's row) is not.
  const oneRowEach = oneRowPerCustomer(sniff, cols.customerId);
  // Tenure with a churned flag is a customer table even beside an order date column.
  if (cols.tenure && cols.churned && oneRowEach) return tenure();
  if (hasOtherDate(sniff, cols, true)) return { shape: 'events', confident: true, reason: 'an order or event date column' };
  // A lone duration-like column is a customer's tenure only in a one-row-per-customer file
  // without a timestamp (events with a 'duration' per session stay events).
  if (cols.tenure && oneRowEach && !hasOtherDate(sniff, cols, false)) return tenure();
  if (cols.start && cols.end && !looksLikeSessions(sniff, cols)) {
    return { shape: 'subscriptions', confident: cols.customerByName, reason: `start '${cols.start}' and end '${cols.end}' columns` };
  }
  if (cols.start && cols.churned && oneRowEach) {
    return { shape: 'customers', confident: false, reason: `start '${cols.start}' and churned flag '${cols.churned}', one row per customer` };
  }
  // Events stay the default: a lone start or tenure-less file reads as it always did.
  return { shape: 'events', confident: cols.start === null && cols.churned === null, reason: 'no lifetime columns' };
}

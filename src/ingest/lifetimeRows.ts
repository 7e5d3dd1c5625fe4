// What the subscriptions and customers builders share (DESIGN.md §3, §5): the start/end pair of
// a row with its skips, the data end, the segment candidates and the "clear majority" check.
import type { SkipReason, TimePrecision } from '../shared/dataset';
import type { IngestPlan, TenureUnit } from '../shared/mapping';
import { MS_PER_DAY } from '../engine/civil';
import { MIN_VALID_TIME_SHARE } from './datasetBuilder';
import { DATE_FORMAT_EXAMPLES, endOfSpan, makeTimeParser, type TimeParser } from './dates';
import { IngestError } from './errors';
import type { QualityLog } from './quality';

/** Index of a mapped column in the header; −1 when the role is not mapped. */
export function columnIndex(plan: IngestPlan, column: string | null): number {
  return column === null ? -1 : plan.header.indexOf(column);
}

/** Segment candidates: every column not mapped to a role, plus `alsoMapped` (the plan). */
export function lifetimeSegmentCandidates(plan: IngestPlan, alsoMapped: (string | null)[]): [string, number][] {
  const mapped = new Set(Object.values(plan.mapping).filter((v): v is string => typeof v === 'string'));
  for (const name of alsoMapped) if (name !== null) mapped.delete(name);
  return plan.header.map((name, i) => [name, i] as [string, number]).filter(([name]) => !mapped.has(name));
}

/** Counts a row with the wrong number of fields; false when it must be skipped. */
export function checkWidth(log: QualityLog, fields: readonly string[], width: number, line: number): boolean {
  if (fields.length === width) return true;
  log.skip('wrong number of fields', line, null, `${fields.length} fields, expected ${width}`);
  return false;
}

/**
 * Reads a row's start (required) and end (optional: empty = still active) and tracks the data
 * end: the end of the latest start or end date at its precision, as for events.
 */
export class SpanReader {
  /** Civil ms of the last row read. */
  start = 0;
  /** Civil ms of the last row's end; NaN when it is still active. */
  end = NaN;
  dataEnd = -Infinity;
  precision: TimePrecision = 'day';
  private readonly parse: TimeParser;
  private readonly startAt: number;
  private readonly endAt: number;

  constructor(private readonly plan: IngestPlan, private readonly log: QualityLog) {
    this.parse = makeTimeParser(plan.dateFormat, plan.timeZone);
    this.startAt = columnIndex(plan, plan.mapping.start);
    this.endAt = columnIndex(plan, plan.mapping.end);
  }

  /** Whether a start column is mapped (customers may use a tenure column instead). */
  get mapped(): boolean {
    return this.startAt >= 0;
  }

  /** Reads start and end into `start`/`end`; false after logging why the row is skipped. */
  read(fields: readonly string[], line: number): boolean {
    const header = this.plan.header;
    const startText = fields[this.startAt].trim();
    if (startText === '') return this.skip('missing start', line, header[this.startAt], null);
    const start = this.parse(startText);
    if (start === null) return this.skip('invalid start', line, header[this.startAt], startText);
    this.start = start.ms;
    const startPrecision = start.precision;
    this.end = NaN;
    const endText = this.endAt >= 0 ? fields[this.endAt].trim() : '';
    if (endText !== '') {
      const end = this.parse(endText);
      if (end === null) return this.skip('invalid end', line, header[this.endAt], endText);
      if (end.ms < this.start) return this.skip('end before start', line, header[this.endAt], `${endText} < ${startText}`);
      this.end = end.ms;
      this.extend(end.ms, end.precision);
    }
    this.extend(this.start, startPrecision);
    return true;
  }

  private extend(ms: number, precision: TimePrecision): void {
    const end = endOfSpan(ms, precision);
    if (end > this.dataEnd) {
      this.dataEnd = end;
      this.precision = precision;
    }
  }

  private skip(reason: SkipReason, line: number, column: string, value: string | null): false {
    this.log.skip(reason, line, column, value);
    return false;
  }

  /** How the dates are read, for messages. */
  describeFormat(): string {
    return DATE_FORMAT_EXAMPLES[this.plan.dateFormat];
  }
}

/** Days in one tenure unit: a month is 365.25 / 12 days (as for predictive CLV, docs/DESIGN.md §7). */
export const DAYS_PER_UNIT: Record<TenureUnit, number> = { days: 1, weeks: 7, months: 365.25 / 12, years: 365.25 };

/** A span of civil ms in tenure units. */
export function msToUnits(ms: number, unit: TenureUnit): number {
  return ms / MS_PER_DAY / DAYS_PER_UNIT[unit];
}

/** Reasons that say a row's values are unreadable (not that it is a legitimate leave-out like a blank id). */
const VALUE_REASONS: readonly SkipReason[] = ['missing start', 'invalid start', 'invalid end', 'end before start', 'invalid tenure', 'invalid churned flag', 'invalid amount'];
const DATE_REASONS: ReadonlySet<SkipReason> = new Set(['missing start', 'invalid start', 'invalid end', 'end before start']);

/**
 * Stops with a located error when fewer than 80 % of the rows have readable values (the events
 * rule for timestamps, docs/DESIGN.md §7, applied to every value the shape needs), and when no
 * row at all is usable. Blank ids and duplicates are leave-outs, not unreadable values.
 */
export function checkUsable(log: QualityLog, file: string, dateFormat: string): void {
  if (log.rowsRead === 0) throw new IngestError('header-only', `${file}: only a header row, no data rows`);
  let bad = 0;
  let top: SkipReason | null = null;
  for (const reason of VALUE_REASONS) {
    const n = log.skipped[reason] ?? 0;
    bad += n;
    if (n > 0 && (top === null || n > (log.skipped[top] ?? 0))) top = reason;
  }
  // Integer-safe: 10 × 0.2 is 1.9999999999999996 in floating point.
  if (top !== null && log.rowsRead - bad < Math.ceil(log.rowsRead * MIN_VALID_TIME_SHARE - 1e-9)) {
    const examples = (log.examples[top] ?? []).slice(0, 3);
    const column = examples[0]?.column ?? undefined;
    const shown = examples.map((e) => `line ${e.line} ${e.value === null ? '(empty)' : `'${e.value}'`}`).join(', ');
    const isDate = DATE_REASONS.has(top);
    throw new IngestError(isDate ? 'bad-dates' : 'bad-values',
      `${file}: only ${log.rowsRead - bad} of ${log.rowsRead} rows are usable; ${log.skipped[top]} have ${top === 'end before start' ? 'an end before their start' : `${/^[aeiou]/.test(top) ? 'an' : 'a'} ${top}`} in column '${column}'${isDate ? ` (read as ${dateFormat})` : ''}: ${shown}`,
      examples[0]?.line, column);
  }
  if (log.rowsUsed === 0) {
    throw new IngestError('no-usable-rows', `${file}: no usable rows, all ${log.rowsRead} skipped — ${log.describe()}`);
  }
}

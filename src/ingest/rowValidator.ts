// The checks every data row passes before the Dataset builder keeps it (DESIGN.md §3, §5): the
// field count, a customer id, a valid timestamp and a readable amount. A failed check is
// counted with its line, column and value; a passed one leaves the row's time, precision and
// amount in the block's slots (ingest/datasetBuilder.ts reads them).
import type { IngestPlan } from '../shared/mapping';
import type { TimePrecision } from '../shared/dataset';
import { DATE_FORMAT_EXAMPLES, makeTimeParsers, type ParsedTime } from './dates';
import { IngestError } from './errors';
import type { QualityLog } from './quality';
import type { RowFields, TimeParsers } from './rowFields';
import type { ColumnIndexes } from './columnIndexes';

/** Share of data rows that must carry a valid timestamp for the analysis to go on (docs/DESIGN.md §7). */
export const MIN_VALID_TIME_SHARE = 0.8;

/** Checks rows; what it read from each valid row is at its slot in ms, precision and amount. */
export class RowValidator {
  readonly ms: Float64Array;
  readonly precision: TimePrecision[];
  readonly amount: Float64Array;
  private readonly width: number;
  private readonly parseTime: TimeParsers;

  /** `slots`: rows checked before their values are used (a block). `hasAmount`: an amount or quantity column is mapped. */
  constructor(private readonly plan: IngestPlan, private readonly cols: ColumnIndexes, private readonly log: QualityLog, private readonly hasAmount: boolean, slots: number) {
    this.width = plan.header.length;
    this.parseTime = makeTimeParsers(plan.dateFormat, plan.timeZone);
    this.ms = new Float64Array(slots);
    this.precision = new Array<TimePrecision>(slots).fill('day');
    this.amount = new Float64Array(slots);
  }

  /** Counts the row as read and checks it (but for duplicates); true: its values are at slot `at`. */
  check(row: RowFields, line: number, at: number): boolean {
    this.log.rowsRead++;
    const parsed = this.checkedTime(row, line);
    if (parsed === null) return false;
    const amount = this.readAmount(row, line);
    if (Number.isNaN(amount)) return false;
    this.ms[at] = parsed.ms;
    this.precision[at] = parsed.precision;
    this.amount[at] = amount;
    return true;
  }

  /** The row's time once its field count, customer id and timestamp are checked; null after logging why not. */
  private checkedTime(row: RowFields, line: number): ParsedTime | null {
    const { log, cols } = this;
    const { header } = this.plan;
    if (row.count !== this.width) log.skip('wrong number of fields', line, null, `${row.count} fields, expected ${this.width}`);
    else if (row.isEmpty(cols.customer)) log.skip('missing customer id', line, header[cols.customer], null);
    else if (row.isEmpty(cols.time)) log.skip('missing timestamp', line, header[cols.time], null);
    else {
      const parsed = row.time(cols.time, this.parseTime);
      if (parsed !== null) return parsed;
      log.skip('invalid timestamp', line, header[cols.time], row.text(cols.time));
    }
    return null;
  }

  /** The row's amount (or quantity × unit price); NaN after logging when unreadable; 0 when unmapped. */
  private readAmount(row: RowFields, line: number): number {
    if (!this.hasAmount) return 0;
    if (this.cols.amount >= 0) return this.readNumber(row, this.cols.amount, line);
    const quantity = this.readNumber(row, this.cols.quantity, line);
    if (Number.isNaN(quantity)) return NaN;
    const price = this.readNumber(row, this.cols.unitPrice, line);
    // Rounded to the cent's hundredth so 6 × 2.55 sums as 15.3, not 15.299999999999999.
    return Number.isNaN(price) ? NaN : Math.round(quantity * price * 1e4) / 1e4;
  }

  /** One numeric field; NaN after logging when unreadable. A method, not a closure: this runs per row. */
  private readNumber(row: RowFields, index: number, line: number): number {
    const value = row.amount(index, this.plan.dialect.decimalComma);
    if (Number.isNaN(value)) this.log.skip('invalid amount', line, this.plan.header[index], row.text(index));
    return value;
  }

  /** Stops with a located error when fewer than 80 % of the rows carry a valid timestamp. */
  checkTimestampShare(file: string): void {
    const log = this.log;
    const bad = (log.skipped['invalid timestamp'] ?? 0) + (log.skipped['missing timestamp'] ?? 0);
    // Integer-safe: 10 × 0.2 is 1.9999999999999996 in floating point.
    if (bad === 0 || log.rowsRead - bad >= Math.ceil(log.rowsRead * MIN_VALID_TIME_SHARE - 1e-9)) return;
    const column = this.plan.header[this.cols.time];
    const examples = [...(log.examples['invalid timestamp'] ?? []), ...(log.examples['missing timestamp'] ?? [])]
      .sort((a, b) => a.line - b.line).slice(0, 3);
    const shown = examples.map((e) => `line ${e.line} ${e.value === null ? '(empty)' : `'${e.value}'`}`).join(', ');
    throw new IngestError('bad-dates',
      `${file}: only ${log.rowsRead - bad} of ${log.rowsRead} rows have a valid timestamp in column '${column}' (read as ${DATE_FORMAT_EXAMPLES[this.plan.dateFormat]}); bad values at ${shown}`,
      examples[0]?.line, column);
  }
}

// Rows of a customers table (DESIGN.md §3: one row per customer with a tenure or start(+end) and
// a churned flag, like a CRM or churn-model export) into the columnar CustomerTableDataset.
// Skip order: wrong number of fields → missing customer id → invalid tenure (or the start/end
// reasons) → invalid churned flag → duplicate customer (the first readable row of an id wins).
import type { CustomerTableDataset } from '../shared/lifetimes';
import type { IngestPlan, TenureUnit } from '../shared/mapping';
import { isInvertedFlagColumn, readChurnFlag } from './churnFlag';
import { Float64Column, Uint32Column } from './columns';
import { StringTable } from './stringTable';
import { checkUsable, checkWidth, columnIndex, lifetimeSegmentCandidates, msToUnits, SpanReader } from './lifetimeRows';
import { parseAmount } from './numbers';
import { QualityLog } from './quality';
import { SegmentCollector } from './segments';
import { TextFields } from './rowFields';

/** Accumulates customer rows; `finish()` checks the whole and returns the dataset. */
export class CustomerTableBuilder {
  private readonly log = new QualityLog();
  private readonly spans: SpanReader;
  private readonly unit: TenureUnit;
  private readonly width: number;
  private readonly customerAt: number;
  private readonly tenureAt: number;
  private readonly churnedAt: number;
  private readonly endAt: number;
  private readonly inverted: boolean;
  private readonly customers = new StringTable();
  private readonly segments: SegmentCollector;
  private readonly row = new TextFields();
  private readonly duration = new Float64Column();   // tenure, or the start (civil ms) until finish()
  private readonly end = new Float64Column();        // civil ms; NaN = still a customer (dates only)
  private readonly churned = new Uint32Column();
  private readonly line = new Uint32Column();

  constructor(private readonly plan: IngestPlan, private readonly file: string) {
    const m = plan.mapping;
    this.customerAt = columnIndex(plan, m.customerId);
    this.tenureAt = columnIndex(plan, m.tenure);
    this.spans = new SpanReader(plan, this.log);
    if (this.customerAt < 0 || (this.tenureAt < 0 && !this.spans.mapped)) throw new Error('the plan must map a customer id and a tenure or start column');
    this.churnedAt = columnIndex(plan, m.churned);
    this.endAt = columnIndex(plan, m.end);
    this.inverted = m.churned !== null && isInvertedFlagColumn(m.churned);
    // A tenure column's unit is a label (default months); dates are counted in days unless told.
    this.unit = plan.tenureUnit ?? (this.tenureAt >= 0 ? 'months' : 'days');
    this.width = plan.header.length;
    this.segments = new SegmentCollector(lifetimeSegmentCandidates(plan, []));
  }

  /** Data rows seen so far. */
  get rowsRead(): number {
    return this.log.rowsRead;
  }

  /** Validates one data row (`line` its first physical line) and keeps it or counts why not. */
  addRow(fields: readonly string[], line: number): void {
    const log = this.log;
    const header = this.plan.header;
    log.rowsRead++;
    if (!checkWidth(log, fields, this.width, line)) return;
    const id = fields[this.customerAt].trim();
    if (id === '') return log.skip('missing customer id', line, header[this.customerAt], null);
    const duration = this.readDuration(fields, line);
    if (Number.isNaN(duration)) return;
    const churned = this.readChurned(fields, line);
    if (churned < 0) return;
    const before = this.customers.size;
    if (this.customers.intern(id) !== before) return log.skip('duplicate customer', line, header[this.customerAt], id);
    this.duration.push(duration);
    this.end.push(this.spans.end);
    this.churned.push(churned);
    this.line.push(line);
    this.segments.addCustomer(this.row.of(fields), 0);
    log.rowsUsed++;
  }

  /** The tenure (≥ 0, finite), or with dates the start in civil ms; NaN after logging. */
  private readDuration(fields: readonly string[], line: number): number {
    if (this.tenureAt < 0) return this.spans.read(fields, line) ? this.spans.start : NaN;
    const text = fields[this.tenureAt].trim();
    const value = text === '' ? NaN : parseAmount(text, this.plan.dialect.decimalComma);
    if (Number.isNaN(value) || value < 0) {
      this.log.skip('invalid tenure', line, this.plan.header[this.tenureAt], text === '' ? null : text);
      return NaN;
    }
    return value;
  }

  /** 1 churned, 0 still a customer, −1 after logging. Without a flag column, an end date means churned. */
  private readChurned(fields: readonly string[], line: number): number {
    if (this.churnedAt < 0) {
      // With a tenure the end column is not read as a date, only as "present or not".
      if (this.tenureAt >= 0) return this.endAt >= 0 && fields[this.endAt].trim() !== '' ? 1 : 0;
      return Number.isNaN(this.spans.end) ? 0 : 1;
    }
    const text = fields[this.churnedAt].trim();
    const flag = readChurnFlag(text, this.inverted);
    if (flag < 0) this.log.skip('invalid churned flag', line, this.plan.header[this.churnedAt], text === '' ? null : text);
    return flag;
  }

  /** Durations from dates: (end, or the data end for those still active) − start, in the unit. */
  private durations(): Float64Array {
    const out = this.duration.finish();
    if (this.tenureAt >= 0) return out;
    const end = this.end.finish();
    const dataEnd = this.spans.dataEnd;
    for (let i = 0; i < out.length; i++) out[i] = msToUnits((Number.isNaN(end[i]) ? dataEnd : end[i]) - out[i], this.unit);
    return out;
  }

  /** Checks the whole file (enough readable rows, at least one) and returns the dataset. */
  finish(): CustomerTableDataset {
    checkUsable(this.log, this.file, this.spans.describeFormat());
    const churned = this.churned.finish();
    return {
      shape: 'customers',
      file: this.file,
      rowCount: this.log.rowsUsed,
      customerIds: this.customers.values,
      duration: this.durations(),
      churned: Uint8Array.from(churned),
      timeUnit: this.unit,
      line: this.line.finish(),
      segments: this.segments.finish(this.customers.size),
      quality: this.log.toDataQuality(),
    };
  }
}

// Rows of a subscriptions file (DESIGN.md §3: customer, start, end/cancel, MRR, plan) into the
// columnar SubscriptionDataset. Skip order: wrong number of fields → missing customer id →
// missing/invalid start → invalid end → end before start → invalid MRR. An empty end is a
// subscription still active (right-censored at the data end); an empty MRR is 0 (a free plan or
// a trial: the subscription still counts for logo churn, not for revenue).
import type { SubscriptionDataset } from '../shared/lifetimes';
import type { IngestPlan } from '../shared/mapping';
import { Float64Column, Int32Column, Uint32Column } from './columns';
import { StringTable } from './stringTable';
import { checkUsable, checkWidth, columnIndex, lifetimeSegmentCandidates, SpanReader } from './lifetimeRows';
import { parseAmount } from './numbers';
import { QualityLog } from './quality';
import { SegmentCollector } from './segments';
import { TextFields } from './rowFields';

/** Accumulates subscription rows; `finish()` checks the whole and returns the dataset. */
export class SubscriptionBuilder {
  private readonly log = new QualityLog();
  private readonly spans: SpanReader;
  private readonly width: number;
  private readonly customerAt: number;
  private readonly mrrAt: number;
  private readonly planAt: number;
  private readonly customers = new StringTable();
  private readonly plans = new StringTable();
  private readonly segments: SegmentCollector;
  private readonly row = new TextFields();
  private readonly customer = new Uint32Column();
  private readonly start = new Float64Column();
  private readonly end = new Float64Column();
  private readonly mrr: Float64Column | null;
  private readonly plan: Int32Column | null;
  private readonly line = new Uint32Column();
  private readonly firstLine = new Uint32Column();

  constructor(private readonly ingestPlan: IngestPlan, private readonly file: string) {
    const m = ingestPlan.mapping;
    this.customerAt = columnIndex(ingestPlan, m.customerId);
    this.spans = new SpanReader(ingestPlan, this.log);
    if (this.customerAt < 0 || !this.spans.mapped) throw new Error('the plan must map a customer id and a start column');
    this.width = ingestPlan.header.length;
    this.mrrAt = columnIndex(ingestPlan, m.amount);
    this.planAt = columnIndex(ingestPlan, m.plan);
    this.mrr = this.mrrAt >= 0 ? new Float64Column() : null;
    this.plan = this.planAt >= 0 ? new Int32Column() : null;
    // The plan is a role and a segment: churn by plan is the first comparison people make.
    this.segments = new SegmentCollector(lifetimeSegmentCandidates(ingestPlan, [m.plan]));
  }

  /** Data rows seen so far. */
  get rowsRead(): number {
    return this.log.rowsRead;
  }

  /** Validates one data row (`line` its first physical line) and keeps it or counts why not. */
  addRow(fields: readonly string[], line: number): void {
    const log = this.log;
    log.rowsRead++;
    if (!checkWidth(log, fields, this.width, line)) return;
    const id = fields[this.customerAt].trim();
    if (id === '') return log.skip('missing customer id', line, this.ingestPlan.header[this.customerAt], null);
    if (!this.spans.read(fields, line)) return;
    const mrr = this.readMrr(fields, line);
    if (Number.isNaN(mrr)) return;
    this.keep(id, mrr, fields, line);
  }

  /** The row's MRR: 0 when empty or unmapped; NaN after logging when unreadable or negative. */
  private readMrr(fields: readonly string[], line: number): number {
    if (this.mrrAt < 0) return 0;
    const text = fields[this.mrrAt].trim();
    if (text === '') return 0;
    const value = parseAmount(text, this.ingestPlan.dialect.decimalComma);
    // A negative recurring revenue is a credit or a refund, not a subscription's price.
    if (Number.isNaN(value) || value < 0) {
      this.log.skip('invalid amount', line, this.ingestPlan.header[this.mrrAt], text);
      return NaN;
    }
    return value;
  }

  private keep(id: string, mrr: number, fields: readonly string[], line: number): void {
    const { start, end } = this.spans;
    const before = this.customers.size;
    const u = this.customers.intern(id);
    if (u === before) {
      this.firstLine.push(line);
      this.segments.addCustomer(this.row.of(fields), start);
    } else {
      // The earliest-starting subscription gives the customer's segment values.
      this.segments.seeRow(u, this.row.of(fields), start);
    }
    this.customer.push(u);
    this.start.push(start);
    this.end.push(end);
    this.line.push(line);
    if (this.mrr) {
      this.mrr.push(mrr);
      if (mrr === 0) this.log.zeroAmount++;
    }
    if (this.plan) this.plan.push(this.plans.intern(fields[this.planAt].trim()));
    this.log.rowsUsed++;
  }

  /** Checks the whole file (enough readable rows, at least one) and returns the dataset. */
  finish(): SubscriptionDataset {
    checkUsable(this.log, this.file, this.spans.describeFormat());
    return {
      shape: 'subscriptions',
      file: this.file,
      rowCount: this.log.rowsUsed,
      customer: this.customer.finish(),
      start: this.start.finish(),
      end: this.end.finish(),
      mrr: this.mrr?.finish() ?? null,
      plan: this.plan?.finish() ?? null,
      planNames: this.plan ? this.plans.values : [],
      line: this.line.finish(),
      customerIds: this.customers.values,
      customerFirstLine: this.firstLine.finish(),
      segments: this.segments.finish(this.customers.size),
      timePrecision: this.spans.precision,
      dataEnd: this.spans.dataEnd,
      quality: this.log.toDataQuality(),
    };
  }
}

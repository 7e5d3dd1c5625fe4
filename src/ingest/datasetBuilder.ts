// Turns parsed rows into the columnar Dataset, validating each row (DESIGN.md §3, §5): rows
// without a customer id or a valid timestamp, with an unreadable amount, the wrong number of
// fields, or repeating an earlier row exactly are skipped and counted with their line.
import type { Dataset, TimePrecision } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { reserveWhereGiven, type Float64Column, Uint32Column } from './columns';
import { StringTable } from './stringTable';
import { OrderIdTable } from './orderIds';
import { absorbCustomerKeys, absorbCustomerLines, appendPartRows, shiftLines, type DatasetPart, type PartDuplicates } from './datasetPart';
import { endOfSpan } from './dates';
import { RowValidator } from './rowValidator';
import { IngestError } from './errors';
import { QualityLog } from './quality';
import { RowHashSet } from './rowHashSet';
import { RunDuplicates, runsJoin } from './runDuplicates';
import { BLOCK_ROWS } from './byteCsv';
import type { ByteRow } from './byteRow';
import { lookAhead, type LookAheadTargets } from './lookAhead';
import type { RowFields } from './rowFields';
import { SegmentCollector } from './segments';
import { OrderCodes } from './orderCodes';
import { indexesOf, segmentCandidates, type ColumnIndexes } from './columnIndexes';
import { rowColumns, type RowWindow } from './sharedRows';

/** Increasing order ids kept when reading by runs: a break later means reading again (ingest/orderIds.ts). */
const ORDER_IDS_KEPT_BY_RUNS = 4096;

export { MIN_VALID_TIME_SHARE } from './rowValidator';

/** Accumulates rows into typed columns; `finish()` checks the whole and returns the Dataset. */
export class DatasetBuilder {
  private readonly cols: ColumnIndexes;
  private readonly log = new QualityLog();
  private readonly customers: StringTable;
  private readonly orders: OrderIdTable;
  private readonly events = new StringTable();
  private readonly event: Uint32Column | null;
  private readonly segments: SegmentCollector;
  private readonly customer: Uint32Column;
  private readonly time: Float64Column;
  private readonly amount: Float64Column | null;
  private readonly order: OrderCodes | null;
  private readonly firstLine = new Uint32Column();
  private readonly lastLine = new Uint32Column();
  /** Duplicate detection: the table of every kept row's hash, or (byte path, sorted files) runs. */
  private readonly seen: RowHashSet | null;
  private readonly runs: RunDuplicates | null;
  private readonly valid: RowValidator;
  /** The current block's valid rows (addRows): their index in the block and order index. */
  private readonly validRow = new Int32Array(BLOCK_ROWS);
  private readonly validOrder = new Int32Array(BLOCK_ROWS);
  /** The current row's hash: streamRows may fill it (see addRow's `hashed`). */
  readonly rowHash = new Uint32Array(2);
  private lastId = '';      // the previous kept row's customer id (trimmed) and index
  private lastCustomer = -1;
  private dataEnd = -Infinity;
  private precision: TimePrecision = 'day';

  /**
   * `isLaterPart`: this builder reads a later part of a file, to be exported with exportPart().
   * `duplicates`: 'runs' finds repeated rows by runs (ingest/runDuplicates.ts: addRows only, and
   * it throws UnsortedRowsError for a file sorted neither by time nor by order); 'table' keeps
   * every row's hash. `window`: where in shared row columns this builder writes its rows
   * (ingest/sharedRows.ts), as long as they fit.
   */
  constructor(plan: IngestPlan, private readonly file: string, isLaterPart = false, duplicates: 'runs' | 'table' = 'table', private readonly window: RowWindow | null = null) {
    // Ids read from bytes get their strings at the end (finish), or never (a later part hands
    // its ids over as bytes): fewer objects on the heap while parsing.
    this.customers = new StringTable(true);
    this.cols = indexesOf(plan);
    if (this.cols.customer < 0 || this.cols.time < 0) throw new Error('the plan must map a customer id and a timestamp column');
    const columns = rowColumns(plan, window);
    ({ customer: this.customer, time: this.time, amount: this.amount, event: this.event } = columns);
    this.order = columns.order && new OrderCodes(columns.order);
    this.segments = new SegmentCollector(segmentCandidates(plan), isLaterPart, () => ({ customer: this.customer.data, time: this.time.data, count: this.customer.length }));
    this.valid = new RowValidator(plan, this.cols, this.log, this.amount !== null, BLOCK_ROWS);
    this.seen = duplicates === 'table' ? new RowHashSet() : null;
    this.runs = duplicates === 'runs' ? new RunDuplicates(this.order !== null, isLaterPart) : null;
    // Reading by runs keeps the first increasing order ids only (ingest/orderIds.ts).
    this.orders = new OrderIdTable(this.runs ? ORDER_IDS_KEPT_BY_RUNS : Infinity);
    this.lookAheadTargets = {
      width: plan.header.length, customerField: this.cols.customer, customers: this.customers, seen: this.seen,
      touchCustomer: (u) => this.segments.touch(u) + this.lastLine.data[u],
    };
  }

  /** Data rows seen so far. */
  get rowsRead(): number {
    return this.log.rowsRead;
  }

  /** Whether duplicates are found by runs (else with the full table). */
  get readsByRuns(): boolean {
    return this.runs !== null;
  }

  /**
   * Sizes the row columns, the per-customer columns and the duplicate and order-id tables for
   * about `rows` data rows (an estimate from the file size): growing by doubling would copy each
   * column ~log2(n) times and leave up to half of it unused at the peak. `ownRows`: the rows this
   * builder reads itself (fewer when it will absorb a later part, whose rows need no
   * duplicate-table slots here).
   */
  reserve(rows: number, ownRows = rows): void {
    const read = Math.max(1, this.log.rowsRead);
    const room: (() => unknown)[] = [
      // A window of shared row columns is its own reservation (sized for this part alone).
      ...this.rowColumns().filter((c) => !c.inSharedMemory).map((c) => () => c.reserve(rows)),
      () => this.seen?.reserve(ownRows),
      // Per customer, room for as many customers as rows (the most there can be): the system
      // gives memory to pages as customers reach them, so nothing is copied to grow and no
      // grown-out arrays wait for the collector (~75 MB of the peak at 10M rows).
      () => this.firstLine.reserve(rows), () => this.lastLine.reserve(rows),
      () => this.segments.reserve(rows), () => this.customers.reserveKeys(rows),
      // Order lines repeat their order id: size for the share of distinct ids seen so far.
      () => this.order && this.orders.reserve(Math.ceil(rows * Math.min(1, this.orders.size / read))),
    ];
    reserveWhereGiven(room);
  }

  /**
   * Validates one data row (its fields, `line` its first physical line) and keeps it or counts
   * why not. `hashed`: rowHash already holds the row's hash. Duplicates by table only.
   */
  addRow(row: RowFields, line: number, hashed = false): void {
    const v = this.valid;
    if (!this.validate(row, line, 0)) return;
    if (!hashed) row.hash(this.rowHash);
    if (!this.seen!.add(this.rowHash)) return this.log.skip('duplicate row', line, null, null);
    this.keep(row, v.ms[0], v.precision[0], v.amount[0], this.validOrder[0], line);
  }

  /** Validates and keeps a block of rows read from bytes, reading ahead what they will need. */
  addRows(rows: readonly ByteRow[], lines: Int32Array, count: number): void {
    lookAhead(rows, count, this.lookAheadTargets);
    if (this.runs) this.addByRuns(this.runs, rows, lines, count);
    else for (let k = 0; k < count; k++) this.addRow(rows[k], lines[k]);
    // The block's bytes are reused after it: the last order id read from them is copied out.
    this.orders.settle();
  }

  /** addRows when duplicates are found by runs: the block's rows are checked first, so each knows whether the next may share its run. */
  private addByRuns(runs: RunDuplicates, rows: readonly ByteRow[], lines: Int32Array, count: number): void {
    const { ms, precision, amount } = this.valid;
    const { validRow, validOrder: order } = this;
    let n = 0;
    for (let k = 0; k < count; k++) if (this.validate(rows[k], lines[k], n)) validRow[n++] = k;
    const byOrder = this.order !== null;
    for (let j = 0; j < n; j++) {
      const k = validRow[j];
      // The next valid row may share this one's run: its hash is kept (the next block's first row may, too).
      const nextMayJoin = j + 1 === n || ms[j + 1] === ms[j] || (byOrder && order[j + 1] === order[j]);
      if (runs.admit(rows[k], ms[j], order[j], nextMayJoin)) this.keep(rows[k], ms[j], precision[j], amount[j], order[j], lines[k]);
      else this.log.skip('duplicate row', lines[k], null, null);
    }
  }

  /**
   * Checks a row but for duplicates (ingest/rowValidator.ts) and notes its values at slot `at`,
   * with its order index (the order id interned: a duplicate's is there already).
   */
  private validate(row: RowFields, line: number, at: number): boolean {
    if (!this.valid.check(row, line, at)) return false;
    this.validOrder[at] = this.order ? row.internOrder(this.cols.order, this.orders) : -1;
    return true;
  }

  private readonly lookAheadTargets: LookAheadTargets;

  private keep(row: RowFields, ms: number, precision: TimePrecision, amount: number, order: number, line: number): void {
    const log = this.log;
    const before = this.customers.size;
    const u = this.customerOf(row);
    if (u === before) {
      this.firstLine.push(line);
      this.lastLine.push(line);
      this.segments.addCustomer(row, ms);
    } else {
      this.lastLine.data[u] = line;
      // In a file in time order so far no row is earlier than a customer's first: seeRow would return at once.
      if (!this.runs?.inTimeOrder) this.segments.seeRow(u, row, ms);
    }
    this.customer.push(u);
    this.time.push(ms);
    if (this.amount) {
      this.amount.push(amount);
      if (amount < 0) log.returns++;
      else if (amount === 0) log.zeroAmount++;
    }
    if (this.order) this.order.push(order);
    if (this.event) this.event.push(row.intern(this.cols.event, this.events));
    const end = endOfSpan(ms, precision);
    if (end > this.dataEnd) {
      this.dataEnd = end;
      this.precision = precision;
    }
    log.rowsUsed++;
  }

  /** The row's customer index, interning the id when new. */
  private customerOf(row: RowFields): number {
    const c = this.cols.customer;
    // A byte row's id is hashed and in cache already (lookAhead): the table is the quick way.
    if (row.keyField === c) {
      this.lastCustomer = -1;
      return row.intern(c, this.customers);
    }
    // Exports grouped by customer repeat the id row after row: skip the table for those.
    if (this.lastCustomer >= 0 && row.equals(c, this.lastId)) return this.lastCustomer;
    const u = row.intern(c, this.customers);
    this.lastId = this.customers.text(u);
    this.lastCustomer = u;
    return u;
  }

  /** This builder's rows and tables, as a later part for the first part's absorb(). */
  exportPart(): DatasetPart {
    return {
      customer: this.customer.finish(), time: this.time.finish(), amount: this.amount?.finish() ?? null,
      order: this.order?.finish() ?? null, event: this.event?.finish() ?? null,
      customerKeys: this.customers.exportKeys(), firstLine: this.firstLine.finish(), lastLine: this.lastLine.finish(),
      orderIds: this.orders.exportIds(), eventNames: this.events.values,
      duplicates: this.runs ? { kind: 'runs', runs: this.runs.summary() } : { kind: 'table', slots: this.seen!.slots() },
      segments: this.segments.exportPart(), quality: this.log.toDataQuality(), dataEnd: this.dataEnd, precision: this.precision,
      rowsAt: this.window && this.rowColumns().every((c) => c.inSharedMemory) ? this.window.from : null,
    };
  }

  /** The columns with a value per row. */
  private rowColumns = (): (Uint32Column | Float64Column)[] => [this.customer, this.time, this.amount, this.order?.column ?? null, this.event].filter((c) => c !== null);

  /**
   * Appends the part of the file that follows this one, as if this builder had read on: `lines`
   * is the number of physical lines before the part. Null when that cannot be done exactly: a
   * row of the part repeats one of this part, the parts found duplicates different ways (table
   * or runs), the joined rows are sorted neither by time nor by order, or a segment column the
   * part dropped may still be categorical. The builder is then of no further use (its order
   * table may hold the part's ids): the caller parses the file in one pass. Else the ids are
   * merged and the rest of the merge returned, to run after collecting the customer table and
   * the part's key copies (no longer held: ~23 MB less at the merge's peak at 10M rows).
   */
  absorb(part: DatasetPart, lines: number): (() => void) | null {
    if (!this.segments.canAbsorb(part.segments)) return null;
    const orderMap = this.order ? this.orders.merge(part.orderIds) : null;
    if (this.order && !orderMap) return null;
    if (!this.joinsWithoutDuplicates(part.duplicates, orderMap)) return null;
    this.log.absorb({ ...part.quality, examples: shiftLines(part.quality.examples, lines) });
    const known = this.customers.size;
    const map = absorbCustomerKeys(this.customers, part);
    return () => this.absorbRest(part, lines, map, known, orderMap);
  }

  /** absorb's second step: customer lines and segment values, then the rows. */
  private absorbRest(part: DatasetPart, lines: number, map: Uint32Array, known: number, orderMap: Uint32Array | null): void {
    absorbCustomerLines(this.firstLine, this.lastLine, part, map, known, lines);
    // Before the part's rows move (their first times may be read off them).
    this.segments.absorb(part.segments, map, () => ({ customer: part.customer, time: part.time, count: part.customer.length }));
    const eventMap = this.event && part.event ? Uint32Array.from(part.eventNames, (name) => this.events.intern(name)) : null;
    appendPartRows({ customer: this.customer, time: this.time, amount: this.amount, order: this.order, event: this.event }, part, map, orderMap, eventMap);
    // Ties keep this part's precision: one pass keeps the first row that reached the latest end.
    if (part.dataEnd > this.dataEnd) {
      this.dataEnd = part.dataEnd;
      this.precision = part.precision;
    }
  }

  /** Whether no row of the part repeats one of this part, as both found duplicates (the same way). */
  private joinsWithoutDuplicates(theirs: PartDuplicates, orderMap: Uint32Array | null): boolean {
    if (theirs.kind === 'table') return this.seen !== null && !this.seen.sharesAny(theirs.slots);
    return this.runs !== null && runsJoin(this.runs.summary(), theirs.runs, orderMap);
  }

  /** Checks the whole file (enough valid dates, at least one usable row) and returns the Dataset. */
  finish(): Dataset {
    const log = this.log;
    if (log.rowsRead === 0) throw new IngestError('header-only', `${this.file}: only a header row, no data rows`);
    this.valid.checkTimestampShare(this.file);
    if (log.rowsUsed === 0) {
      throw new IngestError('no-usable-rows', `${this.file}: no usable rows, all ${log.rowsRead} skipped — ${log.describe()}`);
    }
    return {
      file: this.file,
      rowCount: log.rowsUsed,
      customer: this.customer.finish(),
      time: this.time.finish(),
      amount: this.amount?.finish() ?? null,
      order: this.order?.finish() ?? null,
      customerIds: this.customers.ids(),
      customerFirstLine: this.firstLine.finish(),
      customerLastLine: this.lastLine.finish(),
      orderIdCount: this.order ? this.orders.size : 0,
      event: this.event?.finish() ?? null,
      eventNames: this.event ? this.events.values : [],
      segments: this.segments.finish(this.customers.size),
      timePrecision: this.precision,
      dataEnd: this.dataEnd,
      quality: log.toDataQuality(),
    };
  }
}

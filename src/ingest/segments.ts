// Segment columns (DESIGN.md §4, segments: "a categorical column's value on the customer's first
// row"), collected while streaming: per customer, the code of each candidate column's value on
// their earliest row so far. Rows in time order touch this only for new customers; an earlier
// row found later replaces the values.
import { MAX_SEGMENT_VALUES, type SegmentColumn } from '../shared/dataset';
import { Float64Column, Int32Column, Uint32Column } from './columns';
import { StringTable } from './stringTable';
import type { RowFields } from './rowFields';

interface Candidate {
  column: string;
  index: number;
  table: StringTable;
  codes: Int32Column;
  dropped: boolean;   // too many distinct values: not categorical
}

/**
 * What a later part of a file (host/parallelLoad) saw, for the first part to replay: every time a
 * customer's values were taken (their first row in the part, or an earlier row), in row order.
 * While the part never took a customer's values twice (its rows in time order), the log is
 * compact: `customer` and `time` are null, event k is part customer k's first row (its time read
 * off the part's rows when needed), and nothing but the codes is written (12 B a customer instead
 * of 24 B at the end of the parse, where both parts' memory is the peak).
 */
export interface SegmentPart {
  columns: { values: string[]; dropped: boolean }[];
  customer: Uint32Array | null;   // part-local customer index per event (null: compact)
  time: Float64Array | null;      // the row's time (null: compact)
  codes: Int32Array;              // columns.length codes per event, part-local (−1 once dropped)
  earliest: number;               // the earliest event's time (Infinity without events)
}

/** Rows kept so far: customer index and time of rows [0, count). */
export interface KeptRows { customer: Uint32Array; time: Float64Array; count: number }

/** An empty table in place of a dropped column's: its values are never needed again. */
const EMPTY = new StringTable();

/**
 * Collects each customer's first-row value of every candidate column. With `keptRows` (a
 * DatasetBuilder's rows) it writes no first time per customer while rows come in time order (a
 * customer's first row is then their earliest): the first times are read off the rows the first
 * time a row may be earlier than its customer's first (seeRow), or a replay needs them.
 */
export class SegmentCollector {
  private readonly candidates: Candidate[];
  private readonly firstTime = new Float64Column();
  private readonly events: { customer: Uint32Column; time: Float64Column; codes: Int32Column } | null;
  private count = 0;              // customers
  private timesKnown: boolean;    // firstTime holds every customer's
  private compact = true;         // the log has one event per customer, in order (SegmentPart)
  private latestFirst = -Infinity;   // no customer's first time is later
  private earliest = Infinity;       // no logged event is earlier

  /**
   * `columns`: [name, field index] of the columns that may be segments (not the mapped roles).
   * `logEvents`: keep the replay log of a later part (see SegmentPart). `keptRows`: where the
   * rows are, to learn first times from only when needed (every customer added has a row there).
   */
  constructor(columns: readonly (readonly [string, number])[], logEvents = false, private readonly keptRows: (() => KeptRows) | null = null) {
    this.candidates = columns.map(([column, index]) => ({ column, index, table: new StringTable(), codes: new Int32Column(), dropped: false }));
    this.events = logEvents ? { customer: new Uint32Column(), time: new Float64Column(), codes: new Int32Column() } : null;
    this.timesKnown = keptRows === null;
  }

  /**
   * Makes room for `n` customers at once (DatasetBuilder.reserve), and for a later part's log as
   * many events (a row logs one at most): grown by doubling instead, the log's last copy (~13 MB
   * at 10M rows) came right at the end of the parse, where both parts' memory is the peak.
   */
  reserve(n: number): void {
    this.firstTime.reserve(n);
    const events = this.events;
    if (!events) for (const c of this.candidates) c.codes.reserve(n);
    else {
      events.customer.reserve(n);
      events.time.reserve(n);
      events.codes.reserve(n * this.candidates.length);
    }
  }

  /** A customer seen for the first time (their index is the number of customers before). */
  addCustomer(row: RowFields, time: number): void {
    const u = this.count++;
    if (this.timesKnown) this.firstTime.push(time);
    if (time > this.latestFirst) this.latestFirst = time;
    if (this.events) this.logEvent(u, row, time);
    else for (const c of this.candidates) c.codes.push(c.dropped ? -1 : this.code(c, row));
  }

  /** Reads customer u's earliest time so far (ingest/lookAhead.ts); 0 while first times are not kept. */
  touch(u: number): number {
    return this.timesKnown ? this.firstTime.data[u] : 0;
  }

  /** Another row of customer `u`: when it is earlier than their first so far, its values win. */
  seeRow(u: number, row: RowFields, time: number): void {
    if (!this.timesKnown) this.learnFirstTimes();
    const times = this.firstTime.data;
    if (time >= times[u]) return;
    if (this.events && this.compact) this.expandLog();
    times[u] = time;
    if (this.events) this.logEvent(u, row, time);
    else for (const c of this.candidates) if (!c.dropped) c.codes.data[u] = this.code(c, row);
  }

  /** Every customer's first time, from their first kept row (no row of theirs was earlier before seeRow was first needed). */
  private learnFirstTimes(): void {
    const times = this.firstTime;
    times.reserve(this.count);
    times.length = this.count;
    times.data.fill(NaN, 0, this.count);
    const { customer, time, count } = this.keptRows!();
    firstOccurrences(customer, time, count, times.data);
    this.timesKnown = true;
  }

  /** A compact log made explicit before its first repeated customer: event k is customer k at their first time. */
  private expandLog(): void {
    const events = this.events!;
    for (let k = 0; k < this.count; k++) {
      events.customer.push(k);
      events.time.push(this.firstTime.data[k]);
    }
    this.compact = false;
  }

  /**
   * A later part logs the values a customer takes (for the first part to replay) and keeps no
   * codes per customer of its own (12 MB less at 10M rows). A column the value drops logs −1.
   */
  private logEvent(u: number, row: RowFields, time: number): void {
    const events = this.events!;
    if (time < this.earliest) this.earliest = time;
    if (!this.compact) {
      events.customer.push(u);
      events.time.push(time);
    }
    for (const c of this.candidates) {
      const code = c.dropped ? -1 : this.code(c, row);
      events.codes.push(c.dropped ? -1 : code);
    }
  }

  private code(c: Candidate, row: RowFields): number {
    const code = row.intern(c.index, c.table);
    if (c.table.size > MAX_SEGMENT_VALUES) {
      // Not categorical (free text, ids): stop interning at once and let the table go.
      c.dropped = true;
      c.table = EMPTY;
    }
    return code;
  }

  /** This collector's replay log (built with `logEvents`), for a first part to absorb. */
  exportPart(): SegmentPart {
    const events = this.events!;
    return {
      columns: this.candidates.map((c) => ({ values: c.dropped ? [] : c.table.values, dropped: c.dropped })),
      customer: this.compact ? null : events.customer.finish(), time: this.compact ? null : events.time.finish(),
      codes: events.codes.finish(), earliest: this.earliest,
    };
  }

  /** False when `part` cannot be replayed exactly: a column it dropped alone may not be dropped overall. */
  canAbsorb(part: SegmentPart): boolean {
    return this.candidates.every((c, j) => c.dropped || !part.columns[j].dropped);
  }

  /**
   * Replays a later part's events as one sequential pass would have seen them: `map` takes its
   * customers to global indexes (new ones numbered on from this collector's count, in the order
   * the part met them). A customer known before takes a part's values only from an earlier row.
   * `partRows`: the part's own rows, for a compact log's event times (part-local customers).
   */
  absorb(part: SegmentPart, map: Uint32Array, partRows: () => KeptRows): void {
    // Part code → code here, filled on first use so values are added in the order one pass adds them.
    const codeMaps = part.columns.map((c) => new Int32Array(c.values.length).fill(-1));
    // No customer known before takes a value from an event at or after every first time here (a
    // file in time order: every event of the part): a compact log then only adds the new customers.
    // (First times not kept here either: they stay to be read off the rows, the part's included.)
    if (part.customer === null && !this.timesKnown && part.earliest >= this.latestFirst) return this.addNewOnly(part, map, codeMaps);
    if (!this.timesKnown) this.learnFirstTimes();
    const { customer, time } = part.customer !== null ? { customer: part.customer, time: part.time! } : compactEvents(map.length, partRows());
    const width = this.candidates.length;
    const known = this.count;
    const latestFirst = this.latestFirst;
    for (let e = 0; e < customer.length; e++) {
      const u = map[customer[e]];
      const t = time[e];
      // Skipped without a look at their own first time, a cache miss each at 10M rows.
      if (u < known && t >= latestFirst) continue;
      const isNew = u === this.count;
      if (!isNew && t >= this.firstTime.data[u]) continue;
      if (isNew) {
        this.count++;
        this.firstTime.push(t);
        if (t > this.latestFirst) this.latestFirst = t;
      } else this.firstTime.data[u] = t;
      for (let j = 0; j < width; j++) {
        const c = this.candidates[j];
        const code = c.dropped ? -1 : this.translate(c, codeMaps[j], part.columns[j].values, part.codes[e * width + j]);
        if (isNew) c.codes.push(code);
        else if (code >= 0) c.codes.data[u] = code; // as seeRow: set even when this value dropped the column
      }
    }
  }

  /** absorb for a compact log none of whose events is earlier than a first time here: the part's new customers, in order. */
  private addNewOnly(part: SegmentPart, map: Uint32Array, codeMaps: Int32Array[]): void {
    const width = this.candidates.length;
    const known = this.count;
    for (let k = 0; k < map.length; k++) {
      if (map[k] < known) continue;
      this.count++;
      for (let j = 0; j < width; j++) {
        const c = this.candidates[j];
        c.codes.push(c.dropped ? -1 : this.translate(c, codeMaps[j], part.columns[j].values, part.codes[k * width + j]));
      }
    }
    // The part's first times are not known here: no bound but this one holds any more.
    this.latestFirst = Infinity;
  }

  /** A part's code as a code here, interning its value the first time (and dropping the column past the limit). */
  private translate(c: Candidate, codeMap: Int32Array, values: readonly string[], partCode: number): number {
    let code = codeMap[partCode];
    if (code < 0) {
      code = codeMap[partCode] = c.table.intern(values[partCode]);
      if (c.table.size > MAX_SEGMENT_VALUES) {
        c.dropped = true;
        c.table = EMPTY;
      }
    }
    return code;
  }

  /** The categorical columns, with one code per customer. */
  finish(customers: number): SegmentColumn[] {
    return this.candidates.filter((c) => !c.dropped).map((c) => ({
      column: c.column, values: c.table.values, customerValue: c.codes.data.subarray(0, customers),
    }));
  }
}

/** Each customer's time of their first row in rows [0, count) into `out` (left as is for a customer with none; NaN-filled by the caller). */
function firstOccurrences(customer: Uint32Array, time: Float64Array, count: number, out: Float64Array): void {
  for (let r = 0; r < count; r++) {
    const u = customer[r];
    if (out[u] !== out[u]) out[u] = time[r];
  }
}

/** A compact log's events: part customer k at the time of their first row. */
function compactEvents(customers: number, rows: KeptRows): { customer: Uint32Array; time: Float64Array } {
  const time = new Float64Array(customers).fill(NaN);
  firstOccurrences(rows.customer, rows.time, rows.count, time);
  return { customer: Uint32Array.from({ length: customers }, (_, k) => k), time };
}

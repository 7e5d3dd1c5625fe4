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
 */
export interface SegmentPart {
  columns: { values: string[]; dropped: boolean }[];
  customer: Uint32Array;   // part-local customer index per event
  time: Float64Array;      // the row's time
  codes: Int32Array;       // columns.length codes per event, part-local (−1 once dropped)
}

/** An empty table in place of a dropped column's: its values are never needed again. */
const EMPTY = new StringTable();

/** Collects each customer's first-row value of every candidate column. */
export class SegmentCollector {
  private readonly candidates: Candidate[];
  private readonly firstTime = new Float64Column();
  private readonly events: { customer: Uint32Column; time: Float64Column; codes: Int32Column } | null;

  /**
   * `columns`: [name, field index] of the columns that may be segments (not the mapped roles).
   * `logEvents`: keep the replay log of a later part (see SegmentPart).
   */
  constructor(columns: readonly (readonly [string, number])[], logEvents = false) {
    this.candidates = columns.map(([column, index]) => ({ column, index, table: new StringTable(), codes: new Int32Column(), dropped: false }));
    this.events = logEvents ? { customer: new Uint32Column(), time: new Float64Column(), codes: new Int32Column() } : null;
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
    this.firstTime.push(time);
    if (this.events) this.logEvent(this.firstTime.length - 1, row, time);
    else for (const c of this.candidates) c.codes.push(c.dropped ? -1 : this.code(c, row));
  }

  /** Reads customer u's earliest time so far (ingest/lookAhead.ts); NaN past the customers known. */
  touch(u: number): number {
    return this.firstTime.data[u];
  }

  /** Another row of customer `u`: when it is earlier than their first so far, its values win. */
  seeRow(u: number, row: RowFields, time: number): void {
    const times = this.firstTime.data;
    if (time >= times[u]) return;
    times[u] = time;
    if (this.events) this.logEvent(u, row, time);
    else for (const c of this.candidates) if (!c.dropped) c.codes.data[u] = this.code(c, row);
  }

  /**
   * A later part logs the values a customer takes (for the first part to replay) and keeps no
   * codes per customer of its own (12 MB less at 10M rows). A column the value drops logs −1.
   */
  private logEvent(u: number, row: RowFields, time: number): void {
    const events = this.events!;
    events.customer.push(u);
    events.time.push(time);
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
      customer: events.customer.finish(), time: events.time.finish(), codes: events.codes.finish(),
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
   */
  absorb(part: SegmentPart, map: Uint32Array): void {
    const width = this.candidates.length;
    // Part code → code here, filled on first use so values are added in the order one pass adds them.
    const codeMaps = part.columns.map((c) => new Int32Array(c.values.length).fill(-1));
    const known = this.firstTime.length;
    // No customer known before takes a value from a row at or after the latest first time here
    // (a file in time order: every row of the part): those are skipped without a look at their
    // own first time, a cache miss each at 10M rows.
    const latestFirst = maxOf(this.firstTime.data, known);
    for (let e = 0; e < part.customer.length; e++) {
      const u = map[part.customer[e]];
      const time = part.time[e];
      if (u < known && time >= latestFirst) continue;
      const isNew = u === this.firstTime.length;
      if (!isNew && time >= this.firstTime.data[u]) continue;
      if (isNew) this.firstTime.push(time);
      else this.firstTime.data[u] = time;
      for (let j = 0; j < width; j++) {
        const c = this.candidates[j];
        const code = c.dropped ? -1 : this.translate(c, codeMaps[j], part.columns[j].values, part.codes[e * width + j]);
        if (isNew) c.codes.push(code);
        else if (code >= 0) c.codes.data[u] = code; // as seeRow: set even when this value dropped the column
      }
    }
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

/** The largest of values[0 … n − 1] (−Infinity when n = 0). */
function maxOf(values: Float64Array, n: number): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (values[i] > max) max = values[i];
  return max;
}

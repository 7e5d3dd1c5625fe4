// Segment columns (DESIGN.md §4, segments: "a categorical column's value on the customer's first
// row"), collected while streaming: per customer, the code of each candidate column's value on
// their earliest row so far. Rows in time order touch this only for new customers; an earlier
// row found later replaces the values.
import { MAX_SEGMENT_VALUES, type SegmentColumn } from '../shared/dataset';
import { StringTable } from './hashIndex';

/** A growable per-customer array whose storage is read and written in place. */
class PerCustomer<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(private readonly allocate: (size: number) => T) {
    this.data = allocate(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.allocate(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const codeColumn = (): PerCustomer<Int32Array> => new PerCustomer((n) => new Int32Array(n));

interface Candidate {
  column: string;
  index: number;
  table: StringTable;
  codes: PerCustomer<Int32Array>;
  dropped: boolean;   // too many distinct values: not categorical
}

/** Collects each customer's first-row value of every candidate column. */
export class SegmentCollector {
  private readonly candidates: Candidate[];
  private readonly firstTime = new PerCustomer((n) => new Float64Array(n));

  /** `columns`: [name, field index] of the columns that may be segments (not the mapped roles). */
  constructor(columns: readonly (readonly [string, number])[]) {
    this.candidates = columns.map(([column, index]) => ({ column, index, table: new StringTable(), codes: codeColumn(), dropped: false }));
  }

  /** A customer seen for the first time (their index is the number of customers before). */
  addCustomer(fields: readonly string[], time: number): void {
    this.firstTime.push(time);
    for (const c of this.candidates) c.codes.push(c.dropped ? -1 : this.code(c, fields));
  }

  /** Another row of customer `u`: when it is earlier than their first so far, its values win. */
  seeRow(u: number, fields: readonly string[], time: number): void {
    const times = this.firstTime.data;
    if (time >= times[u]) return;
    times[u] = time;
    for (const c of this.candidates) if (!c.dropped) c.codes.data[u] = this.code(c, fields);
  }

  private code(c: Candidate, fields: readonly string[]): number {
    const code = c.table.intern(fields[c.index].trim());
    if (c.table.size > MAX_SEGMENT_VALUES) c.dropped = true;
    return code;
  }

  /** The categorical columns, with one code per customer. */
  finish(customers: number): SegmentColumn[] {
    return this.candidates.filter((c) => !c.dropped).map((c) => ({
      column: c.column, values: c.table.values, customerValue: c.codes.data.subarray(0, customers),
    }));
  }
}

// Segment columns (DESIGN.md §4, segments: "a categorical column's value on the customer's first
// row"), collected while streaming: per customer, the code of each candidate column's value on
// their earliest row so far. Rows in time order touch this only for new customers; an earlier
// row found later replaces the values.
import { MAX_SEGMENT_VALUES, type SegmentColumn } from '../shared/dataset';
import { Float64Column, Int32Column } from './columns';
import { StringTable } from './hashIndex';

interface Candidate {
  column: string;
  index: number;
  table: StringTable;
  codes: Int32Column;
  dropped: boolean;   // too many distinct values: not categorical
}

/** Collects each customer's first-row value of every candidate column. */
export class SegmentCollector {
  private readonly candidates: Candidate[];
  private readonly firstTime = new Float64Column();

  /** `columns`: [name, field index] of the columns that may be segments (not the mapped roles). */
  constructor(columns: readonly (readonly [string, number])[]) {
    this.candidates = columns.map(([column, index]) => ({ column, index, table: new StringTable(), codes: new Int32Column(), dropped: false }));
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

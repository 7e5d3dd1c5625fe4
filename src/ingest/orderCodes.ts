// The order column while rows are read. In an order-level export every row has an order id of
// its own, so each row's code is its row index: such codes are not written, and their pages never
// take memory (40 MB at 10M rows); the first code that is not its row's index writes the indexes
// before it, and the column goes on as any other. A Dataset whose codes are all their rows'
// indexes has no order column (order null, orderIdCount = rowCount): the engine then counts each
// purchase row as an order, which is what those codes say.
import { appendMapped } from './datasetPart';
import type { Uint32Column } from './columns';

/** Interned order ids by row, written only once some row's code is not its index. */
export class OrderCodes {
  /** Every code so far is its row's index, and none is written. */
  private rowsAsCodes = true;
  private rows = 0;

  /** `column`: where the codes go once written (it may be a window of shared memory). */
  constructor(readonly column: Uint32Column) {}

  /** Codes so far. */
  get length(): number {
    return this.rowsAsCodes ? this.rows : this.column.length;
  }

  push(code: number): void {
    if (this.rowsAsCodes) {
      if (code === this.rows) {
        this.rows++;
        return;
      }
      this.writeRows();
    }
    this.column.push(code);
  }

  /** The codes; null when each is its row's index. */
  finish(): Uint32Array | null {
    return this.rowsAsCodes ? null : this.column.finish();
  }

  /**
   * Appends a later part's codes (null: each its part-local row index), translated by `map`;
   * `sharedAt` as for appendMapped. Rows whose codes all continue the row indexes stay unwritten.
   */
  absorb(codes: Uint32Array | null, rows: number, map: Uint32Array, sharedAt: number | null): void {
    if (this.rowsAsCodes && codes === null && continuesRows(map, this.rows, rows)) {
      this.rows += rows;
      return;
    }
    this.writeRows();
    appendMapped(this.column, codes, map, sharedAt);
  }

  /** Writes the row indexes the codes so far stand for. */
  private writeRows(): void {
    if (!this.rowsAsCodes) return;
    this.rowsAsCodes = false;
    this.column.reserve(this.rows);
    for (let r = 0; r < this.rows; r++) this.column.push(r);
  }
}

/** Whether map[k] = base + k for every part row k < rows (the part's ids all new, in row order). */
function continuesRows(map: Uint32Array, base: number, rows: number): boolean {
  if (map.length !== rows) return false;
  for (let k = 0; k < rows; k++) if (map[k] !== base + k) return false;
  return true;
}

// Batched look-ahead for the byte path (PERFORMANCE-NOTES: on 10M-row files interning ids and
// checking duplicates is waiting for memory, one cache miss after another). Before a block of
// rows is validated and kept one by one, their hashes are computed and every table entry they
// will read is read once, in tight loops whose loads do not depend on each other, so the
// processor fetches many at the same time; the per-row pass then finds them in cache. Only the
// timing changes: the rows are kept exactly as without it.
import type { ByteRow } from './byteRow';
import type { StringTable } from './stringTable';
import type { RowHashSet } from './rowHashSet';

/** What a block's rows will read: the customer table, the duplicate set (if any), per-customer state. */
export interface LookAheadTargets {
  width: number;
  customerField: number;
  customers: StringTable;
  seen: RowHashSet | null;   // null: duplicates by runs, hashing only the rows that need it
  /** Reads customer u's state (first time, last line), returning anything. */
  touchCustomer: (u: number) => number;
}

/** Keeps the loads of the touch loops from being dropped as unused. */
const sink = new Float64Array(1);

/** Hashes the block's rows and brings what they will read into cache. */
export function lookAhead(rows: readonly ByteRow[], count: number, t: LookAheadTargets): void {
  for (let k = 0; k < count; k++) {
    const row = rows[k];
    if (row.count !== t.width) continue;
    row.prepareKey(t.customerField);
    if (t.seen) row.prepareHash();
  }
  let acc = 0;
  const seen = t.seen;
  for (let k = 0; k < count; k++) {
    const row = rows[k];
    if (row.keyField >= 0) acc += t.customers.guess(row.keyHash);
    if (seen && row.count === t.width) acc += seen.touch(row.h1, row.h2);
  }
  for (let k = 0; k < count; k++) {
    const row = rows[k];
    if (row.keyField >= 0) acc += t.customers.touch(row.keyHash);
  }
  for (let k = 0; k < count; k++) {
    const row = rows[k];
    const u = row.keyField >= 0 ? t.customers.guess(row.keyHash) : -1;
    if (u >= 0) acc += t.touchCustomer(u);
  }
  sink[0] = acc;
}

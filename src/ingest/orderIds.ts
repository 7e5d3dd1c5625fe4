// Order-id interning with a fast path for the way most systems number orders: increasing ids
// (ingest/increasingIds.ts), order lines repeating the current one. While they increase, an id
// is new by construction and needs no lookup: the ids are kept in order (8 B each) instead of a
// 200 MB hash table probed at random per row on 10M-row files. The first id that breaks the
// order moves everything into the HashOnlyTable; indexes are the same either way. A table made
// with a keep limit (the byte path reading by runs) keeps only the first ids: when one breaks
// the order after them, it throws UnsortedRowsError and the file is read again keeping all.
import { HashOnlyTable, utf8Of } from './hashIndex';
import { IncreasingIds, type IncreasingExport } from './increasingIds';
import { UnsortedRowsError } from './runDuplicates';

/** Order ids as a part of a file hands them to the first part (host/parallelLoad). */
export type ExportedOrderIds =
  | { kind: 'increasing'; ids: IncreasingExport }
  | { kind: 'hashes'; hi: Uint32Array; lo: Uint32Array };  // index k ↔ its two 32-bit hashes


/** Dense indexes for order ids in first-seen order (see HashOnlyTable for the hashing). */
export class OrderIdTable {
  private increasing: IncreasingIds | null;
  private table: HashOnlyTable | null = null;
  private reserved = 0;

  /** `keepLimit`: increasing ids kept, to hash should one break their order (default: all). */
  constructor(keepLimit = Infinity) {
    this.increasing = new IncreasingIds(keepLimit);
  }

  /** The index of `s`, adding it when new. */
  intern(s: string): number {
    if (!this.increasing) return this.table!.intern(s);
    const [bytes, n] = utf8Of(s);
    const k = this.internBytes(bytes, 0, n);
    // utf8Of's bytes are a scratch buffer the next text overwrites.
    this.settle();
    return k;
  }

  /** Done with the bytes the last ids were read from (a block of rows): see IncreasingIds.settle. */
  settle(): void {
    this.increasing?.settle();
  }

  /** The index of the id in UTF-8 bytes [start, end) (the index `intern` gives its text), adding it when new. */
  internBytes(buf: Uint8Array, start: number, end: number): number {
    if (this.increasing) {
      const k = this.increasing.intern(buf, start, end);
      if (k >= 0) return k;
    }
    return this.hashed().internBytes(buf, start, end);
  }

  /** Distinct ids so far. */
  get size(): number {
    return this.increasing ? this.increasing.size : this.table!.size;
  }

  /** Room for `n` ids at once. */
  reserve(n: number): void {
    this.reserved = Math.max(this.reserved, n);
    if (this.increasing) this.increasing.reserve(n);
    else this.table!.reserve(n);
  }

  /** The ids, for a first part to merge(). */
  exportIds(): ExportedOrderIds {
    if (this.increasing) return { kind: 'increasing', ids: this.increasing.export() };
    return { kind: 'hashes', ...this.table!.exportHashes() };
  }

  /** Interns another part's ids (in their order); returns their indexes here, null when some ids were not kept to do so. */
  merge(other: ExportedOrderIds): Uint32Array | null {
    if (other.kind === 'increasing') {
      const appended = this.increasing?.append(other.ids);
      if (appended) return appended;
      const ids = other.ids;
      if (!ids.kept || (this.increasing && !this.increasing.kept)) return null;
      if (ids.kind === 'numbers') return Uint32Array.from(ids.numbers, (v) => this.intern(ids.prefix + String(v)));
      const table = this.hashed();
      return Uint32Array.from(ids.hi, (a, k) => table.internHash(a, ids.lo[k]));
    }
    if (this.increasing && !this.increasing.kept) return null;
    const table = this.hashed();
    return Uint32Array.from(other.hi, (a, k) => table.internHash(a, other.lo[k]));
  }

  /** The hash table, built from the increasing ids the first time it is needed. */
  private hashed(): HashOnlyTable {
    if (this.table) return this.table;
    const table = new HashOnlyTable();
    const ids = this.increasing!;
    if (!ids.kept) throw new UnsortedRowsError('order ids stopped increasing after the ones kept');
    table.reserve(Math.max(this.reserved, ids.size + 1));
    // Same indexes: the ids are distinct and interned in their order.
    const pair = new Uint32Array(2);
    for (let k = 0; k < ids.size; k++) {
      const text = ids.textOf(k);
      if (text !== null) table.intern(text);
      else {
        ids.hashesOf(k, pair);
        table.internHash(pair[0], pair[1]);
      }
    }
    this.table = table;
    this.increasing = null;
    return table;
  }
}

// Order-id interning with a fast path for the way most shops number orders: increasing integers
// (order lines repeating the current one). While every id is a plain decimal integer above all
// before it, an id is new by construction and needs no lookup: the ids are kept in order (4 B
// each) instead of a 200 MB hash table probed at random per row on 10M-row files. The first id
// that breaks the pattern moves everything into the HashOnlyTable; indexes are the same either way.
import { Uint32Column } from './columns';
import { HashOnlyTable } from './hashIndex';

/** Order ids as a part of a file hands them to the first part (host/parallelLoad). */
export type ExportedOrderIds =
  | { kind: 'increasing'; ids: Uint32Array }              // index k ↔ the integer ids[k]
  | { kind: 'hashes'; hi: Uint32Array; lo: Uint32Array };  // index k ↔ its two 32-bit hashes

/** Ids kept as integers: below 10^9, so they fit a Uint32. */
const MAX_DIGITS = 9;

/** The value of a canonical decimal integer (no sign, no leading zero) of ≤ 9 digits; -1 otherwise. */
function canonicalInteger(s: string): number {
  const n = s.length;
  if (n === 0 || n > MAX_DIGITS || (n > 1 && s.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** canonicalInteger of the UTF-8 bytes [start, end). */
function canonicalIntegerBytes(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > MAX_DIGITS || (n > 1 && buf[start] === 48)) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Dense indexes for order ids in first-seen order (see HashOnlyTable for the hashing). */
export class OrderIdTable {
  private increasing: Uint32Column | null = new Uint32Column();
  private table: HashOnlyTable | null = null;
  private reserved = 0;

  /** The index of `s`, adding it when new. */
  intern(s: string): number {
    const ids = this.increasing;
    if (ids) {
      const v = canonicalInteger(s);
      const last = ids.length > 0 ? ids.data[ids.length - 1] : -1;
      if (v > last) {
        ids.push(v);
        return ids.length - 1;
      }
      if (v >= 0 && v === last) return ids.length - 1;
    }
    return this.hashed().intern(s);
  }

  /** The index of the id in UTF-8 bytes [start, end) (the index `intern` gives its text), adding it when new. */
  internBytes(buf: Uint8Array, start: number, end: number): number {
    const ids = this.increasing;
    if (ids) {
      const v = canonicalIntegerBytes(buf, start, end);
      const last = ids.length > 0 ? ids.data[ids.length - 1] : -1;
      if (v > last) {
        ids.push(v);
        return ids.length - 1;
      }
      if (v >= 0 && v === last) return ids.length - 1;
    }
    return this.hashed().internBytes(buf, start, end);
  }

  /** Distinct ids so far. */
  get size(): number {
    return this.increasing ? this.increasing.length : this.table!.size;
  }

  /** Room for `n` ids at once. */
  reserve(n: number): void {
    this.reserved = Math.max(this.reserved, n);
    if (this.increasing) this.increasing.reserve(n);
    else this.table!.reserve(n);
  }

  /** The ids, for a first part to merge(). */
  exportIds(): ExportedOrderIds {
    if (this.increasing) return { kind: 'increasing', ids: this.increasing.finish() };
    return { kind: 'hashes', ...this.table!.exportHashes() };
  }

  /** Interns another part's ids (in their order); returns their indexes here. */
  merge(other: ExportedOrderIds): Uint32Array {
    const ids = this.increasing;
    if (ids && other.kind === 'increasing') {
      const last = ids.length > 0 ? ids.data[ids.length - 1] : -1;
      if (other.ids.length === 0 || other.ids[0] > last) {
        const map = new Uint32Array(other.ids.length);
        ids.reserve(ids.length + other.ids.length);
        for (let k = 0; k < map.length; k++) {
          map[k] = ids.length;
          ids.push(other.ids[k]);
        }
        return map;
      }
    }
    if (other.kind === 'increasing') return Uint32Array.from(other.ids, (v) => this.intern(String(v)));
    const table = this.hashed();
    return Uint32Array.from(other.hi, (a, k) => table.internHash(a, other.lo[k]));
  }

  /** The hash table, built from the increasing ids the first time it is needed. */
  private hashed(): HashOnlyTable {
    if (this.table) return this.table;
    const table = new HashOnlyTable();
    const ids = this.increasing!;
    table.reserve(Math.max(this.reserved, ids.length + 1));
    // Same indexes: the ids are distinct and interned in their order.
    for (let k = 0; k < ids.length; k++) table.intern(String(ids.data[k]));
    this.table = table;
    this.increasing = null;
    return table;
  }
}

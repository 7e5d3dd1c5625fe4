// Order-id interning with a fast path for the way most shops number orders: increasing numbers,
// bare (1001) or behind a fixed prefix and zero-padded to a fixed width (ord_000123, #1001,
// INV-0042), order lines repeating the current one. While every id has the first id's pattern
// and a number above all before it, an id is new by construction and needs no lookup: the
// numbers are kept in order (8 B each) instead of a 200 MB hash table probed at random per row
// on 10M-row files. The first id that breaks the pattern moves everything into the
// HashOnlyTable; indexes are the same either way.
import { Float64Column } from './columns';
import { HashOnlyTable } from './hashIndex';

/** The first id's form: its text before the trailing digits, and their width when zero-padded (0: no leading zero). */
export interface OrderIdPattern { prefix: string; width: number }

/** Order ids as a part of a file hands them to the first part (host/parallelLoad). */
export type ExportedOrderIds =
  | { kind: 'increasing'; pattern: OrderIdPattern | null; numbers: Float64Array }   // index k ↔ pattern with numbers[k]
  | { kind: 'hashes'; hi: Uint32Array; lo: Uint32Array };                          // index k ↔ its two 32-bit hashes

/** Numbers kept exactly: at most 15 digits. */
const MAX_DIGITS = 15;

/** The number in UTF-8 bytes [start, end) when they read as `pattern`; -1 otherwise. */
function numberIn(buf: Uint8Array, start: number, end: number, pattern: OrderIdPattern): number {
  const { prefix, width } = pattern;
  const digits = end - start - prefix.length;
  if (digits <= 0 || digits > MAX_DIGITS || (width > 0 ? digits !== width : digits > 1 && buf[start + prefix.length] === 48)) return -1;
  for (let k = 0; k < prefix.length; k++) if (buf[start + k] !== prefix.charCodeAt(k)) return -1;
  let v = 0;
  for (let i = start + prefix.length; i < end; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The pattern of a first id: ASCII text ending in 1–15 digits; null for anything else. */
function patternOf(buf: Uint8Array, start: number, end: number): OrderIdPattern | null {
  let d = end;
  while (d > start && buf[d - 1] >= 48 && buf[d - 1] <= 57) d--;
  if (d === end || end - d > MAX_DIGITS) return null;
  for (let k = start; k < d; k++) if (buf[k] > 0x7f) return null;
  const prefix = String.fromCharCode(...buf.subarray(start, d));
  return { prefix, width: end - d > 1 && buf[d] === 48 ? end - d : 0 };
}

/** The text of `pattern` with number `v`. */
function textOf(pattern: OrderIdPattern, v: number): string {
  const digits = String(v);
  return pattern.prefix + (pattern.width > 0 ? digits.padStart(pattern.width, '0') : digits);
}

const encoder = new TextEncoder();

/** Dense indexes for order ids in first-seen order (see HashOnlyTable for the hashing). */
export class OrderIdTable {
  private numbers: Float64Column | null = new Float64Column();
  private pattern: OrderIdPattern | null = null;
  private table: HashOnlyTable | null = null;
  private reserved = 0;

  /** The index of `s`, adding it when new. */
  intern(s: string): number {
    if (!this.numbers) return this.table!.intern(s);
    const bytes = encoder.encode(s);
    return this.internBytes(bytes, 0, bytes.length);
  }

  /** The index of the id in UTF-8 bytes [start, end) (the index `intern` gives its text), adding it when new. */
  internBytes(buf: Uint8Array, start: number, end: number): number {
    const numbers = this.numbers;
    if (numbers) {
      if (numbers.length === 0) this.pattern = patternOf(buf, start, end);
      const v = this.pattern ? numberIn(buf, start, end, this.pattern) : -1;
      const last = numbers.length > 0 ? numbers.data[numbers.length - 1] : -1;
      if (v > last) {
        numbers.push(v);
        return numbers.length - 1;
      }
      if (v >= 0 && v === last) return numbers.length - 1;
    }
    return this.hashed().internBytes(buf, start, end);
  }

  /** Distinct ids so far. */
  get size(): number {
    return this.numbers ? this.numbers.length : this.table!.size;
  }

  /** Room for `n` ids at once. */
  reserve(n: number): void {
    this.reserved = Math.max(this.reserved, n);
    if (this.numbers) this.numbers.reserve(n);
    else this.table!.reserve(n);
  }

  /** The ids, for a first part to merge(). */
  exportIds(): ExportedOrderIds {
    if (this.numbers) return { kind: 'increasing', pattern: this.pattern, numbers: this.numbers.finish() };
    return { kind: 'hashes', ...this.table!.exportHashes() };
  }

  /** Interns another part's ids (in their order); returns their indexes here. */
  merge(other: ExportedOrderIds): Uint32Array {
    const numbers = this.numbers;
    if (other.kind === 'increasing') {
      const n = other.numbers.length;
      const last = numbers && numbers.length > 0 ? numbers.data[numbers.length - 1] : -1;
      const samePattern = numbers && (numbers.length === 0 || (this.pattern && other.pattern && this.pattern.prefix === other.pattern.prefix && this.pattern.width === other.pattern.width));
      if (numbers && samePattern && (n === 0 || other.numbers[0] > last)) {
        if (numbers.length === 0) this.pattern = other.pattern;
        const map = new Uint32Array(n);
        numbers.reserve(numbers.length + n);
        for (let k = 0; k < n; k++) {
          map[k] = numbers.length;
          numbers.push(other.numbers[k]);
        }
        return map;
      }
      return Uint32Array.from(other.numbers, (v) => this.intern(textOf(other.pattern!, v)));
    }
    const table = this.hashed();
    return Uint32Array.from(other.hi, (a, k) => table.internHash(a, other.lo[k]));
  }

  /** The hash table, built from the increasing ids the first time it is needed. */
  private hashed(): HashOnlyTable {
    if (this.table) return this.table;
    const table = new HashOnlyTable();
    const numbers = this.numbers!;
    table.reserve(Math.max(this.reserved, numbers.length + 1));
    // Same indexes: the ids are distinct and interned in their order.
    for (let k = 0; k < numbers.length; k++) table.intern(textOf(this.pattern!, numbers.data[k]));
    this.table = table;
    this.numbers = null;
    return table;
  }
}

// Ids that arrive in increasing order, kept without a hash table (ingest/orderIds.ts): while
// every id is above all before it, a new one cannot have been seen, so interning it is an
// append. Two orders are recognised, decided by the first id:
// - numbers: a fixed prefix and a number, bare (1001, #1001) — compared as numbers, so 9 < 10;
// - bytes: anything else compared byte by byte (zero-padded numbers ord_000123, base-36 or
//   time-ordered ids such as ULIDs, dates) — each id kept as its two HashOnlyTable hashes.
import { appendAll, Float64Column, Uint32Column } from './columns';
import { idHashes } from './hashIndex';

/** A fixed prefix before an unpadded number (numbers mode). */
export interface NumberPattern { prefix: string }

/**
 * Increasing ids as a part of a file hands them over: numbers (with their prefix), or hashes
 * between a first and last id; `count` ids, of which the arrays hold all or none (kept: false).
 */
export type IncreasingExport =
  | { kind: 'numbers'; count: number; kept: boolean; prefix: string; numbers: Float64Array; first: number; last: number }
  | { kind: 'bytes'; count: number; kept: boolean; hi: Uint32Array; lo: Uint32Array; first: Uint8Array; last: Uint8Array };

/** Numbers kept exactly: at most 15 digits. */
const MAX_DIGITS = 15;

/** The number after `prefix` in bytes [start, end) when it is 1–15 digits without a leading zero; -1 otherwise. */
function numberAfter(buf: Uint8Array, start: number, end: number, prefix: string): number {
  const digits = end - start - prefix.length;
  if (digits <= 0 || digits > MAX_DIGITS || (digits > 1 && buf[start + prefix.length] === 48)) return -1;
  for (let k = 0; k < prefix.length; k++) if (buf[start + k] !== prefix.charCodeAt(k)) return -1;
  let v = 0;
  for (let i = start + prefix.length; i < end; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The ASCII prefix of an id ending in an unpadded number of 1–15 digits; null for anything else. */
function prefixOf(buf: Uint8Array, start: number, end: number): string | null {
  let d = end;
  while (d > start && buf[d - 1] >= 48 && buf[d - 1] <= 57) d--;
  if (d === end || end - d > MAX_DIGITS || (end - d > 1 && buf[d] === 48)) return null;
  for (let k = start; k < d; k++) if (buf[k] > 0x7f) return null;
  return String.fromCharCode(...buf.subarray(start, d));
}

/** at, at + 1, … at + n − 1 (a loop: Uint32Array.from with a callback took 170 ms for 5 M). */
function range(at: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) out[k] = at + k;
  return out;
}

/**
 * compareBytes over DataViews of the two arrays (offsets as in the arrays), four bytes at a time:
 * increasing ids differ near their end, so a byte loop read the whole id; ~0.25 s of a 10M-row
 * load on two threads went on this compare, about half of it now.
 */
export function compareWords(a: DataView, as: number, ae: number, b: DataView, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const x = a.getUint32(as + k);
    const y = b.getUint32(bs + k);
    if (x !== y) return x < y ? -1 : 1;
  }
  for (; k < n; k++) {
    const x = a.getUint8(as + k);
    const y = b.getUint8(bs + k);
    if (x !== y) return x - y;
  }
  return (ae - as) - (be - bs);
}

/** A DataView over exactly the bytes of `a`. */
export const viewOf = (a: Uint8Array): DataView<ArrayBufferLike> => new DataView(a.buffer, a.byteOffset, a.byteLength);

/** Byte order of a[as, ae) and b[bs, be): negative, 0 or positive. */
export function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) if (a[as + k] !== b[bs + k]) return a[as + k] - b[bs + k];
  return (ae - as) - (be - bs);
}

/**
 * Interns increasing ids by appending; `intern` answers -1 when an id breaks the order (the
 * caller then hashes them all: see `kept`). Each id is kept (8 B) for that, up to `keepLimit` ids;
 * past it only the count and the last id are (a file read with duplicates by runs, which is
 * read again with every id kept if its ids stop increasing later: ingest/orderIds.ts).
 */
export class IncreasingIds {
  private prefix: string | null = null;
  private count = 0;
  private lost = false;   // an id was not kept (past the limit, or appended from a part that had not kept its)
  private firstNumber = -1;
  private numbers = new Float64Column();
  private readonly hi = new Uint32Column();
  private readonly lo = new Uint32Column();
  private lastNumber = -1;
  private first: Uint8Array = new Uint8Array(0);
  /** Where the last id is copied once its bytes may be reused (settle). */
  private last: Uint8Array = new Uint8Array(64);
  /** The last id: lastBuf[lastStart, lastEnd), the bytes it was read from until settled into `last`. */
  private lastBuf: Uint8Array = this.last;
  private lastStart = 0;
  private lastEnd = 0;
  private readonly pair = new Uint32Array(2);
  /** DataViews for compareWords: over `last`, and over the bytes ids are read from (a file's buffer, reused). */
  private lastView = viewOf(this.last);
  private read: Uint8Array | null = null;
  private readView = viewOf(this.last);

  constructor(private readonly keepLimit = Infinity) {}

  /** Ids so far. */
  get size(): number {
    return this.count;
  }

  /** Whether every id is kept (textOf, hashesOf answer for each). */
  get kept(): boolean {
    return !this.lost;
  }

  /** Room for `n` ids. */
  reserve(n: number): void {
    const keep = Math.min(n, this.keepLimit);
    if (this.prefix !== null) this.numbers.reserve(keep);
    else if (this.size > 0) {
      this.hi.reserve(keep);
      this.lo.reserve(keep);
    }
  }

  /** The index of the id in bytes [start, end) when it keeps the order; -1 when it breaks it. */
  intern(buf: Uint8Array, start: number, end: number): number {
    if (this.size === 0) this.prefix = prefixOf(buf, start, end);
    if (this.prefix !== null) {
      const v = numberAfter(buf, start, end, this.prefix);
      const last = this.lastNumber;
      if (v > last) {
        if (this.count === 0) this.firstNumber = v;
        this.lastNumber = v;
        if (this.count < this.keepLimit) this.numbers.push(v);
        else this.lost = true;
        return this.count++;
      }
      if (v >= 0 && v === last) return this.count - 1;
      if (!this.toByteOrder(buf, start, end)) return -1;
    }
    const order = this.count === 0 ? 1 : compareWords(this.viewFor(buf), start, end, this.viewFor(this.lastBuf), this.lastStart, this.lastEnd);
    if (order === 0) return this.count - 1;
    if (order < 0) return -1;
    // Where the id is, not a copy: settle() copies it before the bytes are reused.
    this.lastBuf = buf;
    this.lastStart = start;
    this.lastEnd = end;
    // A copy: on a Buffer (what files are read into) slice() is a view of bytes about to be reused.
    if (this.count === 0) this.first = Uint8Array.prototype.slice.call(buf, start, end);
    if (this.count < this.keepLimit) this.keepHashes(buf, start, end);
    else this.lost = true;
    return this.count++;
  }

  /** The DataView over `bytes`: `last`'s, or the one kept for the bytes ids are read from (made anew when they change). */
  private viewFor(bytes: Uint8Array): DataView {
    if (bytes === this.last) return this.lastView;
    if (bytes !== this.read) {
      this.read = bytes;
      this.readView = viewOf(bytes);
    }
    return this.readView;
  }

  /** Keeps the id's two hashes (bytes mode), for a HashOnlyTable should the order break. */
  private keepHashes(buf: Uint8Array, start: number, end: number): void {
    idHashes(buf, start, end, this.pair);
    this.hi.push(this.pair[0]);
    this.lo.push(this.pair[1]);
  }

  /**
   * Numbers mode met an id that is not the prefix and a greater number. When every id so far is
   * kept and they and this one increase in byte order (base-36 ids whose first happened to end
   * in a digit: …dk2, …dk3, then …dka), the ids go on in bytes mode, each kept one hashed from
   * its text; false (nothing changed) otherwise.
   */
  private toByteOrder(buf: Uint8Array, start: number, end: number): boolean {
    if (this.lost) return false;
    const texts = Array.from(this.numbers.finish(), (v) => Buffer.from(this.prefix + String(v), 'latin1'));
    for (let k = 1; k < texts.length; k++) {
      if (compareBytes(texts[k - 1], 0, texts[k - 1].length, texts[k], 0, texts[k].length) >= 0) return false;
    }
    const last = texts[texts.length - 1];
    if (compareBytes(buf, start, end, last, 0, last.length) <= 0) return false;
    this.prefix = null;
    this.numbers = new Float64Column();
    this.first = new Uint8Array(texts[0]);
    for (const text of texts) this.keepHashes(text, 0, text.length);
    this.keepLast(last, 0, last.length);
    return true;
  }

  /** Copies the id into `last`, reusing its buffer (a new array per id would cost more than the rest). */
  private keepLast(buf: Uint8Array, start: number, end: number): void {
    if (end - start > this.last.length) {
      this.last = new Uint8Array(Math.max(64, 2 * (end - start)));
      this.lastView = viewOf(this.last);
    }
    const last = this.last;
    this.lastBuf = last;
    this.lastStart = 0;
    this.lastEnd = end - start;
    for (let i = start; i < end; i++) last[i - start] = buf[i];
  }

  /**
   * Copies the last id out of the bytes it was read from (once a block of rows is done: a copy
   * per id was a tenth of the order-id cost). Needed before those bytes are reused.
   */
  settle(): void {
    if (this.lastBuf !== this.last) this.keepLast(this.lastBuf, this.lastStart, this.lastEnd);
  }

  /** The text of id `k` in numbers mode (to rebuild it elsewhere); null in bytes mode. */
  textOf(k: number): string | null {
    return this.prefix !== null ? this.prefix + String(this.numbers.data[k]) : null;
  }

  /** Id `k`'s two hashes in bytes mode, into `out`. */
  hashesOf(k: number, out: Uint32Array): void {
    out[0] = this.hi.data[k];
    out[1] = this.lo.data[k];
  }

  /** The ids, for a first part to append. */
  export(): IncreasingExport {
    const { count, kept } = this;
    if (this.prefix !== null) return { kind: 'numbers', count, kept, prefix: this.prefix, numbers: this.numbers.finish(), first: this.firstNumber, last: this.lastNumber };
    return { kind: 'bytes', count, kept, hi: this.hi.finish(), lo: this.lo.finish(), first: this.first, last: this.lastBuf.slice(this.lastStart, this.lastEnd) };
  }

  /**
   * Appends a later part's ids when they all come after these (same mode, same prefix, first
   * above this last); returns their indexes here, or null when they cannot be appended. Ids stay
   * kept only when both sides kept all of theirs within the limit.
   */
  append(other: IncreasingExport): Uint32Array | null {
    const at = this.count;
    const n = other.count;
    if (n === 0) return new Uint32Array(0);
    if (other.kind === 'numbers') {
      if (at > 0 && (this.prefix !== other.prefix || !(other.first > this.lastNumber))) return null;
      this.prefix = other.prefix;
      if (at === 0) this.firstNumber = other.first;
      this.lastNumber = other.last;
    } else {
      if (this.prefix !== null && at > 0) return null;
      if (at > 0 && compareBytes(other.first, 0, other.first.length, this.lastBuf, this.lastStart, this.lastEnd) <= 0) return null;
      this.prefix = null;
      if (at === 0) this.first = other.first;
      this.keepLast(other.last, 0, other.last.length);
    }
    const keepBoth = !this.lost && other.kept && at + n <= this.keepLimit;
    this.count += n;
    if (keepBoth && other.kind === 'numbers') appendAll(this.numbers, other.numbers);
    if (keepBoth && other.kind === 'bytes') {
      appendAll(this.hi, other.hi);
      appendAll(this.lo, other.lo);
    }
    if (!keepBoth) this.lost = true;
    return range(at, n);
  }
}

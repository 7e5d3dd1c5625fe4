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

/** Increasing ids as a part of a file hands them over: numbers (with their prefix), or hashes between a first and last id. */
export type IncreasingExport =
  | { kind: 'numbers'; prefix: string; numbers: Float64Array }
  | { kind: 'bytes'; hi: Uint32Array; lo: Uint32Array; first: Uint8Array; last: Uint8Array };

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

/** Byte order of a[as, ae) and b[bs, be): negative, 0 or positive. */
export function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) if (a[as + k] !== b[bs + k]) return a[as + k] - b[bs + k];
  return (ae - as) - (be - bs);
}

/** Interns increasing ids by appending; `intern` answers -1 when an id breaks the order (the caller then hashes). */
export class IncreasingIds {
  private prefix: string | null = null;
  private readonly numbers = new Float64Column();
  private readonly hi = new Uint32Column();
  private readonly lo = new Uint32Column();
  private first: Uint8Array = new Uint8Array(0);
  private last: Uint8Array = new Uint8Array(64);   // the last id: its first lastLength bytes
  private lastLength = 0;
  private readonly pair = new Uint32Array(2);

  /** Ids so far. */
  get size(): number {
    return this.prefix !== null ? this.numbers.length : this.hi.length;
  }

  /** Room for `n` ids. */
  reserve(n: number): void {
    if (this.prefix !== null) this.numbers.reserve(n);
    else if (this.size > 0) {
      this.hi.reserve(n);
      this.lo.reserve(n);
    }
  }

  /** The index of the id in bytes [start, end) when it keeps the order; -1 when it breaks it. */
  intern(buf: Uint8Array, start: number, end: number): number {
    if (this.size === 0) this.prefix = prefixOf(buf, start, end);
    if (this.prefix !== null) {
      const v = numberAfter(buf, start, end, this.prefix);
      const numbers = this.numbers;
      const last = numbers.length > 0 ? numbers.data[numbers.length - 1] : -1;
      if (v > last) {
        numbers.push(v);
        return numbers.length - 1;
      }
      return v >= 0 && v === last ? numbers.length - 1 : -1;
    }
    const order = this.hi.length === 0 ? 1 : compareBytes(buf, start, end, this.last, 0, this.lastLength);
    if (order === 0) return this.hi.length - 1;
    if (order < 0) return -1;
    this.keepLast(buf, start, end);
    if (this.hi.length === 0) this.first = buf.slice(start, end);
    idHashes(buf, start, end, this.pair);
    this.hi.push(this.pair[0]);
    this.lo.push(this.pair[1]);
    return this.hi.length - 1;
  }

  /** Copies the id into `last`, reusing its buffer (a new array per id would cost more than the rest). */
  private keepLast(buf: Uint8Array, start: number, end: number): void {
    if (end - start > this.last.length) this.last = new Uint8Array(Math.max(64, 2 * (end - start)));
    const last = this.last;
    for (let i = start; i < end; i++) last[i - start] = buf[i];
    this.lastLength = end - start;
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
    if (this.prefix !== null) return { kind: 'numbers', prefix: this.prefix, numbers: this.numbers.finish() };
    return { kind: 'bytes', hi: this.hi.finish(), lo: this.lo.finish(), first: this.first, last: this.last.slice(0, this.lastLength) };
  }

  /**
   * Appends a later part's ids when they all come after these (same mode, same prefix, first
   * above this last); returns their indexes here, or null when they cannot be appended.
   */
  append(other: IncreasingExport): Uint32Array | null {
    const at = this.size;
    if (other.kind === 'numbers') {
      const n = other.numbers.length;
      if (at === 0) this.prefix = other.prefix;
      if (n > 0 && (this.prefix !== other.prefix || !(other.numbers[0] > (at > 0 ? this.numbers.data[at - 1] : -1)))) return null;
      appendAll(this.numbers, other.numbers);
      return range(at, n);
    }
    const n = other.hi.length;
    if (n === 0) return new Uint32Array(0);
    if (this.prefix !== null && at > 0) return null;
    if (at > 0 && compareBytes(other.first, 0, other.first.length, this.last, 0, this.lastLength) <= 0) return null;
    this.prefix = null;
    if (at === 0) this.first = other.first;
    this.keepLast(other.last, 0, other.last.length);
    appendAll(this.hi, other.hi);
    appendAll(this.lo, other.lo);
    return range(at, n);
  }
}

// A data row as field bounds in a UTF-8 buffer (filled by ingest/byteCsv.ts): the Dataset
// builder's questions answered from the bytes, and a string made only on the rare paths (a new
// id, a value the byte readers do not take, an example for the quality log).
import type { ParsedTime } from './dates';
import { isAsciiSpace, plainDecimalBytes } from './byteValues';
import { hashBytes, type StringTable } from './hashIndex';
import { parseAmount } from './numbers';
import type { OrderIdTable } from './orderIds';
import type { RowFields, TimeParsers } from './rowFields';

/** How a field was written: bare, quoted, or quoted with doubled quotes inside. */
export const BARE = 0;
export const QUOTED = 1;
export const ESCAPED = 2;

const QUOTE = 34;

/** RowFields over bytes: field i is [starts[i], ends[i]) of `buf`, without its quotes. */
export class ByteRow implements RowFields {
  buf: Uint8Array = new Uint8Array(0);
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  kinds = new Uint8Array(32);
  /** The trimmed bounds found by `trim`. */
  private s = 0;
  private e = 0;
  /** Set ahead by prepareKey: the field whose trimmed bounds and hashBytes are known (−1: none). */
  keyField = -1;
  keyHash = 0;
  private keyStart = 0;
  private keyEnd = 0;
  /** Set ahead by prepareHash: the row hash is in h1, h2. */
  private hashed = false;
  h1 = 0;
  h2 = 0;

  /** Forgets what was prepared for the previous record (the scanner calls it per record). */
  reset(): void {
    this.keyField = -1;
    this.hashed = false;
  }

  /** Hashes field i's trimmed bytes ahead of interning (ingest/lookAhead.ts); false when it goes the text way. */
  prepareKey(i: number): boolean {
    if (!this.trim(i) || this.s === this.e) return false;
    this.keyField = i;
    this.keyStart = this.s;
    this.keyEnd = this.e;
    this.keyHash = hashBytes(this.buf, this.s, this.e);
    return true;
  }

  /** Computes the row hash ahead of the duplicate check (ingest/lookAhead.ts). */
  prepareHash(): void {
    this.computeHash();
    this.hashed = true;
  }

  /** Room for one more field than `n`. */
  ensure(n: number): void {
    if (n >= this.starts.length) this.grow();
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const kinds = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }

  /**
   * Sets s/e to field i's bounds without ASCII whitespace around; false when the bytes cannot
   * stand for the trimmed text (doubled quotes inside, or non-ASCII at an edge, which may be
   * Unicode whitespace): then the text path answers.
   */
  private trim(i: number): boolean {
    if (this.kinds[i] === ESCAPED) return false;
    const buf = this.buf;
    let s = this.starts[i];
    let e = this.ends[i];
    while (s < e && isAsciiSpace(buf[s])) s++;
    while (e > s && isAsciiSpace(buf[e - 1])) e--;
    this.s = s;
    this.e = e;
    return s === e || (buf[s] < 0x80 && buf[e - 1] < 0x80);
  }

  /** Field i as written (quotes removed, doubled quotes undone), untrimmed. */
  raw(i: number): string {
    const buf = this.buf;
    const text = Buffer.from(buf.buffer, buf.byteOffset + this.starts[i], this.ends[i] - this.starts[i]).toString('utf8');
    return this.kinds[i] === ESCAPED ? text.replace(/""/g, '"') : text;
  }

  text(i: number): string {
    return this.raw(i).trim();
  }
  isEmpty(i: number): boolean {
    return this.trim(i) ? this.s === this.e : this.text(i) === '';
  }
  equals(i: number, s: string): boolean {
    if (!this.trim(i)) return this.text(i) === s;
    const buf = this.buf;
    const n = this.e - this.s;
    let k = 0;
    // Byte = code unit means the same character only below 0x80 (é is C3 A9, and Ã© too).
    if (n === s.length) while (k < n && buf[this.s + k] === s.charCodeAt(k) && buf[this.s + k] < 0x80) k++;
    if (k === n && n === s.length) return true;
    // Bytes and text differ where both are ASCII: not equal; otherwise compare as text.
    for (let j = this.s; j < this.e; j++) if (buf[j] > 0x7f) return this.text(i) === s;
    return false;
  }
  time(i: number, parsers: TimeParsers): ParsedTime | null {
    return this.trim(i) ? parsers.bytes(this.buf, this.s, this.e) : parsers.text(this.text(i));
  }
  amount(i: number, decimalComma: boolean): number {
    if (!decimalComma && this.trim(i)) {
      const value = plainDecimalBytes(this.buf, this.s, this.e);
      if (value === value) return value;
    }
    return parseAmount(this.text(i), decimalComma);
  }
  intern(i: number, table: StringTable): number {
    if (i === this.keyField) return table.internHashed(this.keyHash, this.buf, this.keyStart, this.keyEnd);
    return this.trim(i) ? table.internBytes(this.buf, this.s, this.e) : table.intern(this.text(i));
  }
  internOrder(i: number, table: OrderIdTable): number {
    return this.trim(i) ? table.internBytes(this.buf, this.s, this.e) : table.intern(this.text(i));
  }

  hash(out: Uint32Array): void {
    if (!this.hashed) this.computeHash();
    out[0] = this.h1;
    out[1] = this.h2;
  }

  /**
   * Two 32-bit hashes of the fields' contents into h1, h2, four bytes at a time (doubled quotes
   * counted once, each field's leftover bytes and their count mixed at its end): equal rows hash
   * equal however their fields were quoted.
   */
  private computeHash(): void {
    const buf = this.buf;
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let f = 0; f < this.count; f++) {
      let i = this.starts[f];
      const end = this.ends[f];
      let w = 0;
      let k = 0;
      if (this.kinds[f] !== ESCAPED) {
        for (; i + 4 <= end; i += 4) {
          w = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
          h1 = Math.imul(h1 ^ w, 0x01000193);
          h2 = Math.imul(h2 ^ w, 0x5bd1e995);
          h2 ^= h2 >>> 15;
        }
        for (w = 0; i < end; i++, k++) w |= buf[i] << (k << 3);
      } else {
        for (; i < end; i++) {
          const c = buf[i];
          if (c === QUOTE) i++;
          w |= c << (k << 3);
          if (++k < 4) continue;
          h1 = Math.imul(h1 ^ w, 0x01000193);
          h2 = Math.imul(h2 ^ w, 0x5bd1e995);
          h2 ^= h2 >>> 15;
          w = k = 0;
        }
      }
      h1 = Math.imul(Math.imul(h1 ^ w, 0x01000193) ^ (0x1f00 | k), 0x01000193);
      h2 = Math.imul(Math.imul(h2 ^ w, 0x5bd1e995) ^ (0x1f00 | k), 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1 >>> 0;
    this.h2 = (h2 >>> 0) || 1;
  }
}

// A data row as field bounds in a UTF-8 buffer (filled by ingest/byteCsv.ts): the Dataset
// builder's questions answered from the bytes, and a string made only on the rare paths (a new
// id, a value the byte readers do not take, an example for the quality log).
import type { ParsedTime } from './dates';
import { isAsciiSpace, plainDecimalBytes } from './byteValues';
import { bytesEqual, hashBytes, utf8Text } from './hashIndex';
import type { StringTable } from './stringTable';
import { parseAmount } from './numbers';
import type { OrderIdTable } from './orderIds';
import type { RowFields, TimeParsers } from './rowFields';
import { ESCAPED, fieldwiseHash, joinedHash, plainRecordHash } from './byteRowHash';

export { BARE, ESCAPED, QUOTED } from './byteRowHash';

const QUOTE = 34;

/** A record without quoted fields. */
export const NO_QUOTES = 0;
/** A record with quoted fields, none holding the delimiter. */
export const QUOTES = 1;
/** A record with a quoted field holding the delimiter. */
export const QUOTED_DELIMITER = 2;

/** RowFields over bytes: field i is [starts[i], ends[i]) of `buf`, without its quotes. */
export class ByteRow implements RowFields {
  buf: Uint8Array = new Uint8Array(0);
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  kinds = new Uint8Array(32);
  /** Where `unescape` undoes doubled quotes. */
  private unescaped = new Uint8Array(256);
  /** The trimmed bounds found by `trim` (in `unescaped` after `unescape`). */
  private s = 0;
  private e = 0;
  /** Set ahead by prepareKey: the field whose trimmed bounds and hashBytes are known (−1: none). */
  keyField = -1;
  keyHash = 0;
  private keyStart = 0;
  private keyEnd = 0;
  /** Set by the scanner: how the record's fields are quoted (NO_QUOTES, QUOTES, QUOTED_DELIMITER), and the delimiter. */
  quoting = NO_QUOTES;
  delimiter = 44;
  private readonly hashOut = new Uint32Array(2);
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
    return this.kinds[i] !== ESCAPED && this.trimIn(this.buf, this.starts[i], this.ends[i]);
  }

  /** trim over bytes [s, e) of `bytes` (a field in the buffer, or one unescaped). */
  private trimIn(bytes: Uint8Array, s: number, e: number): boolean {
    while (s < e && isAsciiSpace(bytes[s])) s++;
    while (e > s && isAsciiSpace(bytes[e - 1])) e--;
    this.s = s;
    this.e = e;
    return s === e || (bytes[s] < 0x80 && bytes[e - 1] < 0x80);
  }

  /** Field i as written (quotes removed, doubled quotes undone), untrimmed. */
  raw(i: number): string {
    const buf = this.buf;
    const text = utf8Text(buf, this.starts[i], this.ends[i]);
    return this.kinds[i] === ESCAPED ? text.replace(/""/g, '"') : text;
  }

  text(i: number): string {
    return this.raw(i).trim();
  }
  isEmpty(i: number): boolean {
    return this.trim(i) ? this.s === this.e : this.text(i) === '';
  }
  equals(i: number, s: string): boolean {
    return this.trim(i) ? bytesEqual(s, this.buf, this.s, this.e) : this.text(i) === s;
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
    if (this.trim(i)) return table.internBytes(this.buf, this.s, this.e);
    // A field with doubled quotes, from its bytes with them undone: no string, no regex (a quoted
    // free-text column of segment values made these most of the segment work at 10M rows). The
    // table copies the bytes it keeps, so the scratch may be reused.
    return this.unescape(i) ? table.internBytes(this.unescaped, this.s, this.e) : table.intern(this.text(i));
  }
  internOrder(i: number, table: OrderIdTable): number {
    // Not from `unescaped`: increasing ids keep a view of the last id's bytes until settled.
    return this.trim(i) ? table.internBytes(this.buf, this.s, this.e) : table.intern(this.text(i));
  }

  /**
   * An ESCAPED field's bytes with each doubled quote made one, into `unescaped`, trimmed as trim()
   * trims (bounds in s, e); false for another kind, or ends that are not ASCII (the text path's).
   */
  private unescape(i: number): boolean {
    if (this.kinds[i] !== ESCAPED) return false;
    const buf = this.buf;
    const end = this.ends[i];
    if (this.unescaped.length < end - this.starts[i]) this.unescaped = new Uint8Array(2 * (end - this.starts[i]));
    const out = this.unescaped;
    let n = 0;
    // The scanner let in quotes only as pairs.
    for (let k = this.starts[i]; k < end; k++) if ((out[n++] = buf[k]) === QUOTE) k++;
    return this.trimIn(out, 0, n);
  }

  hash(out: Uint32Array): void {
    if (!this.hashed) this.computeHash();
    out[0] = this.h1;
    out[1] = this.h2;
  }

  /** The row hash into h1, h2 (ingest/byteRowHash.ts): of the bytes, the joined contents, or field by field. */
  private computeHash(): void {
    const out = this.hashOut;
    if (this.quoting === NO_QUOTES) plainRecordHash(this, out);
    else if (this.quoting === QUOTES) joinedHash(this, this.delimiter, out);
    else fieldwiseHash(this, out);
    this.h1 = out[0];
    this.h2 = out[1];
  }
}

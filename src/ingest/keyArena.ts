// Copies of short keys at fixed width, by index, beside a StringTable (ingest/stringTable.ts): a
// hash match is confirmed against these bytes, one memory access at a known place, instead of
// the index's string (its array slot, then the string: two dependent cache misses per row on
// 10M-row files, most of the interning time).
import { hashBytes, utf8Text } from './hashIndex';

/** Bytes of one key's copy, its length byte included, by the first key's length. */
function widthFor(length: number): number {
  return length < 16 ? 16 : length < 32 ? 32 : length < 48 ? 48 : 0;
}

/** A length byte marking a key too long for its copy: compare the string instead. */
const LONG = 255;

/** Fixed-width copies of keys 0, 1, 2…: a length byte, then the bytes. */
export class KeyArena {
  private width = -1;
  private bytes = new Uint8Array(0);

  /** Stores key `k` (the next index) from UTF-8 bytes [start, end). */
  set(k: number, buf: Uint8Array, start: number, end: number): void {
    if (this.width < 0) this.width = widthFor(end - start);
    const width = this.width;
    if (width === 0) return;
    const at = k * width;
    if (at + width > this.bytes.length) this.grow(at + width);
    const n = end - start;
    if (n >= width) {
      this.bytes[at] = LONG;
      return;
    }
    this.bytes[at] = n;
    for (let i = 0; i < n; i++) this.bytes[at + 1 + i] = buf[start + i];
  }

  /** Key `k` against bytes [start, end): 1 equal, 0 different, -1 not known here (compare the text). */
  compare(k: number, buf: Uint8Array, start: number, end: number): number {
    const width = this.width;
    if (width <= 0) return -1;
    const at = k * width;
    const bytes = this.bytes;
    const n = bytes[at];
    if (n === LONG) return end - start >= width ? -1 : 0;
    if (n !== end - start) return 0;
    for (let i = 0; i < n; i++) if (bytes[at + 1 + i] !== buf[start + i]) return 0;
    return 1;
  }

  /** Whether key k's bytes are here (it was short enough for its copy). */
  holds(k: number): boolean {
    return this.width > 0 && k * this.width < this.bytes.length && this.bytes[k * this.width] !== LONG;
  }

  /** hashBytes of key k's bytes (holds(k) must be true): a table rehashes from the copies. */
  hash(k: number): number {
    const at = k * this.width;
    return hashBytes(this.bytes, at + 1, at + 1 + this.bytes[at]);
  }

  /** Key k's text, decoded from its copy (holds(k) must be true). */
  text(k: number): string {
    const at = k * this.width;
    return utf8Text(this.bytes, at + 1, at + 1 + this.bytes[at]);
  }

  /**
   * Fills the missing texts[k] from the copies. ASCII copies are read from one latin-1 string of
   * the whole arena (a substring each: ~6× faster than decoding 1.7 M ids one by one, the
   * difference between 0.5 s and 0.08 s at the end of a 10 M-row parse); others are decoded.
   */
  fillTexts(texts: (string | undefined)[]): void {
    const width = this.width;
    const bytes = this.bytes;
    const n = texts.length;
    const all = width > 0 ? Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, n * width)).toString('latin1') : '';
    for (let k = 0; k < n; k++) {
      if (texts[k] !== undefined) continue;
      const at = k * width;
      const end = at + 1 + bytes[at];
      let ascii = true;
      for (let i = at + 1; i < end && ascii; i++) ascii = bytes[i] < 0x80;
      texts[k] = ascii ? all.substring(at + 1, end) : this.text(k);
    }
  }

  /**
   * The copies of keys 0 … count − 1, for another table to intern from (exportKeys): a view, not a
   * copy (a later part's ~27 MB at 10M rows, at the load's peak); no key may be added after.
   */
  export(count: number): { width: number; bytes: Uint8Array } {
    const width = Math.max(0, this.width);
    return { width, bytes: this.bytes.subarray(0, count * width) };
  }

  /**
   * Keys a and b in `<` order of their strings as their copies tell it (negative, 0 or positive);
   * null when they cannot: a key too long for its copy, or a first difference between two
   * non-ASCII characters (UTF-8 byte order is code point order, not the UTF-16 order `<` uses).
   */
  order(a: number, b: number): number | null {
    if (!this.holds(a) || !this.holds(b)) return null;
    const bytes = this.bytes;
    const at = a * this.width;
    const bt = b * this.width;
    const n = Math.min(bytes[at], bytes[bt]);
    for (let i = 1; i <= n; i++) {
      const x = bytes[at + i];
      const y = bytes[bt + i];
      // An ASCII byte against a character's lead byte: the ASCII character is the smaller either way.
      if (x !== y) return x < 0x80 || y < 0x80 ? x - y : null;
    }
    // One is the start of the other (the same characters): the shorter first.
    return bytes[at] - bytes[bt];
  }

  /** Reads key k's first byte, so the copy is in cache when compared (ingest/lookAhead.ts). */
  touch(k: number): number {
    return this.width > 0 ? this.bytes[k * this.width] : 0;
  }

  /** Makes room for the copies of `n` keys at once (once the first key has set their width). */
  reserve(n: number): void {
    if (this.width > 0 && n * this.width > this.bytes.length) this.grow(n * this.width);
  }

  private grow(need: number): void {
    const next = new Uint8Array(Math.max(need, this.bytes.length * 2, 1 << 14));
    next.set(this.bytes);
    this.bytes = next;
  }
}

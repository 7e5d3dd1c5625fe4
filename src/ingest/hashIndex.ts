// Open-addressing hash tables in typed arrays for interning ids: on 1M+ distinct customers a
// `Map<string, number>` spent two thirds of the whole job in lookups (PERFORMANCE-NOTES), and
// 10M order-id strings as map keys cost gigabytes. Keys hash by their UTF-8 bytes, so a value
// read as text (papaparse) and the same value read from a file's bytes (byteRow.ts) meet.

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/** The UTF-8 bytes of a string, in a scratch buffer: [buffer, length]. */
export function utf8Of(s: string): [Uint8Array, number] {
  if (scratch.length < s.length * 3) scratch = new Uint8Array(s.length * 3);
  return [scratch, encoder.encodeInto(s, scratch).written];
}

/** Whether every character is ASCII (then its UTF-16 code units are its UTF-8 bytes). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** FNV-1a over bytes [start, end), finished with murmur3's avalanche so low bits are well mixed. */
export function hashBytes(buf: Uint8Array, start: number, end: number, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return avalanche(h);
}

/** hashBytes of the string's UTF-8 bytes. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  if (!isAscii(s)) {
    const [bytes, n] = utf8Of(s);
    return hashBytes(bytes, 0, n, seed);
  }
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return avalanche(h);
}

/** murmur3's 32-bit finaliser. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text of UTF-8 bytes [start, end) (bad bytes read as U+FFFD, as TextDecoder reads them). */
export function utf8Text(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8');
}

/** Whether bytes [start, end) are the UTF-8 encoding of `s`. */
export function bytesEqual(s: string, buf: Uint8Array, start: number, end: number): boolean {
  if (end - start < s.length) return false;
  if (end - start === s.length) {
    let i = 0;
    // Byte = code unit means the same character only below 0x80.
    for (; i < s.length; i++) if (buf[start + i] !== s.charCodeAt(i) || buf[start + i] > 0x7f) break;
    if (i === s.length) return true;
    if (s.charCodeAt(i) <= 0x7f && buf[start + i] <= 0x7f) return false;
  }
  return utf8Text(buf, start, end) === s;
}

const pair = new Uint32Array(2);

/** The two hashes HashOnlyTable keys an id in UTF-8 bytes [start, end) by, into `out` (the second never 0). */
export function idHashes(buf: Uint8Array, start: number, end: number, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let k = start; k < end; k++) {
    const c = buf[k];
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  out[0] = avalanche(a);
  out[1] = avalanche(b) || 1;
}

/**
 * Interning by a 64-bit hash alone, without keeping the strings: for order ids, where only
 * "same order or not" matters. Two distinct ids merge with probability ~n²/2⁶⁵ (3 in a
 * million at 10M ids); 12 bytes a slot, the slot's three words side by side (one cache miss a probe).
 */
export class HashOnlyTable {
  private table = new Uint32Array(3 << 12);   // [hash a, hash b, index + 1] per slot; index + 1 = 0: empty
  private count = 0;

  /** The index of `s`, adding it when new. */
  intern(s: string): number {
    if (!isAscii(s)) {
      const [bytes, n] = utf8Of(s);
      return this.internBytes(bytes, 0, n);
    }
    // hashString(s) and hashString(s, 0x9747b28c), in one pass over the characters.
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    return this.internHash(avalanche(a), avalanche(b) || 1);
  }

  /** The index of the id in UTF-8 bytes [start, end), adding it when new (the same index intern gives its text). */
  internBytes(buf: Uint8Array, start: number, end: number): number {
    idHashes(buf, start, end, pair);
    return this.internHash(pair[0], pair[1]);
  }

  /** The index of the id with hashes (a, b ≠ 0), adding it when new: merges another table's ids. */
  internHash(a: number, b: number): number {
    if ((this.count + 1) * 12 > this.table.length * 3) this.grow();
    const table = this.table;
    const mask = table.length / 3 - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const v = table[3 * i + 2];
      if (v === 0) {
        table[3 * i] = a;
        table[3 * i + 1] = b;
        table[3 * i + 2] = ++this.count;
        return this.count - 1;
      }
      if (table[3 * i] === a && table[3 * i + 1] === b) return v - 1;
    }
  }

  /** Distinct ids so far. */
  get size(): number {
    return this.count;
  }

  /** Each id's two hashes, by index, for another table to merge with internHash. */
  exportHashes(): { hi: Uint32Array; lo: Uint32Array } {
    const hi = new Uint32Array(this.count);
    const lo = new Uint32Array(this.count);
    const table = this.table;
    for (let i = 0; i < table.length; i += 3) {
      const v = table[i + 2];
      if (v === 0) continue;
      hi[v - 1] = table[i];
      lo[v - 1] = table[i + 1];
    }
    return { hi, lo };
  }

  /** Sizes the table for `n` ids at once, sparing the rehashes on the way there. */
  reserve(n: number): void {
    let slots = this.table.length / 3;
    while (n * 4 > slots * 3) slots *= 2;
    if (slots * 3 > this.table.length) this.grow(slots);
  }

  private grow(slots = (this.table.length / 3) * 2): void {
    const old = this.table;
    const table = (this.table = new Uint32Array(slots * 3));
    const mask = slots - 1;
    for (let j = 0; j < old.length; j += 3) {
      if (old[j + 2] === 0) continue;
      let i = old[j] & mask;
      while (table[3 * i + 2] !== 0) i = (i + 1) & mask;
      table[3 * i] = old[j];
      table[3 * i + 1] = old[j + 1];
      table[3 * i + 2] = old[j + 2];
    }
  }
}

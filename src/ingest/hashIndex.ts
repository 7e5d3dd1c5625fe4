// Open-addressing hash tables in typed arrays for interning ids: on 1M+ distinct customers a
// `Map<string, number>` spent two thirds of the whole job in lookups (PERFORMANCE-NOTES), and
// 10M order-id strings as map keys cost gigabytes.

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche so low bits are well mixed. */
export function hashString(s: string, seed = 0x811c9dc5): number {
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

/**
 * Exact string interning: dense indexes 0, 1, 2… in first-seen order. Slots hold the 32-bit
 * hash and index + 1; a hash match is confirmed by comparing the stored string, so distinct
 * ids never merge. New strings are stored as fresh copies (a parsed field is a slice of its
 * chunk and would pin the chunk in memory).
 */
export class StringTable {
  private hashes = new Uint32Array(1 << 12);
  private slots = new Int32Array(1 << 12);
  readonly values: string[] = [];

  /** The index of `s`, adding it when new. */
  intern(s: string): number {
    if ((this.values.length + 1) * 4 > this.slots.length * 3) this.grow();
    const h = hashString(s);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = this.slots[i];
      if (v === 0) {
        const index = this.values.length;
        this.values.push((' ' + s).slice(1));
        this.hashes[i] = h;
        this.slots[i] = index + 1;
        return index;
      }
      if (this.hashes[i] === h && this.values[v - 1] === s) return v - 1;
    }
  }

  /** Distinct strings so far. */
  get size(): number {
    return this.values.length;
  }

  /** Sizes the table for `n` strings at once, sparing the rehashes on the way there. */
  reserve(n: number): void {
    let size = this.slots.length;
    while (n * 4 > size * 3) size *= 2;
    if (size > this.slots.length) this.grow(size);
  }

  private grow(size = this.slots.length * 2): void {
    const { hashes, slots } = this;
    this.hashes = new Uint32Array(size);
    this.slots = new Int32Array(size);
    const mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === 0) continue;
      let i = hashes[j] & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = hashes[j];
      this.slots[i] = slots[j];
    }
  }
}

/**
 * Interning by a 64-bit hash alone, without keeping the strings: for order ids, where only
 * "same order or not" matters. Two distinct ids merge with probability ~n²/2⁶⁵ (3 in a
 * million at 10M ids); 12 bytes a slot.
 */
export class HashOnlyTable {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private slots = new Int32Array(1 << 12);
  private count = 0;

  /** The index of `s`, adding it when new. */
  intern(s: string): number {
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

  /** The index of the id with hashes (a, b ≠ 0), adding it when new: merges another table's ids. */
  internHash(a: number, b: number): number {
    if ((this.count + 1) * 4 > this.slots.length * 3) this.grow();
    const mask = this.slots.length - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const v = this.slots[i];
      if (v === 0) {
        this.hi[i] = a;
        this.lo[i] = b;
        this.slots[i] = ++this.count;
        return this.count - 1;
      }
      if (this.hi[i] === a && this.lo[i] === b) return v - 1;
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
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i];
      if (v === 0) continue;
      hi[v - 1] = this.hi[i];
      lo[v - 1] = this.lo[i];
    }
    return { hi, lo };
  }

  /** Sizes the table for `n` ids at once, sparing the rehashes on the way there. */
  reserve(n: number): void {
    let size = this.slots.length;
    while (n * 4 > size * 3) size *= 2;
    if (size > this.slots.length) this.grow(size);
  }

  private grow(size = this.slots.length * 2): void {
    const { hi, lo, slots } = this;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.slots = new Int32Array(size);
    const mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === 0) continue;
      let i = hi[j] & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.hi[i] = hi[j];
      this.lo[i] = lo[j];
      this.slots[i] = slots[j];
    }
  }
}

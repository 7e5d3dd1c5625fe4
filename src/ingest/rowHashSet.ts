// Exact-duplicate detection without keeping rows: a 64-bit hash of each kept row in an
// open-addressing table of two Uint32Arrays (8 bytes a slot, no per-row objects), so 10M rows
// cost ~130 MB at most instead of gigabytes of strings.

/**
 * Two independent 32-bit hashes of a row's fields (with a separator so "a,bc" ≠ "ab,c"), also
 * counting the line feeds in the fields: the physical lines the row spans, less one. One pass
 * over the characters where the row stream would otherwise make a second.
 */
export function hashRowCountingLines(fields: readonly string[], out: Uint32Array): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  let lineFeeds = 0;
  for (let f = 0; f < fields.length; f++) {
    const s = fields[f];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) lineFeeds++;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  out[0] = h1 >>> 0;
  out[1] = (h2 >>> 0) || 1; // (0, 0) marks an empty slot
  return lineFeeds;
}

/** The row's two hashes (hashRowCountingLines without the count). */
export function hashRow(fields: readonly string[], out: Uint32Array): void {
  hashRowCountingLines(fields, out);
}

/** Keeps the read-ahead loads from being dropped as unused. */
const touched = new Uint32Array(1);

/**
 * A set of 64-bit row hashes. Each slot's two halves sit side by side in one array (hi at 2i, lo
 * at 2i + 1), so a probe of a table far larger than the cache costs one miss, not two.
 */
export class RowHashSet {
  private table = new Uint32Array(2 << 12);
  private size = 0;

  /** Adds the hash; false when it was already there (the row is a duplicate). */
  add(h: Uint32Array): boolean {
    if ((this.size + 1) * 8 > this.table.length * 3) this.grow();
    const inserted = this.insert(h[0], h[1]);
    if (inserted) this.size++;
    return inserted;
  }

  /** Reads the first slot the hash (a, b) probes, so a following add finds it in cache (ingest/lookAhead.ts). */
  touch(a: number, b: number): number {
    const table = this.table;
    return table[2 * ((a ^ Math.imul(b, 0x9e3779b1)) & ((table.length >>> 1) - 1)) + 1];
  }

  /**
   * Whether any hash of another set's slots (as slots() gives them) is in this set. Probes in
   * blocks of 64 whose first slots are read ahead together, so their cache misses overlap.
   */
  sharesAny(slots: Uint32Array): boolean {
    for (let i = 0; i < slots.length; i += 128) {
      const end = Math.min(i + 128, slots.length);
      let acc = 0;
      for (let j = i; j < end; j += 2) if (slots[j + 1] !== 0) acc += this.touch(slots[j], slots[j + 1]);
      touched[0] = acc;
      for (let j = i; j < end; j += 2) if (slots[j + 1] !== 0 && this.has(slots[j], slots[j + 1])) return true;
    }
    return false;
  }

  /** Whether the hash (a, b) is in the set. */
  has(a: number, b: number): boolean {
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const x = table[2 * i + 1];
      if (x === 0) return false;
      if (x === b && table[2 * i] === a) return true;
    }
  }

  /** The raw slots (hi, lo pairs; lo = 0: empty), for another set to test against with has(). */
  slots(): Uint32Array {
    return this.table;
  }

  /** Sizes the table for `n` hashes at once, sparing the rehashes on the way there. */
  reserve(n: number): void {
    let slots = this.table.length >>> 1;
    while (n * 4 > slots * 3) slots *= 2;
    if (slots * 2 > this.table.length) this.grow(slots);
  }

  private insert(a: number, b: number): boolean {
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const x = table[2 * i + 1];
      if (x === 0) {
        table[2 * i] = a;
        table[2 * i + 1] = b;
        return true;
      }
      if (x === b && table[2 * i] === a) return false;
    }
  }

  private grow(slots = this.table.length): void {
    const old = this.table;
    this.table = new Uint32Array(slots * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i], old[i + 1]);
  }
}

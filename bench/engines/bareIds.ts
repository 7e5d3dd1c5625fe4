// Customer ids interned into dense indexes for the benchmark's parse floor (bareParse.ts): the
// least an exact interning does (no strings, no tags, no widening, no long ids). Open addressing
// over 32-bit slots (index + 1) and fixed-width copies of the keys to confirm a match; a block of
// lookups reads its slots and copies ahead (touch), as ingest/lookAhead.ts does. Keys hash as
// the product's tables hash them (hashBytes).
import { hashBytes } from '../../src/ingest/hashIndex';

/** Bytes of one key's copy: a length byte, then up to 31 bytes. */
const WIDTH = 32;

/** A table's keys as another thread hands them over: key k's copy at k × 32 in `bytes`. */
export interface BareKeys { count: number; bytes: Uint8Array }

/** Exact interning of ids up to 31 bytes: indexes 0, 1, 2… in first-seen order. */
export class BareIds {
  private slots = new Uint32Array(1 << 16);
  private keys = new Uint8Array(WIDTH << 12);
  private count = 0;

  /** Distinct ids so far. */
  get size(): number {
    return this.count;
  }

  /** Reads what a lookup of hash `h` reads first, the slot and the copy it points at (read-ahead). */
  touch(h: number): number {
    const v = this.slots[h & (this.slots.length - 1)];
    return v === 0 ? 0 : this.keys[(v - 1) * WIDTH];
  }

  /** The index of the id in bytes [start, end) with hash `h`, adding it when new. */
  intern(h: number, buf: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (n >= WIDTH) throw new RangeError(`the parse floor keeps ids up to ${WIDTH - 1} bytes (this one has ${n})`);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = slots[i];
      if (v === 0) return this.add(i, buf, start, n);
      const at = (v - 1) * WIDTH;
      if (this.keys[at] !== n) continue;
      let j = 0;
      while (j < n && this.keys[at + 1 + j] === buf[start + j]) j++;
      if (j === n) return v - 1;
    }
  }

  /** The keys, for the first part's table to absorb (a view: no id may be added after). */
  exportKeys(): BareKeys {
    return { count: this.count, bytes: this.keys.subarray(0, this.count * WIDTH) };
  }

  /** Interns another table's keys in their order; returns their indexes here. */
  absorb(other: BareKeys): Uint32Array {
    const map = new Uint32Array(other.count);
    const bytes = other.bytes;
    for (let k = 0; k < other.count; k++) {
      const from = k * WIDTH + 1;
      const to = from + bytes[from - 1];
      map[k] = this.intern(hashBytes(bytes, from, to), bytes, from, to);
    }
    return map;
  }

  private add(slot: number, buf: Uint8Array, start: number, n: number): number {
    const k = this.count++;
    if ((k + 1) * WIDTH > this.keys.length) {
      const keys = new Uint8Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    const at = k * WIDTH;
    this.keys[at] = n;
    for (let j = 0; j < n; j++) this.keys[at + 1 + j] = buf[start + j];
    this.slots[slot] = k + 1;
    if (this.count * 4 > this.slots.length * 3) this.grow();
    return k;
  }

  private grow(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      const at = k * WIDTH;
      let i = hashBytes(this.keys, at + 1, at + 1 + this.keys[at]) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    this.slots = slots;
  }
}

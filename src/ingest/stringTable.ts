// Exact interning of ids (customers, segment values, event names) in an open-addressing table of
// typed arrays, keyed by the UTF-8 bytes of the text (ingest/hashIndex.ts), so an id read as text
// and the same id read from a file's bytes get one index.
import { bytesEqual, hashBytes, hashString, utf8Of, utf8Text } from './hashIndex';
import { KeyArena } from './keyArena';
import { compareText, type CustomerIds } from '../shared/customerIds';

/** Keeps the read-ahead loads from being dropped as unused. */
const touched = new Float64Array(1);

/**
 * A table's keys as a later part of a file hands them over: key k's bytes at k × width (a length
 * byte, then the bytes) unless k is in longIndex, whose keys come as text.
 */
export interface ExportedKeys { count: number; width: number; bytes: Uint8Array; longIndex: Uint32Array; longText: string[] }

/**
 * hashBytes (or hashString for the ones given as text) of exported keys [from, to) into out[0 …];
 * `long`: the index in longIndex of the first long key at or after `from`; returns the next one's.
 */
function keyHashes(keys: ExportedKeys, from: number, to: number, long: number, out: Uint32Array): number {
  for (let k = from; k < to; k++) {
    if (long < keys.longIndex.length && keys.longIndex[long] === k) out[k - from] = hashString(keys.longText[long++]);
    else out[k - from] = hashBytes(keys.bytes, k * keys.width + 1, k * keys.width + 1 + keys.bytes[k * keys.width]);
  }
  return long;
}

/** CustomerIds of `count` keys: the string `kept` has for a key, else its copy decoded. */
function idsOf(keys: KeyArena, count: number, kept: (k: number) => string | undefined): CustomerIds {
  const at = (u: number): string => kept(u) ?? keys.text(u);
  return { length: count, at, compare: (a, b) => keys.order(a, b) ?? compareText(at(a), at(b)) };
}

/** Bits of a slot for index + 1 at first: 12 bits of hash are left to tell keys apart. */
const FIRST_INDEX_BITS = 20;

/**
 * Exact string interning: dense indexes 0, 1, 2… in first-seen order. A slot is 32 bits: index + 1
 * in its low `indexBits` bits, the key hash's top bits (its tag) above them, so most probes of
 * another key end without a look at its copy, and a probe of a large table costs one cache miss
 * (4 B a slot, not 8 B with the whole hash: 8 MB less per part at the end of a 10M-row parse,
 * where both parts' tables are the peak; doubling rehashes from the key copies instead). A tag
 * match is confirmed by comparing the stored key, so distinct ids never merge. New strings are
 * stored as fresh copies (a parsed field is a slice of its chunk and would pin the chunk in memory).
 */
export class StringTable {
  private table = new Uint32Array(1 << 12);   // tag << indexBits | index + 1 per slot; 0: empty
  private indexBits: number;
  private readonly keys = new KeyArena();
  // Strings by index; in a lazy table only those of keys with no copy (or given as text): no
  // slot per id of a large file (1.7M × 8 B at 10M rows) when every id has its copy.
  private readonly texts: (string | undefined)[] = [];
  private count = 0;
  private slotted = 0;   // keys entered in the slots (all but those absorbKeys added)
  private sealed = false;
  private complete = true;

  /**
   * `lazy`: a key read from bytes that its copy holds gets no string until one is asked for
   * (a later part of a file hands its keys over as bytes, exportKeys). `firstIndexBits`: the
   * slots' bits for indexes until more are needed (tests start low to cross the widening).
   */
  constructor(private readonly lazy = false, firstIndexBits = FIRST_INDEX_BITS) {
    this.indexBits = firstIndexBits;
  }

  /** The strings by index (made now for keys that have none yet). */
  get values(): string[] {
    if (!this.complete) {
      this.texts.length = this.count;
      this.keys.fillTexts(this.texts);
      this.complete = true;
    }
    return this.texts as string[];
  }

  /**
   * The keys as CustomerIds, made into strings only when asked for (a key's copy is decoded each
   * time; one with no copy keeps its string). Keeps the key copies, not the table.
   */
  ids(): CustomerIds {
    const keys = this.keys;
    const texts = this.texts;
    const count = this.count;
    const long = new Map<number, string>();
    for (let k = 0; k < Math.min(count, texts.length) && long.size * 2 <= count; k++) if (!keys.holds(k)) long.set(k, texts[k]!);
    // Mostly long keys: keep the strings as they are rather than in a map.
    return long.size * 2 > count ? idsOf(keys, count, (u) => texts[u]) : idsOf(keys, count, (u) => long.get(u));
  }

  /** Key k's string. */
  text(k: number): string {
    return this.texts[k] ?? (this.texts[k] = this.keys.text(k));
  }

  /** The index of `s`, adding it when new. */
  intern(s: string): number {
    return this.internText(hashString(s), s);
  }

  /** intern with the string's hashString already known. */
  internText(h: number, s: string): number {
    const at = this.find(h, s, null, 0, 0);
    if (at >= 0) return at;
    const [bytes, n] = utf8Of(s);
    return this.add(h, (' ' + s).slice(1), ~at, bytes, 0, n);
  }

  /** The index of the text in UTF-8 bytes [start, end), adding it when new. */
  internBytes(buf: Uint8Array, start: number, end: number): number {
    return this.internHashed(hashBytes(buf, start, end), buf, start, end);
  }

  /** internBytes with the bytes' hashBytes already known (ingest/lookAhead.ts). */
  internHashed(h: number, buf: Uint8Array, start: number, end: number): number {
    const at = this.find(h, null, buf, start, end);
    return at < 0 ? this.add(h, null, ~at, buf, start, end) : at;
  }

  /**
   * Reads what a lookup of hash `h` will read first (its slot, then the key copy there), so a
   * batch of lookups waits for memory once, not once per row (ingest/lookAhead.ts).
   */
  touch(h: number): number {
    const k = this.guess(h);
    return k < 0 ? 0 : this.keys.touch(k);
  }

  /**
   * Takes a later part's exported keys in their order (a later part of a file, absorbed, the last
   * keys this table takes); returns their indexes here. A key found here keeps its index; one not
   * found is added after, numbered on, but not entered in the slots: the part's keys are distinct
   * (a table's), and nothing is looked up after, so the slots never grow for them (at 10M rows no
   * 32 MB table and no rehash at the merge). The table is sealed: it looks up no key again. Blocks
   * of 64 have their slots, then their key copies, read ahead together, as lookAhead.ts does for rows.
   */
  absorbKeys(keys: ExportedKeys): Uint32Array {
    // Hashed a block at a time: no array of every key's hash beside the map at the merge's peak.
    const hashes = new Uint32Array(64);
    const map = new Uint32Array(keys.count);
    let long = 0;
    let hashedLong = 0;
    for (let k = 0; k < keys.count; k++) {
      if (k % 64 === 0) {
        const to = Math.min(k + 64, keys.count);
        hashedLong = keyHashes(keys, k, to, hashedLong, hashes);
        this.touchBlock(hashes, to - k);
      }
      const h = hashes[k % 64];
      if (long < keys.longIndex.length && keys.longIndex[long] === k) {
        const text = keys.longText[long++];
        const at = this.find(h, text, null, 0, 0);
        if (at >= 0) map[k] = at;
        else {
          const [bytes, n] = utf8Of(text);
          map[k] = this.append((' ' + text).slice(1), bytes, 0, n);
        }
      } else {
        const from = k * keys.width + 1;
        const to = from + keys.bytes[from - 1];
        const at = this.find(h, null, keys.bytes, from, to);
        map[k] = at >= 0 ? at : this.append(null, keys.bytes, from, to);
      }
    }
    // Sealed: the slots are never read again, and go now (8 MB at 10M rows, at the merge's peak).
    this.sealed = true;
    this.table = new Uint32Array(0);
    return map;
  }

  private touchBlock(hashes: Uint32Array, count: number): void {
    let acc = 0;
    for (let k = 0; k < count; k++) acc += this.guess(hashes[k]);
    for (let k = 0; k < count; k++) acc += this.touch(hashes[k]);
    touched[0] = acc;
  }

  /** The index in the first slot hash `h` probes (−1: empty there), a likely guess at its index. */
  guess(h: number): number {
    const table = this.table;
    return (table[h & (table.length - 1)] & ((1 << this.indexBits) - 1)) - 1;
  }

  /** The keys as bytes where their copies hold them, as strings where not: for a first part's table to intern. */
  exportKeys(): ExportedKeys {
    const longIndex: number[] = [];
    const longText: string[] = [];
    for (let k = 0; k < this.count; k++) {
      if (this.keys.holds(k)) continue;
      longIndex.push(k);
      longText.push(this.text(k));
    }
    return { count: this.count, ...this.keys.export(this.count), longIndex: Uint32Array.from(longIndex), longText };
  }

  /** The index of the key (a string, or bytes when `s` is null) with hash `h`, or ~slot of the empty slot it would take. */
  private find(h: number, s: string | null, buf: Uint8Array | null, start: number, end: number): number {
    if (this.sealed) throw new Error('a table that has absorbed a later part looks up no key');
    if ((this.slotted + 1) * 4 > this.table.length * 3) this.grow();
    const table = this.table;
    const mask = table.length - 1;
    const bits = this.indexBits;
    const tag = h >>> bits;
    const low = (1 << bits) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = table[i];
      if (v === 0) return ~i;
      if (v >>> bits !== tag) continue;
      const k = (v & low) - 1;
      if (s !== null) {
        if (this.text(k) === s) return k;
        continue;
      }
      const same = this.keys.compare(k, buf!, start, end);
      if (same === 1 || (same < 0 && bytesEqual(this.text(k), buf!, start, end))) return k;
    }
  }

  /** Adds key `index` = size: its string `value`, or (null) decoded from the bytes unless lazy and its copy holds it. */
  private add(h: number, value: string | null, slot: number, buf: Uint8Array, start: number, end: number): number {
    const index = this.append(value, buf, start, end);
    if (index + 1 >= 2 ** this.indexBits) this.widenIndexes();
    const bits = this.indexBits;
    this.table[slot] = ((h >>> bits) * 2 ** bits) + index + 1;
    this.slotted++;
    return index;
  }

  /** One more bit for indexes, one less for tags (the slots stay where they are: positions come from the hash's low bits). */
  private widenIndexes(): void {
    const table = this.table;
    const bits = this.indexBits;
    if (bits >= 31) throw new RangeError('more than 2³¹ − 1 distinct ids');
    const low = (1 << bits) - 1;
    for (let i = 0; i < table.length; i++) {
      const v = table[i];
      if (v !== 0) table[i] = (v >>> (bits + 1)) * 2 ** (bits + 1) + (v & low);
    }
    this.indexBits = bits + 1;
  }

  /** hashBytes of key k (hashString of its text: the same for the same id), read back from its copy or string. */
  private hashOf(k: number): number {
    return this.keys.holds(k) ? this.keys.hash(k) : hashString(this.texts[k]!);
  }

  /** Numbers key `index` = size on, without a slot: its copy and its string `value`, or (null) decoded from the bytes unless lazy and its copy holds it. */
  private append(value: string | null, buf: Uint8Array, start: number, end: number): number {
    const index = this.count++;
    this.keys.set(index, buf, start, end);
    if (value === null && !(this.lazy && this.keys.holds(index))) value = utf8Text(buf, start, end);
    if (value !== null) this.texts[index] = value;
    if (value === null) this.complete = false;
    return index;
  }

  /** Makes room for the copies of `n` keys at once (the table itself grows as keys arrive). */
  reserveKeys(n: number): void {
    this.keys.reserve(n);
  }

  /** Distinct strings so far. */
  get size(): number {
    return this.count;
  }

  /** Doubles the slots, each key placed again by its hash, recomputed from its copy or string (slots keep only its top bits). */
  private grow(): void {
    const old = this.table;
    const table = (this.table = new Uint32Array(old.length * 2));
    const mask = table.length - 1;
    const low = (1 << this.indexBits) - 1;
    for (let j = 0; j < old.length; j++) {
      const v = old[j];
      if (v === 0) continue;
      let i = this.hashOf((v & low) - 1) & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = v;
    }
  }
}

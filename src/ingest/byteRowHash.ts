// The duplicate-row hash of a record read as bytes (ingest/byteRow.ts). Equal rows must hash
// equal however their fields were quoted, so the hash is of the fields' contents joined by the
// delimiter — for a record without quotes that is its bytes as they stand, read four at a time
// in one loop. A quoted field holding the delimiter would make that joined text ambiguous
// ("a,b",c against a,"b,c"); no bare field can hold it, so such rows have no unquoted twin and
// are hashed field by field, with other seeds.

/** How a field was written: bare, quoted, or quoted with doubled quotes inside. */
export const BARE = 0;
export const QUOTED = 1;
export const ESCAPED = 2;

const QUOTE = 34;
const P1 = 0x01000193;
const P2 = 0x5bd1e995;

/** A record's fields: [starts[f], ends[f]) of buf, written as kinds[f] says (BARE, QUOTED, ESCAPED). */
export interface RecordFields {
  buf: Uint8Array;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
}

/** The two hashes into out[0], out[1] (the second never 0), after the words and a tail of k bytes in w. */
function finish(h1: number, h2: number, w: number, k: number, out: Uint32Array): void {
  h1 = Math.imul(Math.imul(h1 ^ w, P1) ^ (0x1f00 | k), P1);
  h2 = Math.imul(Math.imul(h2 ^ w, P2) ^ (0x1f00 | k), P2);
  h2 ^= h2 >>> 15;
  out[0] = h1 >>> 0;
  out[1] = (h2 >>> 0) || 1;
}

/** Hash of a record without quoted fields: its bytes from the first field's start to the last's end. */
export function plainRecordHash(r: RecordFields, out: Uint32Array): void {
  const buf = r.buf;
  const end = r.ends[r.count - 1];
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  let i = r.starts[0];
  for (; i + 4 <= end; i += 4) {
    const w = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
    h1 = Math.imul(h1 ^ w, P1);
    h2 = Math.imul(h2 ^ w, P2);
    h2 ^= h2 >>> 15;
  }
  let w = 0;
  let k = 0;
  for (; i < end; i++, k++) w |= buf[i] << (k << 3);
  finish(h1, h2, w, k, out);
}

/**
 * plainRecordHash of the text the fields' contents make joined by the delimiter (doubled quotes
 * undone): a record with quoted fields hashes as its unquoted twin would.
 */
export function joinedHash(r: RecordFields, delimiter: number, out: Uint32Array): void {
  const buf = r.buf;
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  let w = 0;
  let k = 0;
  for (let f = 0; f < r.count; f++) {
    const unescape = r.kinds[f] === ESCAPED;
    // The delimiter before each field but the first, then the field's bytes.
    for (let i = f === 0 ? r.starts[f] : r.starts[f] - 1, end = r.ends[f]; i < end; i++) {
      const c = i < r.starts[f] ? delimiter : buf[i];
      if (unescape && c === QUOTE) i++;
      w |= c << (k << 3);
      if (++k < 4) continue;
      h1 = Math.imul(h1 ^ w, P1);
      h2 = Math.imul(h2 ^ w, P2);
      h2 ^= h2 >>> 15;
      w = k = 0;
    }
  }
  finish(h1, h2, w, k, out);
}

/** Field-by-field hash (contents, a separator after each) for rows whose quoted fields hold the delimiter. */
export function fieldwiseHash(r: RecordFields, out: Uint32Array): void {
  const buf = r.buf;
  let h1 = 0x2545f491;
  let h2 = 0x6c8e9cf5;
  for (let f = 0; f < r.count; f++) {
    const unescape = r.kinds[f] === ESCAPED;
    for (let i = r.starts[f], end = r.ends[f]; i < end; i++) {
      const c = buf[i];
      if (unescape && c === QUOTE) i++;
      h1 = Math.imul(h1 ^ c, P1);
      h2 = Math.imul(h2 ^ c, P2);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0x1f00, P1);
    h2 = Math.imul(h2 ^ 0x1f00, P2);
  }
  out[0] = h1 >>> 0;
  out[1] = (h2 >>> 0) || 1;
}

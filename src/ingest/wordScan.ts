// Finding a bare field's end four bytes at a time (issue 5, PERFORMANCE-NOTES: a byte loop was a
// fifth of the parse): the byte scanner (ingest/byteCsv.ts) reads LF files' buffers as 32-bit words.

const LF = 10;

/** Whether 32-bit words hold their bytes little-end first (as stopAt reads them). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `buf` as 32-bit words when it starts on a 4-byte boundary of a little-endian machine; null otherwise. */
export function wordsOf(buf: Uint8Array): Int32Array | null {
  return LITTLE_ENDIAN && buf.byteOffset % 4 === 0 ? new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength >>> 2) : null;
}

/**
 * The offset of the first delimiter or line feed in buf[from, end), or `end`: four bytes at a
 * time (PERFORMANCE-NOTES: a byte loop was a fifth of the parse). For each word, a byte equal to
 * the delimiter or LF is zero in word ^ its pattern; (v − 0x01…) & ~v & 0x80… flags every zero
 * byte, and bytes just above one can be flagged falsely, so each flagged byte is checked.
 */
export function stopAt(buf: Uint8Array, words: Int32Array, from: number, end: number, delimiter: number): number {
  const pattern = Math.imul(delimiter, 0x01010101);
  const wordsEnd = end >>> 2;
  // The first word's bytes before `from` are not looked at.
  let skip = -1 << ((from & 3) << 3);
  for (let w = from >>> 2; w < wordsEnd; w++) {
    const x = words[w];
    const a = x ^ pattern;
    const b = x ^ 0x0a0a0a0a;
    let m = (((a - 0x01010101) & ~a) | ((b - 0x01010101) & ~b)) & 0x80808080 & skip;
    skip = -1;
    while (m !== 0) {
      const q = (w << 2) + ((31 - Math.clz32(m & -m)) >>> 3);
      const c = buf[q];
      if (c === delimiter || c === LF) return q;
      m &= m - 1;
    }
  }
  for (let q = Math.max(from, wordsEnd << 2); q < end; q++) {
    const c = buf[q];
    if (c === delimiter || c === LF) return q;
  }
  return end;
}

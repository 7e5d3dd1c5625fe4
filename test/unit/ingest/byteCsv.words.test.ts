// stopAt (src/ingest/wordScan.ts) finds a bare field's end four bytes at a time: it must answer
// what a byte-by-byte search answers, from every start, with every delimiter, including the bytes
// its word trick flags falsely (the byte after a match, one above it: ",-" and "\n\v").
import { strict as assert } from 'node:assert';
import { stopAt } from '../../../src/ingest/wordScan';
import { makeRng } from '../../../bench/rng';

/** The first delimiter or line feed in buf[from, end), byte by byte; `end` when none. */
function naive(buf: Uint8Array, from: number, end: number, delimiter: number): number {
  for (let q = from; q < end; q++) if (buf[q] === delimiter || buf[q] === 10) return q;
  return end;
}

describe('ingest/byteCsv stopAt', () => {
  it('answers as a byte loop, from every start to every end, on random bytes rich in near misses', () => {
    const random = makeRng(7);
    for (const delimiter of [44, 59, 9, 124]) {
      // Bytes drawn mostly from the delimiter, LF and their neighbours (±1), plus 0, 0xff and letters.
      const alphabet = [delimiter, delimiter - 1, delimiter + 1, 10, 9, 11, 0, 1, 0xff, 0x80, 97, 45, 34];
      for (let trial = 0; trial < 40; trial++) {
        const buf = new Uint8Array(48);
        for (let i = 0; i < buf.length; i++) buf[i] = alphabet[Math.floor(random() * alphabet.length)];
        const words = new Int32Array(buf.buffer);
        for (let from = 0; from <= buf.length; from++) {
          for (let end = from; end <= buf.length; end++) {
            assert.equal(stopAt(buf, words, from, end, delimiter), naive(buf, from, end, delimiter), `d=${delimiter} [${buf.join(' ')}] from ${from} to ${end}`);
          }
        }
      }
    }
  });

  it('skips a byte flagged only because the one below it matched: ",-57" ends at the next comma', () => {
    const buf = new Uint8Array(Buffer.from('ab,-57.56,x\n\v\v\v\v\v\v\v'));
    const words = new Int32Array(buf.buffer, 0, buf.length >>> 2);
    assert.equal(stopAt(buf, words, 3, buf.length, 44), 9);
    assert.equal(stopAt(buf, words, 12, buf.length, 44), buf.length);
  });
});

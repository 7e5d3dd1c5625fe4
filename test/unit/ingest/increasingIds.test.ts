import { strict as assert } from 'node:assert';
import { makeRng } from '../../../bench/rng';
import { compareBytes, compareWords, viewOf } from '../../../src/ingest/increasingIds';

/** Seeded non-negative integers below 2³² (the benchmark's mulberry32). */
function rng(seed: number): () => number {
  const uniform = makeRng(seed);
  return () => Math.floor(uniform() * 4294967296);
}

describe('ingest/increasingIds compareWords', () => {
  it('orders two ranges as a byte-by-byte comparison does, at any offsets and lengths', () => {
    const next = rng(7);
    // Few distinct bytes (ASCII digits and bytes ≥ 0x80), so ranges often share long prefixes.
    const alphabet = [0x30, 0x31, 0x39, 0x7f, 0x80, 0xff];
    let orders = { less: 0, equal: 0, more: 0 };
    for (let trial = 0; trial < 20_000; trial++) {
      const a = Uint8Array.from({ length: 40 }, () => alphabet[next() % alphabet.length]);
      // A tenth of the pairs are the same bytes at the same place, the rest mostly a's with changes.
      const same = trial % 10 === 0;
      const b = same ? a.slice() : Uint8Array.from(a, (x) => (next() % 8 === 0 ? alphabet[next() % alphabet.length] : x));
      const as = next() % 8;
      const bs = same ? as : next() % 8;
      const ae = as + (next() % 25);
      const be = same ? bs + ae - as : bs + (next() % 25);
      const want = Math.sign(compareBytes(a, as, ae, b, bs, be));
      assert.equal(Math.sign(compareWords(viewOf(a), as, ae, viewOf(b), bs, be)), want, `trial ${trial}`);
      const key = want < 0 ? 'less' : want === 0 ? 'equal' : 'more';
      orders = { ...orders, [key]: orders[key] + 1 };
    }
    // Every outcome was met many times.
    assert.ok(orders.less > 1000 && orders.equal > 100 && orders.more > 1000, JSON.stringify(orders));
  });

  it('reads a view of a subarray at the subarray\'s offsets', () => {
    const buf = new Uint8Array(Buffer.from('xxord_000000000123|ord_000000000124'));
    const x = buf.subarray(2, 18);
    const y = buf.subarray(19);
    assert.ok(compareWords(viewOf(x), 0, 16, viewOf(y), 0, 16) < 0);
    assert.ok(compareWords(viewOf(y), 0, 16, viewOf(x), 0, 16) > 0);
    assert.equal(compareWords(viewOf(x), 0, 15, viewOf(y), 0, 15), 0);
  });
});

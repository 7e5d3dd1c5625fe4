// StringTable, HashOnlyTable and OrderIdTable must give a key the same index whether it comes as
// text (intern) or as UTF-8 bytes (internBytes), in any interleaving: ASCII, non-ASCII, keys
// whose 32-bit hashes collide, and enough keys for the tables to grow.
import { strict as assert } from 'node:assert';
import { makeRng, type Rng } from '../../../bench/rng';
import { HashOnlyTable, hashString } from '../../../src/ingest/hashIndex';
import { StringTable } from '../../../src/ingest/stringTable';
import { OrderIdTable } from '../../../src/ingest/orderIds';

interface Table { intern(s: string): number; internBytes(buf: Uint8Array, start: number, end: number): number }

/** `s`'s UTF-8 bytes at a random offset of a larger buffer: [buffer, start, end]. */
function bytesIn(s: string, rng: Rng): [Uint8Array, number, number] {
  const inner = Buffer.from(s, 'utf8');
  const before = Math.floor(rng() * 4);
  const buf = new Uint8Array(before + inner.length + Math.floor(rng() * 4)).fill(0x7a);
  buf.set(inner, before);
  return [buf, before, before + inner.length];
}

/** Distinct ASCII keys with the same 32-bit hashString (birthday search over `${prefix}${i}`). */
function collidingAscii(prefix: string): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `${prefix}${i}`;
    const other = seen.get(hashString(s));
    if (other !== undefined) return [other, s];
    seen.set(hashString(s), s);
  }
}

const NON_ASCII = ['é', 'e\u0301', '中文', '😀', '😀😀', 'a\u0308', '\u00a0', '\u3000x', '\ufeff', '\uFFFD', 'Ã©', 'xÃ©x', 'xéx', 'é'.repeat(200), '中'.repeat(100)];
const ASCII = ['', 'a', 'A', ' a', 'c1', 'c10', '0', '007', '7', '10', 'x'.repeat(300), 'a,b', 'a"b'];

/** Interns `keys` in a random order, each by text or by bytes at random; asserts first-seen indexes. */
function interleaved(make: () => Table, keys: readonly string[], seed: number, rounds = 4): void {
  const rng = makeRng(seed);
  for (let round = 0; round < rounds; round++) {
    const table = make();
    const expected = new Map<string, number>();
    for (let k = 0; k < keys.length * 3; k++) {
      const key = keys[Math.floor(rng() * keys.length)];
      const want = expected.get(key) ?? expected.size;
      expected.set(key, want);
      const byBytes = rng() < 0.5;
      const got = byBytes ? table.internBytes(...bytesIn(key, rng)) : table.intern(key);
      assert.equal(got, want, `${byBytes ? 'internBytes' : 'intern'}(${JSON.stringify(key.slice(0, 20))}) at step ${k}`);
    }
  }
}

describe('ingest/hashIndex intern and internBytes agree', () => {
  const colliding = [...collidingAscii('id'), ...collidingAscii('é')];

  it('the colliding pairs really collide', () => {
    assert.equal(hashString(colliding[0]), hashString(colliding[1]));
    assert.equal(hashString(colliding[2]), hashString(colliding[3]));
    assert.notEqual(colliding[0], colliding[1]);
  });

  it('StringTable: same index and the same stored text either way', () => {
    const keys = [...ASCII, ...NON_ASCII, ...colliding];
    interleaved(() => new StringTable(), keys, 1);
    const t = new StringTable();
    const rng = makeRng(2);
    for (const k of keys) t.internBytes(...bytesIn(k, rng));
    assert.deepEqual(t.values, [...new Set(keys)]);
    assert.deepEqual(keys.map((k) => t.intern(k)), keys.map((k) => t.values.indexOf(k)));
  });

  it('StringTable: thousands of keys (the table grows between calls)', () => {
    const keys = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? `c${i}` : i % 3 === 1 ? `é${i}` : `${i}中`));
    interleaved(() => new StringTable(), keys, 3, 1);
  });

  it('HashOnlyTable: same index either way', () => {
    interleaved(() => new HashOnlyTable(), [...ASCII, ...NON_ASCII, ...colliding], 4);
    interleaved(() => new HashOnlyTable(), Array.from({ length: 6000 }, (_, i) => `${i % 2 ? 'ü' : 'u'}${i}`), 5, 1);
  });

  it('OrderIdTable: same index either way, while ids increase and after', () => {
    // Increasing integers first (the fast path), by text and bytes; then anything.
    const rng = makeRng(6);
    for (let round = 0; round < 20; round++) {
      const t = new OrderIdTable();
      const expected = new Map<string, number>();
      let v = 0;
      for (let k = 0; k < 400; k++) {
        const u = rng();
        const key = u < 0.6 ? String((v += Math.floor(rng() * 3))) : u < 0.8 ? String(Math.floor(rng() * (v + 1))) : pick(rng, [...ASCII, ...NON_ASCII, ...colliding, '0', '1000000000', '999999999', '-1', '+1', ' 5']);
        const want = expected.get(key) ?? expected.size;
        expected.set(key, want);
        const byBytes = rng() < 0.5;
        const got = byBytes ? t.internBytes(...bytesIn(key, rng)) : t.intern(key);
        assert.equal(got, want, `round ${round} step ${k}: ${byBytes ? 'internBytes' : 'intern'}(${JSON.stringify(key.slice(0, 20))})`);
      }
      assert.equal(t.size, expected.size);
    }
  });

  it('OrderIdTable: only increasing integers, then one other id', () => {
    interleaved(() => new OrderIdTable(), ['1', '2', '3', '10', '11', '007', 'é'], 7);
  });
});

const pick = <T>(rng: Rng, a: readonly T[]): T => a[Math.floor(rng() * a.length)];

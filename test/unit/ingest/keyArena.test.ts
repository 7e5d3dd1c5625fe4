import { strict as assert } from 'node:assert';
import { KeyArena } from '../../../src/ingest/keyArena';
import { StringTable } from '../../../src/ingest/stringTable';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** compare(k, key) for a key given as text, placed mid-buffer as a row's field would be. */
function compare(arena: KeyArena, k: number, key: string): number {
  const b = bytes(`xx${key}yy`);
  return arena.compare(k, b, 2, b.length - 2);
}

describe('ingest/keyArena', () => {
  it('keeps copies as wide as the first key asks (16 B here) and says "not known" for longer ones', () => {
    const arena = new KeyArena();
    const keys = ['c1', 'cus_1fd6nq73am', 'customer-00000000000017', ''];
    keys.forEach((key, k) => { const b = bytes(key); arena.set(k, b, 0, b.length); });
    assert.equal(compare(arena, 0, 'c1'), 1);
    assert.equal(compare(arena, 0, 'c2'), 0);
    assert.equal(compare(arena, 0, 'c'), 0);
    assert.equal(compare(arena, 1, 'cus_1fd6nq73am'), 1);
    assert.equal(compare(arena, 1, 'cus_1fd6nq73an'), 0);
    // 23 bytes do not fit a 16-byte copy: equal or not, only the string can tell.
    assert.equal(compare(arena, 2, 'customer-00000000000017'), -1);
    assert.equal(compare(arena, 2, 'customer-00000000000018'), -1);
    // A short key is never a long one.
    assert.equal(compare(arena, 2, 'c1'), 0);
    assert.equal(compare(arena, 3, ''), 1);
    assert.equal(compare(arena, 3, 'a'), 0);
  });

  it('a first key of 36 bytes (a UUID) gives 48-byte copies, so UUIDs are compared here', () => {
    const arena = new KeyArena();
    const a = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const b = bytes(a);
    arena.set(0, b, 0, b.length);
    assert.equal(compare(arena, 0, a), 1);
    assert.equal(compare(arena, 0, a.replace(/1$/, '2')), 0);
  });

  it('StringTable finds keys of every length the same way from text and from bytes', () => {
    const table = new StringTable();
    const keys = ['c1', 'a-much-longer-customer-id-0001', 'é', 'c1 ', 'a-much-longer-customer-id-0002', 'x'.repeat(300)];
    const viaText = keys.map((key) => table.intern(key));
    assert.deepEqual(viaText, [0, 1, 2, 3, 4, 5]);
    for (const [k, key] of keys.entries()) {
      const b = bytes(`,${key},`);
      assert.equal(table.internBytes(b, 1, b.length - 1), k, key);
    }
    assert.equal(table.size, keys.length);
    assert.deepEqual(table.values, keys);
  });
});

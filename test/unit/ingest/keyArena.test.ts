import { strict as assert } from 'node:assert';
import { KeyArena } from '../../../src/ingest/keyArena';
import { StringTable } from '../../../src/ingest/stringTable';
import { absorbCustomerKeys, type DatasetPart } from '../../../src/ingest/datasetPart';

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

describe('ingest/stringTable ids(): customer ids as the Dataset holds them', () => {
  // Orders a JS engine's `<` decides differently from UTF-8 byte order: 'ｚ' (U+FF5A) sorts after
  // '😀' (U+1F600, UTF-16 0xD83D…) by `<` but before it by code point; '\uFFFD' likewise.
  const IDS = ['c10', 'c1', 'c2', 'C1', 'c', '', 'é', 'e', 'ｚ', '😀', 'a😀', 'aｚ', '\uFFFD', 'z', 'c1 ', 'cus_1fd6nq73am', 'cus_1fd6nq73a', 'customer-00000000000017', 'customer-00000000000007'];
  const byLessThan = (ids: readonly string[]): number[] =>
    ids.map((_, u) => u).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));

  /** A table that read `ids` in order, from bytes or from text. */
  function tableOf(ids: readonly string[], from: 'bytes' | 'text'): StringTable {
    const table = new StringTable(true);
    for (const id of ids) {
      if (from === 'text') table.intern(id);
      else {
        const b = bytes(`,${id},`);
        table.internBytes(b, 1, b.length - 1);
      }
    }
    return table;
  }

  for (const from of ['bytes', 'text'] as const) {
    for (const first of ['c0', 'x'.repeat(60)]) {
      it(`read from ${from}, first id ${first.length} bytes: each id as written, and ordered as \`<\` orders them`, () => {
        const written = [first, ...IDS];
        const ids = tableOf(written, from).ids();
        assert.equal(ids.length, written.length);
        assert.deepEqual(written.map((_, u) => ids.at(u)), written);
        const order = written.map((_, u) => u).sort((a, b) => ids.compare(a, b));
        assert.deepEqual(order, byLessThan(written));
        for (let a = 0; a < written.length; a++) assert.equal(ids.compare(a, a), 0);
      });
    }
  }

  it('compares copies that differ in ASCII bytes without making strings, and declines the rest', () => {
    const arena = new KeyArena();
    ['ab', 'abc', 'b', 'aé', 'a😀', 'x'.repeat(20)].forEach((key, k) => { const b = bytes(key); arena.set(k, b, 0, b.length); });
    assert.ok(arena.order(0, 1)! < 0);   // a start of the other comes first
    assert.ok(arena.order(1, 0)! > 0);
    assert.ok(arena.order(1, 2)! < 0);
    assert.equal(arena.order(0, 0), 0);
    assert.ok(arena.order(0, 3)! < 0);   // 'b' against é's lead byte: ASCII is smaller in any order
    assert.ok(arena.order(3, 0)! > 0);
    assert.equal(arena.order(3, 4), null);   // é against 😀: two non-ASCII characters, for `<` to tell
    assert.equal(arena.order(0, 5), null);   // too long for its copy
  });
});

describe('ingest/stringTable absorbKeys: a later part\'s keys, the last a table takes', () => {
  /** A lazy table that read `ids` from bytes. */
  function fromBytes(ids: readonly string[]): StringTable {
    const table = new StringTable(true);
    for (const id of ids) {
      const b = bytes(`,${id},`);
      table.internBytes(b, 1, b.length - 1);
    }
    return table;
  }
  const long = (n: number): string => `a-customer-id-long-enough-for-no-copy-${'x'.repeat(n)}`;

  it('keeps the index of a key it has, numbers the others on in the part\'s order, long ones too', () => {
    const first = fromBytes(['c1', 'c2', 'é', long(1), 'c3']);
    const part = fromBytes(['c9', 'c2', long(2), long(1), 'é', 'c8', '']);
    const map = first.absorbKeys(part.exportKeys());
    assert.deepEqual([...map], [5, 1, 6, 3, 2, 7, 8]);
    assert.equal(first.size, 9);
    const ids = first.ids();
    assert.deepEqual(Array.from({ length: ids.length }, (_, u) => ids.at(u)), ['c1', 'c2', 'é', long(1), 'c3', 'c9', long(2), 'c8', '']);
    assert.deepEqual(first.values, ['c1', 'c2', 'é', long(1), 'c3', 'c9', long(2), 'c8', '']);
  });

  it('maps parts of several blocks of 64 keys, long ones in more than one block', () => {
    // The first part holds the even numbers below 300; the part 300 ids counting down, every 17th long.
    const id = (n: number): string => (n % 17 === 0 ? long(n) : `c${n}`);
    const first = fromBytes(Array.from({ length: 150 }, (_, i) => id(2 * i)));
    const partIds = Array.from({ length: 300 }, (_, i) => id(299 - i));
    const map = first.absorbKeys(fromBytes(partIds).exportKeys());
    let next = 150;
    // Known: an even n below 300 is at n / 2; the odd ones are numbered on in the part's order.
    assert.deepEqual([...map], partIds.map((_, i) => ((299 - i) % 2 === 0 ? (299 - i) / 2 : next++)));
    assert.equal(first.size, 300);
    assert.equal(first.values[150], id(299));
    // New key 141 (index 291): the odd numbers count down from 299, so 299 − 2 × 141 = 17, a long id.
    assert.equal(first.values[291], long(17));
  });

  it('takes a later part\'s key copies as it absorbs them (absorbCustomerKeys: the part holds them no more)', () => {
    const first = fromBytes(['c1', 'c2']);
    const part = { customerKeys: fromBytes(['c2', 'c3']).exportKeys() } as DatasetPart;
    assert.deepEqual([...absorbCustomerKeys(first, part)], [1, 2]);
    assert.equal(part.customerKeys, null);
    assert.throws(() => absorbCustomerKeys(first, part), /absorbed already/);
  });

  it('looks up no key after (its slots do not hold the keys it added)', () => {
    const first = fromBytes(['c1']);
    first.absorbKeys(fromBytes(['c2']).exportKeys());
    assert.throws(() => first.intern('c2'), /looks up no key/);
    const b = bytes('c1');
    assert.throws(() => first.internBytes(b, 0, b.length), /looks up no key/);
  });
});

describe('ingest/stringTable slots: tags and indexes in 32 bits', () => {
  // The first id sets 16-byte copies; every 7th id is too long for its copy, every 11th non-ASCII;
  // half are read as text, half as bytes.
  const id = (n: number): string => (n % 7 === 3 ? `customer-with-a-long-id-${n}-${'x'.repeat(40)}` : n % 11 === 0 ? `kü${n}` : `c${n}`);
  const ids = Array.from({ length: 5000 }, (_, n) => id(n));
  const internOne = (table: StringTable, s: string, n: number): number => {
    if (n % 2 === 0) return table.intern(s);
    const b = bytes(`;${s};`);
    return table.internBytes(b, 1, b.length - 1);
  };

  // Three index bits at first: widened at 8, 16, 32… keys, while the slots double from 4,096.
  for (const [lazy, bits] of [[false, 3], [true, 3], [true, 20]] as const) {
    it(`numbers 5,000 ids in first-seen order and finds each again (${lazy ? 'lazy' : 'strings kept'}, ${bits} index bits at first)`, () => {
      const table = new StringTable(lazy, bits);
      ids.forEach((s, n) => assert.equal(internOne(table, s, n), n));
      // Again, each read the other way: the same index, no new key.
      ids.forEach((s, n) => assert.equal(internOne(table, s, n + 1), n));
      assert.equal(table.size, 5000);
      assert.deepEqual(table.values, ids);
    });
  }
});

import { strict as assert } from 'node:assert';
import { HashOnlyTable, hashString } from '../../../src/ingest/hashIndex';
import { StringTable } from '../../../src/ingest/stringTable';

let pair: [string, string] | null = null;

/** Two distinct strings with the same 32-bit hashString (birthday search over 'id0'.., done once). */
function collidingPair(): [string, string] {
  return (pair ??= searchPair());
}

function searchPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `id${i}`;
    const h = hashString(s);
    const other = seen.get(h);
    if (other !== undefined) return [other, s];
    seen.set(h, s);
  }
}

describe('ingest/hashIndex hashString', () => {
  it('is deterministic, unsigned 32-bit, and depends on the seed', () => {
    assert.equal(hashString('c1'), hashString('c1'));
    assert.ok(hashString('c1') >= 0 && hashString('c1') <= 0xffffffff);
    assert.notEqual(hashString('c1'), hashString('c1', 0x9747b28c));
    assert.notEqual(hashString('c1'), hashString('c2'));
  });
});

describe('ingest/hashIndex StringTable', () => {
  it('gives dense indexes in first-seen order and keeps the strings', () => {
    const t = new StringTable();
    assert.deepEqual(['c2', 'c1', 'c2', '', 'C1', 'c1'].map((s) => t.intern(s)), [0, 1, 0, 2, 3, 1]);
    assert.equal(t.size, 4);
    assert.deepEqual(t.values, ['c2', 'c1', '', 'C1']);
  });

  it('keeps two strings with the same 32-bit hash apart', () => {
    const [a, b] = collidingPair();
    assert.notEqual(a, b);
    assert.equal(hashString(a), hashString(b));
    const t = new StringTable();
    assert.deepEqual([t.intern(a), t.intern(b), t.intern(a), t.intern(b)], [0, 1, 0, 1]);
    assert.deepEqual(t.values, [a, b]);
  });

  it('keeps every index across growth (200k ids, each looked up again)', () => {
    const t = new StringTable();
    for (let i = 0; i < 200_000; i++) if (t.intern(`cust-${i}`) !== i) assert.fail(`first intern of cust-${i}`);
    for (let i = 199_999; i >= 0; i--) if (t.intern(`cust-${i}`) !== i) assert.fail(`second intern of cust-${i}`);
    assert.equal(t.size, 200_000);
    assert.equal(t.values[123_456], 'cust-123456');
  });
});

describe('ingest/hashIndex HashOnlyTable', () => {
  it('gives dense indexes in first-seen order', () => {
    const t = new HashOnlyTable();
    assert.deepEqual(['536365', '536366', '536365', 'C536379', ''].map((s) => t.intern(s)), [0, 1, 0, 2, 3]);
    assert.equal(t.size, 4);
  });

  it('keeps apart two ids whose first 32-bit hash collides (the second hash differs)', () => {
    const [a, b] = collidingPair();
    const t = new HashOnlyTable();
    assert.deepEqual([t.intern(a), t.intern(b), t.intern(b)], [0, 1, 1]);
  });

  it('keeps every index across growth (200k ids)', () => {
    const t = new HashOnlyTable();
    for (let i = 0; i < 200_000; i++) if (t.intern(`INV${i}`) !== i) assert.fail(`first intern of INV${i}`);
    for (let i = 0; i < 200_000; i++) if (t.intern(`INV${i}`) !== i) assert.fail(`second intern of INV${i}`);
    assert.equal(t.size, 200_000);
  });
});

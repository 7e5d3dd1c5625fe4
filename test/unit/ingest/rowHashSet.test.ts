import { strict as assert } from 'node:assert';
import { hashRow, RowHashSet } from '../../../src/ingest/rowHashSet';

const hash = (fields: string[]): Uint32Array => {
  const out = new Uint32Array(2);
  hashRow(fields, out);
  return out;
};
const key = (h: Uint32Array): string => `${h[0]}:${h[1]}`;

/** Row i of a generated orders file: 20k customers, dates over 2024, cents amounts. */
const row = (i: number): string[] => [`c${i % 20_000}`, `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, (i / 100).toFixed(2)];

describe('ingest/rowHashSet hashRow', () => {
  it('is deterministic', () => {
    assert.equal(key(hash(['c1', '2024-01-01', '10'])), key(hash(['c1', '2024-01-01', '10'])));
  });

  it('separates fields, so moving a character across a field boundary changes the hash', () => {
    const keys = [['a,bc'], ['ab', 'c'], ['a', 'bc'], ['abc'], ['abc', ''], ['', 'abc']].map((f) => key(hash(f)));
    assert.equal(new Set(keys).size, 6);
  });

  it('sees whitespace and case (exact duplicates only)', () => {
    const keys = [['c1', '10'], ['c1 ', '10'], ['C1', '10'], ['c1', '10.0']].map((f) => key(hash(f)));
    assert.equal(new Set(keys).size, 4);
  });

  it('never produces the empty-slot marker (second word 0)', () => {
    for (let i = 0; i < 10_000; i++) assert.notEqual(hash([String(i)])[1], 0);
  });
});

describe('ingest/rowHashSet RowHashSet', () => {
  it('adds a new hash once and reports the repeat', () => {
    const set = new RowHashSet();
    assert.equal(set.add(hash(['c1', '2024-01-01', '10'])), true);
    assert.equal(set.add(hash(['c1', '2024-01-01', '10'])), false);
    assert.equal(set.add(hash(['c1', '2024-01-01', '11'])), true);
    assert.equal(set.add(hash(['c1', '2024-01-01', '11'])), false);
  });

  it('treats hashes equal in one word only as different', () => {
    const set = new RowHashSet();
    assert.equal(set.add(Uint32Array.of(5, 9)), true);
    assert.equal(set.add(Uint32Array.of(5, 10)), true);
    assert.equal(set.add(Uint32Array.of(6, 9)), true);
    assert.equal(set.add(Uint32Array.of(5, 9)), false);
  });

  it('keeps every member across growth: 100k distinct rows all new, then all repeats', () => {
    const set = new RowHashSet();
    const h = new Uint32Array(2);
    let added = 0;
    for (let i = 0; i < 100_000; i++) {
      hashRow(row(i), h);
      if (set.add(h)) added++;
    }
    assert.equal(added, 100_000, 'no two distinct rows collide');
    let repeats = 0;
    for (let i = 0; i < 100_000; i++) {
      hashRow(row(i), h);
      if (!set.add(h)) repeats++;
    }
    assert.equal(repeats, 100_000);
  });

  it('counts the duplicates in a generated file with every 10th row repeated', () => {
    const set = new RowHashSet();
    const h = new Uint32Array(2);
    let duplicates = 0;
    for (let i = 0; i < 50_000; i++) {
      for (const r of i % 10 === 0 ? [row(i), row(i)] : [row(i)]) {
        hashRow(r, h);
        if (!set.add(h)) duplicates++;
      }
    }
    assert.equal(duplicates, 5_000);
  });

  it('tells whether another set shares a hash, wherever it sits among their slots', () => {
    const pair = (i: number): Uint32Array => Uint32Array.of(i * 2654435761 >>> 0, (i * 40503 + 1) >>> 0);
    const mine = new RowHashSet();
    const theirs = new RowHashSet();
    for (let i = 0; i < 1000; i++) mine.add(pair(i));
    for (let i = 1000; i < 3000; i++) theirs.add(pair(i));
    assert.equal(mine.sharesAny(theirs.slots()), false);
    assert.equal(theirs.sharesAny(mine.slots()), false);
    theirs.add(pair(777));
    assert.equal(mine.sharesAny(theirs.slots()), true);
    assert.equal(theirs.sharesAny(mine.slots()), true);
    assert.equal(mine.sharesAny(new RowHashSet().slots()), false);
  });
});

import { strict as assert } from 'node:assert';
import { HashOnlyTable } from '../../../src/ingest/hashIndex';
import { OrderIdTable } from '../../../src/ingest/orderIds';
import { UnsortedRowsError } from '../../../src/ingest/runDuplicates';

/** Indexes HashOnlyTable gives a sequence of ids: the reference. */
const reference = (ids: readonly string[]): number[] => {
  const t = new HashOnlyTable();
  return ids.map((s) => t.intern(s));
};

describe('ingest/orderIds OrderIdTable', () => {
  const cases: Record<string, string[]> = {
    'increasing with order lines': ['1', '2', '2', '2', '5', '9', '9', '10'],
    'a smaller id seen before': ['1', '2', '3', '2', '4', '1'],
    'a smaller id never seen': ['5', '6', '3', '6', '3', '7'],
    'leading zeros and signs': ['1', '2', '03', '3', '+4', '4', '4'],
    'not numbers': ['A-1', 'A-2', 'A-1', ''],
    'too many digits': ['1', '999999999', '1000000000', '1000000000', '1'],
    'zero first': ['0', '0', '1', '0'],
    'prefixed and zero-padded': ['ord_0001', 'ord_0001', 'ord_0002', 'ord_0010', 'ord_0002'],
    'padded to another width': ['ord_0001', 'ord_002', 'ord_0002', 'ord_00003'],
    'another prefix': ['#1001', '#1002', 'x1003', '#1003', '#1001'],
    'prefix with digits inside': ['INV-2024-0041', 'INV-2024-0042', 'INV-2025-0001', 'INV-2024-0042'],
    'unpadded then padded': ['A-9', 'A-10', 'A-011', 'A-11'],
    'non-ASCII prefix': ['é1', 'é2', 'é2'],
    'base-36, zero-padded (byte order)': ['ord_00009', 'ord_0000a', 'ord_0000a', 'ord_0000z', 'ord_00010', 'ord_0000b'],
    'time-ordered text ids': ['01HZX3', '01HZX4', '01HZY0', '01HZX4', '01J000'],
    'byte order, then shorter': ['b', 'ba', 'c', 'ab'],
    'base-36, the first ending in a digit': ['ord_01dk8', 'ord_01dk9', 'ord_01dka', 'ord_01dkb', 'ord_01dka', 'ord_01dl0'],
    'a number, then a smaller text after it in byte order': ['x9', 'x10', 'x1a'],
  };
  for (const [name, ids] of Object.entries(cases)) {
    it(`gives HashOnlyTable's indexes: ${name}`, () => {
      const t = new OrderIdTable();
      assert.deepEqual(ids.map((s) => t.intern(s)), reference(ids));
      assert.equal(t.size, new Set(ids).size);
    });
  }

  it('merges a later part as if it had interned on, in every mode', () => {
    const parts: [string[], string[]][] = [
      [['1', '2', '2', '3'], ['4', '4', '7']],        // both increasing, appended
      [['1', '2', '5'], ['3', '5', '6']],             // both increasing, overlapping
      [['1', 'x', '2'], ['2', '9', '9']],             // hashed first, increasing later
      [['1', '2'], ['y', '1', '3']],                  // increasing first, hashed later
      [['a', 'b'], ['b', 'c']],                       // both hashed
      [[], ['4', '3']],
      [['ord_01', 'ord_02'], ['ord_03', 'ord_03']],   // same pattern, appended
      [['ord_01', 'ord_02'], ['ord_001', 'ord_02']],  // another width
      [['a7', 'a8'], ['b9', 'a8']],                   // another prefix
      [[], ['#5', '#6']],
      [['x01', 'x02'], ['x03', 'x04']],             // byte order, appended
      [['x01', 'x05'], ['x03', 'x06']],             // byte order, overlapping
      [['x01', 'x02'], ['7', '8']],                 // byte order first, numbers later
      [['7', '8'], ['x01', 'x02']],                 // numbers first, byte order later
    ];
    for (const [first, later] of parts) {
      const a = new OrderIdTable();
      first.forEach((s) => a.intern(s));
      const b = new OrderIdTable();
      const local = later.map((s) => b.intern(s));
      const map = a.merge(b.exportIds())!;
      const expected = reference([...first, ...later]).slice(first.length);
      assert.deepEqual(local.map((k) => map[k]), expected, `${first} | ${later}`);
      assert.equal(a.size, new Set([...first, ...later]).size);
    }
  });

  it('keeps its first id when the Buffer it was read from is reused (a later part then still appends)', () => {
    const a = new OrderIdTable(2);
    ['ord_0001a', 'ord_0001b', 'ord_0001c'].forEach((s) => a.intern(s));
    const b = new OrderIdTable(2);
    const buf = Buffer.alloc(64);
    for (const [k, id] of ['ord_0002a', 'ord_0002b', 'ord_0002c'].entries()) {
      buf.write(id, 0, 'latin1');
      assert.equal(b.internBytes(buf, 0, id.length), k);
      b.settle();
    }
    buf.write('ord_0000z', 0, 'latin1');   // the feed reads on into the same buffer
    // Neither side kept all its ids: only appending, which compares b's first id with a's last, can merge.
    assert.deepEqual([...a.merge(b.exportIds())!], [3, 4, 5]);
  });

  it('base-36 ids whose first ends in a digit stay increasing (byte order, no hash table)', () => {
    const t = new OrderIdTable(4096);
    const ids = ['ord_01dk8', 'ord_01dk9', 'ord_01dka', 'ord_01dkz', 'ord_01dl0', 'ord_01dl1'];
    assert.deepEqual(ids.map((s) => t.intern(s)), [0, 1, 2, 3, 4, 5]);
    const exported = t.exportIds();
    assert.equal(exported.kind === 'increasing' && exported.ids.kind, 'bytes');
    // A later part starting so merges by appending onto a first part in byte order.
    const first = new OrderIdTable(2);
    ['ord_01dj0', 'ord_01dj1', 'ord_01dk7'].forEach((s) => first.intern(s));
    assert.deepEqual([...first.merge(t.exportIds())!], [3, 4, 5, 6, 7, 8]);
  });

  it('numbers that are not in byte order (9, 10) do not turn to byte order', () => {
    const t = new OrderIdTable();
    ['x9', 'x10', 'x1a'].forEach((s) => t.intern(s));
    assert.equal(t.exportIds().kind, 'hashes');
  });

  describe('with a keep limit (reading by runs)', () => {
    const cases: [string, string[]][] = [['numbers', ['5', '6', '7', '8']], ['byte order', ['x05', 'x06', 'x07', 'x08']]];
    for (const [name, ids] of cases) {
      it(`${name}: a break within the kept ids hashes them as usual; past them it throws`, () => {
        const within = new OrderIdTable(3);
        const seq = [ids[0], ids[1], ids[0], ids[2]];
        assert.deepEqual(seq.map((s) => within.intern(s)), reference(seq));
        const past = new OrderIdTable(3);
        assert.deepEqual(ids.map((s) => past.intern(s)), [0, 1, 2, 3]);
        assert.equal(past.intern(ids[3]), 3, 'an order line of the last order is no break');
        assert.throws(() => past.intern(ids[1]), UnsortedRowsError);
      });

      it(`${name}: parts that continue append past the limit; others cannot merge without their ids`, () => {
        const a = new OrderIdTable(2);
        ids.slice(0, 3).forEach((s) => a.intern(s));
        const b = new OrderIdTable(2);
        b.intern(ids[3]);
        assert.deepEqual([...a.merge(b.exportIds())!], [3]);
        assert.equal(a.size, 4);
        const c = new OrderIdTable(2);
        ids.slice(0, 3).forEach((s) => c.intern(s));
        const d = new OrderIdTable(2);
        d.intern(ids[1]);
        assert.equal(c.merge(d.exportIds()), null, 'overlapping: the first part\'s ids were not all kept');
        const e = new OrderIdTable(5);
        ids.slice(0, 2).forEach((s) => e.intern(s));
        const f = new OrderIdTable(5);
        [ids[0], ids[2]].forEach((s) => f.intern(s));
        assert.deepEqual([...e.merge(f.exportIds())!], [0, 2], 'all kept: hashed as usual');
      });
    }
  });
});

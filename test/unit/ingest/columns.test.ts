import { strict as assert } from 'node:assert';
import { appendAll, Float64Column, Uint32Column } from '../../../src/ingest/columns';
import { appendMapped } from '../../../src/ingest/datasetPart';

describe('ingest/columns', () => {
  it('Float64Column keeps every value across growth (initial capacity 1024) and trims to length', () => {
    const col = new Float64Column();
    for (let i = 0; i < 3000; i++) col.push(i + 0.5);
    assert.equal(col.length, 3000);
    const out = col.finish();
    assert.ok(out instanceof Float64Array);
    assert.equal(out.length, 3000);
    assert.equal(out[0], 0.5);
    assert.equal(out[1023], 1023.5);
    assert.equal(out[1024], 1024.5);
    assert.equal(out[2999], 2999.5);
    let sum = 0;
    for (const v of out) sum += v;
    assert.equal(sum, (2999 * 3000) / 2 + 1500);
  });

  it('Float64Column.finish holds exactly the values pushed so far, and nothing before any push', () => {
    const col = new Float64Column();
    assert.equal(col.finish().length, 0);
    col.push(-1.25);
    const a = col.finish();
    col.push(2);
    assert.deepEqual([...a], [-1.25]);
    assert.deepEqual([...col.finish()], [-1.25, 2]);
  });

  it('Uint32Column keeps every value across growth', () => {
    const col = new Uint32Column();
    for (let i = 0; i < 2049; i++) col.push(i * 7);
    const out = col.finish();
    assert.ok(out instanceof Uint32Array);
    assert.equal(out.length, 2049);
    assert.equal(out[1024], 7168);
    assert.equal(out[2048], 14336);
  });

  describe('in a window of shared memory', () => {
    /** A first part's column in rows [0, 6) of a 12-row buffer, and a later part's rows written at [6, 12). */
    function parts(firstRows: number[], laterRows: number[]): { first: Float64Column; later: Float64Array } {
      const buffer = new SharedArrayBuffer(12 * 8);
      const first = new Float64Column(new Float64Array(buffer, 0, 6));
      for (const v of firstRows) first.push(v);
      const later = new Float64Column(new Float64Array(buffer, 6 * 8, 6));
      for (const v of laterRows) later.push(v);
      return { first, later: later.finish() };
    }

    it('moves a later part\'s rows down in place after its own, in the same memory', () => {
      const { first, later } = parts([1, 2, 3], [4, 5]);
      assert.ok(first.inSharedMemory);
      appendAll(first, later, 6);
      const out = first.finish();
      assert.deepEqual([...out], [1, 2, 3, 4, 5]);
      assert.ok(out.buffer === later.buffer, 'no copy');
    });

    it('copies instead once the column has left its window, keeping every value', () => {
      const { first, later } = parts([1, 2, 3, 4, 5, 6, 7], [8, 9]);
      assert.ok(!first.inSharedMemory);
      appendAll(first, later, 6);
      assert.deepEqual([...first.finish()], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('grows out of its window to append rows that are not in it', () => {
      const { first } = parts([1, 2, 3], []);
      appendAll(first, Float64Array.of(4, 5, 6, 7, 8));
      assert.deepEqual([...first.finish()], [1, 2, 3, 4, 5, 6, 7, 8]);
      const codes = new Uint32Column(new Uint32Array(new SharedArrayBuffer(8), 0, 2));
      codes.push(1);
      appendMapped(codes, Uint32Array.of(0, 1, 0), Uint32Array.of(9, 8), null);
      assert.deepEqual([...codes.finish()], [1, 9, 8, 9]);
    });

    it('translates codes while moving them down, overlapping rows included', () => {
      const buffer = new SharedArrayBuffer(10 * 4);
      const first = new Uint32Column(new Uint32Array(buffer, 0, 4));
      first.push(0);
      const later = new Uint32Column(new Uint32Array(buffer, 4 * 4, 6));
      for (const k of [0, 1, 2, 1, 0, 2]) later.push(k);
      appendMapped(first, later.finish(), Uint32Array.of(7, 0, 5), 4);
      assert.deepEqual([...first.finish()], [0, 7, 0, 5, 0, 7, 5]);
      assert.ok(first.inSharedMemory);
    });
  });
});

import { strict as assert } from 'node:assert';
import { Float64Column, Uint32Column } from '../../../src/ingest/columns';

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
});

// Order codes are written only once one is not its row's index (ingest/orderCodes.ts): each case
// against the codes written out by hand.
import { strict as assert } from 'node:assert';
import { Uint32Column } from '../../../src/ingest/columns';
import { OrderCodes } from '../../../src/ingest/orderCodes';

const codesOf = (pushed: number[]): OrderCodes => {
  const c = new OrderCodes(new Uint32Column());
  for (const code of pushed) c.push(code);
  return c;
};
const finished = (c: OrderCodes): number[] | null => {
  const out = c.finish();
  return out && [...out];
};

describe('ingest/orderCodes', () => {
  it('writes nothing while every code is its row index, and finishes as null', () => {
    const c = codesOf([0, 1, 2, 3]);
    assert.equal(c.length, 4);
    assert.equal(c.column.length, 0);
    assert.equal(c.finish(), null);
  });

  it('writes the indexes before the first code that is not its row index, then every code', () => {
    const c = codesOf([0, 1, 2, 1, 3, 3]);
    assert.equal(c.length, 6);
    assert.deepEqual(finished(c), [0, 1, 2, 1, 3, 3]);
    assert.deepEqual(finished(codesOf([0, 0])), [0, 0]);
    assert.deepEqual(finished(codesOf([1])), [1]);
  });

  it('absorbs a part whose ids all continue its own (map k → rows + k) without writing', () => {
    const c = codesOf([0, 1, 2]);
    c.absorb(null, 2, Uint32Array.of(3, 4), null);
    assert.equal(c.length, 5);
    assert.equal(c.finish(), null);
  });

  it('writes both when a part of row-index codes maps elsewhere (an id of the first part again)', () => {
    const c = codesOf([0, 1, 2]);
    c.absorb(null, 2, Uint32Array.of(3, 1), null);
    assert.deepEqual(finished(c), [0, 1, 2, 3, 1]);
  });

  it('writes the row indexes when the part has codes of its own, and translates them', () => {
    const c = codesOf([0, 1]);
    c.absorb(Uint32Array.of(0, 0, 1), 3, Uint32Array.of(2, 3), null);
    assert.deepEqual(finished(c), [0, 1, 2, 2, 3]);
  });

  it('translates a part of row-index codes after codes already written', () => {
    const c = codesOf([0, 0, 1]);
    c.absorb(null, 2, Uint32Array.of(2, 3), null);
    assert.deepEqual(finished(c), [0, 0, 1, 2, 3]);
  });
});

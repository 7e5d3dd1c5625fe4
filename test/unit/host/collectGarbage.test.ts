// collectGarbage (src/host/collectGarbage.ts) frees what nobody reaches at once, and nothing else.
import { strict as assert } from 'node:assert';
import { collectGarbage } from '../../../src/host/collectGarbage';

/** A WeakRef to a buffer nothing else holds (small: a large one may make V8 collect on its own) (made in its own function, so no local keeps it). */
function unreachableBuffer(): WeakRef<ArrayBuffer> {
  return new WeakRef(new ArrayBuffer(1 << 16));
}

const nextJob = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('collectGarbage', () => {
  it('frees an unreachable buffer before the next allocation', async () => {
    const ref = unreachableBuffer();
    // A WeakRef's target lives to the end of the job that made (or dereferenced) it.
    await nextJob();
    assert.ok(ref.deref() !== undefined, 'not collected on its own yet (else this test proves nothing)');
    await nextJob();
    await collectGarbage();
    assert.ok(ref.deref() === undefined, 'still there after the collection');
  });

  it('keeps what is still reachable', async () => {
    const kept = new Float64Array(1 << 16).fill(2.5);
    await collectGarbage();
    assert.equal(kept[(1 << 16) - 1], 2.5);
  });
});

// releaseBuffers frees buffers at once, without waiting for the collector (src/host/releaseBuffers.ts).
import { strict as assert } from 'node:assert';
import { releaseBuffers } from '../../../src/host/releaseBuffers';

const MiB = 1 << 20;
const external = (): number => process.memoryUsage().arrayBuffers;

describe('host/releaseBuffers', () => {
  it('frees what it is given: detached at once, the memory gone once it resolves', async () => {
    const a = new Uint8Array(48 * MiB).fill(1);
    const b = new Float64Array(2 * MiB).fill(2);
    const before = external();
    await releaseBuffers([a.buffer, b.buffer, a.buffer]);
    assert.equal(a.byteLength, 0);
    assert.equal(b.byteLength, 0);
    // Held until the collector ran, before: 64 MiB freed now, with the views still referenced.
    assert.ok(before - external() >= 60 * MiB, `${((before - external()) / MiB).toFixed(1)} MiB freed`);
  });

  it('leaves shared memory and the buffers to keep alone', async () => {
    const shared = new Int32Array(new SharedArrayBuffer(1024)).fill(3);
    const kept = new Uint8Array(1024).fill(4);
    const view = kept.subarray(10, 20);
    const gone = new Uint8Array(1024);
    await releaseBuffers([shared.buffer, kept.buffer, view.buffer, gone.buffer], [kept.buffer]);
    assert.equal(shared[0], 3);
    assert.equal(kept[0], 4);
    assert.equal(view[0], 4);
    assert.equal(gone.byteLength, 0);
  });
});

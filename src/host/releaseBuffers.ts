// Frees large ArrayBuffers now instead of whenever the collector next runs. A load's tables (the
// customer table's slots, the second thread's part once merged: ~100 MB at 10M rows) are garbage
// the moment the Dataset is finished, but V8 frees an ArrayBuffer only when it collects it, so
// they stayed resident through the first analysis and set the load's peak. Node 20 has no
// ArrayBuffer.prototype.transfer; a buffer transferred into a message to a port already closed
// is dropped with the message when the ports are closed, on the next turn of the event loop.
import { MessageChannel } from 'node:worker_threads';

/**
 * Frees `buffers` (SharedArrayBuffers and buffers `keep` holds are left alone); resolves once
 * they are freed. They are detached at once: nothing may read them after.
 */
export async function releaseBuffers(buffers: Iterable<ArrayBufferLike>, keep: Iterable<ArrayBufferLike> = []): Promise<void> {
  const kept = new Set(keep);
  const owned = [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0 && !kept.has(b));
  if (owned.length === 0) return;
  const { port1, port2 } = new MessageChannel();
  port2.close();
  port1.postMessage(null, owned);
  port1.close();
  // The ports close (and their queue with the buffers goes) after this turn's callbacks.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

// A full garbage collection on demand, for the moment a large load has finished: the parse leaves
// ~100 MB of scratch behind at 10M rows (the customer table's slots, the second part's key copies,
// lines and segment log), held by objects nobody reaches any more. V8 frees an ArrayBuffer's memory
// only when it next collects, which it may not do before the first report allocates on top: the
// extension host would then hold both. Collecting here drops them at once.
//
// The collection is the inspector protocol's HeapProfiler.collectGarbage, asked of this thread's
// own isolate through an in-process session (no V8 flag is changed: flags are the whole extension
// host's). Where the runtime has no inspector, nothing happens. Another way to free a buffer at
// once, detaching it (a transfer), would make every typed-array access of the isolate slower from
// then on (V8 then checks each for detached buffers: ~11 % on every later analysis, and 1.9× on a
// plain sum loop, measured), so the loading thread never detaches a buffer (docs/DESIGN.md §7).
import type { Session } from 'node:inspector';

/** An in-process inspector session, or null where the runtime has none. */
async function openSession(): Promise<Session | null> {
  try {
    const { Session } = await import('node:inspector');
    const session = new Session();
    session.connect();
    return session;
  } catch {
    return null;
  }
}

/** Collects the calling thread's garbage; resolves when done (at once where the runtime cannot). */
export async function collectGarbage(): Promise<void> {
  const session = await openSession();
  if (!session) return;
  try {
    await new Promise<void>((resolve) => session.post('HeapProfiler.collectGarbage', () => resolve()));
  } finally {
    session.disconnect();
  }
}

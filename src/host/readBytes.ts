// A file (or a byte range of it) read through a ByteCsvScanner (ingest/byteCsv.ts), reading ahead:
// while the scanner reads one buffer, the next read fills the other (a read waited for in turn
// left the thread idle 0.66 s of a 9.4 s parse at 10M rows). Each read lands after room for the
// unfinished record the scanner hands back, which is copied in front of it; no string is made.
import { open } from 'node:fs/promises';
import type { ByteFeed } from '../ingest/parseBytes';
import type { ByteRange } from './readText';

/** Bytes per read: large enough that the per-read cost vanishes, small enough to stay in cache. */
const READ_BYTES = 1 << 20;

/** Room before each read for the unfinished record of the read before (longer ones are joined in a new buffer). */
const HEAD = 1 << 16;

const NOTHING = new Uint8Array(0);

/**
 * The feed of `path`'s bytes in `range` (default: the whole file). `endsFile`: the range runs to
 * the end of the file, so the last record may end without a line break; otherwise the feed
 * resolves false when the range ends inside a record. `onBytes` reports bytes read, for progress.
 */
export function fileFeed(path: string, range: ByteRange | undefined, endsFile: boolean, onBytes?: (n: number) => void): ByteFeed {
  return async (scanner, onChunk) => {
    const handle = await open(path, 'r');
    const end = range?.end ?? (await handle.stat()).size;
    const buffers = [Buffer.allocUnsafe(HEAD + READ_BYTES), Buffer.allocUnsafe(HEAD + READ_BYTES)];
    const readInto = (buf: Buffer, position: number): Promise<number> => {
      const want = Math.min(READ_BYTES, end - position);
      return want > 0 ? handle.read(buf, HEAD, want, position).then((r) => r.bytesRead) : Promise.resolve(0);
    };
    let at = range?.start ?? 0;
    let pending = readInto(buffers[0], at);
    try {
      let tail: Uint8Array = NOTHING;
      for (let i = 0; ; i ^= 1) {
        const bytesRead = await pending;
        at += bytesRead;
        onBytes?.(bytesRead);
        const last = bytesRead === 0 || at >= end;
        // The unfinished record goes in front of the bytes just read, before the next read
        // overwrites the buffer it is in.
        const joined = tail.length > HEAD ? Buffer.concat([tail, buffers[i].subarray(HEAD, HEAD + bytesRead)]) : null;
        const buf = joined ?? buffers[i];
        const from = joined ? 0 : HEAD - tail.length;
        if (!joined) buf.set(tail, from);
        const filled = joined ? joined.length : HEAD + bytesRead;
        if (!last) pending = readInto(buffers[i ^ 1], at);
        const used = scanner.scan(buf, filled, last && endsFile, from);
        onChunk(used - from);
        tail = buf.subarray(used, filled);
        if (last) return tail.length === 0;
      }
    } finally {
      // A read still under way (the scanner threw) finishes before the file closes.
      await pending.catch(() => 0);
      await handle.close();
    }
  };
}

// A file (or a byte range of it) read through a ByteCsvScanner (ingest/byteCsv.ts): one buffer,
// refilled after the unfinished record the scanner hands back is moved to its front, so no byte
// is copied twice and no string is made.
import { open } from 'node:fs/promises';
import type { ByteFeed } from '../ingest/parseBytes';
import type { ByteRange } from './readText';

/** Bytes per read: large enough that the per-read cost vanishes, small enough to stay in cache. */
const READ_BYTES = 1 << 20;

/**
 * The feed of `path`'s bytes in `range` (default: the whole file). `endsFile`: the range runs to
 * the end of the file, so the last record may end without a line break; otherwise the feed
 * resolves false when the range ends inside a record. `onBytes` reports bytes read, for progress.
 */
export function fileFeed(path: string, range: ByteRange | undefined, endsFile: boolean, onBytes?: (n: number) => void): ByteFeed {
  return async (scanner, onChunk) => {
    const handle = await open(path, 'r');
    try {
      const end = range?.end ?? (await handle.stat()).size;
      let at = range?.start ?? 0;
      let buf = Buffer.allocUnsafe(READ_BYTES);
      let kept = 0;
      for (;;) {
        const want = Math.min(buf.length - kept, end - at);
        const bytesRead = want > 0 ? (await handle.read(buf, kept, want, at)).bytesRead : 0;
        at += bytesRead;
        onBytes?.(bytesRead);
        const filled = kept + bytesRead;
        const last = bytesRead === 0 || at >= end;
        const used = scanner.scan(buf, filled, last && endsFile);
        onChunk(used);
        kept = filled - used;
        if (last) return kept === 0;
        if (kept === buf.length) {
          // One record longer than the buffer: make room for it.
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, kept);
          buf = bigger;
        } else buf.copy(buf, 0, used, filled);
      }
    } finally {
      await handle.close();
    }
  };
}

import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import type { TextEncodingName } from '../ingest/decode';

/** Bytes sniffed from the start of a file to detect dialect, roles and date format. */
export const SAMPLE_BYTES = 256 * 1024;

/** The first `maxBytes` of a file, and whether that is the whole file. Never reads more. */
export async function readHead(path: string, maxBytes = SAMPLE_BYTES): Promise<{ bytes: Uint8Array; isWholeFile: boolean; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(maxBytes, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), isWholeFile: bytesRead >= size, size };
  } finally {
    await handle.close();
  }
}

const DECODER_LABELS: Record<TextEncodingName, string> = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be' };

/** Bytes [start, end) of a file. */
export interface ByteRange { start: number; end: number }

/**
 * Streams a file (or a byte range of it, cut at line breaks) as decoded text slices. TextDecoder in streaming mode keeps multi-byte
 * characters split across reads intact (PERFORMANCE-NOTES: papaparse alone corrupts them)
 * and drops the byte-order mark. `onBytes` reports raw bytes read, for progress.
 */
export async function* readTextChunks(path: string, encoding: TextEncodingName, onBytes?: (n: number) => void, range?: ByteRange): AsyncGenerator<string> {
  // A part starting mid-file has no byte-order mark to drop: a U+FEFF there is text.
  const decoder = new TextDecoder(DECODER_LABELS[encoding], { ignoreBOM: (range?.start ?? 0) > 0 });
  const bytes = { highWaterMark: 64 * 1024, start: range?.start, end: range ? range.end - 1 : undefined };
  for await (const chunk of createReadStream(path, bytes)) {
    const buf = chunk as Buffer;
    onBytes?.(buf.length);
    const text = decoder.decode(buf, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** A text (an unsaved editor's content) as ~64 KiB slices, so it streams like a file. */
export function* sliceText(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

// Encoding and "is this text at all" checks on a file's first bytes (DESIGN.md §3: UTF-8 with or
// without BOM, UTF-16 with BOM). Pure: bytes in, names and strings out.
import { IngestError } from './errors';

/** Text encodings the reader understands. */
export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be';

/** The encoding of a file and how many bytes its byte-order mark takes. */
export interface EncodingInfo {
  encoding: TextEncodingName;
  bomBytes: number;
}

const DECODER_LABELS: Record<TextEncodingName, string> = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be' };

/** Bytes inspected for the binary check: enough to see a NUL in any real binary header. */
const PROBE_BYTES = 8192;

/**
 * Detects the encoding from the byte-order mark and refuses empty and binary files (a NUL byte
 * or many control characters in the first bytes of a file without a UTF-16 mark).
 */
export function detectEncoding(bytes: Uint8Array, file: string): EncodingInfo {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return nonEmpty({ encoding: 'utf16le', bomBytes: 2 }, bytes, file);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return nonEmpty({ encoding: 'utf16be', bomBytes: 2 }, bytes, file);
  const bomBytes = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const info: EncodingInfo = { encoding: 'utf8', bomBytes };
  nonEmpty(info, bytes, file);
  if (looksBinary(bytes.subarray(bomBytes, bomBytes + PROBE_BYTES))) {
    throw new IngestError('binary', `${file}: this is a binary file, not a text CSV`);
  }
  return info;
}

function nonEmpty(info: EncodingInfo, bytes: Uint8Array, file: string): EncodingInfo {
  const text = new TextDecoder(DECODER_LABELS[info.encoding]).decode(bytes.subarray(info.bomBytes, info.bomBytes + PROBE_BYTES));
  if (text.trim() === '') throw new IngestError('empty', `${file}: the file is empty`);
  return info;
}

/** A NUL byte, or more than 2% control characters other than tab, CR, LF and form feed. */
function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > bytes.length * 0.02;
}

/**
 * Decodes a file's head for sniffing: drops the byte-order mark and, unless the head is the
 * whole file, the last (probably cut) line.
 */
export function decodeHead(bytes: Uint8Array, encoding: TextEncodingName, bomBytes: number, isWholeFile: boolean): string {
  const text = new TextDecoder(DECODER_LABELS[encoding]).decode(bytes.subarray(bomBytes));
  if (isWholeFile) return text;
  const lastNewline = text.lastIndexOf('\n');
  return lastNewline > 0 ? text.slice(0, lastNewline + 1) : text;
}

// A CSV record scanner over UTF-8 bytes: the fast path for files on disk (PERFORMANCE-NOTES: a
// byte scanner parses 10M rows in a third of papaparse's time, and no field becomes a string
// unless it is needed). It reads exactly what rowStream.ts (papaparse) reads for well-formed
// CSV — RFC 4180 quoting, LF or CRLF line ends, a byte-order mark, no final line end, blank
// lines, the physical line of each row — and gives up with IrregularCsvError where papaparse
// would have to guess (a closing quote followed by anything but a delimiter or line end, a
// quote never closed) or where the bytes are not UTF-8: the caller then parses the text.
import { isUtf8 } from 'node:buffer';
import { stopAt, wordsOf } from './wordScan';
import { BARE, ByteRow, ESCAPED, NO_QUOTES, QUOTED, QUOTED_DELIMITER, QUOTES } from './byteRow';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The bytes are not CSV the scanner reads the way papaparse would: parse the text instead. */
export class IrregularCsvError extends Error {
  constructor(readonly line: number) {
    super(`irregular quoting at line ${line}`);
  }
}

/**
 * What the scanner calls with each block of data rows (the header and blank lines skipped):
 * rows[k] starts on physical line lines[k], for k < count. The rows point into the scanner's
 * buffer: read them before returning.
 */
export type ByteRowSink = (rows: readonly ByteRow[], lines: Int32Array, count: number) => void;

/** Rows handed over at once: enough for the sink to overlap their memory accesses (ingest/lookAhead.ts). */
export const BLOCK_ROWS = 64;

/** Scanner settings: the delimiter byte, CRLF line ends, whether a header row comes first, and whether a byte-order mark may start the bytes. */
export interface ByteCsvOptions { delimiter: number; crlf: boolean; hasHeader: boolean; atFileStart: boolean }

/**
 * Feeds records to a sink, a buffer at a time: `scan` reads the complete records of a buffer and
 * returns where the unfinished one starts; the caller keeps those bytes and puts them before the
 * next read.
 */
export class ByteCsvScanner {
  private readonly rows = Array.from({ length: BLOCK_ROWS }, () => new ByteRow());
  private readonly lines = new Int32Array(BLOCK_ROWS);
  private pending = 0;   // rows of the block filled
  private row: ByteRow;
  private line = 1;
  private pendingHeader: boolean;
  private atFileStart: boolean;
  private next = 0;   // where the record `record` just read ends

  constructor(private readonly options: ByteCsvOptions, private readonly sink: ByteRowSink) {
    this.pendingHeader = options.hasHeader;
    this.atFileStart = options.atFileStart;
    this.row = this.rows[0];
    for (const row of this.rows) row.delimiter = options.delimiter;
  }

  /** Whether the header row is still to come. */
  get headerPending(): boolean {
    return this.pendingHeader;
  }

  /** Physical lines read so far (the line the next record starts on, less one). */
  get linesRead(): number {
    return this.line - 1;
  }

  /**
   * Reads the records in buf[from, end). `last`: no bytes follow, so a record may end at `end`.
   * Returns the offset of the first byte not consumed (an unfinished record), `end` when none.
   */
  scan(buf: Uint8Array, end: number, last: boolean, from = 0): number {
    let pos = from;
    if (this.atFileStart) {
      if (end - from < 3 && !last) return from;
      this.atFileStart = false;
      if (end - from >= 3 && buf[from] === 0xef && buf[from + 1] === 0xbb && buf[from + 2] === 0xbf) pos += 3;
    }
    this.checkUtf8(buf, pos, end, last);
    for (const row of this.rows) row.buf = buf;
    this.words = this.options.crlf ? null : wordsOf(buf);
    while (pos < end) {
      const row = (this.row = this.rows[this.pending]);
      row.reset();
      const lineFeeds = this.record(buf, pos, end, last);
      if (lineFeeds < 0) break;
      pos = this.next;
      const at = this.line;
      this.line += 1 + lineFeeds;
      if (row.count === 1 && row.isEmpty(0)) continue;
      if (this.pendingHeader) {
        this.pendingHeader = false;
        continue;
      }
      this.lines[this.pending++] = at;
      if (this.pending === BLOCK_ROWS) this.flush();
    }
    this.flush();
    return pos;
  }

  /**
   * Bytes that are not UTF-8 decode to U+FFFD in the text path, so two different bad bytes read
   * as the same text: only valid UTF-8 can be read as bytes. Checks up to the last line feed
   * (no character spans one), or to the end of the last bytes.
   */
  private checkUtf8(buf: Uint8Array, from: number, end: number, last: boolean): void {
    const cut = last ? end : buf.lastIndexOf(LF, end - 1) + 1;
    if (cut > from && !isUtf8(buf.subarray(from, cut))) throw new IrregularCsvError(this.line);
  }

  /** Hands the block's rows to the sink. */
  private flush(): void {
    if (this.pending === 0) return;
    const count = this.pending;
    this.pending = 0;
    this.sink(this.rows, this.lines, count);
  }

  /**
   * Reads one record starting at `pos` into the row; returns the line feeds inside it (and sets
   * `next` past its line end), or -1 when it is unfinished at `end`.
   */
  private record(buf: Uint8Array, pos: number, end: number, last: boolean): number {
    const row = this.row;
    const delimiter = this.options.delimiter;
    const words = this.words;
    let lineFeeds = 0;
    let f = 0;
    let p = pos;
    row.quoting = NO_QUOTES;
    for (;;) {
      row.ensure(f);
      let q: number;
      if (p < end && buf[p] === QUOTE) q = this.quotedField(buf, p, end, last, f);
      else if (words) {
        // LF line ends: a bare field ends at the first delimiter or line feed, found a word at a time.
        q = stopAt(buf, words, p, end, delimiter);
        row.starts[f] = p;
        row.ends[f] = q;
        row.kinds[f] = BARE;
        this.fieldLineFeeds = 0;
      } else q = this.bareField(buf, p, end, last, f);
      if (q < 0) return -1;
      lineFeeds += this.fieldLineFeeds;
      f++;
      if (q < end && buf[q] === delimiter) {
        p = q + 1;
        continue;
      }
      const next = this.lineEnd(buf, q, end, last, lineFeeds);
      if (next < 0) return -1;
      this.next = next;
      row.count = f;
      return lineFeeds;
    }
  }

  /** Reads the quoted field f starting at `p` (its quote); returns the offset after its closing quote, -1 when unfinished. */
  private quotedField(buf: Uint8Array, p: number, end: number, last: boolean, f: number): number {
    const q = this.closingQuote(buf, p + 1, end, last);
    if (q < 0) return -1;
    const row = this.row;
    row.starts[f] = p + 1;
    row.ends[f] = q;
    row.kinds[f] = this.escaped ? ESCAPED : QUOTED;
    if (row.quoting === NO_QUOTES) row.quoting = QUOTES;
    if (this.heldDelimiter) row.quoting = QUOTED_DELIMITER;
    this.fieldLineFeeds = this.quotedLineFeeds;
    return q + 1;
  }

  /** Reads the bare field f starting at `p`; returns where it ends (a delimiter, a line end, or `end`). */
  private bareField(buf: Uint8Array, p: number, end: number, last: boolean, f: number): number {
    const delimiter = this.options.delimiter;
    let q = p;
    let lineFeeds = 0;
    if (this.options.crlf) {
      for (; q < end; q++) {
        const c = buf[q];
        if (c === delimiter || (c === CR && (q + 1 < end ? buf[q + 1] === LF : !last))) break;
        if (c === LF) lineFeeds++;
      }
    } else {
      for (; q < end; q++) {
        const c = buf[q];
        if (c === delimiter || c === LF) break;
      }
    }
    const row = this.row;
    row.starts[f] = p;
    row.ends[f] = q;
    row.kinds[f] = BARE;
    this.fieldLineFeeds = lineFeeds;
    return q;
  }

  /**
   * Where the record that ends at `q` (after its last field) goes on: past its line end, or `end`
   * at the end of the last bytes; -1 when the line end may be cut at `end`. Anything else after a
   * field is quoting papaparse would guess at: IrregularCsvError.
   */
  private lineEnd(buf: Uint8Array, q: number, end: number, last: boolean, lineFeeds: number): number {
    if (q >= end) return last ? end : -1;
    const c = buf[q];
    const crlf = this.options.crlf;
    if (c === LF && !crlf) return q + 1;
    if (c === CR && crlf && q + 1 < end && buf[q + 1] === LF) return q + 2;
    if (c === CR && crlf && q + 1 >= end && !last) return -1;
    throw new IrregularCsvError(this.line + lineFeeds);
  }

  private fieldLineFeeds = 0;
  /** The buffer as little-endian 32-bit words (LF files, buffers on a 4-byte boundary), for stopAt. */
  private words: Int32Array | null = null;
  private escaped = false;
  private heldDelimiter = false;
  private quotedLineFeeds = 0;

  /** The closing quote of a quoted field whose content starts at `from`; -1 when not yet in the buffer. */
  private closingQuote(buf: Uint8Array, from: number, end: number, last: boolean): number {
    this.escaped = false;
    this.heldDelimiter = false;
    this.quotedLineFeeds = 0;
    const delimiter = this.options.delimiter;
    for (let q = from; ; q++) {
      for (; q < end; q++) {
        const c = buf[q];
        if (c === QUOTE) break;
        if (c === LF) this.quotedLineFeeds++;
        else if (c === delimiter) this.heldDelimiter = true;
      }
      if (q >= end) {
        if (last) throw new IrregularCsvError(this.line);
        return -1;
      }
      if (q + 1 >= end && !last) return -1;
      if (q + 1 < end && buf[q + 1] === QUOTE) {
        this.escaped = true;
        q++;
        continue;
      }
      return q;
    }
  }
}

/**
 * Scans byte chunks of any size (a test's, or a text's encoding) as a file read would: the
 * unfinished record of each is carried into the next; `onChunk` gets the bytes consumed. Returns
 * whether the bytes ended at the end of a record; `last` false: more bytes would follow (a first
 * part of a file), so the last record needs its line end.
 */
export function scanChunks(scanner: ByteCsvScanner, chunks: Iterable<Uint8Array>, last = true, onChunk?: (bytes: number) => void): boolean {
  let carry = new Uint8Array(0);
  for (const chunk of chunks) {
    const buf = new Uint8Array(carry.length + chunk.length);
    buf.set(carry);
    buf.set(chunk, carry.length);
    const used = scanner.scan(buf, buf.length, false);
    onChunk?.(used);
    carry = buf.slice(used);
  }
  if (!last) return carry.length === 0;
  onChunk?.(scanner.scan(carry, carry.length, true));
  return true;
}

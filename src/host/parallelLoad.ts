// Parses a large file on two threads (issue 5): this thread reads the first half (52 %), a
// worker the rest, each into typed columns; then the first absorbs the second exactly as one pass would
// have read on. The split is the first line break after 52 % of the bytes; whether it really ends a row
// (and not a line inside a quoted field) is known only once the first half is parsed, so the
// worker's part is used only then — otherwise, and whenever the merge cannot be exact, the file
// is parsed again in one pass. Same Dataset either way (test/unit/host/parallelLoad.test.ts).
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { collectGarbage } from './collectGarbage';
import { Worker } from 'node:worker_threads';
import type { TextEncodingName } from '../ingest/decode';
import type { DatasetPart } from '../ingest/datasetPart';
import { IrregularCsvError } from '../ingest/byteCsv';
import { parseBytes, parseBytesFirstPart, parseBytesLaterPart, readableAsBytes } from '../ingest/parseBytes';
import { parseCsv, type ParseOptions } from '../ingest/parseCsv';
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { fileFeed } from './readBytes';
import { rowColumnsOf, sharedRows, type RowWindow } from '../ingest/sharedRows';
import { readTextChunks } from './readText';

/**
 * Files below this size are parsed in one pass. Measured on 2 cores (loads of the bench's logs,
 * medians): 42 MB one pass 0.36 s, two threads 0.44 s; 85 MB 0.96 s vs 0.77 s; 256 MB 2.6 s vs
 * 1.8 s. Starting the worker costs ~0.1 s, the merge ~0.5 s at 10 M rows.
 */
export const PARALLEL_MIN_BYTES = 64 << 20;

/** Share of the file read on this thread: a little over half, as the worker also starts, exports and posts its part (measured at 10 M rows). */
const FIRST_PART_SHARE = 0.52;

/** What parseWorker is asked to parse. */
export interface PartRequest {
  path: string;
  start: number;
  end: number;
  plan: IngestPlan;
  file: string;
  newline: '\r\n' | '\n';
  tableFlag: Int32Array;   // shared (ParseOptions.tableFlag)
  window: RowWindow;       // where its rows go (ParseOptions.window)
}

/** What parseWorker answers: bytes read so far, the parsed part, or a failure. */
export type PartResponse =
  | { type: 'progress'; bytes: number }    // bytes read since the last message (negative: the part is read again)
  | { type: 'part'; part: DatasetPart }
  | { type: 'error'; message: string };

/** A file to load, with what sampling it told. */
export interface FileToLoad { path: string; encoding: TextEncodingName; size: number }

/** Knobs for tests and callers; the defaults suit the extension and the CLI. */
export interface ParallelOptions {
  minBytes?: number;
  splitAt?: number;                  // byte offset right after a line feed (tests); default: the middle
  workerScript?: string;             // default: parseWorker.js next to this bundle
  onProgress?: (p: { bytesRead: number; rowsRead: number }) => void;
  onPath?: (path: LoadPath) => void;  // which way it went (tests, diagnostics)
}

/** The file's first MiB: its line ending and rows per byte are judged from it. */
const HEAD_BYTES = 1 << 20;

/** The file's line ending as streamRows would judge it, from its head: by its first line feed. Null: none near the start. */
function newlineOf(bytes: Buffer): '\r\n' | '\n' | null {
  const lf = bytes.indexOf(10);
  if (lf < 0) return null;
  return lf > 0 && bytes[lf - 1] === 13 ? '\r\n' : '\n';
}

/**
 * Rows per byte of the file's head (line feeds: quoted line breaks count too, so rather more
 * rows than there are). The shared row windows are sized from it.
 */
function rowsPerByte(head: Buffer): number {
  let rows = 1;
  for (let at = head.indexOf(10); at >= 0; at = head.indexOf(10, at + 1)) rows++;
  return rows / Math.max(1, head.length);
}

/** Room in each part's window beyond its estimated rows; pages no row reaches take no memory. */
const WINDOW_SLACK = 1.08;

/** Shared row columns for a file split at `split`: the first part's window, then the later part's. */
function rowWindows(head: Buffer, source: FileToLoad, plan: IngestPlan, split: number): [RowWindow, RowWindow] {
  const perByte = rowsPerByte(head);
  const rowsFor = (bytes: number): number => Math.ceil(bytes * perByte * WINDOW_SLACK) + 4096;
  const first = rowsFor(split);
  const shared = sharedRows(first + rowsFor(source.size - split), rowColumnsOf(plan));
  return [{ shared, from: 0, to: first }, { shared, from: first, to: shared.rows }];
}

/** Up to `length` bytes at `position`. */
async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The offset just after the first line feed at or after `from`; null when there is none. */
export async function lineStartAfter(path: string, from: number, size: number): Promise<number | null> {
  for (let at = from; at < size; at += 1 << 16) {
    const lf = (await readAt(path, at, 1 << 16)).indexOf(10);
    if (lf >= 0) return at + lf + 1 < size ? at + lf + 1 : null;
  }
  return null;
}

/** Runs parseWorker on [start, size); resolves with its part. */
function parseLater(script: string, request: PartRequest, onBytes: (n: number) => void): { result: Promise<DatasetPart>; worker: Worker } {
  const worker = new Worker(script, { workerData: request });
  const result = new Promise<DatasetPart>((resolve, reject) => {
    worker.on('message', (m: PartResponse) => {
      if (m.type === 'progress') onBytes(m.bytes);
      else if (m.type === 'part') resolve(m.part);
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the parse worker stopped unexpectedly')));
  });
  // Handled where it is awaited; this keeps an early failure from counting as unhandled meanwhile.
  result.catch(() => undefined);
  return { result, worker };
}

/** Whether the shared flag is set before `done` settles (checked every 10 ms). */
function flagSetBefore(flag: Int32Array, done: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const check = (): boolean => Atomics.load(flag, 0) === 1;
    if (check()) return resolve(true);
    const timer = setInterval(() => {
      if (!check()) return;
      clearInterval(timer);
      resolve(true);
    }, 10);
    void done.then(() => undefined, () => undefined).then(() => {
      clearInterval(timer);
      resolve(check());
    });
  });
}

/** Which way a file was read (tests, diagnostics). */
export type LoadPath = 'text' | 'one pass' | 'two threads' | 'two threads, then one pass';

/**
 * Parses a CSV file into a Dataset. UTF-8 files with a one-character delimiter and LF or CRLF
 * line ends are read from their bytes (ingest/byteCsv.ts), on two threads when large enough;
 * others, and files whose quoting the byte scanner does not read as papaparse would, are parsed
 * as text with papaparse (parseCsv). Same Dataset every way.
 */
export async function loadCsvFile(source: FileToLoad, plan: IngestPlan, file: string, options: ParallelOptions = {}): Promise<Dataset> {
  const dataset = await readCsvFile(source, plan, file, options);
  // What the parse leaves behind (its tables, the second part's copies) goes before any report
  // allocates on top of it (host/collectGarbage.ts): ~100 MB at 10M rows.
  if (source.size >= COLLECT_AFTER_BYTES) await collectGarbage();
  return dataset;
}

/** Loads smaller than this leave too little behind to collect at once. */
const COLLECT_AFTER_BYTES = 16 << 20;

/** loadCsvFile's reading, every way. */
async function readCsvFile(source: FileToLoad, plan: IngestPlan, file: string, options: ParallelOptions): Promise<Dataset> {
  const progress = new LoadProgress(options);
  const asText = (): Promise<Dataset> => {
    progress.restart();
    options.onPath?.('text');
    return parseCsv(readTextChunks(source.path, source.encoding, progress.onBytes), plan, file, progress.parseOptions(source.size));
  };
  const head = source.encoding === 'utf8' && readableAsBytes(plan) ? await readAt(source.path, 0, HEAD_BYTES) : null;
  const newline = head ? newlineOf(head) : null;
  if (!head || !newline) return asText();
  try {
    return await loadBytes(source, head, plan, file, newline, options, progress);
  } catch (err) {
    if (err instanceof IrregularCsvError) return asText();
    throw err;
  }
}

/** Bytes and rows read, reported together. */
class LoadProgress {
  private bytesRead = 0;
  private rowsRead = 0;
  constructor(private readonly options: ParallelOptions) {}
  readonly onBytes = (n: number): void => { this.bytesRead += n; };
  /** Parse options sized for `size` bytes, reporting rows read. */
  parseOptions(size: number, ownBytes?: number, duplicates?: 'table'): ParseOptions {
    return { sizeHint: size, ownBytes, duplicates, onProgress: (p) => { this.rowsRead = p.rowsRead; this.options.onProgress?.({ bytesRead: this.bytesRead, rowsRead: this.rowsRead }); } };
  }
  /** A part's byte counter that takes its bytes back when the part is read again (ParseOptions.onRestart). */
  part(): { onBytes: (n: number) => void; onRestart: () => void } {
    let mine = 0;
    return {
      onBytes: (n) => { mine += n; this.bytesRead += n; },
      onRestart: () => { this.bytesRead -= mine; mine = 0; },
    };
  }
  /** The file is read again from its start. */
  restart(): void {
    this.bytesRead = 0;
  }
}

/** The byte path: two threads when the file is large enough and splits at a record, else one pass. */
async function loadBytes(source: FileToLoad, head: Buffer, plan: IngestPlan, file: string, newline: '\r\n' | '\n', options: ParallelOptions, progress: LoadProgress): Promise<Dataset> {
  const once = (duplicates?: 'table'): Promise<Dataset> => {
    const counter = progress.part();
    return parseBytes(fileFeed(source.path, undefined, true, counter.onBytes), plan, file, newline, { ...progress.parseOptions(source.size, undefined, duplicates), onRestart: counter.onRestart });
  };
  const split = source.size >= (options.minBytes ?? PARALLEL_MIN_BYTES)
    ? options.splitAt ?? await lineStartAfter(source.path, Math.floor(source.size * FIRST_PART_SHARE), source.size)
    : null;
  if (split === null) {
    options.onPath?.('one pass');
    return once();
  }
  const script = options.workerScript ?? join(__dirname, 'parseWorker.js');
  // Set by the part that reads with the full duplicate table, so the other one does too.
  const tableFlag = new Int32Array(new SharedArrayBuffer(4));
  // Each part writes its rows where the merged Dataset holds them (ingest/sharedRows.ts).
  const [firstWindow, laterWindow] = rowWindows(head, source, plan, split);
  const later = parseLater(script, { path: source.path, start: split, end: source.size, plan, file, newline, tableFlag, window: laterWindow }, progress.onBytes);
  try {
    const counter = progress.part();
    const readFirst = (duplicates?: 'table') => parseBytesFirstPart(fileFeed(source.path, { start: 0, end: split }, false, counter.onBytes), plan, file, newline,
      { ...progress.parseOptions(source.size, split, duplicates), onRestart: counter.onRestart, tableFlag, window: firstWindow });
    let first = await readFirst();
    // The worker's part went to the duplicate table (its rows leave both orders): read this part
    // again with it at once, while the worker reads on, rather than after it.
    if (first.endedAtRow && first.builder.readsByRuns && await flagSetBefore(tableFlag, later.result)) first = await readFirst('table');
    // The split fell inside a quoted field: the worker's part is not a part of this file's rows.
    let merged = first.endedAtRow ? await later.result.then((r) => r, () => null) : null;
    // Its heap (the parser's tables and garbage) goes before the merge allocates.
    await later.worker.terminate();
    if (merged && first.builder.readsByRuns !== (merged.duplicates.kind === 'runs')) {
      // One part went to the duplicate table after the other had finished by runs (rows that
      // leave both orders late): that one part is read again with the table, not the whole file.
      if (first.builder.readsByRuns) {
        counter.onRestart();
        first = await readFirst('table');
      } else merged = await parseBytesLaterPart(fileFeed(source.path, { start: split, end: source.size }, true), plan, file, newline, { sizeHint: source.size - split, duplicates: 'table' });
    }
    const rest = merged && first.builder.absorb(merged, first.lines);
    if (rest) {
      // The first part's customer table and the part's key copies go before the rest allocates.
      await collectGarbage();
      rest();
      options.onPath?.('two threads');
      return first.builder.finish();
    }
  } finally {
    void later.worker.terminate();
  }
  // The parts cannot be merged exactly (or the worker failed): one pass, which reports any real
  // error, with the full duplicate table (the parts may not join as runs).
  progress.restart();
  options.onPath?.('two threads, then one pass');
  return once('table');
}

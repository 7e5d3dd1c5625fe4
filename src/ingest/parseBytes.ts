// The full parse of an events/orders file from its UTF-8 bytes (ingest/byteCsv.ts): the fast
// path for files on disk. Same Dataset as parseCsv.ts reads from the text; where the bytes are
// not CSV the scanner reads exactly as papaparse would, it throws IrregularCsvError and the
// caller parses the text instead (host/parallelLoad.ts).
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { ByteCsvScanner, scanChunks } from './byteCsv';
import { DatasetBuilder } from './datasetBuilder';
import type { DatasetPart } from './datasetPart';
import { chunkSizer, type ParseOptions } from './parseCsv';
import { WHITESPACE_DELIMITER } from './sniff';
import { UnsortedRowsError } from './runDuplicates';

/**
 * Reads bytes through the scanner (host/readBytes.ts reads a file): calls `onChunk` with the
 * bytes consumed after each buffer; resolves with whether the bytes ended at the end of a record.
 */
export type ByteFeed = (scanner: ByteCsvScanner, onChunk: (bytes: number) => void) => Promise<boolean>;

/** A feed of bytes in memory, cut into `chunks` as a file read might cut them (tests, text). */
export function memoryFeed(chunks: readonly Uint8Array[], endsFile = true): ByteFeed {
  return (scanner, onChunk) => Promise.resolve(scanChunks(scanner, chunks, endsFile, onChunk));
}

/** Whether the plan's dialect can be read from bytes: one ASCII delimiter character (not space-aligned columns, which are re-cut as text). */
export function readableAsBytes(plan: IngestPlan): boolean {
  const d = plan.dialect.delimiter;
  return d.length === 1 && d.charCodeAt(0) < 0x80 && d !== '"' && d !== '\n' && d !== '\r' && d !== WHITESPACE_DELIMITER;
}

/**
 * A scanner feeding `builder`, with the size estimate and progress of `options` per buffer.
 * `byRuns`: the builder finds duplicates by runs, so it stops (UnsortedRowsError) once the other
 * part's thread sets the shared table flag.
 */
function scannerFor(builder: DatasetBuilder, plan: IngestPlan, newline: '\r\n' | '\n', first: boolean, options: ParseOptions, byRuns: boolean): { scanner: ByteCsvScanner; onChunk: (bytes: number) => void } {
  const flag = byRuns ? options.tableFlag : undefined;
  const scanner = new ByteCsvScanner(
    { delimiter: plan.dialect.delimiter.charCodeAt(0), crlf: newline === '\r\n', hasHeader: first && plan.dialect.hasHeader, atFileStart: first },
    (rows, lines, count) => {
      if (flag && Atomics.load(flag, 0) === 1) throw new UnsortedRowsError();
      builder.addRows(rows, lines, count);
    },
  );
  const sizer = chunkSizer(builder, options);
  let seen = 0;
  return { scanner, onChunk: (bytes) => sizer.afterChunk((seen += bytes)) };
}

/**
 * Feeds the bytes to a new builder, finding duplicates by runs unless options say otherwise; when
 * the rows turn out sorted neither by time nor by order (ingest/runDuplicates.ts), or the other
 * part of the file is read with the table (options.tableFlag), reads them again with the full
 * duplicate table. Resolves with the builder and the scanner and feed's ends.
 */
async function build(feed: ByteFeed, plan: IngestPlan, file: string, newline: '\r\n' | '\n', first: boolean, options: ParseOptions): Promise<{ builder: DatasetBuilder; scanner: ByteCsvScanner; endedAtRecord: boolean }> {
  const read = async (duplicates: 'runs' | 'table') => {
    const builder = new DatasetBuilder(plan, file, !first, duplicates, options.window ?? null);
    const { scanner, onChunk } = scannerFor(builder, plan, newline, first, options, duplicates === 'runs');
    return { builder, scanner, endedAtRecord: await feed(scanner, onChunk) };
  };
  if (options.duplicates === 'table' || (options.tableFlag && Atomics.load(options.tableFlag, 0) === 1)) return read('table');
  try {
    return await read('runs');
  } catch (err) {
    if (!(err instanceof UnsortedRowsError)) throw err;
    if (options.tableFlag) Atomics.store(options.tableFlag, 0, 1);
    options.onRestart?.();
    return read('table');
  }
}

/** Parses a whole file's bytes into a Dataset (events/orders shape). */
export async function parseBytes(feed: ByteFeed, plan: IngestPlan, file: string, newline: '\r\n' | '\n', options: ParseOptions = {}): Promise<Dataset> {
  return (await build(feed, plan, file, newline, true, options)).builder.finish();
}

/**
 * The first part of a file (its start up to a line break), unfinished, for a later part to be
 * absorbed. `endedAtRow`: the part ended at the end of a record, past the header; `lines`: the
 * physical lines it held (the later part's lines count on from there).
 */
export async function parseBytesFirstPart(feed: ByteFeed, plan: IngestPlan, file: string, newline: '\r\n' | '\n', options: ParseOptions = {}): Promise<{ builder: DatasetBuilder; endedAtRow: boolean; lines: number }> {
  const { builder, scanner, endedAtRecord } = await build(feed, plan, file, newline, true, options);
  return { builder, endedAtRow: endedAtRecord && !scanner.headerPending, lines: scanner.linesRead };
}

/** A later part of a file, starting at the start of a record (no header); its lines count from 1. */
export async function parseBytesLaterPart(feed: ByteFeed, plan: IngestPlan, file: string, newline: '\r\n' | '\n', options: ParseOptions = {}): Promise<DatasetPart> {
  return (await build(feed, plan, file, newline, false, options)).builder.exportPart();
}

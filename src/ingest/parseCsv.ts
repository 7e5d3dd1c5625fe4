// The full parse of an events/orders file: rows from streamRows straight into typed columns.
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { DatasetBuilder } from './datasetBuilder';
import { streamRows, type RowSink } from './rowStream';
import { TextFields } from './rowFields';
import type { RowWindow } from './sharedRows';

/** Progress callbacks during a parse. */
export interface ParseOptions {
  onProgress?: (progress: { rowsRead: number }) => void;
  /** Bytes in the whole source (the file's size): the columns are sized from it after the first MiB. */
  sizeHint?: number;
  /** Bytes this parse reads itself when it will absorb a later part: its duplicate table is sized for these. */
  ownBytes?: number;
  /** Byte path: find duplicates by runs first ('runs', the default there) or with the full table from the start. */
  duplicates?: 'runs' | 'table';
  /** Byte path: the rows turned out sorted neither by time nor by order, so the bytes are read again from their start. */
  onRestart?: () => void;
  /**
   * Byte path, a part of a file: a flag shared with the other part's thread (1: a part reads with
   * the full table). A part reading by runs reads again with the table once it is set, as parts
   * merge only when both found duplicates the same way.
   */
  tableFlag?: Int32Array;
  /** Byte path, a part of a file: where its rows go in shared row columns (ingest/sharedRows.ts). */
  window?: RowWindow;
}

/** Text read before the row count is extrapolated to the whole source. */
const ESTIMATE_AFTER_BYTES = 1 << 20;

/** Passes chunks through, counting their UTF-8 bytes (only until the estimate is made). */
async function* counting(source: AsyncIterable<string> | Iterable<string>, seen: { bytes: number }): AsyncGenerator<string> {
  const encoder = new TextEncoder();
  for await (const chunk of source) {
    if (seen.bytes < ESTIMATE_AFTER_BYTES) seen.bytes += encoder.encode(chunk).length;
    yield chunk;
  }
}

/**
 * What a parse does after each chunk, given the bytes read so far: once the first MiB is in, it
 * sizes the builder's columns and tables for the whole source (`options.sizeHint`) from the rows
 * per byte so far (once), then reports progress. `needsBytes`: false when the source is too small
 * to size, so nobody need count its bytes.
 */
export function chunkSizer(builder: DatasetBuilder, options: ParseOptions): { needsBytes: boolean; afterChunk: (bytesSeen: number) => void } {
  const total = options.sizeHint ?? 0;
  let estimated = total < 2 * ESTIMATE_AFTER_BYTES;
  const needsBytes = !estimated;
  const afterChunk = (bytesSeen: number): void => {
    if (!estimated && bytesSeen >= ESTIMATE_AFTER_BYTES && builder.rowsRead > 0) {
      estimated = true;
      // 2 % over the extrapolation: rows vary in length along a file.
      const perByte = (builder.rowsRead / bytesSeen) * 1.02;
      builder.reserve(Math.ceil(perByte * total), Math.ceil(perByte * (options.ownBytes ?? total)));
    }
    options.onProgress?.({ rowsRead: builder.rowsRead });
  };
  return { needsBytes, afterChunk };
}

/** Parses CSV text chunks with the plan's dialect into a Dataset (events/orders shape). */
export async function parseCsv(source: AsyncIterable<string> | Iterable<string>, plan: IngestPlan, file: string, options: ParseOptions = {}): Promise<Dataset> {
  return (await parseFirstPart(source, plan, file, options)).builder.finish();
}

/** The stream and sink that feed `builder`, sizing it from `options.sizeHint` after the first MiB. */
function feed(builder: DatasetBuilder, source: AsyncIterable<string> | Iterable<string>, options: ParseOptions): { chunks: AsyncIterable<string> | Iterable<string>; sink: RowSink } {
  const seen = { bytes: 0 };
  const row = new TextFields();
  const sizer = chunkSizer(builder, options);
  const sink: RowSink = {
    row: (fields, line) => builder.addRow(row.of(fields), line, true),
    rowHash: builder.rowHash,
    chunkDone: () => sizer.afterChunk(seen.bytes),
  };
  return { chunks: sizer.needsBytes ? counting(source, seen) : source, sink };
}

/**
 * The first part of a file (its start up to a line break), unfinished, so that the later part can
 * be absorbed (host/parallelLoad). `endedAtRow`: the part ended at the end of a row, so a separate
 * parse of the rest reads what one pass would.
 */
export async function parseFirstPart(source: AsyncIterable<string> | Iterable<string>, plan: IngestPlan, file: string, options: ParseOptions = {}): Promise<{ builder: DatasetBuilder; endedAtRow: boolean }> {
  const builder = new DatasetBuilder(plan, file);
  const { chunks, sink } = feed(builder, source, options);
  const endedAtRow = await streamRows(chunks, plan.dialect, sink);
  return { builder, endedAtRow };
}

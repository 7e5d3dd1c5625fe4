// The full parse of an events/orders file: rows from streamRows straight into typed columns.
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { DatasetBuilder } from './datasetBuilder';
import { streamRows } from './rowStream';

/** Progress callbacks during a parse. */
export interface ParseOptions {
  onProgress?: (progress: { rowsRead: number }) => void;
  /** Bytes in the whole source (the file's size): the columns are sized from it after the first MiB. */
  sizeHint?: number;
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

/** Parses CSV text chunks with the plan's dialect into a Dataset (events/orders shape). */
export async function parseCsv(source: AsyncIterable<string> | Iterable<string>, plan: IngestPlan, file: string, options: ParseOptions = {}): Promise<Dataset> {
  const builder = new DatasetBuilder(plan, file);
  const total = options.sizeHint ?? 0;
  const seen = { bytes: 0 };
  let estimated = total < 2 * ESTIMATE_AFTER_BYTES;
  await streamRows(estimated ? source : counting(source, seen), plan.dialect, {
    row: (fields, line) => builder.addRow(fields, line),
    chunkDone: () => {
      if (!estimated && seen.bytes >= ESTIMATE_AFTER_BYTES && builder.rowsRead > 0) {
        estimated = true;
        // 2 % over the extrapolation: rows vary in length along a file.
        builder.reserve(Math.ceil((builder.rowsRead * total) / seen.bytes * 1.02));
      }
      options.onProgress?.({ rowsRead: builder.rowsRead });
    },
  });
  return builder.finish();
}

// The full parse of an events/orders file: rows from streamRows straight into typed columns.
import type { Dataset } from '../shared/dataset';
import type { IngestPlan } from '../shared/mapping';
import { DatasetBuilder } from './datasetBuilder';
import { streamRows } from './rowStream';

/** Progress callbacks during a parse. */
export interface ParseOptions {
  onProgress?: (progress: { rowsRead: number }) => void;
}

/** Parses CSV text chunks with the plan's dialect into a Dataset (events/orders shape). */
export async function parseCsv(source: AsyncIterable<string> | Iterable<string>, plan: IngestPlan, file: string, options: ParseOptions = {}): Promise<Dataset> {
  const builder = new DatasetBuilder(plan, file);
  await streamRows(source, plan.dialect, {
    row: (fields, line) => builder.addRow(fields, line),
    chunkDone: () => options.onProgress?.({ rowsRead: builder.rowsRead }),
  });
  return builder.finish();
}

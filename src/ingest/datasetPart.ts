// A later part of a file parsed on its own thread (host/parallelLoad), in the shape the first
// part's DatasetBuilder absorbs, and the small helpers of that merge.
import type { DataQuality, RowProblem, TimePrecision } from '../shared/dataset';
import type { Uint32Column } from './columns';
import type { ExportedKeys } from './stringTable';
import type { ExportedOrderIds } from './orderIds';
import type { SegmentPart } from './segments';
import type { RunSummary } from './runDuplicates';

/**
 * A later part of a file parsed on its own (host/parallelLoad): its rows with part-local ids and
 * lines counted from the part's start, and what the first part needs to merge it exactly.
 */
export interface DatasetPart {
  customer: Uint32Array;
  time: Float64Array;
  amount: Float64Array | null;
  order: Uint32Array | null;
  event: Uint32Array | null;
  customerKeys: ExportedKeys;   // part-local customer k's id
  firstLine: Uint32Array;
  lastLine: Uint32Array;
  orderIds: ExportedOrderIds;
  eventNames: string[];
  duplicates: PartDuplicates;
  segments: SegmentPart;
  quality: DataQuality;
  dataEnd: number;
  precision: TimePrecision;
}

/** How a part found its duplicates: the table's slots ((hi, lo) pairs, lo = 0 empty), or by runs. */
export type PartDuplicates = { kind: 'table'; slots: Uint32Array } | { kind: 'runs'; runs: RunSummary };

/** Examples with `lines` added to their line numbers. */
export function shiftLines(examples: DataQuality['examples'], lines: number): DataQuality['examples'] {
  const out: DataQuality['examples'] = {};
  for (const [reason, list] of Object.entries(examples) as [keyof DataQuality['examples'], RowProblem[]][]) {
    out[reason] = list.map((e) => ({ ...e, line: e.line + lines }));
  }
  return out;
}


/** Appends part-local codes to a column, translated by `map`. */
export function appendMapped(column: Uint32Column, codes: Uint32Array, map: Uint32Array): void {
  column.reserve(column.length + codes.length);
  const data = column.data;
  const at = column.length;
  for (let i = 0; i < codes.length; i++) data[at + i] = map[codes[i]];
  column.length = at + codes.length;
}


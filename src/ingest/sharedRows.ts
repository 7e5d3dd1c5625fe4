// Row columns in shared memory for the two parts of a file read on two threads (host/parallelLoad):
// each part writes its rows in a window of its own, where the merged Dataset will hold them, so
// the merge moves the later part's rows down in place (columns.ts appendAll) instead of copying
// them into new arrays; the later part's columns never exist apart (~120 MB less at the peak of
// a 10M-row load). Pages of a window no row reaches are never touched, so they take no memory.
import type { IngestPlan } from '../shared/mapping';
import { indexesOf } from './columnIndexes';
import { Float64Column, Uint32Column } from './columns';

/** One SharedArrayBuffer per row column of `rows` rows (null: the column is not read). */
export interface SharedRows {
  rows: number;
  customer: SharedArrayBuffer;
  time: SharedArrayBuffer;
  amount: SharedArrayBuffer | null;
  order: SharedArrayBuffer | null;
  event: SharedArrayBuffer | null;
}

/** Rows [from, to) of shared row columns: where one part writes. */
export interface RowWindow {
  shared: SharedRows;
  from: number;
  to: number;
}

/** Which row columns a file has beyond customer and time. */
export interface RowColumnSet {
  amount: boolean;
  order: boolean;
  event: boolean;
}

/** The row columns a DatasetBuilder keeps for the plan beyond customer and time (the same rule). */
export function rowColumnsOf(plan: IngestPlan): RowColumnSet {
  const cols = indexesOf(plan);
  return { amount: cols.amount >= 0 || cols.quantity >= 0, order: cols.order >= 0, event: cols.event >= 0 };
}

/** Shared row columns for `rows` rows. */
export function sharedRows(rows: number, has: RowColumnSet): SharedRows {
  const of = (bytesPerRow: number): SharedArrayBuffer => new SharedArrayBuffer(rows * bytesPerRow);
  return { rows, customer: of(4), time: of(8), amount: has.amount ? of(8) : null, order: has.order ? of(4) : null, event: has.event ? of(4) : null };
}

/** A DatasetBuilder's row columns for the plan, starting in `window` when there is one. */
export function rowColumns(plan: IngestPlan, window: RowWindow | null): { customer: Uint32Column; time: Float64Column; amount: Float64Column | null; order: Uint32Column | null; event: Uint32Column | null } {
  const has = rowColumnsOf(plan);
  const shared = window?.shared;
  const uint32 = (buffer: SharedArrayBuffer | null | undefined): Uint32Column =>
    new Uint32Column(window && buffer ? new Uint32Array(buffer, window.from * 4, window.to - window.from) : undefined);
  const float64 = (buffer: SharedArrayBuffer | null | undefined): Float64Column =>
    new Float64Column(window && buffer ? new Float64Array(buffer, window.from * 8, window.to - window.from) : undefined);
  return {
    customer: uint32(shared?.customer), time: float64(shared?.time), amount: has.amount ? float64(shared?.amount) : null,
    order: has.order ? uint32(shared?.order) : null, event: has.event ? uint32(shared?.event) : null,
  };
}

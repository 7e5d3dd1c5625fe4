// A later part of a file parsed on its own thread (host/parallelLoad), in the shape the first
// part's DatasetBuilder absorbs, and the small helpers of that merge.
import type { DataQuality, RowProblem, TimePrecision } from '../shared/dataset';
import { appendAll, type Float64Column, type Uint32Column } from './columns';
import type { OrderCodes } from './orderCodes';
import type { ExportedKeys, StringTable } from './stringTable';
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
  customerKeys: ExportedKeys | null;   // part-local customer k's id (null once absorbed: absorbCustomerKeys)
  firstLine: Uint32Array;
  lastLine: Uint32Array;
  orderIds: ExportedOrderIds;
  eventNames: string[];
  duplicates: PartDuplicates;
  segments: SegmentPart;
  quality: DataQuality;
  dataEnd: number;
  precision: TimePrecision;
  /** Where the rows are in the shared row columns both parts were given (ingest/sharedRows.ts); null: in arrays of their own. */
  rowsAt: number | null;
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


/**
 * Appends part-local codes to a column, translated by `map` (codes null: row i's code is i, so the
 * rows are `map` itself, ingest/orderCodes.ts); `sharedAt` as for appendAll (translated while moved down).
 */
export function appendMapped(column: Uint32Column, codes: Uint32Array | null, map: Uint32Array, sharedAt: number | null = null): void {
  const at = column.length;
  const n = codes ? codes.length : map.length;
  let data = sharedAt === null ? null : column.widenOver(sharedAt, n);
  if (!data) {
    column.reserve(at + n);
    data = column.data;
  }
  // In place, `codes` are rows sharedAt… of `data`: row i moves down to at + i ≤ sharedAt + i, each read before it is overwritten.
  if (codes) for (let i = 0; i < n; i++) data[at + i] = map[codes[i]];
  else data.set(map, at);
  column.length = at + n;
}

/**
 * Interns a later part's customers into `customers`; returns part-local → global indexes. Takes
 * the part's key copies: `part.customerKeys` is null after, so they can go before the rest of the
 * merge allocates (~15 MB at 10M rows).
 */
export function absorbCustomerKeys(customers: StringTable, part: DatasetPart): Uint32Array {
  if (!part.customerKeys) throw new Error('the part\'s customers are absorbed already');
  const map = customers.absorbKeys(part.customerKeys);
  part.customerKeys = null;
  return map;
}

/**
 * Takes a later part's first and last lines of its customers (the part's, shifted by the `lines`
 * before it), `map` from absorbCustomerKeys; `known`: the customers there were before.
 */
export function absorbCustomerLines(firstLine: Uint32Column, lastLine: Uint32Column, part: DatasetPart, map: Uint32Array, known: number, lines: number): void {
  for (let k = 0; k < map.length; k++) {
    const u = map[k];
    // New customers are numbered on from `known` in the part's order; the part's rows all come
    // later, so its last line of a customer is their last line.
    if (u >= known) {
      firstLine.push(part.firstLine[k] + lines);
      lastLine.push(part.lastLine[k] + lines);
    } else lastLine.data[u] = part.lastLine[k] + lines;
  }
}

/** The row columns a later part's rows are appended to. */
export interface RowColumns { customer: Uint32Column; time: Float64Column; amount: Float64Column | null; order: OrderCodes | null; event: Uint32Column | null }

/**
 * Appends a later part's rows, customers translated by `map`, order codes by `orderMap` and event
 * codes by `eventMap`: rows the part wrote in shared columns after the first part's window move
 * down in place (part.rowsAt).
 */
export function appendPartRows(to: RowColumns, part: DatasetPart, map: Uint32Array, orderMap: Uint32Array | null, eventMap: Uint32Array | null): void {
  const at = part.rowsAt;
  appendMapped(to.customer, part.customer, map, at);
  appendAll(to.time, part.time, at);
  if (to.amount && part.amount) appendAll(to.amount, part.amount, at);
  to.order?.absorb(part.order, part.customer.length, orderMap!, at);
  if (to.event && part.event && eventMap) appendMapped(to.event, part.event, eventMap, at);
}

// The benchmark's parse floor (issue 5): about the least a JavaScript ingest of the generated log
// does to give a cohort table its inputs, so the figures show what the product's ingest spends
// beyond it. RFC 4180 records read from bytes; of each, the customer id interned (bareIds.ts),
// the ISO-8601 UTC stamp and the amount read into typed columns. Nothing else the product does:
// no validation or skipped-row account, duplicates, order ids, segment values, line numbers,
// other dialects or encodings, fallbacks. On two threads like the product (a worker reads the
// second half) and merged the same way (the second part's ids absorbed by the first's table).
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { lineStartAfter } from '../../src/host/parallelLoad';
import { isoFixedBytes, plainDecimalBytes } from '../../src/ingest/byteValues';
import { Float64Column, Uint32Column } from '../../src/ingest/columns';
import type { Scratch } from '../../src/ingest/datePieces';
import { hashBytes } from '../../src/ingest/hashIndex';
import { BareIds, type BareKeys } from './bareIds';

/** Column indexes of the fields read. */
export interface BareColumns { customer: number; time: number; amount: number }

/** A part of the file, parsed. */
export interface BarePart {
  records: number;
  complete: boolean;        // false: the part ended inside a quoted field (its end was no record boundary)
  customer: Uint32Array;    // NO_ID: no id
  time: Float64Array;       // NaN: no stamp, or not one the floor reads
  amount: Float64Array;     // NaN: none
  keys: BareKeys;
}

/** What a worker is asked to parse. */
export interface BareRequest { path: string; start: number; end: number; columns: BareColumns }

/** The two parts merged: the second part's customer indexes are the first part's table's. */
export interface BareFile { records: number; customers: number; complete: boolean; parts: [BarePart, BarePart] }

export const NO_ID = 0xffffffff;
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BLOCK = 64;
const CHUNK = 4 << 20;
const sink = new Float64Array(1);

/** The offset after the quote closing a field whose contents start at `q`; -1 when it is unfinished at `to` (a quote there may be doubled by the next bytes). */
function closingQuote(buf: Uint8Array, q: number, to: number, last: boolean): number {
  for (;;) {
    while (q < to && buf[q] !== QUOTE) q++;
    if (q >= to) return -1;
    if (q + 1 >= to) return last ? q + 1 : -1;
    if (buf[q + 1] !== QUOTE) return q + 1;
    q += 2;
  }
}

const stamp: Scratch = { ms: 0, precision: 'day', utc: false };

/**
 * Epoch ms of bytes [s, e) written YYYY-MM-DDTHH:MM:SS.sssZ (what the generator writes), read by
 * the byte path's own ISO reader; NaN for anything else.
 */
export function isoMs(b: Uint8Array, s: number, e: number): number {
  return e - s === 24 && b[s + 23] === 90 && isoFixedBytes(b, s, e, stamp) ? stamp.ms : NaN;
}

/** Reads records into columns, a block of them at a time (ids hashed and looked up ahead). */
class BareReader {
  readonly ids = new BareIds();
  records = 0;
  private readonly customer = new Uint32Column();
  private readonly time = new Float64Column();
  private readonly amount = new Float64Column();
  // Field bounds of the block's records: id, stamp, amount.
  private readonly at = new Int32Array(BLOCK * 6);
  private readonly hashes = new Uint32Array(BLOCK);
  private pending = 0;
  private blockBuf: Uint8Array = new Uint8Array(0);

  constructor(private readonly columns: BareColumns, private skipHeader: boolean, rowsHint: number) {
    for (const column of [this.customer, this.time, this.amount]) column.reserve(rowsHint);
  }

  /** Reads the records in buf[from, to); `last`: no bytes follow. Returns the offset of the first byte not read. */
  scan(buf: Uint8Array, from: number, to: number, last: boolean): number {
    this.blockBuf = buf;
    let p = from;
    while (p < to) {
      const next = this.record(buf, p, to, last);
      if (next < 0) break;
      p = next;
    }
    this.flush(buf);
    return p;
  }

  /**
   * Reads one record at `p`; the offset after its line end (`to` at the end of the last bytes),
   * -1 when it is unfinished at `to`. A blank line is no record (as in the product's ingest).
   */
  private record(buf: Uint8Array, p: number, to: number, last: boolean): number {
    const cols = this.columns;
    const at = this.pending * 6;
    this.at.fill(0, at, at + 6);   // a short record leaves the fields it lacks empty
    for (let f = 0; ; f++) {
      let s = p;
      let e: number;
      const quoted = p < to && buf[p] === QUOTE;
      if (quoted) {
        p = closingQuote(buf, p + 1, to, last);
        if (p < 0) return -1;
        s++;
        e = p - 1;
        if (p < to && buf[p] === CR && p + 1 >= to && !last) return -1;
        if (p + 1 < to && buf[p] === CR && buf[p + 1] === LF) p++;
      } else {
        while (p < to && buf[p] !== COMMA && buf[p] !== LF) p++;
        e = p > s && buf[p - 1] === CR && (p === to || buf[p] === LF) ? p - 1 : p;
      }
      if (p >= to && !last) return -1;
      if (f === cols.customer) this.keep(at, s, e);
      else if (f === cols.time) this.keep(at + 2, s, e);
      else if (f === cols.amount) this.keep(at + 4, s, e);
      if (p < to && buf[p] === COMMA) {
        p++;
        continue;
      }
      if (p < to && buf[p] !== LF) throw new Error(`unexpected byte ${buf[p]} after a quoted field at offset ${p}`);
      if (f > 0 || quoted || e > s) this.counted();
      return p < to ? p + 1 : to;
    }
  }

  /** A record read: the header skipped, or the block's next row. */
  private counted(): void {
    if (this.skipHeader) this.skipHeader = false;
    else if (++this.pending === BLOCK) this.flush(this.blockBuf);
  }

  private keep(i: number, s: number, e: number): void {
    this.at[i] = s;
    this.at[i + 1] = e;
  }

  /** Interns the block's ids (slots and copies read ahead for all first) and reads its stamps and amounts. */
  private flush(buf: Uint8Array): void {
    const { at, hashes, ids } = this;
    const n = this.pending;
    for (let k = 0; k < n; k++) hashes[k] = hashBytes(buf, at[k * 6], at[k * 6 + 1]);
    let acc = 0;
    for (let k = 0; k < n; k++) acc += ids.touch(hashes[k]);
    sink[0] = acc;
    for (let k = 0; k < n; k++) {
      const j = k * 6;
      this.customer.push(at[j] < at[j + 1] ? ids.intern(hashes[k], buf, at[j], at[j + 1]) : NO_ID);
      this.time.push(isoMs(buf, at[j + 2], at[j + 3]));
      this.amount.push(plainDecimalBytes(buf, at[j + 4], at[j + 5]));
    }
    this.records += n;
    this.pending = 0;
  }

  /** The columns (views of what was read) and keys. */
  part(complete: boolean): BarePart {
    return { records: this.records, complete, customer: this.customer.finish(), time: this.time.finish(), amount: this.amount.finish(), keys: this.ids.exportKeys() };
  }
}

/** Parses bytes [start, end) of the file (start 0: its header first) on this thread. */
export function parsePart(request: BareRequest): BarePart {
  const { reader, complete } = readPart(request);
  return reader.part(complete);
}

function readPart(request: BareRequest): { reader: BareReader; complete: boolean } {
  const reader = new BareReader(request.columns, request.start === 0, Math.ceil((request.end - request.start) / 60));
  const fd = openSync(request.path, 'r');
  let buf = Buffer.allocUnsafe(CHUNK);
  let have = 0;
  try {
    for (let pos = request.start; ;) {
      if (have === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
      const n = readSync(fd, buf, have, Math.min(buf.length - have, request.end - pos), pos);
      pos += n;
      const last = pos >= request.end;
      const used = reader.scan(buf, 0, have + n, last);
      buf.copy(buf, 0, used, have + n);
      have = have + n - used;
      if (last) return { reader, complete: have === 0 };
    }
  } finally {
    closeSync(fd);
  }
}

/** The header's column indexes of customer_id, created_at and amount (the generator's names). */
export function columnsOf(header: string): BareColumns {
  const names = header.replace(/\r?\n.*$/s, '').split(',');
  const index = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`no ${name} column in the header`);
    return i;
  };
  return { customer: index('customer_id'), time: index('created_at'), amount: index('amount') };
}

/** Runs `workerScript` (answering with answerPart) on a part. */
export function parseInWorker(workerScript: string, request: BareRequest): Promise<BarePart> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: request });
    worker.once('message', (part: BarePart) => resolve(part));
    worker.once('error', reject);
  });
}

/** A worker's side: parses its part and posts it (buffers moved, not copied). */
export function answerPart(request: BareRequest, post: (part: BarePart, transfer: ArrayBuffer[]) => void): void {
  const part = parsePart(request);
  post(part, [part.customer.buffer, part.time.buffer, part.amount.buffer] as ArrayBuffer[]);
}

/**
 * The file parsed in two parts split at the first line feed after its middle, the second by
 * `parseLater` (a worker: parseInWorker) while this thread reads the first, then merged.
 */
export async function bareParseFile(path: string, size: number, header: string, parseLater: (request: BareRequest) => Promise<BarePart>): Promise<BareFile> {
  const columns = columnsOf(header);
  const split = (await lineStartAfter(path, Math.floor(size / 2), size)) ?? size;
  const later = parseLater({ path, start: split, end: size, columns });
  const { reader, complete } = readPart({ path, start: 0, end: split, columns });
  const second = await later;
  const map = reader.ids.absorb(second.keys);
  const customer = second.customer;
  for (let r = 0; r < customer.length; r++) if (customer[r] !== NO_ID) customer[r] = map[customer[r]];
  const first = reader.part(complete);
  return { records: first.records + second.records, customers: reader.ids.size, complete: complete && second.complete, parts: [first, second] };
}

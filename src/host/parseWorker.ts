// Worker thread for host/parallelLoad: parses the later part of a file (a byte range starting
// after a line break) into a DatasetPart and posts it back, its typed arrays transferred, not
// copied. It dies with its parent: terminating the dataset worker (Cancel) ends this one too.
import { parentPort, workerData } from 'node:worker_threads';
import { parseBytesLaterPart } from '../ingest/parseBytes';
import type { DatasetPart } from '../ingest/datasetPart';
import { fileFeed } from './readBytes';
import type { PartRequest, PartResponse } from './parallelLoad';

const port = parentPort;
if (!port) throw new Error('parseWorker.ts must run in a worker thread');

/** Bytes between progress messages. */
const PROGRESS_BYTES = 8 << 20;

/** Every distinct ArrayBuffer behind the part's typed arrays, to transfer (rows in shared columns are shared already). */
function buffersOf(part: DatasetPart): ArrayBuffer[] {
  const o = part.orderIds;
  const ids = o.kind === 'hashes' ? [o.hi, o.lo] : o.ids.kind === 'numbers' ? [o.ids.numbers] : [o.ids.hi, o.ids.lo];
  const d = part.duplicates;
  const hashes = d.kind === 'table' ? [d.slots] : [d.runs.leadTime, d.runs.leadOrder, d.runs.tailTime, d.runs.tailOrder];
  const views = [part.customer, part.time, part.amount, part.order, part.event, part.firstLine, part.lastLine, ...ids, ...hashes,
    part.customerKeys?.bytes ?? null, part.customerKeys?.longIndex ?? null,
    part.segments.customer, part.segments.time, part.segments.codes];
  return [...new Set(views.flatMap((v) => (v !== null && v.buffer instanceof ArrayBuffer ? [v.buffer] : [])))];
}

async function run(request: PartRequest): Promise<void> {
  let sinceProgress = 0;
  let sent = 0;
  const onBytes = (n: number): void => {
    sinceProgress += n;
    if (sinceProgress < PROGRESS_BYTES) return;
    port!.postMessage({ type: 'progress', bytes: sinceProgress } satisfies PartResponse);
    sent += sinceProgress;
    sinceProgress = 0;
  };
  // Rows sorted neither by time nor by order: the part is read again, its bytes counted again.
  const onRestart = (): void => {
    port!.postMessage({ type: 'progress', bytes: -sent } satisfies PartResponse);
    sent = 0;
    sinceProgress = 0;
  };
  const feed = fileFeed(request.path, { start: request.start, end: request.end }, true, onBytes);
  const part = await parseBytesLaterPart(feed, request.plan, request.file, request.newline, { sizeHint: request.end - request.start, onRestart, tableFlag: request.tableFlag, window: request.window });
  port!.postMessage({ type: 'part', part } satisfies PartResponse, buffersOf(part));
}

run(workerData as PartRequest).catch((err: unknown) => {
  port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies PartResponse);
});

// Worker thread for host/parallelLoad: parses the later part of a file (a byte range starting
// after a line break) into a DatasetPart and posts it back, its typed arrays transferred, not
// copied. It dies with its parent: terminating the dataset worker (Cancel) ends this one too.
import { parentPort, workerData } from 'node:worker_threads';
import { parseBytesLaterPart } from '../ingest/parseBytes';
import { partBuffers } from '../ingest/datasetPart';
import { fileFeed } from './readBytes';
import { releaseBuffers } from './releaseBuffers';
import type { PartRequest, PartResponse } from './parallelLoad';

const port = parentPort;
if (!port) throw new Error('parseWorker.ts must run in a worker thread');

/** Bytes between progress messages. */
const PROGRESS_BYTES = 8 << 20;

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
  let scratch: ArrayBufferLike[] = [];
  const part = await parseBytesLaterPart(feed, request.plan, request.file, request.newline,
    { sizeHint: request.end - request.start, onRestart, tableFlag: request.tableFlag, window: request.window, onScratch: (buffers) => { scratch = buffers; } });
  // The customer table's slots and the like go before the part is posted: this thread's peak is the load's.
  const transfer = partBuffers(part);
  await releaseBuffers(scratch, transfer);
  port!.postMessage({ type: 'part', part } satisfies PartResponse, transfer);
}

run(workerData as PartRequest).catch((err: unknown) => {
  port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies PartResponse);
});

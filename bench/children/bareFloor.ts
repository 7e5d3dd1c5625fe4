// Benchmark child: `node bareFloor.cjs OUT.json FILE`: the parse floor (engines/bareParse.ts) on
// two threads, this script itself being the worker that reads the second half.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { answerPart, bareParseFile, parseInWorker, type BareRequest } from '../engines/bareParse';
import { runChild, writeChildResult } from './report';

/** The file's first 64 KiB as text (its header line). */
function headOf(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

if (isMainThread) {
  runChild(async () => {
    const [out, file] = process.argv.slice(2);
    const { records, customers, complete } = await bareParseFile(file, statSync(file).size, headOf(file), (request) => parseInWorker(__filename, request));
    writeChildResult(out, { records, customers, complete });
  });
} else {
  answerPart(workerData as BareRequest, (part, transfer) => parentPort!.postMessage(part, transfer));
}

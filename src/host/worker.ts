// Worker thread: streams and parses the CSV once, keeps the columnar Dataset, and answers
// analysis requests on it — so the extension host's thread never parses, and a control change
// re-runs the engine without re-reading the file. Terminating the worker frees the Dataset.
import { parentPort } from 'node:worker_threads';
import { parseAnyShape } from '../ingest/parseAnyShape';
import { parseCsv } from '../ingest/parseCsv';
import { IngestError } from '../ingest/errors';
import { buildReport } from '../engine/report';
import { retentionTable } from '../engine/retention';
import { buildLifetimeReport } from '../engine/lifetimeReport';
import { cellMembers } from '../engine/cellMembers';
import { cellCustomers } from '../engine/drilldown';
import { predictiveReport } from '../engine/clv/predictive';
import { likelyNext, warmUp } from '../engine/warmUp';
import { resolveOptions, type AnalysisOptions } from '../shared/options';
import type { Dataset } from '../shared/dataset';
import type { LifetimeDataset } from '../shared/lifetimes';
import type { IngestPlan } from '../shared/mapping';
import { readTextChunks, sliceText } from './readText';
import { loadCsvFile } from './parallelLoad';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';
import { assertNever } from '../shared/assertNever';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

/** The parsed file: an events Dataset, or a subscriptions / customers one (they get a lifetime report). */
type Loaded = { kind: 'events'; dataset: Dataset; plan: IngestPlan } | { kind: 'lifetime'; dataset: LifetimeDataset; plan: IngestPlan };

let loaded: Loaded | null = null;
const post = (message: WorkerResponse): void => port.postMessage(message);

/** Least time between progress messages. */
const PROGRESS_MS = 250;

async function load(request: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
  let bytesRead = 0;
  let lastPost = 0;
  // Four times a second: each update redraws the progress notification, and on a 2-core machine
  // that drawing (code-server, the browser) takes time from the parse (10 a second cost ~0.5 s of
  // an 850 MB load in the real panel).
  const progress = (rowsRead: number): void => {
    const now = Date.now();
    if (now - lastPost < PROGRESS_MS) return;
    lastPost = now;
    post({ type: 'progress', bytesRead, rowsRead });
  };
  const { source } = request;
  const lifetime = request.plan.shape === 'subscriptions' || request.plan.shape === 'customers';
  if (lifetime) {
    // Subscription and customer tables are one row per subscription or customer: one pass suffices.
    const chunks = source.kind === 'file' ? readTextChunks(source.path, source.encoding, (n) => { bytesRead += n; }) : sliceText(source.text);
    const dataset = await parseAnyShape(chunks, request.plan, request.file, { onProgress: (p) => progress(p.rowsRead) });
    if (!('shape' in dataset)) throw new Error('unreachable: a lifetime plan gave an events Dataset');
    loaded = { kind: 'lifetime', dataset, plan: request.plan };
  } else {
    const dataset = source.kind === 'file'
      ? await loadCsvFile(source, request.plan, request.file, { onProgress: (p) => { bytesRead = p.bytesRead; progress(p.rowsRead); } })
      : await parseCsv(sliceText(source.text), request.plan, request.file, { onProgress: (p) => progress(p.rowsRead) });
    loaded = { kind: 'events', dataset, plan: request.plan };
  }
  const { dataset } = loaded;
  post({ type: 'loaded', summary: { rowsRead: dataset.quality.rowsRead, rowsUsed: dataset.rowCount, customers: dataset.customerIds.length } });
}

function analyze(request: Extract<WorkerRequest, { type: 'analyze' }>): void {
  if (!loaded) throw new Error('no dataset loaded');
  // The table first, for the panel to show while the rest is computed (buildReport finds its
  // counts remembered: the table costs a few ms more).
  if (request.preview && loaded.kind === 'events') post({ type: 'retention', requestId: request.requestId, retention: retentionTable(loaded.dataset, resolveOptions(request.options)) });
  const report = loaded.kind === 'events'
    ? buildReport({ dataset: loaded.dataset, plan: loaded.plan, options: request.options })
    : buildLifetimeReport({ dataset: loaded.dataset, plan: loaded.plan, options: request.options });
  post({ type: 'report', requestId: request.requestId, report });
  if (loaded.kind === 'events') scheduleWarmUp(loaded.dataset, loaded.plan, request.options);
}

/** Idle time before the worker prepares the next likely reports (any request cancels them). */
const WARM_UP_AFTER_MS = 300;
let warmUpTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Prepares, once the panel has been quiet a moment, the reports it is likely to ask for next
 * (engine/warmUp.ts), one per turn of the event loop, so a request waits for one at most.
 */
function scheduleWarmUp(dataset: Dataset, plan: IngestPlan, options: AnalysisOptions): void {
  cancelWarmUp();
  const queue = likelyNext(options);
  const next = (): void => {
    warmUpTimer = null;
    const one = queue.shift();
    if (!one) return;
    try {
      warmUp(dataset, plan, one);
    } catch {
      // Only a preparation: the request itself will report any error.
    }
    warmUpTimer = setTimeout(next, 0);
  };
  warmUpTimer = setTimeout(next, WARM_UP_AFTER_MS);
}

function cancelWarmUp(): void {
  if (warmUpTimer) clearTimeout(warmUpTimer);
  warmUpTimer = null;
}

/** The loaded events Dataset; cohort drill-down and the customer-value fit need purchases. */
function eventsLoaded(): { dataset: Dataset; plan: IngestPlan } {
  if (!loaded) throw new Error('no dataset loaded');
  if (loaded.kind !== 'events') throw new Error(`${loaded.dataset.file}: this needs an events / orders file, not ${loaded.dataset.shape}`);
  return loaded;
}

/** The customers behind one table cell (drill-down), at most `limit` of them. */
function listCellCustomers(request: Extract<WorkerRequest, { type: 'cellCustomers' }>): void {
  const loaded = eventsLoaded();
  const members = cellMembers(loaded.dataset, resolveOptions(request.options), request.cohort, request.column);
  const { customers, total } = cellCustomers(loaded.dataset, members, request.limit);
  post({ type: 'cellCustomers', requestId: request.requestId, customers, total });
}

/** Fits the customer-value models on the loaded Dataset. */
function predict(request: Extract<WorkerRequest, { type: 'predict' }>): void {
  const loaded = eventsLoaded();
  post({ type: 'predictive', requestId: request.requestId, report: predictiveReport(loaded.dataset, request.options) });
}

port.on('message', (request: WorkerRequest) => {
  cancelWarmUp();
  const requestId = request.type === 'load' ? null : request.requestId;
  const run = async (): Promise<void> => {
    switch (request.type) {
      case 'load': return load(request);
      case 'analyze': return analyze(request);
      case 'cellCustomers': return listCellCustomers(request);
      case 'predict': return predict(request);
      default: assertNever(request);
    }
  };
  run().catch((err: unknown) => {
    const code = err instanceof IngestError ? err.code : null;
    post({ type: 'error', requestId, message: err instanceof Error ? err.message : String(err), code });
  });
});

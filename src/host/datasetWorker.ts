import { Worker } from 'node:worker_threads';
import type { IngestPlan } from '../shared/mapping';
import type { AnalysisOptions } from '../shared/options';
import type { AnyReport, CellCustomer, RetentionTable } from '../shared/report';
import type { PredictiveOptions, PredictiveReport } from '../shared/predictiveReport';
import type { CsvSource, LoadSummary, WorkerRequest, WorkerResponse } from './workerProtocol';

/** Raised when the user cancels a load; callers show nothing for it. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/** A worker's error, with the ingest error code (e.g. 'bad-dates') when there is one. */
export class WorkerError extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

/** Progress of a load, as the worker reports it. */
export interface LoadProgress { bytesRead: number; rowsRead: number }

type Pending = { resolve: (value: never) => void; reject: (err: Error) => void; onRetention?: (table: RetentionTable) => void };

/**
 * The host's handle on one parse/analysis worker (no vscode here, so it is unit-tested in Node).
 * One dataset per worker; dispose() terminates the thread, which cancels a running parse and
 * frees the dataset's memory at once.
 */
export class DatasetWorker {
  private readonly worker: Worker;
  private loadWaiter: (Pending & { onProgress?: (p: LoadProgress) => void }) | null = null;
  private readonly analyses = new Map<number, Pending>();
  private nextRequestId = 1;
  private disposed = false;
  private loadedRows = 0;

  constructor(workerScript: string) {
    this.worker = new Worker(workerScript);
    this.worker.on('message', (m: WorkerResponse) => this.onMessage(m));
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', () => this.failAll(this.disposed ? new CancelledError() : new Error('The analysis worker stopped unexpectedly.')));
  }

  /** Rows of the loaded Dataset (0 before a load). */
  get rows(): number {
    return this.loadedRows;
  }

  /** Parses the CSV into the worker's Dataset; resolves with a summary. */
  load(source: CsvSource, plan: IngestPlan, file: string, onProgress?: (p: LoadProgress) => void): Promise<LoadSummary> {
    if (this.loadWaiter) return Promise.reject(new Error('a load is already running'));
    return new Promise<LoadSummary>((resolve, reject) => {
      this.loadWaiter = { resolve: resolve as (v: never) => void, reject, onProgress };
      this.send({ type: 'load', source, plan, file });
    });
  }

  /**
   * Runs the engine on the loaded Dataset (no re-parse). `onRetention`: called with the cohort
   * table before the report resolves (an events file; the rest of the report takes longer).
   */
  analyze(options: AnalysisOptions, onRetention?: (table: RetentionTable) => void): Promise<AnyReport> {
    const requestId = this.nextRequestId++;
    return new Promise<AnyReport>((resolve, reject) => {
      this.analyses.set(requestId, { resolve: resolve as (v: never) => void, reject, onRetention });
      this.send({ type: 'analyze', requestId, options, preview: onRetention !== undefined });
    });
  }

  /** The customers behind one cell of the table computed with `options` (drill-down). */
  cellCustomers(options: AnalysisOptions, cohort: string, column: number, limit: number): Promise<{ customers: CellCustomer[]; total: number }> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.analyses.set(requestId, { resolve: resolve as (v: never) => void, reject });
      this.send({ type: 'cellCustomers', requestId, options, cohort, column, limit });
    });
  }

  /** Fits BG/NBD and Gamma-Gamma on the loaded Dataset (seconds on a million customers). */
  predict(options: Partial<PredictiveOptions>): Promise<PredictiveReport> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.analyses.set(requestId, { resolve: resolve as (v: never) => void, reject });
      this.send({ type: 'predict', requestId, options });
    });
  }

  /** Stops the worker; pending calls reject with CancelledError. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.failAll(new CancelledError());
    void this.worker.terminate();
  }

  /** Resolves when the thread has exited (tests check that cancel really stops it). */
  exited(): Promise<void> {
    return new Promise((resolve) => {
      if (this.worker.threadId === -1) resolve();
      else this.worker.once('exit', () => resolve());
    });
  }

  private send(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  private onMessage(m: WorkerResponse): void {
    switch (m.type) {
      case 'progress':
        this.loadWaiter?.onProgress?.({ bytesRead: m.bytesRead, rowsRead: m.rowsRead });
        return;
      case 'loaded':
        this.loadedRows = m.summary.rowsUsed;
        this.loadWaiter?.resolve(m.summary as never);
        this.loadWaiter = null;
        return;
      case 'retention':
        this.analyses.get(m.requestId)?.onRetention?.(m.retention);
        return;
      case 'report':
        this.settle(m.requestId, m.report);
        return;
      case 'cellCustomers':
        this.settle(m.requestId, { customers: m.customers, total: m.total });
        return;
      case 'predictive':
        this.settle(m.requestId, m.report);
        return;
      case 'error':
        this.onError(m);
        return;
    }
  }

  private settle(requestId: number, value: unknown): void {
    this.analyses.get(requestId)?.resolve(value as never);
    this.analyses.delete(requestId);
  }

  private onError(m: Extract<WorkerResponse, { type: 'error' }>): void {
    const err = new WorkerError(m.message, m.code);
    if (m.requestId === null) {
      this.loadWaiter?.reject(err);
      this.loadWaiter = null;
    } else {
      this.analyses.get(m.requestId)?.reject(err);
      this.analyses.delete(m.requestId);
    }
  }

  private failAll(err: Error): void {
    this.loadWaiter?.reject(err);
    this.loadWaiter = null;
    for (const pending of this.analyses.values()) pending.reject(err);
    this.analyses.clear();
  }
}

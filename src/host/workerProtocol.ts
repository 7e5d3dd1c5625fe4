import type { IngestPlan } from '../shared/mapping';
import type { AnalysisOptions } from '../shared/options';
import type { AnyReport, CellCustomer, RetentionTable } from '../shared/report';
import type { TextEncodingName } from '../ingest/decode';
import type { PredictiveOptions, PredictiveReport } from '../shared/predictiveReport';

/** Where the worker reads the CSV from: the file on disk (streamed), or an editor's text. */
export type CsvSource =
  | { kind: 'file'; path: string; encoding: TextEncodingName; size: number }
  | { kind: 'text'; text: string };

/** Extension host (or CLI) → worker. */
export type WorkerRequest =
  | { type: 'load'; source: CsvSource; plan: IngestPlan; file: string }
  | { type: 'analyze'; requestId: number; options: AnalysisOptions; preview?: boolean }   // preview: post the cohort table first (events)
  | { type: 'cellCustomers'; requestId: number; options: AnalysisOptions; cohort: string; column: number; limit: number }
  | { type: 'predict'; requestId: number; options: Partial<PredictiveOptions> };

/** What the worker says after a successful load. */
export interface LoadSummary { rowsRead: number; rowsUsed: number; customers: number }

/** Worker → host. Errors carry the ingest error code when there is one. */
export type WorkerResponse =
  | { type: 'progress'; bytesRead: number; rowsRead: number }
  | { type: 'loaded'; summary: LoadSummary }
  | { type: 'retention'; requestId: number; retention: RetentionTable }
  | { type: 'report'; requestId: number; report: AnyReport }
  | { type: 'cellCustomers'; requestId: number; customers: CellCustomer[]; total: number }
  | { type: 'predictive'; requestId: number; report: PredictiveReport }
  | { type: 'error'; requestId: number | null; message: string; code: string | null };

import * as vscode from 'vscode';
import type { IngestPlan } from '../shared/mapping';
import { DatasetWorker } from './datasetWorker';
import type { SampledSource } from './sampleSource';

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Parses a CSV in a fresh worker behind a cancellable progress notification (percent of bytes
 * and rows read). Cancel terminates the worker — the parse stops and its memory is freed — and
 * the promise rejects with CancelledError, so no half-built report is ever shown.
 */
export async function loadWithProgress(workerScript: string, sampled: SampledSource, plan: IngestPlan): Promise<DatasetWorker> {
  const worker = new DatasetWorker(workerScript);
  const { source, file } = sampled;
  const totalBytes = source.kind === 'file' ? source.size : 0;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Retention Lens: reading ${file}`, cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => worker.dispose());
        let reported = 0;
        progress.report({ message: 'starting…' });
        await worker.load(source, plan, file, ({ bytesRead, rowsRead }) => {
          const percent = totalBytes ? Math.min(100, Math.floor((100 * bytesRead) / totalBytes)) : 0;
          progress.report({ increment: Math.max(0, percent - reported), message: `${totalBytes ? `${percent}% · ` : ''}${fmt(rowsRead)} rows` });
          reported = Math.max(reported, percent);
        });
      });
    return worker;
  } catch (err) {
    worker.dispose();
    throw err;
  }
}

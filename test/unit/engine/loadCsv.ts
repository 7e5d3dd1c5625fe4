// A CSV file to a Dataset the way the CLI reads it (sniff, detected mapping, streamed parse — in two
// threads for files of 64 MiB and more, as the CLI does), for tests and benches on real data.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCsvFile } from '../../../src/host/parallelLoad';
import { sampleFile } from '../../../src/host/sampleSource';
import { resolvePlanWithoutPrompt } from '../../../src/cli/resolvePlan';
import type { Dataset } from '../../../src/shared/dataset';
import type { IngestPlan } from '../../../src/shared/mapping';

/** Parses `file` with the detected mapping, in UTC; also returns the plan it was read with. */
export async function loadCsvWithPlan(file: string): Promise<{ dataset: Dataset; plan: IngestPlan }> {
  const sampled = await sampleFile(file, { timeZone: 'UTC' });
  const { plan } = resolvePlanWithoutPrompt(sampled.analysis, sampled.file, 'UTC');
  if (sampled.source.kind !== 'file') throw new Error(`${file}: not a file`);
  // The parse worker is the built one (npm run build); tests and benches run from the repository root.
  const workerScript = resolve(process.cwd(), 'dist/parseWorker.js');
  const options = existsSync(workerScript) ? { workerScript } : { minBytes: Infinity };
  return { dataset: await loadCsvFile(sampled.source, plan, sampled.file, options), plan };
}

/** Parses `file` with the detected mapping, in UTC. */
export async function loadCsv(file: string): Promise<Dataset> {
  return (await loadCsvWithPlan(file)).dataset;
}

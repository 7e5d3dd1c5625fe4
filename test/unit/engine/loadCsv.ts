// A CSV file to a Dataset the way the CLI reads it (sniff, detected mapping, streamed parse), for
// tests and benches that check the engine on real data.
import { parseCsv } from '../../../src/ingest/parseCsv';
import { sampleFile } from '../../../src/host/sampleSource';
import { readTextChunks } from '../../../src/host/readText';
import { resolvePlanWithoutPrompt } from '../../../src/cli/resolvePlan';
import type { Dataset } from '../../../src/shared/dataset';
import type { IngestPlan } from '../../../src/shared/mapping';

/** Parses `file` with the detected mapping, in UTC; also returns the plan it was read with. */
export async function loadCsvWithPlan(file: string): Promise<{ dataset: Dataset; plan: IngestPlan }> {
  const sampled = await sampleFile(file, { timeZone: 'UTC' });
  const { plan } = resolvePlanWithoutPrompt(sampled.analysis, sampled.file, 'UTC');
  if (sampled.source.kind !== 'file') throw new Error(`${file}: not a file`);
  return { dataset: await parseCsv(readTextChunks(file, sampled.source.encoding), plan, sampled.file), plan };
}

/** Parses `file` with the detected mapping, in UTC. */
export async function loadCsv(file: string): Promise<Dataset> {
  return (await loadCsvWithPlan(file)).dataset;
}

// A CSV file to a Dataset the way the CLI reads it (sniff, detected mapping, streamed parse), for
// tests and benches that check the engine on real data.
import { parseCsv } from '../../../src/ingest/parseCsv';
import { sampleFile } from '../../../src/host/sampleSource';
import { readTextChunks } from '../../../src/host/readText';
import { resolvePlanWithoutPrompt } from '../../../src/cli/resolvePlan';
import type { Dataset } from '../../../src/shared/dataset';

/** Parses `file` with the detected mapping, in UTC. */
export async function loadCsv(file: string): Promise<Dataset> {
  const sampled = await sampleFile(file, { timeZone: 'UTC' });
  const { plan } = resolvePlanWithoutPrompt(sampled.analysis, sampled.file, 'UTC');
  if (sampled.source.kind !== 'file') throw new Error(`${file}: not a file`);
  return parseCsv(readTextChunks(file, sampled.source.encoding), plan, sampled.file);
}

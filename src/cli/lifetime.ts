// `retention-lens report` on a subscriptions or customers file: survival (and MRR for
// subscriptions) through the same engine the panel's worker runs.
import { writeFileSync } from 'node:fs';
import { parseAnyShape } from '../ingest/parseAnyShape';
import { buildLifetimeReport } from '../engine/lifetimeReport';
import { readTextChunks } from '../host/readText';
import type { TextEncodingName } from '../ingest/decode';
import type { IngestPlan } from '../shared/mapping';
import type { AnalysisOptions } from '../shared/options';
import type { LifetimeReportModel } from '../shared/report';
import type { ReportArgs } from './args';
import { lifetimeSummaryLine } from './summary';

/** What runLifetimeReport needs beyond the flags: the confirmed plan and how to read the file. */
export interface LifetimeRun {
  args: ReportArgs;
  plan: IngestPlan;
  file: string;                  // base name, for messages and the report
  encoding: TextEncodingName;
  options: AnalysisOptions;
  renderHtml: (report: LifetimeReportModel) => string;
}

/** Parses the file as its shape, builds the lifetime report, writes --json / --out, prints the summary. */
export async function runLifetimeReport(run: LifetimeRun): Promise<void> {
  const { args, plan } = run;
  const dataset = await parseAnyShape(readTextChunks(args.file, run.encoding), plan, run.file);
  if (!('shape' in dataset)) throw new Error('unreachable: an events plan reached the lifetime report');
  const report = buildLifetimeReport({ dataset, plan, options: run.options });
  if (args.json === '-') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
  if (args.out) writeFileSync(args.out, run.renderHtml(report));
  process.stderr.write(lifetimeSummaryLine(report, [args.out, args.json && args.json !== '-' ? args.json : null]) + '\n');
}

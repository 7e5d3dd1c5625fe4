// `retention-lens report <file.csv>`: the same ingest, engine and renderer as the extension,
// in-process (no worker needed), so every number can be scripted, diffed and checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidTimeZone } from '../ingest/dates';
import { buildReport } from '../engine/report';
import { presetOptions } from '../engine/presets';
import { sampleFile } from '../host/sampleSource';
import { loadCsvFile } from '../host/parallelLoad';
import { PERIODS, type AnalysisOptions, type Period } from '../shared/options';
import type { ReportModel } from '../shared/report';
import { renderStandaloneHtml } from './standaloneHtml';
import { HELP, parseReportArgs, UsageError, type ReportArgs } from './args';
import { writeExports } from './exports';
import { analysisOptions } from './labArgs';
import { resolvePlanWithoutPrompt } from './resolvePlan';
import { summaryLine } from './summary';
import { CRR_HELP, runCrr } from './crr';
import { runLifetimeReport } from './lifetime';

async function runReport(args: ReportArgs): Promise<void> {
  if (!isValidTimeZone(args.timeZone)) throw new UsageError(`--tz: unknown time zone '${args.timeZone}'`);
  // Before reading the file, so a bad combination is a usage error however large the CSV.
  const options = analysisOptions({ period: args.period, weekStart: args.weekStart }, args.lab, args.preset, presetOptions);
  const sampled = await sampleFile(args.file, { mapping: args.mapping, dateFormat: args.dateFormat, timeZone: args.timeZone, shape: args.shape, tenureUnit: args.tenureUnit });
  const { plan, notes } = resolvePlanWithoutPrompt(sampled.analysis, sampled.file, args.timeZone);
  for (const note of notes) process.stderr.write(`  ${note}\n`);
  if (sampled.source.kind !== 'file') throw new Error('unreachable: CLI sources are files');
  if (plan.shape === 'subscriptions' || plan.shape === 'customers') {
    if (Object.values(args.exports).some((t) => t !== null)) throw new UsageError('--csv, --markdown, --svg and --png export the cohort table of an events file');
    return runLifetimeReport({
      args, plan, file: sampled.file, encoding: sampled.source.encoding, options: { ...options, period: args.period },
      renderHtml: (report) => renderStandaloneHtml({ title: `Survival — ${sampled.file}`, reports: { [args.period]: report }, period: args.period, ...bundleTexts() }),
    });
  }
  const dataset = await loadCsvFile(sampled.source, plan, sampled.file);
  const reportFor = (period: Period): ReportModel => buildReport({ dataset, plan, options: { ...options, period } satisfies AnalysisOptions });
  // The customer-value fit does not depend on the period: once, on the main report.
  const main = buildReport({ dataset, plan, options: { ...options, period: args.period }, predictive: args.predictive ?? undefined });
  if (args.json === '-') process.stdout.write(JSON.stringify(main, null, 2) + '\n');
  else if (args.json) writeFileSync(args.json, JSON.stringify(main, null, 2) + '\n');
  const exported = await writeExports(main, args.exports, args.metric, args.display);
  if (args.out) {
    // Every period with the same definition, so the page's period selector needs no engine.
    const reports: Partial<Record<Period, ReportModel>> = {};
    for (const period of PERIODS) reports[period] = period === args.period ? main : { ...reportFor(period), predictive: main.predictive };
    writeFileSync(args.out, renderStandaloneHtml({ title: `Retention — ${sampled.file}`, reports, period: args.period, ...bundleTexts() }));
  }
  process.stderr.write(summaryLine(main, [args.out, args.json && args.json !== '-' ? args.json : null, ...exported]) + '\n');
}

/** The webview bundle and styles, built next to this file in dist/. */
function bundleTexts(): { scriptText: string; cssText: string } {
  const read = (name: string): string => readFileSync(join(__dirname, name), 'utf8');
  return { scriptText: read('webview.js'), cssText: read('standalone.css') + '\n' + read('webview.css') };
}

async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === 'crr') {
      if (argv.includes('--help') || argv.includes('-h')) process.stdout.write(CRR_HELP + '\n');
      else process.stdout.write(runCrr(argv.slice(1)).join('\n') + '\n');
      return 0;
    }
    const args = parseReportArgs(argv, (path) => JSON.parse(readFileSync(path, 'utf8')));
    if (args === 'help') {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    await runReport(args);
    return 0;
  } catch (err) {
    const usage = err instanceof UsageError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`retention-lens: ${oneLine(message)}${usage ? ' (see --help)' : ''}\n`);
    return usage ? 2 : 1;
  }
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

import { buildPlan, type SampleAnalysis } from '../ingest/prepare';
import { IngestError } from '../ingest/errors';
import type { IngestPlan } from '../shared/mapping';

/** The date-format question, with the flag that answers it. */
function dateFormatError(analysis: SampleAnalysis, file: string, column: string, columnFlag: string): IngestError {
  const candidates = analysis.guess.dateDetection?.candidates ?? [];
  if (candidates.includes('dmy') && candidates.includes('mdy')) {
    return new IngestError('ambiguous-dates', `${file}: dates in column '${column}' could be day-first or month-first; pass --date-format dmy or --date-format mdy`, undefined, column);
  }
  return new IngestError('no-date-column', `${file}: column '${column}' does not read as dates; pass ${columnFlag} COL or --date-format FORMAT`, undefined, column);
}

/** Says which lifetime shape the file was read as, and how to change it. */
function shapeNote(analysis: SampleAnalysis): string {
  return `read as ${analysis.shape} (pass --shape events|subscriptions|customers to change)`;
}

/** A subscriptions or customers file: the shape's core columns, or the flag to pass. */
function resolveLifetime(analysis: SampleAnalysis, file: string, timeZone: string): { plan: IngestPlan; notes: string[] } {
  const { guess, sniff, shape } = analysis;
  const m = guess.mapping;
  const columns = sniff.header.join(', ');
  const notes = [shapeNote(analysis), ...guess.notes];
  if (!m.customerId) throw new IngestError('no-customer-column', `${file}: no column looks like a customer id (columns: ${columns}); pass --customer COL`);
  if (shape === 'subscriptions' && !m.start) throw new IngestError('no-date-column', `${file}: no column looks like a subscription start date (columns: ${columns}); pass --start COL`);
  if (shape === 'customers' && !m.tenure && !m.start) {
    throw new IngestError('no-date-column', `${file}: no tenure column and no start date column (columns: ${columns}); pass --tenure COL or --start COL`);
  }
  const dateColumn = m.start ?? m.end;
  if (dateColumn && !analysis.dateFormat) throw dateFormatError(analysis, file, dateColumn, m.start ? '--start' : '--end');
  // Without date columns (a tenure table) the format is never read.
  const plan = buildPlan(sniff, m, analysis.dateFormat ?? 'iso', timeZone, { shape, tenureUnit: analysis.tenureUnit });
  return { plan, notes };
}

/**
 * Without a person to ask, the CLI goes with the detected shape and mapping when it found the
 * shape's required columns, and stops with the flag to use when it cannot decide (DESIGN.md §3:
 * ambiguous dates).
 */
export function resolvePlanWithoutPrompt(analysis: SampleAnalysis, file: string, timeZone: string): { plan: IngestPlan; notes: string[] } {
  if (analysis.plan) {
    // Events print as they always did; a lifetime shape is always named, detected or not.
    const notes = analysis.shape === 'events' ? analysis.guess.notes : [shapeNote(analysis), ...analysis.guess.notes];
    return { plan: analysis.plan, notes };
  }
  if (analysis.shape !== 'events') return resolveLifetime(analysis, file, timeZone);
  const { guess, sniff } = analysis;
  const { customerId, timestamp } = guess.mapping;
  const columns = sniff.header.join(', ');
  if (!timestamp) throw new IngestError('no-date-column', `${file}: no column looks like a date (columns: ${columns}); pass --time COL`);
  if (!customerId) throw new IngestError('no-customer-column', `${file}: no column looks like a customer id (columns: ${columns}); pass --customer COL`);
  const format = analysis.dateFormat;
  if (!format) throw dateFormatError(analysis, file, timestamp, '--time');
  return { plan: buildPlan(sniff, guess.mapping, format, timeZone), notes: guess.notes };
}

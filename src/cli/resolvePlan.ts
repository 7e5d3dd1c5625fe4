import { buildPlan, type SampleAnalysis } from '../ingest/prepare';
import { IngestError } from '../ingest/errors';
import type { IngestPlan } from '../shared/mapping';

/**
 * Without a person to ask, the CLI goes with the detected mapping when it found both required
 * columns, and stops with the flag to use when it cannot decide (DESIGN.md §3: ambiguous dates).
 */
export function resolvePlanWithoutPrompt(analysis: SampleAnalysis, file: string, timeZone: string): { plan: IngestPlan; notes: string[] } {
  if (analysis.plan) return { plan: analysis.plan, notes: analysis.guess.notes };
  const { guess, sniff } = analysis;
  const { customerId, timestamp } = guess.mapping;
  const columns = sniff.header.join(', ');
  if (!timestamp) throw new IngestError('no-date-column', `${file}: no column looks like a date (columns: ${columns}); pass --time COL`);
  if (!customerId) throw new IngestError('no-customer-column', `${file}: no column looks like a customer id (columns: ${columns}); pass --customer COL`);
  const format = analysis.dateFormat;
  if (!format) {
    const candidates = guess.dateDetection?.candidates ?? [];
    if (candidates.includes('dmy') && candidates.includes('mdy')) {
      throw new IngestError('ambiguous-dates', `${file}: dates in column '${timestamp}' could be day-first or month-first; pass --date-format dmy or --date-format mdy`, undefined, timestamp);
    }
    throw new IngestError('no-date-column', `${file}: column '${timestamp}' does not read as dates; pass --time COL or --date-format FORMAT`, undefined, timestamp);
  }
  return { plan: buildPlan(sniff, guess.mapping, format, timeZone), notes: guess.notes };
}

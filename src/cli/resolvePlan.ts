import { buildPlan, type SampleAnalysis } from '../ingest/prepare';
import { IngestError } from '../ingest/errors';
import type { IngestPlan } from '../shared/mapping';

/**
 * Without a person to ask, the CLI goes with the detected mapping when it found both required
 * columns, and stops with the flag to use when it cannot decide (DESIGN.md §3: ambiguous dates).
 */
export function resolvePlanWithoutPrompt(analysis: SampleAnalysis, file: string, timeZone: string): { plan: IngestPlan; notes: string[] } {
  if (analysis.plan) return { plan: analysis.plan, notes: [] };
  const { guess, sniff } = analysis;
  if (analysis.needs.includes('dateFormat')) {
    const column = guess.mapping.timestamp ?? 'timestamp';
    throw new IngestError('ambiguous-dates', `${file}: dates in column '${column}' could be day-first or month-first; pass --date-format dmy or --date-format mdy`, undefined, column);
  }
  const { customerId, timestamp } = guess.mapping;
  if (!customerId) throw new IngestError('no-customer-column', `${file}: no column looks like a customer id (columns: ${sniff.header.join(', ')}); pass --customer COL`);
  const format = analysis.dateFormat;
  if (!timestamp || !format) throw new IngestError('no-date-column', `${file}: no column looks like a date (columns: ${sniff.header.join(', ')}); pass --time COL`);
  return { plan: buildPlan(sniff, guess.mapping, format, timeZone), notes: guess.notes };
}

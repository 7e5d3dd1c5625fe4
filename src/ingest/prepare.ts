// From a file's head to an IngestPlan: sniff the dialect, guess the roles, decide the date
// format, and say what still needs a person (or a CLI flag) to decide.
import { COLUMN_ROLES, ROLE_LABELS, type ColumnMapping, type DateFormat, type IngestPlan } from '../shared/mapping';
import { IngestError } from './errors';
import { guessMapping, type MappingGuess } from './roles';
import { sniffCsv, type CsvSniff } from './sniff';

/** What must still be decided before the full parse. */
export type OpenQuestion = 'customerId' | 'timestamp' | 'dateFormat';

/** The result of sniffing a file's head. `plan` is set when nothing needs confirming. */
export interface SampleAnalysis {
  sniff: CsvSniff;
  guess: MappingGuess;
  needs: OpenQuestion[];
  dateFormat: DateFormat | null;   // given, or detected from the sample; null when undecided
  plan: IngestPlan | null;
}

/** Decisions already made (flags, settings, a remembered mapping). */
export interface SampleDecisions {
  mapping?: Partial<ColumnMapping>;
  dateFormat?: DateFormat;
  timeZone: string;
  /** Drop mapped columns the file no longer has (a remembered mapping) instead of failing (a flag). */
  lenient?: boolean;
}

/** The plan for a full parse with a confirmed mapping and date format. */
export function buildPlan(sniff: CsvSniff, mapping: ColumnMapping, dateFormat: DateFormat, timeZone: string): IngestPlan {
  return { dialect: sniff.dialect, header: sniff.header, mapping: { ...mapping }, dateFormat, timeZone };
}

/** Keeps the mapped columns that exist; unknown ones fail (flags) or are dropped (remembered). */
function knownColumns(sniff: CsvSniff, decisions: SampleDecisions, file: string): Partial<ColumnMapping> {
  const out: Partial<ColumnMapping> = {};
  for (const role of COLUMN_ROLES) {
    const column = decisions.mapping?.[role];
    if (column === undefined) continue;
    if (column !== null && !sniff.header.includes(column)) {
      if (decisions.lenient) continue;
      throw new IngestError('unknown-column', `${file}: no column named '${column}' for the ${ROLE_LABELS[role]} (columns: ${sniff.header.join(', ')})`, undefined, column);
    }
    out[role] = column;
  }
  return out;
}

/** Sniffs the decoded head of a file and decides as much of the plan as the data allows. */
export function analyzeSample(sample: string, file: string, decisions: SampleDecisions): SampleAnalysis {
  const sniff = sniffCsv(sample, file);
  const fixed = knownColumns(sniff, decisions, file);
  const guess = guessMapping(sniff, fixed);
  const needs: OpenQuestion[] = [];
  const { customerId, timestamp } = guess.mapping;
  const dateFormat = decisions.dateFormat ?? guess.dateDetection?.format ?? null;
  const fixedCore = fixed.customerId != null && fixed.timestamp != null;
  if (!customerId || (!guess.confident && !fixedCore)) needs.push('customerId');
  if (!timestamp || (!guess.confident && !fixedCore)) needs.push('timestamp');
  if (!dateFormat) needs.push('dateFormat');
  const plan = needs.length === 0 && customerId && timestamp && dateFormat
    ? buildPlan(sniff, guess.mapping, dateFormat, decisions.timeZone)
    : null;
  return { sniff, guess, needs, dateFormat, plan };
}

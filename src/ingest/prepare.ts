// From a file's head to an IngestPlan: sniff the dialect, decide the shape, guess the roles,
// decide the date format, and say what still needs a person (or a CLI flag) to decide.
import { COLUMN_ROLES, ROLE_LABELS, type ColumnMapping, type DataShape, type DateFormat, type IngestPlan, type TenureUnit } from '../shared/mapping';
import { IngestError } from './errors';
import { guessLifetimeMapping, guessTenureUnit } from './lifetimeRoles';
import { guessMapping, type MappingGuess } from './roles';
import { detectShape } from './shape';
import { sniffCsv, type CsvSniff } from './sniff';

/**
 * What must still be decided before the full parse: the shape when detection was unsure, the
 * core columns of that shape (events: customerId + timestamp; subscriptions: customerId + start;
 * customers: customerId + tenure or start), and the date format of its date columns.
 */
export type OpenQuestion = 'shape' | 'customerId' | 'timestamp' | 'start' | 'tenure' | 'dateFormat';

/** The result of sniffing a file's head. `plan` is set when nothing needs confirming. */
export interface SampleAnalysis {
  sniff: CsvSniff;
  shape: DataShape;
  shapeConfident: boolean;         // false: the shape is a guess the user should confirm
  tenureUnit: TenureUnit;          // customers shape: given, or guessed from the tenure column's name
  guess: MappingGuess;             // the mapping for `shape`
  needs: OpenQuestion[];
  dateFormat: DateFormat | null;   // given, or detected from the sample; null when undecided
  plan: IngestPlan | null;
}

/** Decisions already made (flags, settings, a remembered mapping). */
export interface SampleDecisions {
  shape?: DataShape;
  tenureUnit?: TenureUnit;
  mapping?: Partial<ColumnMapping>;
  dateFormat?: DateFormat;
  timeZone: string;
  /** Drop mapped columns the file no longer has (a remembered mapping) instead of failing (a flag). */
  lenient?: boolean;
}

/** The shape of a plan beyond events: absent means events, so event plans look as they always did. */
export interface PlanShape {
  shape?: DataShape;
  tenureUnit?: TenureUnit;
}

/**
 * The plan for a full parse with a confirmed mapping and date format. For the customers shape
 * without date columns the date format is unused (any value will do).
 */
export function buildPlan(sniff: CsvSniff, mapping: ColumnMapping, dateFormat: DateFormat, timeZone: string, shape: PlanShape = {}): IngestPlan {
  const plan: IngestPlan = { dialect: sniff.dialect, header: sniff.header, mapping: { ...mapping }, dateFormat, timeZone };
  if (shape.shape && shape.shape !== 'events') plan.shape = shape.shape;
  if (shape.shape === 'customers') plan.tenureUnit = shape.tenureUnit ?? guessTenureUnit(mapping.tenure);
  return plan;
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

/** Open questions of an events file (unchanged since before shapes existed). */
function eventNeeds(guess: MappingGuess, fixed: Partial<ColumnMapping>, dateFormat: DateFormat | null): OpenQuestion[] {
  const needs: OpenQuestion[] = [];
  const { customerId, timestamp } = guess.mapping;
  const fixedCore = fixed.customerId != null && fixed.timestamp != null;
  if (!customerId || (!guess.confident && !fixedCore)) needs.push('customerId');
  if (!timestamp || (!guess.confident && !fixedCore)) needs.push('timestamp');
  if (!dateFormat) needs.push('dateFormat');
  return needs;
}

/** Open questions of a subscriptions or customers file. */
function lifetimeNeeds(shape: DataShape, guess: MappingGuess, fixed: Partial<ColumnMapping>, dateFormat: DateFormat | null): OpenQuestion[] {
  const needs: OpenQuestion[] = [];
  const m = guess.mapping;
  const sure = guess.confident || fixed.customerId != null;
  if (!m.customerId || !sure) needs.push('customerId');
  if (shape === 'subscriptions' && !m.start) needs.push('start');
  if (shape === 'customers' && !m.tenure && !m.start) needs.push('tenure');
  if ((m.start || m.end) && !dateFormat) needs.push('dateFormat');
  return needs;
}

/** Sniffs the decoded head of a file and decides as much of the plan as the data allows. */
export function analyzeSample(sample: string, file: string, decisions: SampleDecisions): SampleAnalysis {
  const sniff = sniffCsv(sample, file);
  const fixed = knownColumns(sniff, decisions, file);
  const detected = detectShape(sniff, fixed, decisions.shape);
  const { shape } = detected;
  const guess = shape === 'events' ? guessMapping(sniff, fixed) : guessLifetimeMapping(sniff, shape, fixed);
  const dateFormat = decisions.dateFormat ?? guess.dateDetection?.format ?? null;
  const needs = shape === 'events' ? eventNeeds(guess, fixed, dateFormat) : lifetimeNeeds(shape, guess, fixed, dateFormat);
  // An unsure events guess keeps its old behaviour (the roles decide); a lifetime guess is confirmed.
  if (!detected.confident && shape !== 'events') needs.unshift('shape');
  const tenureUnit = decisions.tenureUnit ?? guessTenureUnit(guess.mapping.tenure);
  const plan = needs.length === 0
    // Customers with a tenure column have no dates: the format is never read.
    ? buildPlan(sniff, guess.mapping, dateFormat ?? 'iso', decisions.timeZone, { shape, tenureUnit })
    : null;
  return { sniff, shape, shapeConfident: detected.confident, tenureUnit, guess, needs, dateFormat, plan };
}

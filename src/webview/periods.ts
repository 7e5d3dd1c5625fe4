import type { RetentionTable } from '../shared/report';
import type { Period } from '../shared/options';

const LETTERS: Record<Period, string> = { day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y' };
const NOUNS: Record<Period, { one: string; many: string; adjective: string }> = {
  day: { one: 'day', many: 'days', adjective: 'daily' },
  week: { one: 'week', many: 'weeks', adjective: 'weekly' },
  month: { one: 'month', many: 'months', adjective: 'monthly' },
  quarter: { one: 'quarter', many: 'quarters', adjective: 'quarterly' },
  year: { one: 'year', many: 'years', adjective: 'yearly' },
};

/** The column-header letter of a period: month → "M" (headers M0, M1, …). */
export function periodLetter(period: Period): string {
  return LETTERS[period];
}

/** Header of offset column k: ("month", 3) → "M3". */
export function offsetLabel(period: Period, k: number): string {
  return `${LETTERS[period]}${k}`;
}

/** Words for a period in sentences: one / many / adjective ("month", "months", "monthly"). */
export function periodWords(period: Period): { one: string; many: string; adjective: string } {
  return NOUNS[period];
}

/** Label of a period in the selector: "month" → "Month". */
export function periodOptionLabel(period: Period): string {
  return NOUNS[period].one.charAt(0).toUpperCase() + NOUNS[period].one.slice(1);
}

/** Header tooltip of column j: what "retained" means there under the table's mode. */
export function columnTitle(table: RetentionTable, j: number): string {
  const w = NOUNS[table.period];
  const relative = table.definition.rateBase === 'previous' && j > 0 ? '; rate relative to the previous column' : '';
  const b = table.definition.brackets[j];
  let what: string;
  if (j === 0 && table.mode !== 'bracket') what = `Active in the cohort ${w.one}`;
  else if (table.mode === 'classic') what = `Active in ${w.one} ${j} after the cohort ${w.one}`;
  else if (table.mode === 'unbounded') what = `Active in ${w.one} ${j} after the cohort ${w.one} or later`;
  else if (table.mode === 'streak') what = `Active in every ${w.one} from 1 to ${j} after the cohort ${w.one}`;
  else if (b) what = b.from === b.to ? `Active in ${w.one} ${b.from}` : `Active at some point in ${w.many} ${b.from}–${b.to}`;
  else what = `Bracket ${j}`;
  return what + relative;
}

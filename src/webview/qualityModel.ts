// Text of the data-quality section, as plain strings (tested in Node). Every value here may come
// from the CSV; render/quality.ts puts them into the page with textContent only.
import type { RowProblem, SkipReason } from '../shared/dataset';
import type { DateFormat } from '../shared/mapping';
import type { QualityReport } from '../shared/report';
import { formatCivil, formatDataEnd } from './dates';
import { formatInteger } from './format';

const DATE_FORMATS: Record<DateFormat, string> = {
  iso: 'ISO 8601 (2024-03-05)',
  'year-month': 'year-month (2024-03)',
  dmy: 'day/month/year (05/03/2024)',
  mdy: 'month/day/year (03/05/2024)',
  compact: 'compact (20240305)',
  'unix-s': 'Unix seconds',
  'unix-ms': 'Unix milliseconds',
};

/** How the timestamp column was read, for people. */
export function describeDateFormat(format: DateFormat): string {
  return DATE_FORMATS[format] ?? format;
}

/** One located problem: "line 12, column 'date': '31/02/2024'". */
export function describeProblem(p: RowProblem): string {
  let text = `line ${p.line}`;
  if (p.column !== null) text += `, column '${p.column}'`;
  if (p.value !== null) text += `: ${p.value === '' ? '(empty)' : `'${p.value}'`}`;
  return text;
}

/** A skipped-rows reason with its count and first examples, in the order the report lists them. */
export interface SkipLine {
  reason: SkipReason;
  label: string;
  count: string;
  examples: string[];
}

/** The skipped reasons, most frequent first. */
export function skipLines(q: Pick<QualityReport, 'skipped' | 'examples'>): SkipLine[] {
  return (Object.entries(q.skipped) as [SkipReason, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => ({
      reason,
      label: reason.charAt(0).toUpperCase() + reason.slice(1),
      count: formatInteger(n),
      examples: (q.examples[reason] ?? []).map(describeProblem),
    }));
}

/** The facts list: label → value, in display order. */
export function qualityFacts(q: QualityReport, timeZone: string): [string, string][] {
  const skipped = Object.values(q.skipped).reduce((a: number, n) => a + (n ?? 0), 0);
  const first = formatCivil(q.firstActivity, q.timePrecision);
  const last = formatDataEnd(q.dataEnd, q.timePrecision);
  return [
    ['Rows read', formatInteger(q.rowsRead)],
    ['Rows used', formatInteger(q.rowsUsed)],
    ['Rows skipped', formatInteger(skipped)],
    ['Returns (negative amounts)', `${formatInteger(q.returns)} — netted from revenue, not counted as purchases`],
    ['Zero-amount rows', `${formatInteger(q.zeroAmount)} — not counted as purchases`],
    ['Date format', describeDateFormat(q.dateFormat)],
    ['Data range', first && last ? `${first} to ${last}` : 'no purchases'],
    ['Time zone', timeZone],
  ];
}

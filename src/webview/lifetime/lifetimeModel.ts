// The lifetime page's texts as plain data (tested in Node): the header line (shape and mapping),
// the data-quality facts of a subscriptions / customers file, the policy selects with their stated
// defaults, and the options a lifetime report was computed with.
import { ROLE_LABELS, SHAPE_ROLES } from '../../shared/mapping';
import { DEFAULT_SUBSCRIPTION_POLICIES, type SubscriptionPolicies } from '../../shared/subscriptionReport';
import type { ViewOptions } from '../../shared/protocol';
import type { LifetimeQualityReport, LifetimeReportModel } from '../../shared/report';
import { formatDataEnd } from '../dates';
import { formatInteger } from '../format';
import { describeDateFormat } from '../qualityModel';

const SHAPE_WORDS: Record<LifetimeReportModel['shape'], string> = {
  subscriptions: 'Subscriptions file (one row per subscription)',
  customers: 'Customers file (one row per customer)',
};

/** "Customers file (one row per customer)" / "Subscriptions file (one row per subscription)". */
export function shapeLabel(shape: LifetimeReportModel['shape']): string {
  return SHAPE_WORDS[shape];
}

/**
 * What one subject of the survival curves is: always a customer (for subscriptions files the
 * engine follows each customer from their first start until they first hold no subscription).
 */
export function subjectWord(_shape: LifetimeReportModel['shape']): string {
  return 'customers';
}

/** The mapping line: the shape's roles that are mapped, "customer id: customerID · tenure: tenure · churned flag: Churn". */
export function lifetimeMappingSummary(report: LifetimeReportModel): string {
  return SHAPE_ROLES[report.shape]
    .filter((role) => (report.mapping[role] ?? null) !== null)
    .map((role) => `${ROLE_LABELS[role]}: ${report.mapping[role]}`)
    .join(' · ');
}

/** The line under the header: "7,032 of 7,043 rows used · 11 skipped · 5,174 customers still active (censored)". */
export function rowsLine(report: LifetimeReportModel): string {
  const q = report.quality;
  const skipped = Object.values(q.skipped).reduce((a: number, n) => a + (n ?? 0), 0);
  return `${formatInteger(q.rowsUsed)} of ${formatInteger(q.rowsRead)} rows used · ${formatInteger(skipped)} skipped · ${formatInteger(q.active)} ${subjectWord(report.shape)} still active (censored)`;
}

/** A civil date-time at day precision ("2024-01-03T00:00:00" → "2024-01-03"), or null. */
function day(iso: string | null): string | null {
  return iso === null ? null : iso.slice(0, 10);
}

/** The facts list of the data-quality section: label → value, in display order. */
export function lifetimeQualityFacts(q: LifetimeQualityReport, shape: LifetimeReportModel['shape'], timeZone: string): [string, string][] {
  const skipped = Object.values(q.skipped).reduce((a: number, n) => a + (n ?? 0), 0);
  const first = day(q.firstStart);
  const end = formatDataEnd(q.dataEnd, 'day');
  const facts: [string, string][] = [
    ['Rows read', formatInteger(q.rowsRead)],
    ['Rows used', formatInteger(q.rowsUsed)],
    ['Rows skipped', formatInteger(skipped)],
    ['Still active (censored)', `${formatInteger(q.active)} ${subjectWord(shape)} — counted as survivors up to their last known time`],
    ['Date format', q.dateFormat === null ? '— (read from a tenure column)' : describeDateFormat(q.dateFormat)],
  ];
  if (first !== null || end !== null) facts.push(['Data range', `${first ?? '—'} to ${end ?? '—'}`]);
  facts.push(['Time zone', timeZone]);
  return facts;
}

/** One policy select: its option key, label, one-line explanation and the choices (the default named). */
export interface PolicyField {
  key: keyof SubscriptionPolicies;
  label: string;
  caption: string;
  choices: { value: string; text: string }[];
}

const withDefault = <K extends keyof SubscriptionPolicies>(key: K, value: SubscriptionPolicies[K], text: string): { value: string; text: string } =>
  ({ value, text: DEFAULT_SUBSCRIPTION_POLICIES[key] === value ? `${text} (default)` : text });

/** The three subscription policies, in display order; defaults follow ChartMogul. */
export const POLICY_FIELDS: readonly PolicyField[] = [
  {
    key: 'samePeriodChurn', label: 'Same-period churn',
    caption: 'A signup that cancels within its first period: counted as new and as churned, or left out of both.',
    choices: [withDefault('samePeriodChurn', 'count', 'Count as new and churned'), withDefault('samePeriodChurn', 'ignore', 'Leave out of both')],
  },
  {
    key: 'cancelAt', label: 'Cancellation booked',
    caption: 'A cancellation counts in the period of its end date, or at the end of that period (so in the next one).',
    choices: [withDefault('cancelAt', 'date', 'On the end date'), withDefault('cancelAt', 'period-end', 'At the end of that period')],
  },
  {
    key: 'reactivation', label: 'Returning customers',
    caption: 'A customer who comes back stays in their original cohort, or joins the cohort of the period they return in.',
    choices: [withDefault('reactivation', 'original-cohort', 'Keep their original cohort'), withDefault('reactivation', 'new-cohort', 'Join the return period\'s cohort')],
  },
];

/** The options a lifetime report was computed with, read back from it (a standalone page has no other record). */
export function lifetimeReportOptions(report: LifetimeReportModel): ViewOptions {
  const subs = report.subscriptions;
  return { period: subs?.period ?? 'month', segment: report.survival.segmentColumn, ...(subs ? subs.policies : DEFAULT_SUBSCRIPTION_POLICIES) };
}

/**
 * The options the lifetime controls show and build on: the panel's, with any option it leaves
 * unset (the host's first options carry no segment or policies) taken from the report itself, so a
 * split or policy the engine chose is shown, and kept when another control changes.
 */
export function lifetimeViewOptions(options: ViewOptions, report: LifetimeReportModel): ViewOptions {
  const set = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ViewOptions;
  return { ...lifetimeReportOptions(report), ...set };
}

// Which column plays which role in the two lifetime shapes (DESIGN.md §3): subscriptions
// (customer, start, end, MRR, plan) and customers (customer, tenure or start(+end), churned flag).
// Names first (patterns in roles.ts), each checked against the sampled values, as for events.
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole, type DataShape, type TenureUnit } from '../shared/mapping';
import { isChurnWord, isInvertedFlagColumn, readChurnFlag } from './churnFlag';
import { detectDateFormat, type DateDetection } from './dates';
import { columnValues, NAME_PATTERNS, numericShare, type MappingGuess } from './roles';
import type { CsvSniff } from './sniff';

/** Names with a unit or zone suffix ("Start (UTC)", "MRR (USD)") are matched without it. */
export function cleanName(name: string): string {
  return name.replace(/\s*[([][^)\]]*[)\]]\s*$/, '').trim();
}

/** An MRR column: the amount patterns plus the names billing exports give a monthly price. */
const MRR_NAME = /^(mrr|monthly[\s_-]*(recurring[\s_-]*revenue|revenue|amount|price|fee|charges?|value|payment)|recurring[\s_-]*(revenue|amount)|subscription[\s_-]*(amount|price|value))$/i;
/** A status column whose values are churned/active words may serve as the churned flag. */
const STATUS_NAME = /^((customer|subscription|account|contract|member)[\s_-]*)?(status|state)$/i;

/** Minimum share of sampled values a column needs to take a role by its name. */
const DATE_SHARE = 0.5;
const VALUE_SHARE = 0.8;

/** The lifetime columns found in a sample, and which were found by name. */
export interface LifetimeColumns {
  customerId: string | null;
  customerByName: boolean;
  start: string | null;
  end: string | null;
  tenure: string | null;
  churned: string | null;
  mrr: string | null;
  plan: string | null;
}

/** Lets each finder skip the columns already claimed. */
type Finder = (sniff: CsvSniff, taken: Set<string>) => string | null;

function firstMatch(sniff: CsvSniff, taken: Set<string>, named: (clean: string) => boolean, fits: (values: string[], name: string) => boolean): string | null {
  for (let i = 0; i < sniff.header.length; i++) {
    const name = sniff.header[i];
    if (taken.has(name) || !named(cleanName(name))) continue;
    if (fits(columnValues(sniff, i), name)) return name;
  }
  return null;
}

const dateShare = (values: string[]): number => {
  const d = detectDateFormat(values);
  return d.total ? d.matched / d.total : 0;
};

const findStart: Finder = (sniff, taken) => firstMatch(sniff, taken, (n) => NAME_PATTERNS.start.test(n), (v) => v.length > 0 && dateShare(v) >= DATE_SHARE);

/** An end column may be blank throughout the sample (every subscription still active). */
const findEnd: Finder = (sniff, taken) => {
  const fits = (v: string[]): boolean => v.length === 0 || dateShare(v) >= DATE_SHARE;
  // 'Ended At' beats 'Canceled At': billing exports cancel at a date and end later.
  return firstMatch(sniff, taken, (n) => NAME_PATTERNS.end.test(n) && /end/i.test(n), fits)
    ?? firstMatch(sniff, taken, (n) => NAME_PATTERNS.end.test(n), fits);
};

const findTenure: Finder = (sniff, taken) => firstMatch(sniff, taken, (n) => NAME_PATTERNS.tenure.test(n), (v) =>
  v.length > 0 && numericShare(v, sniff.dialect.decimalComma) >= VALUE_SHARE);

const flagShare = (values: string[], name: string): number => {
  const inverted = isInvertedFlagColumn(name);
  let n = 0;
  for (const v of values) if (readChurnFlag(v, inverted) >= 0) n++;
  return values.length ? n / values.length : 0;
};

const findChurned: Finder = (sniff, taken) =>
  firstMatch(sniff, taken, (n) => NAME_PATTERNS.churned.test(n), (v, name) => v.length > 0 && flagShare(v, name) >= VALUE_SHARE)
  // A status column counts only when it speaks of churn (active/cancelled), not any yes/no.
  ?? firstMatch(sniff, taken, (n) => STATUS_NAME.test(n), (v, name) => v.length > 0 && flagShare(v, name) >= VALUE_SHARE && v.some(isChurnWord));

const findMrr: Finder = (sniff, taken) => {
  const numeric = (v: string[]): boolean => v.length > 0 && numericShare(v, sniff.dialect.decimalComma) >= VALUE_SHARE;
  return firstMatch(sniff, taken, (n) => MRR_NAME.test(n), numeric) ?? firstMatch(sniff, taken, (n) => NAME_PATTERNS.amount.test(n), numeric);
};

const findPlan: Finder = (sniff, taken) => firstMatch(sniff, taken, (n) => NAME_PATTERNS.plan.test(n), (v) => v.length > 0);

/** The customer column: by name, else an id-like name (one row per customer: ids need not repeat). */
function findCustomer(sniff: CsvSniff, taken: Set<string>): { column: string | null; byName: boolean } {
  const named = firstMatch(sniff, taken, (n) => NAME_PATTERNS.customerId.test(n), (v) => v.length > 0);
  if (named) return { column: named, byName: true };
  return { column: firstMatch(sniff, taken, (n) => /id$|^id|email/i.test(n), (v) => v.length > 0), byName: false };
}

/** Finds every lifetime role a sample offers; `fixed` columns are kept and not reused. */
export function findLifetimeColumns(sniff: CsvSniff, fixed: Partial<ColumnMapping>): LifetimeColumns {
  const taken = new Set(Object.values(fixed).filter((v): v is string => typeof v === 'string'));
  const claim = (role: ColumnRole, finder: Finder): string | null => {
    if (fixed[role] !== undefined) return fixed[role];
    const column = finder(sniff, taken);
    if (column) taken.add(column);
    return column;
  };
  const customer = fixed.customerId !== undefined ? { column: fixed.customerId, byName: true } : findCustomer(sniff, taken);
  if (customer.column) taken.add(customer.column);
  // Dates before flags: a 'cancelled' column of dates is an end date, of yes/no a churned flag.
  const start = claim('start', findStart);
  const end = claim('end', findEnd);
  const tenure = claim('tenure', findTenure);
  const churned = claim('churned', findChurned);
  const mrr = claim('amount', findMrr);
  const plan = claim('plan', findPlan);
  return { customerId: customer.column, customerByName: customer.byName, start, end, tenure, churned, mrr, plan };
}

/** The tenure unit a column name states (tenure_days, months_active), months otherwise. */
export function guessTenureUnit(column: string | null): TenureUnit {
  if (column === null) return 'days';
  const name = column.toLowerCase();
  if (/day/.test(name)) return 'days';
  if (/week/.test(name)) return 'weeks';
  if (/year/.test(name)) return 'years';
  return 'months';
}

/** The date format of the start and end columns together (they are read with one format). */
export function detectLifetimeDates(sniff: CsvSniff, mapping: ColumnMapping): DateDetection | null {
  const values: string[] = [];
  for (const column of [mapping.start, mapping.end]) {
    const index = column === null ? -1 : sniff.header.indexOf(column);
    if (index >= 0) values.push(...columnValues(sniff, index));
  }
  return values.length ? detectDateFormat(values) : null;
}

/** The mapping for a subscriptions or customers file: only that shape's roles are set. */
export function guessLifetimeMapping(sniff: CsvSniff, shape: Exclude<DataShape, 'events'>, fixed: Partial<ColumnMapping>): MappingGuess {
  const cols = findLifetimeColumns(sniff, fixed);
  const mapping = Object.fromEntries(COLUMN_ROLES.map((r) => [r, null])) as ColumnMapping;
  mapping.customerId = cols.customerId;
  mapping.start = cols.start;
  mapping.end = cols.end;
  const notes: string[] = [];
  if (shape === 'subscriptions') {
    mapping.amount = cols.mrr;
    mapping.plan = cols.plan;
  } else {
    mapping.tenure = cols.tenure;
    mapping.churned = cols.churned;
    // With a tenure column the dates are not needed (and would be re-read for nothing).
    if (cols.tenure && fixed.start === undefined) mapping.start = null;
    if (cols.tenure && fixed.end === undefined) mapping.end = null;
    if (cols.churned && isInvertedFlagColumn(cols.churned)) notes.push(`'${cols.churned}' says who is still active: its yes = not churned`);
    if (!cols.churned) notes.push(mapping.end ? `no churned flag: a customer with an end date has churned` : 'no churned flag: every customer counts as still active');
  }
  const core = shape === 'subscriptions' ? mapping.start : (mapping.tenure ?? mapping.start);
  const confident = cols.customerByName && core !== null;
  return { mapping, dateDetection: detectLifetimeDates(sniff, mapping), confident, notes };
}

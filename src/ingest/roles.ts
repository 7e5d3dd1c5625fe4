// Which column plays which role (DESIGN.md §3), from the header names and sample values.
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../shared/mapping';
import { detectDateFormat, type DateDetection } from './dates';
import { parseAmount } from './numbers';
import type { CsvSniff } from './sniff';

/** The detected mapping, how sure we are of it, and notes for the user. */
export interface MappingGuess {
  mapping: ColumnMapping;
  dateDetection: DateDetection | null;  // of the timestamp column, when there is one
  confident: boolean;                   // customer id and timestamp columns found by name
  notes: string[];
}

/** Header-name patterns per role (a name must match before its values are checked). */
export const NAME_PATTERNS: Record<ColumnRole, RegExp> = {
  customerId: /^(customer|client|user|member|account|buyer|subscriber|shopper|contact|person|visitor|patron|cust)[\s_-]*(id|no|num|number|key|code|uuid|email)?$|^(uid|userid|customerid|clientid|email|e-mail|customer[\s_-]*email)$/i,
  timestamp: /(date|time|timestamp|datetime|^ts$|created|^day$|^month$|^week$|_at$|period|when)/i,
  amount: /^(amount|revenue|sales|total|spend|spent|value|paid|payment|price[\s_-]*total|total[\s_-]*(amount|price|value|paid)|order[\s_-]*(total|value|amount)|net[\s_-]*(amount|sales|revenue)?|gross[\s_-]*(amount|sales|revenue)?|gmv|subtotal|turnover|sale[\s_-]*amount|line[\s_-]*total|mrr)$/i,
  quantity: /^(qty|quantity|units|unit[\s_-]*count|items|item[\s_-]*count|count|pieces)$/i,
  unitPrice: /^(unit[\s_-]*price|price|unit[\s_-]*cost|item[\s_-]*price|price[\s_-]*each|price[\s_-]*per[\s_-]*unit|unit[\s_-]*amount)$/i,
  orderId: /^(order|invoice|transaction|receipt|purchase|basket|cart|txn)[\s_-]*(id|no|num|number|key|code)?$/i,
  eventName: /^(event|event[\s_-]*(name|type)|action|activity|activity[\s_-]*type|interaction)$/i,
  start: /^(start|started|start[\s_-]*(date|at|time|on)|(subscription|contract|service)[\s_-]*start(ed)?([\s_-]*(date|at|on))?|signup[\s_-]*(date|at|on)?|sign[\s_-]*up[\s_-]*date|activated[\s_-]*(at|on|date)?|activation[\s_-]*date|begin|begin[\s_-]*date|joined|join[\s_-]*date|since|from)$/i,
  end: /^(end|ended|end[\s_-]*(date|at|time|on)|ended[\s_-]*(at|on)|(subscription|contract|service)[\s_-]*end(ed)?([\s_-]*(date|at|on))?|cancel{1,2}ed[\s_-]*(at|on|date)?|cancel{1,2}ation[\s_-]*(date|at|on)?|cancel[\s_-]*(date|at|on)|churn[\s_-]*(date|at|on)|churned[\s_-]*(at|on|date)|stop(ped)?[\s_-]*(date|at|on)?|terminat(ed|ion)[\s_-]*(at|on|date)?|until|to)$/i,
  tenure: /^(tenure|tenure[\s_-]*(months?|days?|weeks?|years?|in[\s_-]*(months|days|weeks|years))|lifetime|lifespan|months[\s_-]*active|days[\s_-]*active|duration|duration[\s_-]*(months?|days?))$/i,
  churned: /^(churn|churned|is[\s_-]*churned|has[\s_-]*churned|churn[\s_-]*(flag|label|status|value)|exited|cancel{1,2}ed|attrited|attrition([\s_-]*flag)?|left|is[\s_-]*active|active)$/i,
  plan: /^(plan|plan[\s_-]*(name|id|type|tier|code)|tier|package|subscription[\s_-]*(plan|type|tier)|pricing[\s_-]*plan|product[\s_-]*plan)$/i,
};

/** Values of column `index` in the sample rows, trimmed, non-empty. */
export function columnValues(sniff: CsvSniff, index: number): string[] {
  const out: string[] = [];
  for (const row of sniff.sampleRows) {
    const v = (row[index] ?? '').trim();
    if (v) out.push(v);
  }
  return out;
}

/** Share of `values` that read as numbers. */
export function numericShare(values: string[], decimalComma: boolean): number {
  if (!values.length) return 0;
  let n = 0;
  for (const v of values) if (!Number.isNaN(parseAmount(v, decimalComma))) n++;
  return n / values.length;
}

/** First column whose name matches the role and whose values fit it. */
function byName(sniff: CsvSniff, role: ColumnRole, taken: Set<string>, fits: (values: string[]) => boolean): string | null {
  for (let i = 0; i < sniff.header.length; i++) {
    const name = sniff.header[i];
    if (taken.has(name) || !NAME_PATTERNS[role].test(name.trim())) continue;
    if (fits(columnValues(sniff, i))) return name;
  }
  return null;
}

/** The date column: a date-like name whose values mostly read as dates, else the best-reading column. */
function findTimestamp(sniff: CsvSniff, taken: Set<string>): { column: string | null; detection: DateDetection | null; byName: boolean } {
  let fallback: { column: string; detection: DateDetection; share: number } | null = null;
  for (let i = 0; i < sniff.header.length; i++) {
    const name = sniff.header[i];
    if (taken.has(name)) continue;
    const detection = detectDateFormat(columnValues(sniff, i));
    const share = detection.total ? detection.matched / detection.total : 0;
    // A date-like name needs only some readable values (the rest are reported as bad rows).
    if (NAME_PATTERNS.timestamp.test(name) && share >= 0.2) return { column: name, detection, byName: true };
    if (share >= 0.8 && (!fallback || share > fallback.share)) fallback = { column: name, detection, share };
  }
  return fallback ? { column: fallback.column, detection: fallback.detection, byName: false } : { column: null, detection: null, byName: false };
}

/** A customer column by value when no name matches: text ids that repeat across rows. */
function customerByValues(sniff: CsvSniff, taken: Set<string>): string | null {
  for (let i = 0; i < sniff.header.length; i++) {
    const name = sniff.header[i];
    if (taken.has(name) || !/id$|^id|email/i.test(name)) continue;
    const values = columnValues(sniff, i);
    if (values.length && new Set(values).size < values.length) return name;
  }
  return null;
}

/** Guesses the roles; `fixed` (flags, settings, a remembered mapping) wins over detection. */
export function guessMapping(sniff: CsvSniff, fixed: Partial<ColumnMapping>): MappingGuess {
  const mapping = Object.fromEntries(COLUMN_ROLES.map((r) => [r, fixed[r] ?? null])) as ColumnMapping;
  const taken = new Set(Object.values(mapping).filter((v): v is string => v !== null));
  const claim = (role: ColumnRole, column: string | null): void => {
    if (mapping[role] === null && column) {
      mapping[role] = column;
      taken.add(column);
    }
  };
  const notes: string[] = [];
  const numeric = (values: string[]): boolean => numericShare(values, sniff.dialect.decimalComma) >= 0.8;
  const hasFixedAmount = 'amount' in fixed || 'quantity' in fixed || 'unitPrice' in fixed;

  const customerByName = mapping.customerId ?? byName(sniff, 'customerId', taken, (v) => v.length > 0);
  claim('customerId', customerByName ?? customerByValues(sniff, taken));
  const time = mapping.timestamp
    ? { column: mapping.timestamp, detection: detectDateFormat(columnValues(sniff, sniff.header.indexOf(mapping.timestamp))), byName: true }
    : findTimestamp(sniff, taken);
  claim('timestamp', time.column);
  claim('orderId', byName(sniff, 'orderId', taken, (v) => v.length > 0));
  // An event column names a few kinds of events, not numbers.
  claim('eventName', byName(sniff, 'eventName', taken, (v) => v.length > 0 && numericShare(v, false) < 0.5 && new Set(v).size <= Math.max(50, v.length / 10)));
  if (!hasFixedAmount) {
    claim('amount', byName(sniff, 'amount', taken, numeric));
    if (mapping.amount === null) {
      claim('quantity', byName(sniff, 'quantity', taken, numeric));
      claim('unitPrice', byName(sniff, 'unitPrice', taken, numeric));
      if (mapping.quantity && mapping.unitPrice) notes.push(`amount = ${mapping.quantity} × ${mapping.unitPrice}`);
      else if (mapping.unitPrice) {
        // A price without a quantity is the line's amount.
        mapping.amount = mapping.unitPrice;
        mapping.unitPrice = null;
      }
      if (!mapping.unitPrice) mapping.quantity = null;
    }
  }
  // Sure of the columns; the date format is a separate question (SampleAnalysis.needs).
  const confident = customerByName !== null && time.column !== null && time.byName;
  return { mapping, dateDetection: time.detection, confident, notes };
}

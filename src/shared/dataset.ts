import type { CustomerIds } from './customerIds';

/** Why a data row was left out of the analysis; each reason is counted and exemplified. */
export type SkipReason =
  | 'missing customer id'
  | 'missing timestamp'
  | 'invalid timestamp'
  | 'invalid amount'
  | 'wrong number of fields'
  | 'duplicate row'
  // subscriptions and customers shapes
  | 'missing start'
  | 'invalid start'
  | 'invalid end'
  | 'end before start'
  | 'invalid tenure'
  | 'invalid churned flag'
  | 'duplicate customer';

/** One problem, located: 1-based line in the file (counting physical lines) and the column name. */
export interface RowProblem {
  line: number;
  column: string | null;
  value: string | null;    // the offending text, truncated to 80 characters; display as text only
}

/** Data-quality account of one parse: nothing is dropped without being counted here. */
export interface DataQuality {
  rowsRead: number;                                   // data rows seen (header excluded)
  rowsUsed: number;                                   // rows kept in the Dataset
  skipped: Partial<Record<SkipReason, number>>;
  examples: Partial<Record<SkipReason, RowProblem[]>>; // first 5 per reason
  returns: number;                                    // kept rows with amount < 0 (net from revenue, not activity)
  zeroAmount: number;                                 // kept rows with amount = 0 (not activity)
}

/**
 * Precision of the timestamp column, which decides where the data ends (DESIGN.md §4,
 * incomplete cells): a date-only value covers its whole day, a year-month value its month.
 */
export type TimePrecision = 'month' | 'day' | 'minute' | 'second' | 'millisecond';

/**
 * A categorical column as segments see it (DESIGN.md §4, segments): each customer's value on
 * their earliest row, dictionary-coded. Columns with more than MAX_SEGMENT_VALUES distinct
 * values are not segments and are left out.
 */
export interface SegmentColumn {
  column: string;
  values: string[];              // code → value as written (trimmed; '' for blank)
  customerValue: Int32Array;     // customer index → code
}

/** Distinct values above which a column is not treated as categorical. */
export const MAX_SEGMENT_VALUES = 1000;

/**
 * The parsed file, columnar (DESIGN.md §1). Row arrays have length rowCount. Times are
 * "civil milliseconds": the wall-clock time in the configured zone, encoded as if it were UTC,
 * so calendar periods are pure UTC arithmetic (Date.UTC / getUTC*) with no zone lookups.
 */
export interface Dataset {
  file: string;                  // base name, for messages and the report
  rowCount: number;
  customer: Uint32Array;         // interned customer index per row
  time: Float64Array;            // civil ms per row
  amount: Float64Array | null;   // per row; null when no amount (nor quantity × unit price) is mapped
  order: Uint32Array | null;     // interned order id per row; null when not mapped, or when each row has an order id of its own (orderIdCount = rowCount: the codes would be the row indexes)
  customerIds: CustomerIds;      // customer index → id as written in the file (strings made when shown)
  customerFirstLine: Uint32Array; // customer index → line of their first row (for drill-down)
  customerLastLine: Uint32Array;  // customer index → line of their last row in the file (for churn lists)
  orderIdCount: number;          // distinct order ids (0 when not mapped)
  event: Uint32Array | null;     // event-name code per row; null when no event column is mapped
  eventNames: string[];          // event code → name as written (empty when not mapped)
  segments: SegmentColumn[];     // categorical columns, each customer's first-row value
  timePrecision: TimePrecision;
  dataEnd: number;               // civil ms, exclusive: end of the latest timestamp at its precision
  quality: DataQuality;
}

/** Column roles a CSV can be mapped to (DESIGN.md §3, events/orders shape). */
export type ColumnRole = 'customerId' | 'timestamp' | 'amount' | 'quantity' | 'unitPrice' | 'orderId' | 'eventName';

/** All roles, in the order they are shown to the user. */
export const COLUMN_ROLES: readonly ColumnRole[] = ['customerId', 'timestamp', 'amount', 'quantity', 'unitPrice', 'orderId', 'eventName'];

/** Human names for the roles, for prompts and messages. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  customerId: 'customer id',
  timestamp: 'timestamp',
  amount: 'amount',
  quantity: 'quantity',
  unitPrice: 'unit price',
  orderId: 'order id',
  eventName: 'event name',
};

/**
 * Which header name plays which role; null = not mapped. Names, not indexes, so a remembered
 * mapping survives a reordered export. amount wins over quantity × unitPrice when both are set.
 */
export type ColumnMapping = Record<ColumnRole, string | null>;

/** How date values in the timestamp column are written (decided from the data, see ingest/dates.ts). */
export type DateFormat =
  | 'iso'          // 2024-03-05, 2024-03-05T10:00:00Z, 2024-03-05 10:00:00+02:00, 2024/03/05 (Y-M-D, any of - / .)
  | 'year-month'   // 2024-03 or 2024/03
  | 'dmy'          // 05/03/2024, 05.03.2024, 05-03-2024 (optionally with a time)
  | 'mdy'          // 03/05/2024 (optionally with a time)
  | 'compact'      // 20240305
  | 'unix-s'       // 1709596800
  | 'unix-ms';     // 1709596800000

/** Every date format, for CLI validation and prompts. */
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'year-month', 'dmy', 'mdy', 'compact', 'unix-s', 'unix-ms'];

/** The CSV dialect found by sniffing the first bytes of a file. */
export interface CsvDialect {
  delimiter: string;       // ',' ';' '\t' '|'
  hasHeader: boolean;
  decimalComma: boolean;   // amounts written 12,50 (only with ';' or tab delimiters)
}

/** Everything the full parse needs to know: dialect, roles and date format. */
export interface IngestPlan {
  dialect: CsvDialect;
  header: string[];          // column names (synthesised "column 1".. when there is no header row)
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  timeZone: string;          // IANA zone used for timestamps without an offset, and for periods
}

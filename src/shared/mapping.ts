/**
 * What one row of the file is (DESIGN.md §3): a purchase or event (events), one subscription
 * with its start and end (subscriptions), or one customer with a tenure (customers).
 */
export type DataShape = 'events' | 'subscriptions' | 'customers';

/** All shapes, in the order they are offered. */
export const DATA_SHAPES: readonly DataShape[] = ['events', 'subscriptions', 'customers'];

/** Human names for the shapes, for prompts and the report header. */
export const SHAPE_LABELS: Record<DataShape, string> = {
  events: 'events / orders (one row per purchase or event)',
  subscriptions: 'subscriptions (one row per subscription: start, end, MRR)',
  customers: 'customers (one row per customer: tenure, churned flag)',
};

/**
 * Column roles a CSV can be mapped to (DESIGN.md §3). Events use customerId, timestamp, amount,
 * quantity, unitPrice, orderId, eventName; subscriptions use customerId, start, end, amount
 * (the subscription's MRR) and plan; customers use customerId, tenure or start(+end), churned.
 */
export type ColumnRole = 'customerId' | 'timestamp' | 'amount' | 'quantity' | 'unitPrice' | 'orderId' | 'eventName'
  | 'start' | 'end' | 'tenure' | 'churned' | 'plan';

/** All roles, in the order they are shown to the user. */
export const COLUMN_ROLES: readonly ColumnRole[] = ['customerId', 'timestamp', 'amount', 'quantity', 'unitPrice', 'orderId', 'eventName', 'start', 'end', 'tenure', 'churned', 'plan'];

/** The roles each shape reads (the others stay null in its mapping). */
export const SHAPE_ROLES: Record<DataShape, readonly ColumnRole[]> = {
  events: ['customerId', 'timestamp', 'amount', 'quantity', 'unitPrice', 'orderId', 'eventName'],
  subscriptions: ['customerId', 'start', 'end', 'amount', 'plan'],
  customers: ['customerId', 'tenure', 'start', 'end', 'churned'],
};

/** Human names for the roles, for prompts and messages. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  customerId: 'customer id',
  timestamp: 'timestamp',
  amount: 'amount',
  quantity: 'quantity',
  unitPrice: 'unit price',
  orderId: 'order id',
  eventName: 'event name',
  start: 'start date',
  end: 'end / cancel date',
  tenure: 'tenure',
  churned: 'churned flag',
  plan: 'plan',
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

/** Unit of a customers table's tenure column (a label and a scale: the column holds numbers). */
export type TenureUnit = 'days' | 'weeks' | 'months' | 'years';
export const TENURE_UNITS: readonly TenureUnit[] = ['days', 'weeks', 'months', 'years'];

/**
 * Everything the full parse needs to know: dialect, shape, roles and date format. `shape` absent
 * means events (plans remembered before shapes existed). For subscriptions and customers the
 * date format applies to the start and end columns.
 */
export interface IngestPlan {
  shape?: DataShape;
  tenureUnit?: TenureUnit;   // customers shape with a tenure column; default months
  dialect: CsvDialect;
  header: string[];          // column names (synthesised "column 1".. when there is no header row)
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  timeZone: string;          // IANA zone used for timestamps without an offset, and for periods
}

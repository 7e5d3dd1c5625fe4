// Hand-built Datasets for engine tests, independent of src/ingest: rows such as
// ['c1', '2024-01-15', 10] become the columnar form ingest would produce, with civil times
// from Date.UTC and an explicit (or precision-derived) data end.
import { makeRng } from '../../../bench/rng';
import type { Dataset, TimePrecision } from '../../../src/shared/dataset';
import type { ColumnMapping, IngestPlan } from '../../../src/shared/mapping';
import { customerIdsOf } from '../../../src/shared/customerIds';

/** customer id, civil time ('2024-01', '2024-01-15', '2024-01-15T10:30[:45]'), amount, order id. */
export type Row = [customer: string, time: string, amount?: number, order?: string];

/** How to build the Dataset; amounts/orders default to "present when the first row has one". */
export interface MakeOptions {
  file?: string;
  precision?: TimePrecision;
  dataEnd?: string;            // exclusive; default: end of the latest time at `precision`
  amounts?: boolean;
  orders?: boolean;
  events?: string[];           // event name per row (parallel to the rows): fills Dataset.event / eventNames
}

/** Civil ms of 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM[:SS[.mmm]]'. */
export function civil(text: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?)?$/.exec(text);
  if (!m) throw new Error(`bad test time '${text}'`);
  const n = (s: string | undefined, dflt: number): number => (s === undefined ? dflt : Number(s));
  return Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0), n(m[7], 0));
}

function precisionOf(text: string): TimePrecision {
  if (/^\d{4}-\d{2}$/.test(text)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'day';
  if (/T\d{2}:\d{2}$/.test(text)) return 'minute';
  return /\.\d{3}$/.test(text) ? 'millisecond' : 'second';
}

function endOf(ms: number, precision: TimePrecision): number {
  const d = new Date(ms);
  if (precision === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const unit = { day: 86_400_000, minute: 60_000, second: 1000, millisecond: 1 }[precision];
  return Math.floor(ms / unit) * unit + unit;
}

/** Interns values in order of first appearance, as ingest does. */
function intern(values: string[]): { index: Uint32Array; distinct: string[] } {
  const ids = new Map<string, number>();
  const index = new Uint32Array(values.length);
  values.forEach((v, r) => {
    if (!ids.has(v)) ids.set(v, ids.size);
    index[r] = ids.get(v)!;
  });
  return { index, distinct: [...ids.keys()] };
}

/** A Dataset from hand-written rows. */
export function makeDataset(rows: Row[], options: MakeOptions = {}): Dataset {
  const hasAmount = options.amounts ?? typeof rows[0]?.[2] === 'number';
  const hasOrder = options.orders ?? typeof rows[0]?.[3] === 'string';
  const precision = options.precision ?? (rows.length ? precisionOf(rows[0][1]) : 'day');
  const time = Float64Array.from(rows, (r) => civil(r[1]));
  const amount = hasAmount ? Float64Array.from(rows, (r) => r[2] ?? 0) : null;
  const customers = intern(rows.map((r) => r[0]));
  const orders = intern(rows.map((r) => r[3] ?? ''));
  const latest = time.reduce((a, b) => Math.max(a, b), -Infinity);
  const events = options.events ? intern(options.events) : null;
  const firstLine = new Uint32Array(customers.distinct.length);
  for (let r = rows.length - 1; r >= 0; r--) firstLine[customers.index[r]] = r + 2;   // line 1 is the header
  const lastLine = new Uint32Array(customers.distinct.length);
  for (let r = 0; r < rows.length; r++) lastLine[customers.index[r]] = r + 2;
  return {
    file: options.file ?? 'test.csv',
    rowCount: rows.length,
    customer: customers.index,
    time,
    amount,
    order: hasOrder ? orders.index : null,
    customerIds: customerIdsOf(customers.distinct),
    customerFirstLine: firstLine,
    customerLastLine: lastLine,
    orderIdCount: hasOrder ? orders.distinct.length : 0,
    event: events ? events.index : null,
    eventNames: events ? events.distinct : [],
    segments: [],
    timePrecision: precision,
    dataEnd: options.dataEnd !== undefined ? civil(options.dataEnd) : rows.length ? endOf(latest, precision) : 0,
    quality: {
      rowsRead: rows.length,
      rowsUsed: rows.length,
      skipped: {},
      examples: {},
      returns: amount ? amount.filter((a) => a < 0).length : 0,
      zeroAmount: amount ? amount.filter((a) => a === 0).length : 0,
    },
  };
}

/** An ingest plan for the Dataset: a comma CSV with a header, mapped columns named as given. */
export function makePlan(mapping: Partial<ColumnMapping> = {}, extra: Partial<IngestPlan> = {}): IngestPlan {
  return {
    dialect: { delimiter: ',', hasHeader: true, decimalComma: false },
    header: Object.values(mapping).filter((v): v is string => typeof v === 'string'),
    mapping: { customerId: null, timestamp: null, amount: null, quantity: null, unitPrice: null, orderId: null, eventName: null, start: null, end: null, tenure: null, churned: null, plan: null, ...mapping },
    dateFormat: 'iso',
    timeZone: 'UTC',
    ...extra,
  };
}

/** The DESIGN.md §6 orders example (test/fixtures/orders.csv): month precision, data through 2024-03. */
export const ORDERS_ROWS: Row[] = [
  ['c1', '2024-01', 10], ['c2', '2024-01', 20], ['c3', '2024-01', 15],
  ['c1', '2024-02', 12], ['c2', '2024-02', 8], ['c4', '2024-02', 30], ['c5', '2024-02', 5],
  ['c1', '2024-03', 9], ['c4', '2024-03', 11],
];

/** Deterministic PRNG (mulberry32, the benchmark's generator) so generated tests fail the same way every run. */
export const random = makeRng;

/** Shape of a generated Dataset: about one row in ten is a return or a zero line. */
export interface SyntheticOptions {
  rows: number;
  customers: number;
  seed: number;
  from?: string;               // civil start of the time range (default 2022-01-01)
  days?: number;               // length of the time range (default 730)
  orders?: boolean;
  eventNames?: string[];       // when given, each row gets one of these event names at random
}

/**
 * A large random Dataset built straight into typed arrays (no row tuples), every customer with
 * at least one purchase: rows 0..customers−1 are each customer's first, positive row.
 */
export function syntheticDataset(options: SyntheticOptions): Dataset {
  const { rows, customers } = options;
  const next = random(options.seed);
  const from = civil(options.from ?? '2022-01-01');
  const span = (options.days ?? 730) * 86_400_000;
  const customer = new Uint32Array(rows);
  const time = new Float64Array(rows);
  const amount = new Float64Array(rows);
  const order = options.orders ? new Uint32Array(rows) : null;
  const eventNames = options.eventNames ?? [];
  const event = eventNames.length ? new Uint32Array(rows) : null;
  let returns = 0;
  let zeroAmount = 0;
  for (let r = 0; r < rows; r++) {
    customer[r] = r < customers ? r : Math.floor(next() * customers);
    time[r] = from + Math.floor(next() * span);
    const kind = r < customers ? 1 : next();
    amount[r] = kind < 0.05 ? -Math.round(next() * 5000) / 100 : kind < 0.1 ? 0 : Math.round(next() * 20000) / 100 + 0.01;
    if (amount[r] < 0) returns++;
    else if (amount[r] === 0) zeroAmount++;
    if (order) order[r] = Math.floor(r / 2);   // two lines per order
    if (event) event[r] = Math.floor(next() * eventNames.length);
  }
  const latest = time.reduce((a, b) => Math.max(a, b), -Infinity);
  return {
    file: 'synthetic.csv', rowCount: rows, customer, time, amount, order,
    customerIds: customerIdsOf(Array.from({ length: customers }, (_, u) => `c${u}`)),
    customerFirstLine: Uint32Array.from({ length: customers }, (_, u) => u + 2),
    customerLastLine: lastLineOf(customer, customers),
    orderIdCount: order ? Math.ceil(rows / 2) : 0,
    event,
    eventNames: [...eventNames],
    segments: [],
    timePrecision: 'millisecond',
    dataEnd: latest + 1,
    quality: { rowsRead: rows, rowsUsed: rows, skipped: {}, examples: {}, returns, zeroAmount },
  };
}

/** Line of each customer's last row (row r is on line r + 2: line 1 is the header). */
function lastLineOf(customer: Uint32Array, customers: number): Uint32Array {
  const last = new Uint32Array(customers);
  for (let r = 0; r < customer.length; r++) last[customer[r]] = r + 2;
  return last;
}

// The full parse of the two lifetime shapes (DESIGN.md §3): rows from the shared streamRows loop
// into a SubscriptionDataset or a CustomerTableDataset.
import type { CustomerTableDataset, SubscriptionDataset } from '../shared/lifetimes';
import type { IngestPlan } from '../shared/mapping';
import { CustomerTableBuilder } from './customerTableBuilder';
import type { ParseOptions } from './parseCsv';
import { streamRows } from './rowStream';
import { SubscriptionBuilder } from './subscriptionBuilder';

type Source = AsyncIterable<string> | Iterable<string>;

/** What both builders offer the row loop. */
interface RowBuilder<T> {
  readonly rowsRead: number;
  addRow(fields: readonly string[], line: number): void;
  finish(): T;
}

async function run<T>(source: Source, plan: IngestPlan, builder: RowBuilder<T>, options: ParseOptions): Promise<T> {
  await streamRows(source, plan.dialect, {
    row: (fields, line) => builder.addRow(fields, line),
    chunkDone: () => options.onProgress?.({ rowsRead: builder.rowsRead }),
  });
  return builder.finish();
}

/** Parses CSV text chunks of a subscriptions file (one row per subscription) with the plan. */
export function parseSubscriptions(source: Source, plan: IngestPlan, file: string, options: ParseOptions = {}): Promise<SubscriptionDataset> {
  return run(source, plan, new SubscriptionBuilder(plan, file), options);
}

/** Parses CSV text chunks of a customers table (one row per customer) with the plan. */
export function parseCustomerTable(source: Source, plan: IngestPlan, file: string, options: ParseOptions = {}): Promise<CustomerTableDataset> {
  return run(source, plan, new CustomerTableBuilder(plan, file), options);
}

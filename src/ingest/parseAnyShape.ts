// One entry for the worker and the CLI: the plan's shape picks the parser (absent = events).
import type { Dataset } from '../shared/dataset';
import type { CustomerTableDataset, SubscriptionDataset } from '../shared/lifetimes';
import type { IngestPlan } from '../shared/mapping';
import { parseCsv, type ParseOptions } from './parseCsv';
import { parseCustomerTable, parseSubscriptions } from './parseLifetimes';

/** Any parsed file: an events Dataset (no `shape` field) or one of the lifetime datasets. */
export type AnyDataset = Dataset | SubscriptionDataset | CustomerTableDataset;

/** Parses CSV text chunks with the parser of `plan.shape` (events when absent). */
export function parseAnyShape(source: AsyncIterable<string> | Iterable<string>, plan: IngestPlan, file: string, options: ParseOptions = {}): Promise<AnyDataset> {
  switch (plan.shape ?? 'events') {
    case 'subscriptions': return parseSubscriptions(source, plan, file, options);
    case 'customers': return parseCustomerTable(source, plan, file, options);
    case 'events': return parseCsv(source, plan, file, options);
  }
}

/** Whether a parsed file is the events shape (the only one without a `shape` field). */
export function isEventDataset(d: AnyDataset): d is Dataset {
  return !('shape' in d);
}

// Shared helpers for the ingest tests: error matchers, chunk splitters and plain-data views of a
// Dataset (typed arrays → arrays) so two parses can be compared with deepEqual.
import { strict as assert } from 'node:assert';
import { IngestError, type IngestErrorCode } from '../../../src/ingest/errors';
import type { Dataset } from '../../../src/shared/dataset';
import type { ColumnMapping, DateFormat, IngestPlan } from '../../../src/shared/mapping';
import { idStrings } from '../../../src/shared/customerIds';

/** Asserts that `fn` throws an IngestError with `code`; returns it for further checks. */
export function throwsIngest(fn: () => unknown, code: IngestErrorCode): IngestError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof IngestError, `expected IngestError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected IngestError '${code}', nothing was thrown`);
}

/** Async variant of throwsIngest. */
export async function rejectsIngest(p: Promise<unknown>, code: IngestErrorCode): Promise<IngestError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof IngestError, `expected IngestError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected IngestError '${code}', the promise resolved`);
}

/** `text` cut into chunks of `size` characters (the last may be shorter). */
export function chunksOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** `text` (or bytes) cut at the given offsets, ascending. */
export function cutAt<T extends { slice(start?: number, end?: number): T }>(text: T, ...at: number[]): T[] {
  const out: T[] = [];
  let from = 0;
  for (const p of at) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

/** A Dataset as plain arrays, for deepEqual between parses. */
export function plain(d: Dataset): Record<string, unknown> {
  return {
    ...d,
    customer: [...d.customer], time: [...d.time], amount: d.amount && [...d.amount], order: d.order && [...d.order],
    event: d.event && [...d.event],
    segments: d.segments.map((c) => ({ column: c.column, values: c.values, customerValue: [...c.customerValue] })),
    customerFirstLine: [...d.customerFirstLine],
    customerLastLine: [...d.customerLastLine],
    customerIds: idStrings(d.customerIds),
  };
}

/** A mapping with every role unmapped except those given. */
export function mapping(m: Partial<ColumnMapping>): ColumnMapping {
  return { customerId: null, timestamp: null, amount: null, quantity: null, unitPrice: null, orderId: null, eventName: null, start: null, end: null, tenure: null, churned: null, plan: null, ...m };
}

/** A plan for `header` written by hand (independent of sniffing and role guessing). */
export function plan(header: string[], m: Partial<ColumnMapping>, opts: { dateFormat?: DateFormat; delimiter?: string; hasHeader?: boolean; decimalComma?: boolean; timeZone?: string } = {}): IngestPlan {
  return {
    dialect: { delimiter: opts.delimiter ?? ',', hasHeader: opts.hasHeader ?? true, decimalComma: opts.decimalComma ?? false },
    header, mapping: mapping(m), dateFormat: opts.dateFormat ?? 'iso', timeZone: opts.timeZone ?? 'UTC',
  };
}

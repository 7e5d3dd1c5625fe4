// Where the plan's roles sit in a row: the field index of each mapped column, and the columns
// left over, which may be segments (DESIGN.md §4).
import type { IngestPlan } from '../shared/mapping';

/** Field indexes of the mapped roles (−1: not mapped). */
export interface ColumnIndexes { customer: number; time: number; amount: number; quantity: number; unitPrice: number; order: number; event: number }

/** The field index of each role the plan maps. */
export function indexesOf(plan: IngestPlan): ColumnIndexes {
  const at = (name: string | null): number => (name === null ? -1 : plan.header.indexOf(name));
  const m = plan.mapping;
  const useProduct = m.amount === null && m.quantity !== null && m.unitPrice !== null;
  return {
    customer: at(m.customerId), time: at(m.timestamp), amount: at(m.amount),
    quantity: useProduct ? at(m.quantity) : -1, unitPrice: useProduct ? at(m.unitPrice) : -1, order: at(m.orderId),
    event: at(m.eventName ?? null),
  };
}

/** Columns that may be segments: every column not mapped to a role. */
export function segmentCandidates(plan: IngestPlan): [string, number][] {
  const mapped = new Set(Object.values(plan.mapping).filter((v): v is string => typeof v === 'string'));
  return plan.header.map((name, i) => [name, i] as [string, number]).filter(([name]) => !mapped.has(name));
}

// Drill-down (issue 3, Drill-down and exports): the customers behind a table cell, with their
// first and last activity, orders, revenue and the line to open in the editor. A cell can hold
// millions of customers, so facts are gathered in one pass over the rows into typed arrays
// indexed by the member's slot (an Int32Array maps customer → slot), and only the `limit`
// customers shown get objects and strings.
import type { Dataset } from '../shared/dataset';
import type { CellCustomer } from '../shared/report';
import { isPurchase } from './activity';
import { isoDateTime } from './civil';
import { round2 } from './rounding';

/** Per-slot facts of the members, gathered in one pass over the rows. */
interface MemberFacts {
  customers: Uint32Array;   // slot → customer index (members, duplicates dropped)
  first: Float64Array;      // earliest purchase (civil ms); +∞ until one is seen
  last: Float64Array;
  anyFirst: Float64Array;   // earliest/latest row of any kind, for members without a purchase
  anyLast: Float64Array;
  purchases: Uint32Array;   // purchase rows
  revenue: Float64Array;    // Σ amount over all rows (returns net)
}

/**
 * The customers behind a cell, by revenue (descending) then id, at most `limit` of them; total
 * is the number of members. Activity means purchase rows (engine/activity.ts); a member with
 * none (possible under an event filter) shows the span of their rows instead. Orders are
 * distinct order ids among purchase rows when an order column is mapped, else purchase rows.
 * Revenue is Σ amount over all the customer's rows (net of returns), null without amounts.
 */
export function cellCustomers(ds: Dataset, members: Uint32Array, limit: number): { customers: CellCustomer[]; total: number } {
  const facts = gatherFacts(ds, members);
  const hasAmount = ds.amount !== null;
  const revenue = new Float64Array(facts.revenue.length);
  for (let s = 0; s < revenue.length; s++) revenue[s] = round2(facts.revenue[s]);   // sort on what is shown
  const shown = topSlots(ds, facts.customers, hasAmount ? revenue : null, Math.max(0, Math.floor(limit)));
  const orders = ds.order ? distinctOrders(ds, facts.customers, shown) : null;
  const customers = Array.from(shown, (s, i): CellCustomer => {
    const u = facts.customers[s];
    const bought = facts.purchases[s] > 0;
    return {
      id: ds.customerIds.at(u),
      firstActivity: isoDateTime(bought ? facts.first[s] : facts.anyFirst[s]),
      lastActivity: isoDateTime(bought ? facts.last[s] : facts.anyLast[s]),
      orders: orders ? orders[i] : facts.purchases[s],
      revenue: hasAmount ? revenue[s] : null,
      line: ds.customerFirstLine[u],
    };
  });
  return { customers, total: members.length };
}

/** Slot index of every member, then one pass over the rows accumulating each member's facts. */
function gatherFacts(ds: Dataset, members: Uint32Array): MemberFacts {
  const slotOf = slotIndex(ds.customerIds.length, members);
  const customers = new Uint32Array(members.length);
  let n = 0;
  for (const u of members) if (slotOf[u] === n) customers[n++] = u;   // first occurrence keeps the slot
  const facts: MemberFacts = {
    customers: customers.subarray(0, n),
    first: new Float64Array(n).fill(Infinity), last: new Float64Array(n).fill(-Infinity),
    anyFirst: new Float64Array(n).fill(Infinity), anyLast: new Float64Array(n).fill(-Infinity),
    purchases: new Uint32Array(n), revenue: new Float64Array(n),
  };
  const { customer, time, amount } = ds;
  for (let r = 0; r < ds.rowCount; r++) {
    const s = slotOf[customer[r]];
    if (s < 0) continue;
    const t = time[r];
    if (t < facts.anyFirst[s]) facts.anyFirst[s] = t;
    if (t > facts.anyLast[s]) facts.anyLast[s] = t;
    if (amount) facts.revenue[s] += amount[r];
    if (!isPurchase(amount, r)) continue;
    facts.purchases[s]++;
    if (t < facts.first[s]) facts.first[s] = t;
    if (t > facts.last[s]) facts.last[s] = t;
  }
  return facts;
}

/** customer → slot (distinct members numbered in order of first appearance), −1 for non-members. */
function slotIndex(customers: number, members: Uint32Array): Int32Array {
  const slotOf = new Int32Array(customers).fill(-1);
  let n = 0;
  for (const u of members) {
    if (u >= customers) throw new RangeError(`cellCustomers: customer index ${u} out of range`);
    if (slotOf[u] < 0) slotOf[u] = n++;
  }
  return slotOf;
}

/**
 * The `limit` slots to show, sorted by revenue descending then id. With many members only
 * those at or above the limit-th largest revenue go through the id-comparing sort.
 */
function topSlots(ds: Dataset, customers: Uint32Array, revenue: Float64Array | null, limit: number): Uint32Array {
  if (limit === 0) return new Uint32Array(0);
  let slots = new Uint32Array(customers.length);
  for (let s = 0; s < slots.length; s++) slots[s] = s;
  if (revenue && limit < slots.length) {
    const threshold = kthLargest(revenue.slice(), limit);
    slots = slots.filter((s) => revenue[s] >= threshold);
  }
  const ids = ds.customerIds;
  slots.sort((a, b) => (revenue ? revenue[b] - revenue[a] : 0) || ids.compare(customers[a], customers[b]));
  return slots.subarray(0, limit);
}

/** The k-th largest value (1-based) by quickselect, reordering `values`: O(n), unlike a full sort. */
export function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k;   // its index in ascending order
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) { const t = values[i]; values[i++] = values[j]; values[j--] = t; }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target];
}

/**
 * Distinct order ids among each shown customer's purchase rows, by a second pass restricted to
 * the shown few: counting them for every member would need a set per member. An order id can
 * in principle recur across customers, so (position, order) pairs are sorted and counted.
 */
function distinctOrders(ds: Dataset, customers: Uint32Array, shown: Uint32Array): Uint32Array {
  const positionOf = new Int32Array(ds.customerIds.length).fill(-1);
  shown.forEach((s, i) => (positionOf[customers[s]] = i));
  const order = ds.order!;
  const width = ds.orderIdCount + 1;
  const keys: number[] = [];
  for (let r = 0; r < ds.rowCount; r++) {
    const i = positionOf[ds.customer[r]];
    if (i >= 0 && isPurchase(ds.amount, r)) keys.push(i * width + order[r]);
  }
  const sorted = Float64Array.from(keys).sort();
  const counts = new Uint32Array(shown.length);
  for (let k = 0; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) counts[Math.floor(sorted[k] / width)]++;
  }
  return counts;
}

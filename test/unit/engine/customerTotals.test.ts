import { strict as assert } from 'node:assert';
import { customerTotals } from '../../../src/engine/customerTotals';
import { makeDataset, syntheticDataset, type Row } from './makeDataset';
import type { Dataset } from '../../../src/shared/dataset';

// a: o1 (two lines) and o2; b: o3 with a returned line; c: only a return; d: o5, and o6 only a zero line.
const LINES: Row[] = [
  ['a', '2024-01-05', 10, 'o1'], ['a', '2024-01-05', 5, 'o1'], ['a', '2024-02-01', 7, 'o2'],
  ['b', '2024-01-07', 3, 'o3'], ['b', '2024-01-07', 4, 'o3'], ['b', '2024-01-07', -4, 'o3'],
  ['c', '2024-03-01', -9, 'o4'],
  ['d', '2024-03-02', 8, 'o5'], ['d', '2024-03-02', 0, 'o6'],
];

/** The same totals the slow way: a set of order ids per customer, sums in file order. */
function naiveTotals(ds: Dataset): { orders: number[]; revenue: number[]; orderCount: number; repeatCustomers: number } {
  const ids = Array.from({ length: ds.customerIds.length }, () => new Set<number>());
  const revenue = new Array<number>(ds.customerIds.length).fill(0);
  const all = new Set<number>();
  for (let r = 0; r < ds.rowCount; r++) {
    revenue[ds.customer[r]] += ds.amount![r];
    if (ds.amount![r] <= 0) continue;
    ids[ds.customer[r]].add(ds.order![r]);
    all.add(ds.order![r]);
  }
  return { orders: ids.map((s) => s.size), revenue, orderCount: all.size, repeatCustomers: ids.filter((s) => s.size >= 2).length };
}

describe('engine/customerTotals', () => {
  it('counts distinct order ids among purchase rows and nets revenue over every row', () => {
    const t = customerTotals(makeDataset(LINES));
    assert.deepEqual([...t.orders], [2, 1, 0, 1]);
    assert.deepEqual([...t.revenue!], [22, 3, -9, 8]);
    assert.equal(t.orderCount, 4);           // o1, o2, o3, o5
    assert.equal(t.repeatCustomers, 1);      // a
  });

  it('counts purchase rows as orders without an order column, and has no revenue without amounts', () => {
    const t = customerTotals(makeDataset(LINES, { orders: false }));
    assert.deepEqual([...t.orders], [3, 2, 0, 1]);
    assert.equal(t.orderCount, 6);
    assert.equal(t.repeatCustomers, 2);
    const bare = customerTotals(makeDataset([['a', '2024-01-01'], ['a', '2024-01-02'], ['b', '2024-01-03']], { amounts: false }));
    assert.equal(bare.revenue, null);
    assert.deepEqual([...bare.orders], [2, 1]);
  });

  it('counts the purchase rows when every row has an order id of its own (returns and zero lines too)', () => {
    const rows: Row[] = LINES.map(([c, t, a], i) => [c, t, a, `x${i}`]);
    const ds = makeDataset(rows);
    assert.equal(ds.orderIdCount, ds.rowCount);
    const t = customerTotals(ds);
    assert.deepEqual([...t.orders], [3, 2, 0, 1]);
    assert.deepEqual([...t.revenue!], [22, 3, -9, 8]);
    assert.equal(t.orderCount, 6);
    assert.equal(t.repeatCustomers, 2);
    const want = naiveTotals(ds);
    assert.deepEqual([[...t.orders], t.orderCount, t.repeatCustomers], [want.orders, want.orderCount, want.repeatCustomers]);
  });

  it('agrees with per-customer sets of order ids on a large random file', () => {
    const ds = syntheticDataset({ rows: 20_000, customers: 3_000, seed: 7, orders: true });
    const t = customerTotals(ds);
    const want = naiveTotals(ds);
    assert.deepEqual([...t.orders], want.orders);
    assert.deepEqual([...t.revenue!], want.revenue);
    assert.equal(t.orderCount, want.orderCount);
    assert.equal(t.repeatCustomers, want.repeatCustomers);
  });
});

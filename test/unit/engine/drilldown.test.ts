import { strict as assert } from 'node:assert';
import { cellCustomers, kthLargest } from '../../../src/engine/drilldown';
import { isoDateTime } from '../../../src/engine/civil';
import { makeDataset, random, syntheticDataset, type Row } from './makeDataset';

// Customers are interned a = 0, b = 1, c = 2, d = 3, e = 4; line = row index + 2 (line 1 is the header).
const ROWS: Row[] = [
  ['a', '2024-01-05T10:30:00', 10, 'o1'],   // line 2
  ['a', '2024-01-05T10:30:00', 5, 'o1'],    // a's o1 has two lines
  ['b', '2024-01-07T08:00:00', 3, 'o4'],    // line 4
  ['a', '2024-02-01T09:00:00', 7, 'o2'],
  ['c', '2024-01-02T00:00:00', 0, 'o6'],    // line 6; a zero line is not activity
  ['b', '2024-01-09T12:15:30', 4, 'o1'],    // b reuses the id o1: still one order of b's
  ['a', '2024-03-01T00:00:00', -4, 'o3'],   // a return: nets revenue, is not activity
  ['c', '2024-02-10T00:00:00', 18, 'o7'],
  ['d', '2024-03-02T11:00:00', 0.1, 'o8'],  // line 10
  ['e', '2024-03-02T11:00:00', 500, 'o9'],  // line 11; never a member
  ['d', '2024-03-03T11:00:00', 0.2, 'o8'],  // 0.1 + 0.2 = 0.30000000000000004 → 0.3
];
const MEMBERS = Uint32Array.from([2, 0, 1, 3]);   // c, a, b, d

// Revenue a = 10 + 5 + 7 − 4 = 18, c = 0 + 18 = 18, b = 7, d = 0.3: a and c tie, a's id sorts first.
const A = { id: 'a', firstActivity: '2024-01-05T10:30:00', lastActivity: '2024-02-01T09:00:00', orders: 2, revenue: 18, line: 2 };
const C = { id: 'c', firstActivity: '2024-02-10T00:00:00', lastActivity: '2024-02-10T00:00:00', orders: 1, revenue: 18, line: 6 };
const B = { id: 'b', firstActivity: '2024-01-07T08:00:00', lastActivity: '2024-01-09T12:15:30', orders: 2, revenue: 7, line: 4 };
const D = { id: 'd', firstActivity: '2024-03-02T11:00:00', lastActivity: '2024-03-03T11:00:00', orders: 1, revenue: 0.3, line: 10 };

describe('engine/drilldown', () => {
  it('lists the members with activity, distinct orders, net revenue and first line, by revenue then id', () => {
    assert.deepEqual(cellCustomers(makeDataset(ROWS), MEMBERS, 10), { customers: [A, C, B, D], total: 4 });
  });

  it('caps the list at the limit but reports every member in total', () => {
    const ds = makeDataset(ROWS);
    assert.deepEqual(cellCustomers(ds, MEMBERS, 3), { customers: [A, C, B], total: 4 });
    assert.deepEqual(cellCustomers(ds, MEMBERS, 2), { customers: [A, C], total: 4 });
    assert.deepEqual(cellCustomers(ds, MEMBERS, 1), { customers: [A], total: 4 });   // a and c tie at the cut: id decides
    assert.deepEqual(cellCustomers(ds, MEMBERS, 0), { customers: [], total: 4 });
  });

  it('counts purchase rows as orders without an order column', () => {
    // Purchase rows: a 3 (the return is not one), b 2, c 1 (the zero line is not one), d 2.
    const { customers } = cellCustomers(makeDataset(ROWS, { orders: false }), MEMBERS, 10);
    assert.deepEqual(customers.map((c) => [c.id, c.orders]), [['a', 3], ['c', 1], ['b', 2], ['d', 2]]);
  });

  it('has null revenue and sorts by id without amounts, where every row is activity', () => {
    // Without amounts a's return row (2024-03-01) and c's zero line (2024-01-02) are activity;
    // a's orders: o1, o2, o3; c's: o6, o7.
    const { customers } = cellCustomers(makeDataset(ROWS, { amounts: false }), MEMBERS, 10);
    assert.deepEqual(customers, [
      { ...A, lastActivity: '2024-03-01T00:00:00', orders: 3, revenue: null },
      { ...B, revenue: null },
      { ...C, firstActivity: '2024-01-02T00:00:00', orders: 2, revenue: null },
      { ...D, revenue: null },
    ]);
  });

  it('lists a duplicated member once, and shows the span of any rows for a member without purchases', () => {
    const ds = makeDataset([...ROWS, ['z', '2024-01-01T05:00:00', 0, 'o10'], ['z', '2024-01-03T05:00:00', -2, 'o11']]);
    const result = cellCustomers(ds, Uint32Array.from([5, 1, 5]), 10);
    assert.equal(result.total, 3);
    assert.deepEqual(result.customers, [
      B,
      { id: 'z', firstActivity: '2024-01-01T05:00:00', lastActivity: '2024-01-03T05:00:00', orders: 0, revenue: -2, line: 13 },
    ]);
  });

  it('rejects a member index outside the Dataset', () => {
    assert.throws(() => cellCustomers(makeDataset(ROWS), Uint32Array.from([0, 5]), 10), RangeError);
  });

  it('agrees with a per-customer recomputation on a generated Dataset', () => {
    const ds = syntheticDataset({ rows: 6000, customers: 900, seed: 11, orders: true });
    const members = Uint32Array.from({ length: 300 }, (_, i) => i * 3);
    const expected = Array.from(members, (u) => naive(ds, u)).sort((x, y) => y.revenue - x.revenue || (x.id < y.id ? -1 : 1));
    const result = cellCustomers(ds, members, 25);
    assert.equal(result.total, 300);
    assert.deepEqual(result.customers, expected.slice(0, 25));
  });

  it('selects the k-th largest value like a full sort, duplicates included', () => {
    assert.equal(kthLargest(Float64Array.from([5, 1, 4, 4, 2]), 1), 5);
    assert.equal(kthLargest(Float64Array.from([5, 1, 4, 4, 2]), 2), 4);
    assert.equal(kthLargest(Float64Array.from([5, 1, 4, 4, 2]), 3), 4);
    assert.equal(kthLargest(Float64Array.from([5, 1, 4, 4, 2]), 5), 1);
    const next = random(5);
    for (let trial = 0; trial < 50; trial++) {
      const values = Float64Array.from({ length: 1 + Math.floor(next() * 200) }, () => Math.floor(next() * 20) - 5);
      const k = 1 + Math.floor(next() * values.length);
      const sorted = values.slice().sort();
      assert.equal(kthLargest(values.slice(), k), sorted[values.length - k]);
    }
  });
});

/** One customer's facts by scanning every row for them: slow, obviously right. */
function naive(ds: ReturnType<typeof syntheticDataset>, u: number) {
  let first = Infinity;
  let last = -Infinity;
  let revenue = 0;
  const orders = new Set<number>();
  for (let r = 0; r < ds.rowCount; r++) {
    if (ds.customer[r] !== u) continue;
    revenue += ds.amount![r];
    if (ds.amount![r] <= 0) continue;
    orders.add(ds.order![r]);
    first = Math.min(first, ds.time[r]);
    last = Math.max(last, ds.time[r]);
  }
  return {
    id: ds.customerIds.at(u), firstActivity: isoDateTime(first), lastActivity: isoDateTime(last),
    orders: orders.size, revenue: Math.round(revenue * 100) / 100 || 0, line: ds.customerFirstLine[u],
  };
}

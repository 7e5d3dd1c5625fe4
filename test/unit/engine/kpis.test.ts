import { strict as assert } from 'node:assert';
import { computeKpis } from '../../../src/engine/kpis';
import { ORDERS_ROWS, makeDataset, syntheticDataset, type Row } from './makeDataset';

// Order lines: a's o1 has two lines; b's o3 has a returned line; c only returned; d's o6 is a zero line.
const LINES: Row[] = [
  ['a', '2024-01-05', 10, 'o1'], ['a', '2024-01-05', 5, 'o1'], ['a', '2024-02-01', 7, 'o2'],
  ['b', '2024-01-07', 3, 'o3'], ['b', '2024-01-07', 4, 'o3'], ['b', '2024-01-07', -4, 'o3'],
  ['c', '2024-03-01', -9, 'o4'],
  ['d', '2024-03-02', 8, 'o5'], ['d', '2024-03-02', 0, 'o6'],
];

describe('engine/kpis', () => {
  it('reproduces the DESIGN.md §6 example exactly', () => {
    assert.deepEqual(computeKpis(makeDataset(ORDERS_ROWS)), {
      customers: 5, orders: 9, revenue: 120, aov: 13.33, purchaseFrequency: 1.8, repeatPurchaseRate: 0.6,
    });
  });

  it('counts distinct order ids among purchase rows when orders are mapped', () => {
    // Orders o1, o2, o3, o5 (o4 is only a return, o6 only a zero line); revenue 24 net of returns.
    assert.deepEqual(computeKpis(makeDataset(LINES)), {
      customers: 3, orders: 4, revenue: 24, aov: 6, purchaseFrequency: 1.3333, repeatPurchaseRate: 0.3333,
    });
  });

  it('counts purchase rows as orders without an order column', () => {
    // 6 purchase rows; a (3 rows) and b (2 rows) repeat, d does not.
    assert.deepEqual(computeKpis(makeDataset(LINES, { orders: false })), {
      customers: 3, orders: 6, revenue: 24, aov: 4, purchaseFrequency: 2, repeatPurchaseRate: 0.6667,
    });
  });

  it('nets returns and zero amounts into revenue without making them orders', () => {
    const ds = makeDataset([
      ['a', '2024-01-10', 50], ['a', '2024-02-05', -20], ['a', '2024-03-01', 0],
      ['b', '2024-02-10', -10], ['c', '2024-02-15', 30], ['c', '2024-03-20', 25],
    ]);
    assert.deepEqual(computeKpis(ds), { customers: 2, orders: 3, revenue: 75, aov: 25, purchaseFrequency: 1.5, repeatPurchaseRate: 0.5 });
  });

  it('has no revenue or AOV without an amount column; every row is an order', () => {
    const ds = makeDataset([['a', '2024-01'], ['a', '2024-02'], ['b', '2024-02']]);
    assert.deepEqual(computeKpis(ds), { customers: 2, orders: 3, revenue: null, aov: null, purchaseFrequency: 1.5, repeatPurchaseRate: 0.5 });
  });

  it('reports zeros, not NaN, when nobody purchased', () => {
    assert.deepEqual(computeKpis(makeDataset([['a', '2024-01', -5.5], ['b', '2024-01', 0]])), {
      customers: 0, orders: 0, revenue: -5.5, aov: null, purchaseFrequency: 0, repeatPurchaseRate: 0,
    });
    assert.deepEqual(computeKpis(makeDataset([], { amounts: false })), {
      customers: 0, orders: 0, revenue: null, aov: null, purchaseFrequency: 0, repeatPurchaseRate: 0,
    });
  });

  it('rounds money to cents and ratios to 4 decimals', () => {
    const ds = makeDataset([['a', '2024-01', 0.1], ['a', '2024-01', 0.2], ['b', '2024-01', 0.005], ['c', '2024-01', 1 / 3]]);
    const k = computeKpis(ds);
    assert.equal(k.revenue, 0.64);                 // 0.63833…
    assert.equal(k.aov, 0.16);                     // 0.15958…
    assert.equal(k.purchaseFrequency, 1.3333);
    assert.equal(k.repeatPurchaseRate, 0.3333);
  });

  it('sums a million cent amounts to the exact cent', () => {
    const ds = syntheticDataset({ rows: 1_000_000, customers: 50_000, seed: 7, orders: true });
    let cents = 0;
    for (let r = 0; r < ds.rowCount; r++) cents += Math.round(ds.amount![r] * 100);   // integers: exact
    assert.equal(computeKpis(ds).revenue, cents / 100);
  });
});

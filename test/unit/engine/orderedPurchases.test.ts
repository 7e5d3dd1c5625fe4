import { strict as assert } from 'node:assert';
import { orderedPurchases } from '../../../src/engine/orderedPurchases';
import { customerActivity } from '../../../src/engine/activity';
import { distinctPurchaseDays } from '../../../src/engine/churn/customerDays';
import { makeRng } from '../../../bench/rng';
import { makeDataset, type Row } from './makeDataset';

const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Each customer's sorted distinct purchase days, by customer index, computed with Maps and sorts. */
function referenceDays(rows: Row[]): number[][] {
  const byCustomer = new Map<string, Set<number>>();
  for (const [c, t, amount] of rows) {
    if (!byCustomer.has(c)) byCustomer.set(c, new Set());
    if (amount === undefined || amount > 0) byCustomer.get(c)!.add(day(t));
  }
  return [...byCustomer.values()].map((s) => [...s].sort((a, b) => a - b));
}

/** CSR lists as arrays per customer. */
const lists = (start: Uint32Array, values: Int32Array): number[][] =>
  Array.from({ length: start.length - 1 }, (_, u) => [...values.subarray(start[u], start[u + 1])]);

describe('engine/orderedPurchases', () => {
  it('reads counts, first days and distinct days off rows in time order; returns and zero lines are no purchases', () => {
    const ds = makeDataset([
      ['a', '2024-01-05T10:00', 5], ['b', '2024-01-05T11:00', -3], ['a', '2024-01-05T12:00', 2],
      ['c', '2024-01-06T00:00', 0], ['b', '2024-01-07T09:00', 4], ['b', '2024-01-07T23:00', 6],
      ['a', '2024-01-09T08:00', 1], ['a', '2024-01-03T08:00', -1],   // a return out of order does not matter
    ]);
    const p = orderedPurchases(ds)!;
    assert.ok(p);
    assert.deepEqual([...p.start], [0, 3, 5, 5]);                 // a: 3 purchases, b: 2, c: none
    assert.deepEqual([...p.firstDay], [day('2024-01-05'), day('2024-01-07'), 0]);
    assert.equal(p.purchasers, 2);
    assert.deepEqual(lists(p.dayStart, p.days), [[day('2024-01-05'), day('2024-01-09')], [day('2024-01-07')], []]);
    assert.equal(p.firstTime, Date.UTC(2024, 0, 5, 10));
    assert.equal(p.lastTime, Date.UTC(2024, 0, 9, 8));
  });

  it('gives up on a purchase earlier than the one before, and the grouped rows answer the same', () => {
    const rows: Row[] = [['a', '2024-02-01', 5], ['b', '2024-02-03', 1], ['a', '2024-01-20', 7], ['a', '2024-02-01', 2]];
    const ds = makeDataset(rows);
    assert.equal(orderedPurchases(ds), null);
    const act = customerActivity(ds);
    assert.deepEqual([...act.start], [0, 3, 4]);
    assert.deepEqual([...act.firstDay], [day('2024-01-20'), day('2024-02-03')]);
    const d = distinctPurchaseDays(ds);
    assert.deepEqual(lists(d.start, d.days), referenceDays(rows));
  });

  it('has no times without purchases', () => {
    const p = orderedPurchases(makeDataset([['a', '2024-01-01', -1], ['b', '2024-01-02', 0]]))!;
    assert.deepEqual([...p.start], [0, 0, 0]);
    assert.equal(p.purchasers, 0);
    assert.ok(Number.isNaN(p.firstTime) && Number.isNaN(p.lastTime));
  });

  it('matches sets and sorts on 40 seeded logs, in time order and shuffled (the grouped path)', () => {
    const rng = makeRng(7);
    for (let trial = 0; trial < 40; trial++) {
      const rows: Row[] = [];
      const n = 1 + Math.floor(rng() * 300);
      let t = Date.UTC(2024, 0, 1);
      for (let i = 0; i < n; i++) {
        t += Math.floor(rng() * 3) * 3_600_000 * Math.floor(rng() * 12);
        const amount = rng() < 0.15 ? -(1 + Math.floor(rng() * 9)) : rng() < 0.05 ? 0 : 1 + Math.floor(rng() * 99);
        rows.push([`c${Math.floor(rng() * 25)}`, new Date(t).toISOString().slice(0, 16), amount]);
      }
      const expected = referenceDays(rows);
      const inOrder = makeDataset(rows);
      assert.ok(orderedPurchases(inOrder), `trial ${trial}`);
      const shuffled = rows.map((r) => [rng(), r] as const).sort((x, y) => x[0] - y[0]).map(([, r]) => r);
      for (const ds of [inOrder, makeDataset(shuffled)]) {
        const d = distinctPurchaseDays(ds);
        const byId = new Map(ds.customerIds.map((id, u) => [id, lists(d.start, d.days)[u]]));
        assert.deepEqual(inOrder.customerIds.map((id) => byId.get(id)), expected, `trial ${trial}`);
        const act = customerActivity(ds);
        assert.equal(act.purchasers, expected.filter((days) => days.length > 0).length);
        ds.customerIds.forEach((id, u) => {
          if (byId.get(id)!.length) assert.equal(act.firstDay[u], byId.get(id)![0], `trial ${trial} ${id}`);
        });
      }
    }
  });
});

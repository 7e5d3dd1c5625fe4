import { strict as assert } from 'node:assert';
import { customerActivity, isPurchase } from '../../../src/engine/activity';
import { makeDataset } from './makeDataset';

const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('engine/activity', () => {
  const ds = makeDataset([
    ['a', '2024-02-03T10:00', 5], ['b', '2024-01-09T08:00', -2], ['a', '2024-01-20T23:59', 7],
    ['c', '2024-03-01T00:00', 1], ['b', '2024-03-04T12:00', 0], ['a', '2024-02-03T11:00', 1],
  ]);

  it('groups purchase days by customer, in file order, skipping returns and zero lines', () => {
    const act = customerActivity(ds);
    assert.deepEqual([...act.start], [0, 3, 3, 4]);             // a: 3 purchases, b: none, c: 1
    assert.deepEqual([...act.days], [day('2024-02-03'), day('2024-01-20'), day('2024-02-03'), day('2024-03-01')]);
    assert.equal(act.firstDay[0], day('2024-01-20'));
    assert.equal(act.firstDay[2], day('2024-03-01'));
    assert.equal(act.purchasers, 2);
    assert.equal(act.purchases, 4);
    assert.equal(act.firstTime, Date.UTC(2024, 0, 20, 23, 59));
    assert.equal(act.lastTime, Date.UTC(2024, 2, 1));
  });

  it('is computed once per Dataset', () => {
    assert.equal(customerActivity(ds), customerActivity(ds));
  });

  it('has no first or last time without purchases', () => {
    const act = customerActivity(makeDataset([['a', '2024-01', -1]]));
    assert.equal(act.purchasers, 0);
    assert.ok(Number.isNaN(act.firstTime) && Number.isNaN(act.lastTime));
  });

  it('treats every row as a purchase when amounts are unknown', () => {
    assert.equal(isPurchase(null, 0), true);
    assert.equal(isPurchase(Float64Array.of(0, -1, 0.01), 0), false);
    assert.equal(isPurchase(Float64Array.of(0, -1, 0.01), 1), false);
    assert.equal(isPurchase(Float64Array.of(0, -1, 0.01), 2), true);
  });
});

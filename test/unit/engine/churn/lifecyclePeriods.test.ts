import { strict as assert } from 'node:assert';
import { customerDays } from '../../../../src/engine/churn/customerDays';
import { lifecycleRows } from '../../../../src/engine/churn/lifecycle';
import { periodMoves } from '../../../../src/engine/periodMoves';
import { syntheticDataset } from '../makeDataset';

describe('engine/churn/lifecycle from counted periods', () => {
  it('gives the rows it gives from the purchase days, for every period kind', () => {
    const ds = syntheticDataset({ rows: 3000, customers: 400, seed: 8, days: 500 });
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const o = { period, weekStart: 'friday' as const, dataEnd: ds.dataEnd };
      assert.deepEqual(lifecycleRows(customerDays(ds), o, periodMoves(ds, period, 'friday')), lifecycleRows(customerDays(ds), o), period);
    }
  });
});

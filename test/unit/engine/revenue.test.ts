import { strict as assert } from 'node:assert';
import { revenueTable } from '../../../src/engine/revenue';
import { retentionTable } from '../../../src/engine/retention';
import { resolveOptions, type RetentionOptions } from '../../../src/shared/options';
import { ORDERS_ROWS, makeDataset, syntheticDataset, type Row } from './makeDataset';

const monthly = (extra: Partial<RetentionOptions> = {}) => resolveOptions({ period: 'month', weekStart: 'monday', ...extra });

describe('engine/revenue', () => {
  const orders = makeDataset(ORDERS_ROWS, { dataEnd: '2024-04-01' });

  it('computes the §6 example by hand: revenue, per customer, cumulative (LTV) and revenue retention', () => {
    // Jan cohort c1–c3: Jan 45, Feb 20 (c1 12 + c2 8), Mar 9. Feb cohort c4, c5: Feb 35, Mar 11.
    assert.deepEqual(revenueTable(orders, monthly()), {
      cohorts: [
        { cohort: '2024-01', size: 3, revenue: [45, 20, 9], revenuePerCustomer: [15, 6.67, 3], cumulativePerCustomer: [15, 21.67, 24.67], revenueRetention: [1, 0.4444, 0.2] },
        { cohort: '2024-02', size: 2, revenue: [35, 11, null], revenuePerCustomer: [17.5, 5.5, null], cumulativePerCustomer: [17.5, 23, null], revenueRetention: [1, 0.3143, null] },
      ],
      // Pooled over complete cells: M1 (20 + 11) / 5; cumulative (65 + 46) / 5; retention 31 / 80.
      average: { revenuePerCustomer: [16, 6.2, 3], cumulativePerCustomer: [16, 22.2, 24.67], revenueRetention: [1, 0.3875, 0.2] },
    });
  });

  it('nets returns, sums over brackets, and is null without amounts', () => {
    const rows: Row[] = [['a', '2024-01', 10], ['a', '2024-02', 30], ['a', '2024-03', -5], ['b', '2024-01', 20], ['b', '2024-03', 4]];
    const ds = makeDataset(rows, { dataEnd: '2024-04-01' });
    assert.deepEqual(revenueTable(ds, monthly())!.cohorts[0].revenue, [30, 30, -1]);
    const brackets = revenueTable(ds, monthly({ mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 2 }] }))!;
    assert.deepEqual(brackets.cohorts[0].revenue, [30, 29]);
    assert.deepEqual(brackets.cohorts[0].cumulativePerCustomer, [15, 29.5]);
    assert.equal(revenueTable(makeDataset([['a', '2024-01']]), monthly()), null);
  });

  it('uses the same cohorts, columns and null cells as the retention table for every definition', () => {
    const ds = syntheticDataset({ rows: 3000, customers: 400, seed: 5, days: 300 });
    for (const extra of [{}, { window: 'rolling' }, { cohorts: 'recurring' }, { mode: 'bracket', brackets: [{ from: 1, to: 3 }, { from: 4, to: 9 }] }, { mode: 'streak' }] as Partial<RetentionOptions>[]) {
      const o = monthly(extra);
      const t = retentionTable(ds, o);
      const r = revenueTable(ds, o)!;
      assert.deepEqual(r.cohorts.map((c) => [c.cohort, c.size, c.revenue.map((x) => x === null)]), t.cohorts.map((c) => [c.cohort, c.size, c.counts.map((x) => x === null)]), JSON.stringify(extra));
    }
  });

  it('adds up to the net revenue of all cohort customers (first-time, calendar, classic)', () => {
    const ds = syntheticDataset({ rows: 3000, customers: 400, seed: 6, days: 300 });
    const r = revenueTable(ds, monthly())!;
    // The last cohort's row reaches the last period; earlier rows' absent cells hold no activity, and
    // returns before a customer's first purchase are outside every cohort window.
    let total = 0;
    for (let i = 0; i < ds.rowCount; i++) total += ds.amount![i];
    const tableTotal = r.cohorts.reduce((s, c) => s + c.revenue.reduce<number>((a, x) => a + (x ?? 0), 0), 0);
    const before = Array.from(ds.amount!).reduce((s, a, i) => {
      const first = Math.min(...Array.from(ds.time).filter((_, j) => ds.customer[j] === ds.customer[i] && ds.amount![j] > 0));
      return s + (ds.time[i] < first && new Date(ds.time[i]).getUTCMonth() !== new Date(first).getUTCMonth() ? a : 0);
    }, 0);
    assert.ok(Math.abs(tableTotal - (total - before)) < 0.05, `${tableTotal} vs ${total - before}`);
  });
});

import { strict as assert } from 'node:assert';
import { customerDays } from '../../../../src/engine/churn/customerDays';
import { churnRateRows } from '../../../../src/engine/churn/crr';
import { customerValue, periodsPerYear } from '../../../../src/engine/churn/value';
import { windowCounts } from '../../../../src/engine/churn/windowCounts';
import { makeDataset } from '../makeDataset';
import { CHURN_OPTIONS, CHURN_ROWS } from './fixture';

// 8 customers, 18 purchase rows, revenue 418. First purchase Jan 10, data end May 1: 112 days.
// Lifespans (last − first day): a 106, b 0, c 60, d 20, e 50, f 0, g 59, h 6 → 301 / 8 = 37.625.
// Repeat buyers: a c d e g h = 6. Churn (complete, non-warm-up months): Mar 2/3 + Apr 3/4 → 5/7.
describe('engine/churn/value', () => {
  const ds = makeDataset(CHURN_ROWS);
  const cd = customerDays(ds);
  const rates = churnRateRows(windowCounts(cd, { ...CHURN_OPTIONS, dataEnd: ds.dataEnd }), cd, CHURN_OPTIONS);

  it('gives every value with its inputs', () => {
    const v = customerValue(ds, cd, rates, 'month');
    const years = 112 / 365.25;
    const yearly = 1 - (2 / 7) ** 12;
    assert.deepEqual(v, {
      customers: 8, orders: 18, revenue: 418,
      aov: 23.22,                                   // 418 / 18
      years: 0.3066,
      ordersPerCustomer: 2.25,
      frequencyPerYear: 7.3376,                     // 2.25 / (112 / 365.25)
      repeatCustomers: 6, repeatPurchaseRate: 75,
      lifespanDays: 37.63, lifespanYears: 0.103,    // 37.625 / 365.25
      historicClv: 52.25,                           // 418 / 8
      churnPerPeriod: 71.43, churnPeriods: 2, periodsPerYear: 12,
      churnPerYear: 100,                            // 1 − (2/7)^12 = 0.9999997
      expectedLifespanYears: 1,
      formulaClv: Math.round((418 / 18) * (2.25 / years) * (1 / yearly) * 100) / 100,
    });
    assert.equal(v.formulaClv, 170.4);
  });

  it('leaves money null without amounts and formula CLV null without churn', () => {
    const noAmounts = makeDataset(CHURN_ROWS.map(([c, t]) => [c, t]));
    const nd = customerDays(noAmounts);
    const v = customerValue(noAmounts, nd, [], 'month');
    assert.deepEqual([v.revenue, v.aov, v.historicClv, v.churnPerPeriod, v.churnPerYear, v.expectedLifespanYears, v.formulaClv],
      [null, null, null, null, null, null, null]);
    assert.equal(v.frequencyPerYear, 7.3376);
  });

  it('compounds a per-period churn rate to a year', () => {
    assert.deepEqual(['day', 'week', 'month', 'quarter', 'year'].map((p) => periodsPerYear(p as 'day')), [365.25, 365.25 / 7, 12, 4, 1]);
    const v = customerValue(ds, cd, [{ period: '2024-03', customersAtStart: 100, churned: 5, rate: 5, warmUp: false }], 'month');
    assert.equal(v.churnPerYear, 45.96);              // 1 − 0.95^12 = 0.4596
    assert.equal(v.expectedLifespanYears, 2.1756);    // 1 / 0.45964
  });
});

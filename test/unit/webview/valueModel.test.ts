import { strict as assert } from 'node:assert';
import type { CustomerValue } from '../../../src/shared/churnReport';
import { relation, valueItems } from '../../../src/webview/valueModel';
import { bigChurn, ordersChurn } from './sampleChurn';
import { monthLabels } from './sampleReports';

const byKey = (v: CustomerValue, period: 'month' | 'week' = 'month') => Object.fromEntries(valueItems(v, period).map((i) => [i.key, i]));

describe('webview/valueModel', () => {
  it('says "=" when the shown inputs give the stored result, "≈" when rounding makes them miss', () => {
    assert.equal(relation(120 / 9, 13.33, 2), '=');
    assert.equal(relation(13.33 * 7.2247 * 1.0012, 96.45, 2), '≈');   // 96.42: the AOV shown is rounded
    assert.equal(relation(100 / 99.88, 1.0012, 4), '=');
  });

  it('shows each figure of orders.csv with its arithmetic (hand-computed)', () => {
    const v = byKey(ordersChurn().value);
    assert.deepEqual(Object.keys(v), ['aov', 'frequency', 'repeat', 'lifespan', 'historicClv', 'formulaClv']);
    assert.equal(v.aov.value, '13.33');
    assert.deepEqual(v.aov.lines, ['120.00 revenue ÷ 9 orders = 13.33']);
    assert.equal(v.frequency.value, '7.22 / yr');
    // 1.8 / 0.2491 = 7.2260: the span is rounded to 4 decimals, the engine divides by 91 / 365.25.
    assert.deepEqual(v.frequency.lines, ['9 orders ÷ 5 customers = 1.8 orders per customer', '1.8 ÷ 0.2491 yr (first purchase to data end) ≈ 7.2247 orders/yr']);
    assert.equal(v.repeat.value, '60.0%');
    assert.deepEqual(v.repeat.lines, ['3 of 5 customers ordered twice or more = 60.00%']);
    assert.equal(v.lifespan.value, '24 days');
    assert.deepEqual(v.lifespan.lines, ['Mean of (last − first purchase day) over 5 customers, one-time buyers counting 0 = 24 days', '24 ÷ 365.25 = 0.0657 yr']);
    assert.equal(v.historicClv.value, '24.00');
    assert.deepEqual(v.historicClv.lines, ['120.00 revenue ÷ 5 customers = 24.00']);
    assert.equal(v.formulaClv.value, '96.45');
    assert.deepEqual(v.formulaClv.lines, [
      '13.33 × 7.2247 orders/yr × 1.0012 yr ≈ 96.45',
      'Monthly churn 42.86%, pooled over 2 complete months',
      'Yearly churn: 1 − (1 − 42.86%)^12 = 99.88%',        // 1 − 0.5714^12 = 0.99879
      'Expected lifespan: 1 ÷ 99.88% = 1.0012 yr',
    ]);
  });

  it('shows the online-retail style figures with thousands grouped', () => {
    const v = byKey(bigChurn(monthLabels(3), 'x').value);
    // 446.71 × 4.1773 × 1.2454 = 2,323.97 (the engine multiplies unrounded values: 2,324.06).
    assert.equal(v.formulaClv.lines[0], '446.71 × 4.1773 orders/yr × 1.2454 yr ≈ 2,324.06');
    // 1 − 0.8734^12 = 80.296%: the shown 12.66% is rounded, the engine's 80.29% is not.
    assert.equal(v.formulaClv.lines[2], 'Yearly churn: 1 − (1 − 12.66%)^12 ≈ 80.29%');
    assert.equal(v.aov.lines[0], '8,278,519.42 revenue ÷ 18,532 orders = 446.71');
    assert.equal(v.historicClv.lines[0], '8,278,519.42 revenue ÷ 4,338 customers = 1,908.37');
  });

  it('says what is missing without amounts or without a churn rate', () => {
    const base = ordersChurn().value;
    const noAmount: CustomerValue = { ...base, revenue: null, aov: null, historicClv: null, formulaClv: null };
    const v = byKey(noAmount);
    assert.equal(v.aov.value, '—');
    assert.deepEqual(v.aov.lines, ['No amount column is mapped: revenue is unknown']);
    assert.deepEqual(v.historicClv.lines, ['No amount column is mapped: revenue is unknown']);
    assert.equal(v.formulaClv.lines[0], 'No amount column is mapped: revenue is unknown');
    const noChurn: CustomerValue = { ...base, churnPerPeriod: null, churnPeriods: 0, churnPerYear: null, expectedLifespanYears: null, formulaClv: null };
    assert.deepEqual(byKey(noChurn, 'week').formulaClv.lines, [
      'Not computable: an input is missing (see below)',
      'No complete period after the warm-up has customers at its start: no churn rate to project',
    ]);
    const nobodyChurned: CustomerValue = { ...base, churnPerPeriod: 0, churnPeriods: 1, churnPerYear: 0, expectedLifespanYears: null, formulaClv: null, periodsPerYear: 365.25 / 7 };
    assert.deepEqual(byKey(nobodyChurned, 'week').formulaClv.lines.slice(1), [
      'Weekly churn 0.00%, pooled over 1 complete week',
      'Yearly churn: 1 − (1 − 0.00%)^52.1786 = 0.00%',
      'Nobody churned in those periods: the expected lifespan is unbounded',
    ]);
  });
});

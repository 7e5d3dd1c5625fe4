import { strict as assert } from 'node:assert';
import { forget, memo } from '../../../src/engine/memo';
import { buildReport } from '../../../src/engine/report';
import { churnReport } from '../../../src/engine/churn/report';
import { computeKpis } from '../../../src/engine/kpis';
import { ORDERS_ROWS, makeDataset, makePlan } from './makeDataset';

const MAPPING = { customerId: 'customer_id', timestamp: 'month', amount: 'amount' };

describe('engine/memo', () => {
  it('computes once per dataset and key, and keeps datasets apart', () => {
    const a = {};
    const b = {};
    let calls = 0;
    const value = memo(a, 'k', () => ({ n: ++calls }));
    assert.equal(memo(a, 'k', () => ({ n: ++calls })), value);
    assert.deepEqual(memo(b, 'k', () => ({ n: ++calls })), { n: 2 });
    assert.deepEqual(memo(a, 'other', () => ({ n: ++calls })), { n: 3 });
    assert.equal(calls, 3);
  });

  it('forgets everything of a dataset on request', () => {
    const ds = {};
    memo(ds, 'k', () => 1);
    forget(ds);
    assert.equal(memo(ds, 'k', () => 2), 2);
  });

  it('forgets the least recently used entry beyond 16 per dataset', () => {
    const ds = {};
    for (let i = 0; i < 16; i++) memo(ds, `k${i}`, () => i);
    memo(ds, 'k0', () => -1);            // k0 used again: k1 is now the least recent
    memo(ds, 'k16', () => 16);
    const recomputed: string[] = [];
    memo(ds, 'k0', () => { recomputed.push('k0'); return 0; });
    memo(ds, 'k1', () => { recomputed.push('k1'); return 1; });
    assert.deepEqual(recomputed, ['k1']);
  });

  it('lets a mode change reuse churn and KPIs, while a period change recomputes churn', () => {
    const dataset = makeDataset(ORDERS_ROWS, { file: 'orders.csv', dataEnd: '2024-04-01' });
    const plan = makePlan(MAPPING, { dateFormat: 'year-month' });
    const classic = buildReport({ dataset, plan, options: { period: 'month', weekStart: 'monday' } });
    const unbounded = buildReport({ dataset, plan, options: { period: 'month', weekStart: 'monday', mode: 'unbounded' } });
    const weekly = buildReport({ dataset, plan, options: { period: 'week', weekStart: 'monday', mode: 'unbounded' } });
    assert.equal(unbounded.churn, classic.churn);
    assert.equal(unbounded.kpis, classic.kpis);
    assert.notEqual(unbounded.retention, classic.retention);
    // What is reused is what a fresh computation gives.
    assert.deepEqual(unbounded.churn, churnReport(dataset, { period: 'month', weekStart: 'monday', window: 'auto', percentile: 90 }));
    assert.deepEqual(unbounded.kpis, computeKpis(dataset));
    assert.notEqual(weekly.churn, unbounded.churn);
    assert.deepEqual(weekly.churn, churnReport(dataset, { period: 'week', weekStart: 'monday', window: 'auto', percentile: 90 }));
  });
});

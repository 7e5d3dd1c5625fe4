import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { buildReport } from '../../../src/engine/report';
import { likelyNext, NEXT_PERIODS, warmUp } from '../../../src/engine/warmUp';
import { PERIODS } from '../../../src/shared/options';
import { loadCsvWithPlan } from './loadCsv';

const FILE = resolve(__dirname, '../../fixtures/orders.csv');

describe('engine/warmUp', () => {
  it('prepares three other periods, likelier first (day only from week and day), and keeps every other option', () => {
    assert.deepEqual(PERIODS.map((p) => NEXT_PERIODS[p]), [
      ['week', 'month', 'quarter'], ['month', 'day', 'quarter'], ['week', 'quarter', 'year'], ['month', 'year', 'week'], ['quarter', 'month', 'week'],
    ]);
    assert.deepEqual(likelyNext({ period: 'month', weekStart: 'sunday', mode: 'unbounded', segment: 'channel' }), [
      { period: 'week', weekStart: 'sunday', mode: 'unbounded', segment: 'channel' },
      { period: 'quarter', weekStart: 'sunday', mode: 'unbounded', segment: 'channel' },
      { period: 'year', weekStart: 'sunday', mode: 'unbounded', segment: 'channel' },
    ]);
  });

  it('leaves the next report exactly as it would be without it', async () => {
    const warmed = await loadCsvWithPlan(FILE);
    const fresh = await loadCsvWithPlan(FILE);
    const month = { period: 'month', weekStart: 'monday' } as const;
    buildReport({ ...warmed, options: month });
    for (const next of likelyNext(month)) warmUp(warmed.dataset, warmed.plan, next);
    const week = { period: 'week', weekStart: 'monday' } as const;
    const quarter = { period: 'quarter', weekStart: 'monday' } as const;
    const year = { period: 'year', weekStart: 'monday' } as const;
    assert.deepEqual(buildReport({ ...warmed, options: year }), buildReport({ ...fresh, options: year }));
    assert.deepEqual(buildReport({ ...warmed, options: week }), buildReport({ ...fresh, options: week }));
    assert.deepEqual(buildReport({ ...warmed, options: quarter }), buildReport({ ...fresh, options: quarter }));
    assert.deepEqual(buildReport({ ...warmed, options: month }), buildReport({ ...fresh, options: month }));
    // orders.csv by hand: 2024-01 has 3 customers, 2024-02 2 (DESIGN.md §6); weekly cohorts split them.
    assert.equal(buildReport({ ...warmed, options: week }).retention.cohorts.reduce((n, c) => n + c.size, 0), 5);
  });
});

// parseSubscriptions on hand-checked rows (test/fixtures/subscriptions/README.md has every value).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSubscriptions } from '../../../src/ingest/parseLifetimes';
import type { IngestPlan } from '../../../src/shared/mapping';
import { chunksOf, plan, rejectsIngest } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/subscriptions', name), 'utf8');
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
const HEADER = ['subscription_id', 'customer_id', 'plan', 'mrr', 'start_date', 'cancel_date', 'region'];
const subs = (extra: Partial<IngestPlan> = {}): IngestPlan => ({
  ...plan(HEADER, { customerId: 'customer_id', start: 'start_date', end: 'cancel_date', amount: 'mrr', plan: 'plan' }), shape: 'subscriptions', ...extra,
});

describe('ingest/parseSubscriptions', () => {
  it('keeps 15 of 20 rows with active subscriptions as NaN ends, MRR and plan codes', async () => {
    const d = await parseSubscriptions([fixture('subscriptions.csv')], subs(), 'subscriptions.csv');
    assert.equal(d.shape, 'subscriptions');
    assert.equal(d.rowCount, 15);
    assert.deepEqual(d.customerIds, ['c1', 'c2', 'c3', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', 'c14', 'c15', 'c16', 'c17']);
    assert.deepEqual([...d.customer], [0, 1, 0, 2, 3, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.deepEqual([...d.line], [2, 3, 4, 5, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    assert.deepEqual([...d.customerFirstLine], [2, 3, 5, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    assert.deepEqual([...d.mrr!], [10, 50, 50, 0, 120.5, 10, 10, 50, 50, 10, 10, 120.5, 120.5, 10, 50]);
    assert.deepEqual(d.planNames, ['basic', 'pro', 'team']);
    assert.deepEqual([...d.plan!], [0, 1, 1, 0, 2, 0, 0, 1, 1, 0, 0, 2, 2, 0, 1]);
    assert.equal(d.start[0], day(2024, 1, 15));
    assert.equal(d.start[5], day(2023, 11, 5));
    const ends = [...d.end].map((e) => (Number.isNaN(e) ? null : new Date(e).toISOString().slice(0, 10)));
    assert.deepEqual(ends, ['2024-03-10', null, null, '2024-02-01', null, '2024-01-20', '2024-02-02', null, null, '2024-04-05', null, null, '2024-03-08', null, null]);
  });

  it('ends the data at the end of the latest start or end date, at day precision', async () => {
    const d = await parseSubscriptions([fixture('subscriptions.csv')], subs(), 'subscriptions.csv');
    assert.equal(d.dataEnd, day(2024, 4, 19));
    assert.equal(d.timePrecision, 'day');
  });

  it('counts every skipped row with its line, column and value', async () => {
    const d = await parseSubscriptions([fixture('subscriptions.csv')], subs(), 'subscriptions.csv');
    const q = d.quality;
    assert.equal(q.rowsRead, 20);
    assert.equal(q.rowsUsed, 15);
    assert.equal(q.zeroAmount, 1);
    assert.deepEqual(q.skipped, { 'missing customer id': 1, 'invalid start': 1, 'end before start': 1, 'invalid amount': 1, 'invalid end': 1 });
    assert.deepEqual(q.examples['missing customer id'], [{ line: 6, column: 'customer_id', value: null }]);
    assert.deepEqual(q.examples['invalid start'], [{ line: 7, column: 'start_date', value: '2024-02-30' }]);
    assert.deepEqual(q.examples['end before start'], [{ line: 8, column: 'cancel_date', value: '2024-02-01 < 2024-03-01' }]);
    assert.deepEqual(q.examples['invalid amount'], [{ line: 9, column: 'mrr', value: 'abc' }]);
    assert.deepEqual(q.examples['invalid end'], [{ line: 10, column: 'cancel_date', value: 'soon' }]);
  });

  it("takes each customer's segment values from their earliest-starting subscription, plan included", async () => {
    const d = await parseSubscriptions([fixture('subscriptions.csv')], subs(), 'subscriptions.csv');
    assert.deepEqual(d.segments.map((s) => s.column), ['subscription_id', 'plan', 'region']);
    const value = (column: string, customer: number): string => {
      const s = d.segments.find((c) => c.column === column)!;
      return s.values[s.customerValue[customer]];
    };
    // c1: line 2 (2024-01-15) before line 4 (2024-03-10); c2: line 12 (2023-11-05) before line 3.
    assert.deepEqual([value('region', 0), value('plan', 0)], ['EU', 'basic']);
    assert.deepEqual([value('region', 1), value('plan', 1), value('subscription_id', 1)], ['EU', 'basic', 's11']);
    assert.equal(d.segments[0].customerValue.length, 13);
  });

  it('parses the same whatever the chunking', async () => {
    const text = fixture('subscriptions.csv');
    const whole = await parseSubscriptions([text], subs(), 'f.csv');
    for (const size of [7, 64]) {
      const cut = await parseSubscriptions(chunksOf(text, size), subs(), 'f.csv');
      assert.deepEqual([...cut.start], [...whole.start]);
      assert.deepEqual([...cut.line], [...whole.line]);
      assert.deepEqual(cut.quality, whole.quality);
    }
  });

  it('without MRR and plan columns: mrr and plan are null, every end empty = active', async () => {
    const p = { ...plan(['who', 'from'], { customerId: 'who', start: 'from' }), shape: 'subscriptions' as const };
    // 2024-02 is not an ISO date: one of two rows is unreadable, under 80 %.
    await rejectsIngest(parseSubscriptions(['who,from\nu1,2024-01-01\nu2,2024-02\n'], p, 'f.csv'), 'bad-dates');
    const ok = await parseSubscriptions(['who,from\nu1,2024-01-01\nu2,2024-02-03\n'], p, 'f.csv');
    assert.equal(ok.mrr, null);
    assert.equal(ok.plan, null);
    assert.deepEqual(ok.planNames, []);
    assert.ok([...ok.end].every(Number.isNaN));
    assert.equal(ok.dataEnd, day(2024, 2, 4));
  });

  it('reads month-precision dates and ends the data at the end of the latest month', async () => {
    const p = { ...plan(['id', 'start', 'end'], { customerId: 'id', start: 'start', end: 'end' }, { dateFormat: 'year-month' }), shape: 'subscriptions' as const };
    const d = await parseSubscriptions(['id,start,end\na,2024-01,2024-03\nb,2024-02,\n'], p, 'f.csv');
    assert.equal(d.timePrecision, 'month');
    assert.equal(d.dataEnd, day(2024, 4, 1));
    assert.equal(d.end[0], day(2024, 3, 1));
  });

  it('stops naming the file, column and lines when under 80 % of the rows are usable', async () => {
    const text = 'customer_id,start_date,cancel_date\nc1,2024-01-01,\nc2,01/02/2024,\nc3,02/02/2024,\nc4,2024-01-04,\n';
    const p = { ...plan(['customer_id', 'start_date', 'cancel_date'], { customerId: 'customer_id', start: 'start_date', end: 'cancel_date' }), shape: 'subscriptions' as const };
    const e = await rejectsIngest(parseSubscriptions([text], p, 'subs.csv'), 'bad-dates');
    assert.equal(e.message, "subs.csv: only 2 of 4 rows are usable; 2 have an invalid start in column 'start_date' (read as YYYY-MM-DD[THH:MM:SS]): line 3 '01/02/2024', line 4 '02/02/2024'");
    assert.equal(e.line, 3);
    assert.equal(e.column, 'start_date');
  });

  it('keeps exactly 80 % usable rows, and refuses a file whose rows are all left out', async () => {
    const p = { ...plan(['customer_id', 'start_date', 'mrr'], { customerId: 'customer_id', start: 'start_date', amount: 'mrr' }), shape: 'subscriptions' as const };
    const good = 'c1,2024-01-01,1\nc2,2024-01-02,1\nc3,2024-01-03,1\nc4,2024-01-04,1\n';
    const d = await parseSubscriptions([`customer_id,start_date,mrr\n${good}c5,2024-01-05,-5\n`], p, 'f.csv');
    assert.equal(d.rowCount, 4);
    assert.deepEqual(d.quality.examples['invalid amount'], [{ line: 6, column: 'mrr', value: '-5' }]);
    await rejectsIngest(parseSubscriptions(['customer_id,start_date,mrr\n,2024-01-01,1\n'], p, 'f.csv'), 'no-usable-rows');
    await rejectsIngest(parseSubscriptions(['customer_id,start_date,mrr\n'], p, 'f.csv'), 'header-only');
  });
});

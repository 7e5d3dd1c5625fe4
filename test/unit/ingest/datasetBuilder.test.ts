import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetBuilder, MIN_VALID_TIME_SHARE } from '../../../src/ingest/datasetBuilder';
import { parseCsv } from '../../../src/ingest/parseCsv';
import type { Dataset } from '../../../src/shared/dataset';
import type { DateFormat } from '../../../src/shared/mapping';
import { chunksOf, plan, rejectsIngest } from './helpers';
import { idStrings } from '../../../src/shared/customerIds';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ingest', name), 'utf8');
const ORDERS_PLAN = plan(['customer_id', 'order_date', 'amount'], { customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' });
const DATES_PLAN = (dateFormat: DateFormat = 'iso', timeZone = 'UTC') => plan(['customer_id', 'order_date'], { customerId: 'customer_id', timestamp: 'order_date' }, { dateFormat, timeZone });

/** Parses `customer_id,order_date` rows given as [id, date] pairs (line i + 2 for row i). */
const parseDates = (rows: string[][], dateFormat: DateFormat = 'iso', timeZone = 'UTC'): Promise<Dataset> =>
  parseCsv([['customer_id,order_date', ...rows.map((r) => r.join(','))].join('\n') + '\n'], DATES_PLAN(dateFormat, timeZone), 'dates.csv');

/** 10 rows c0..c9 on 2024-01-01..10, with 'x' as the date on the rows at `bad` indexes. */
const tenRows = (bad: number[]): string[][] => Array.from({ length: 10 }, (_, i) => [`c${i}`, bad.includes(i) ? 'x' : `2024-01-${String(i + 1).padStart(2, '0')}`]);

describe('ingest/datasetBuilder 80 % valid timestamps', () => {
  it('is the documented share', () => assert.equal(MIN_VALID_TIME_SHARE, 0.8));

  it("stops with 'bad-dates' at 3 bad of 10, naming the column and the first bad lines", async () => {
    const e = await rejectsIngest(parseDates(tenRows([1, 4, 8])), 'bad-dates');
    assert.equal(e.message, "dates.csv: only 7 of 10 rows have a valid timestamp in column 'order_date' (read as YYYY-MM-DD[THH:MM:SS]); bad values at line 3 'x', line 6 'x', line 10 'x'");
    assert.equal(e.line, 3);
    assert.equal(e.column, 'order_date');
  });

  it('counts empty timestamps as bad too, and lists at most 3 lines in line order', async () => {
    const rows = tenRows([5, 6, 7]);
    rows[2][1] = '';
    const e = await rejectsIngest(parseDates(rows), 'bad-dates');
    assert.match(e.message, /only 6 of 10 rows .* bad values at line 4 \(empty\), line 7 'x', line 8 'x'$/);
    assert.equal(e.line, 4);
  });

  it('goes on at 2 bad of 11 (82 % valid)', async () => {
    const d = await parseDates([...tenRows([3, 7]), ['c10', '2024-01-11']]);
    assert.equal(d.rowCount, 9);
    assert.deepEqual(d.quality.skipped, { 'invalid timestamp': 2 });
    assert.deepEqual(d.quality.examples['invalid timestamp']?.map((e) => e.line), [5, 9]);
  });

  it('goes on at 2 bad of 10 (exactly 80 % valid)', async () => {
    const d = await parseDates(tenRows([3, 7]));
    assert.equal(d.rowCount, 8);
    assert.deepEqual(d.quality.skipped, { 'invalid timestamp': 2 });
  });

  it('goes on at 1 bad of 5 (exactly 80 % valid)', async () => {
    const d = await parseDates(tenRows([0]).slice(0, 5));
    assert.equal(d.rowCount, 4);
  });

  it('does not count rows skipped for other reasons against the dates', async () => {
    // 4 rows without a customer id, 1 bad date: 1 of 10 bad dates.
    const rows = tenRows([9]).map((r, i) => (i < 4 ? ['', r[1]] : r));
    const d = await parseDates(rows);
    assert.deepEqual(d.quality.skipped, { 'missing customer id': 4, 'invalid timestamp': 1 });
    assert.equal(d.rowCount, 5);
  });
});

describe('ingest/datasetBuilder failures', () => {
  it("stops with 'no-usable-rows' when every row is skipped, describing why", async () => {
    const text = 'customer_id,order_date,amount\nc1,2024-01-01,abc\nc2,2024-01-02,\n';
    const e = await rejectsIngest(parseCsv([text], ORDERS_PLAN, 'o.csv'), 'no-usable-rows');
    assert.equal(e.message, "o.csv: no usable rows, all 2 skipped — invalid amount: 2 (first at line 2, column 'amount': 'abc')");
  });

  it('refuses a plan without a customer or timestamp column', () => {
    assert.throws(() => new DatasetBuilder(plan(['a', 'b'], { customerId: 'a' }), 'f.csv'), /must map a customer id and a timestamp/);
    assert.throws(() => new DatasetBuilder(plan(['a', 'b'], { customerId: 'a', timestamp: 'zzz' }), 'f.csv'), /must map a customer id and a timestamp/);
  });
});

describe('ingest/datasetBuilder amounts', () => {
  it('multiplies quantity × unit price (Online Retail), with order ids and a skipped blank customer', async () => {
    const header = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    const p = plan(header, { customerId: 'CustomerID', timestamp: 'InvoiceDate', quantity: 'Quantity', unitPrice: 'UnitPrice', orderId: 'InvoiceNo' }, { dateFormat: 'mdy' });
    const d = await parseCsv(chunksOf(fixture('online-retail-head.csv'), 13), p, 'retail.csv');
    assert.deepEqual([...(d.amount ?? [])], [15.3, 20.34, 11.1, -27.5, 15]);
    assert.deepEqual([...(d.order ?? [])], [0, 0, 1, 2, 3]);
    assert.equal(d.orderIdCount, 4);
    assert.deepEqual(idStrings(d.customerIds), ['17850', '14527', '14729']);
    assert.deepEqual([...d.customer], [0, 0, 0, 1, 2]);
    assert.deepEqual([...d.customerFirstLine], [2, 5, 6]);
    assert.deepEqual([...d.customerLastLine], [4, 5, 6]);   // 17850's third row is on line 4
    assert.deepEqual([...d.time], [Date.UTC(2010, 11, 1, 8, 26), Date.UTC(2010, 11, 1, 8, 26), Date.UTC(2010, 11, 1, 8, 28), Date.UTC(2010, 11, 1, 9, 41), Date.UTC(2010, 11, 13, 9, 1)]);
    assert.equal(d.timePrecision, 'minute');
    assert.equal(d.dataEnd, Date.UTC(2010, 11, 13, 9, 2), 'the skipped 9:05 row does not move the data end');
    assert.equal(d.quality.returns, 1);
    assert.deepEqual(d.quality.examples['missing customer id'], [{ line: 7, column: 'CustomerID', value: null }]);
  });

  it('reports an unreadable quantity or unit price with its own column', async () => {
    const p = plan(['c', 'd', 'q', 'p'], { customerId: 'c', timestamp: 'd', quantity: 'q', unitPrice: 'p' });
    const d = await parseCsv(['c,d,q,p\nc1,2024-01-01,2,1.5\nc2,2024-01-01,two,1\nc3,2024-01-01,1,free\n'], p, 'f.csv');
    assert.deepEqual([...(d.amount ?? [])], [3]);
    assert.deepEqual(d.quality.examples['invalid amount'], [{ line: 3, column: 'q', value: 'two' }, { line: 4, column: 'p', value: 'free' }]);
  });

  it("reads decimal-comma amounts with ';'", async () => {
    const p = plan(['kunde', 'datum', 'betrag'], { customerId: 'kunde', timestamp: 'datum', amount: 'betrag' }, { delimiter: ';', decimalComma: true, dateFormat: 'dmy' });
    const d = await parseCsv(['kunde;datum;betrag\nk1;05.03.2024;12,50\nk2;06.03.2024;1.234,50\nk1;07.03.2024;-3,00\nk3;08.03.2024;0,00\n'], p, 'de.csv');
    assert.deepEqual([...(d.amount ?? [])], [12.5, 1234.5, -3, 0]);
    assert.deepEqual([...d.time], [Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 6), Date.UTC(2024, 2, 7), Date.UTC(2024, 2, 8)]);
    assert.equal(d.quality.returns, 1);
    assert.equal(d.quality.zeroAmount, 1);
  });

  it('has no amount column, returns or zero amounts when no amount is mapped', async () => {
    const d = await parseDates([['c1', '2024-01-01'], ['c2', '2024-01-02']]);
    assert.equal(d.amount, null);
    assert.equal(d.order, null);
    assert.equal(d.quality.returns, 0);
    assert.equal(d.quality.zeroAmount, 0);
  });
});

describe('ingest/datasetBuilder duplicates', () => {
  it('skips exact repeats of a kept row only', async () => {
    const text = 'customer_id,order_date,amount\nc1,2024-01-01,5\nc1,2024-01-01,5\nc1,2024-01-01,5.0\nc1,2024-01-01,5\nc1, 2024-01-01,5\n';
    const d = await parseCsv([text], ORDERS_PLAN, 'f.csv');
    assert.equal(d.rowCount, 3);
    assert.equal(d.quality.skipped['duplicate row'], 2);
    assert.deepEqual(d.quality.examples['duplicate row']?.map((e) => e.line), [3, 5]);
  });

  it('does not count a repeat of a skipped row as a duplicate', async () => {
    const text = 'customer_id,order_date,amount\nc1,2024-01-01,abc\nc1,2024-01-01,abc\nc2,2024-01-01,1\nc3,2024-01-01,1\n';
    const d = await parseCsv([text], ORDERS_PLAN, 'f.csv');
    assert.deepEqual(d.quality.skipped, { 'invalid amount': 2 });
  });
});

describe('ingest/datasetBuilder data end and precision', () => {
  it('ends date-only data at the end of the latest day', async () => {
    const d = await parseDates([['c1', '2024-03-05'], ['c2', '2024-02-29'], ['c3', '2024-01-01']]);
    assert.equal(d.timePrecision, 'day');
    assert.equal(d.dataEnd, Date.UTC(2024, 2, 6));
  });

  it('ends year-month data at the first day of the next month (December → next January)', async () => {
    const d = await parseDates([['c1', '2024-11'], ['c2', '2024-12'], ['c1', '2024-06']], 'year-month');
    assert.deepEqual([...d.time], [Date.UTC(2024, 10, 1), Date.UTC(2024, 11, 1), Date.UTC(2024, 5, 1)]);
    assert.equal(d.timePrecision, 'month');
    assert.equal(d.dataEnd, Date.UTC(2025, 0, 1));
  });

  it('takes the precision of the value that ends last', async () => {
    const d = await parseDates([['c1', '2024-03-05 12:00:00'], ['c2', '2024-03-05'], ['c3', '2024-03-04 10:00']]);
    assert.equal(d.timePrecision, 'day');
    assert.equal(d.dataEnd, Date.UTC(2024, 2, 6));
    const later = await parseDates([['c1', '2024-03-05'], ['c2', '2024-03-06T00:00:00.250']]);
    assert.equal(later.timePrecision, 'millisecond');
    assert.equal(later.dataEnd, Date.UTC(2024, 2, 6, 0, 0, 0, 251));
  });

  it('stores civil time in the plan zone', async () => {
    const d = await parseDates([['c1', '2024-03-31T01:30:00Z'], ['c2', '2024-03-31T02:30'], ['c3', '2024-03-31T02:30:00+02:00']], 'iso', 'Europe/Berlin');
    assert.deepEqual([...d.time], [Date.UTC(2024, 2, 31, 3, 30), Date.UTC(2024, 2, 31, 2, 30), Date.UTC(2024, 2, 31, 1, 30)]);
    const unix = await parseDates([['c1', '1711846800'], ['c2', '1711846800']], 'unix-s', 'America/New_York');
    assert.deepEqual([...unix.time], [Date.UTC(2024, 2, 30, 21), Date.UTC(2024, 2, 30, 21)]);
    assert.equal(unix.timePrecision, 'second');
  });
});

describe('ingest/datasetBuilder sized from the file size', () => {
  // 30,000 rows (~1.3 MB): the builder sizes itself after the first MiB, with customers, their key
  // copies and their segment values already held, for as many customers as rows.
  const header = ['customer_id', 'order_date', 'amount', 'tier'];
  const segmentPlan = plan(header, { customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' });
  const rows = Array.from({ length: 30_000 }, (_, i) => {
    const c = (i * 7919) % 9_000;
    return `customer-${c},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${i % 100}.5,${['gold', 'silver', 'bronze'][c % 3]}`;
  });
  const text = [header.join(','), ...rows].join('\n') + '\n';

  // 2⁵⁰ bytes: room no system gives (as rows, beyond an array's length); the builder grows instead.
  for (const sizeHint of [2 << 20, 40 << 20, 2 ** 50]) {
    it(`gives the Dataset it gives unsized (a file size of ${sizeHint / 2 ** 20} MiB told)`, async () => {
      const sized = await parseCsv(chunksOf(text, 64 << 10), segmentPlan, 'f.csv', { sizeHint });
      const unsized = await parseCsv(chunksOf(text, 64 << 10), segmentPlan, 'f.csv');
      assert.equal(sized.customerIds.length, 9_000);
      assert.deepEqual(idStrings(sized.customerIds), idStrings(unsized.customerIds));
      assert.deepEqual(idStrings(sized.customerIds).slice(0, 3), ['customer-0', 'customer-7919', 'customer-6838']);
      assert.deepEqual([...sized.customerFirstLine], [...unsized.customerFirstLine]);
      assert.deepEqual([...sized.customerLastLine], [...unsized.customerLastLine]);
      assert.deepEqual(sized.segments.map((s) => [s.column, s.values, [...s.customerValue]]), unsized.segments.map((s) => [s.column, s.values, [...s.customerValue]]));
      // Customer c's tier is fixed by c: the first-row values are the hand-made ones.
      assert.deepEqual([...sized.segments[0].customerValue.subarray(0, 3)].map((v) => sized.segments[0].values[v]), ['gold', 'bronze', 'silver']);
    });
  }
});

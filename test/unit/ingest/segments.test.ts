import { strict as assert } from 'node:assert';
import { parseCsv } from '../../../src/ingest/parseCsv';
import { SegmentCollector } from '../../../src/ingest/segments';
import { TextFields } from '../../../src/ingest/rowFields';
import { MAX_SEGMENT_VALUES } from '../../../src/shared/dataset';
import { plan } from './helpers';

describe('ingest/segments', () => {
  it("takes each customer's value from their earliest row, even when it comes later in the file", async () => {
    const text = [
      'customer_id,order_date,channel,country',
      'c1,2024-03-01,ads,DE',
      'c2,2024-03-02,organic,FR',
      'c1,2024-01-15,referral,DE',   // earlier than c1's first row: its values win
      'c2,2024-04-01,ads,NL',        // later: ignored
      'c3,2024-02-01,,DE',           // blank is a value of its own
    ].join('\n');
    const d = await parseCsv([text], plan(['customer_id', 'order_date', 'channel', 'country'], { customerId: 'customer_id', timestamp: 'order_date' }), 's.csv');
    const byColumn = Object.fromEntries(d.segments.map((c) => [c.column, [...c.customerValue].map((code) => c.values[code])]));
    assert.deepEqual(byColumn, { channel: ['referral', 'organic', ''], country: ['DE', 'FR', 'DE'] });
  });

  it('leaves out a column with more distinct values than a segment can have', () => {
    const collector = new SegmentCollector([['id-like', 0], ['tier', 1]]);
    for (let u = 0; u <= MAX_SEGMENT_VALUES; u++) collector.addCustomer(new TextFields().of([`v${u}`, u % 2 ? 'gold' : 'basic']), u);
    const columns = collector.finish(MAX_SEGMENT_VALUES + 1);
    assert.deepEqual(columns.map((c) => c.column), ['tier']);
    assert.deepEqual(columns[0].values, ['basic', 'gold']);
    assert.deepEqual([...columns[0].customerValue.subarray(0, 4)], [0, 1, 0, 1]);
  });

  it('codes the mapped event column per row and keeps it out of the segments', async () => {
    const text = 'user,ts,event,plan\nu1,2024-01-01,signup,free\nu1,2024-01-02,purchase,free\nu2,2024-01-03,signup,pro\nu1,2024-01-09,signup,free\n';
    const d = await parseCsv([text], plan(['user', 'ts', 'event', 'plan'], { customerId: 'user', timestamp: 'ts', eventName: 'event' }), 'e.csv');
    assert.deepEqual(d.eventNames, ['signup', 'purchase']);
    assert.deepEqual([...(d.event ?? [])], [0, 1, 0, 0]);
    assert.deepEqual(d.segments.map((c) => c.column), ['plan']);
  });
});

describe('ingest/segments: a later part replayed (two threads)', () => {
  // 1,500 customers met in order, then rows of the first 100 again, every 13th earlier than the rows before
  // it (its values win); the id-like column takes a new value per customer and is dropped at the
  // 1,001st.
  const rows: [number, number, string, string][] = Array.from({ length: 3000 }, (_, i) => {
    const customer = i < 1500 ? i : (i * 7) % 100;
    const time = i % 13 === 0 ? i - 2000 : i;
    return [customer, time, ['basic', 'gold', 'pro'][(i * 5) % 3], `v${i}`];
  });
  const columns: [string, number][] = [['tier', 0], ['id-like', 1]];

  /** Feeds rows to a collector, customers numbered by first appearance after `known`; returns that numbering. */
  function feed(collector: SegmentCollector, part: typeof rows, known = new Map<number, number>()): Map<number, number> {
    const number = new Map<number, number>();
    for (const [customer, time, tier, id] of part) {
      const fields = new TextFields().of([tier, id]);
      const u = known.get(customer) ?? number.get(customer);
      if (u === undefined) {
        number.set(customer, known.size + number.size);
        collector.addCustomer(fields, time);
      } else collector.seeRow(u, fields, time);
    }
    return number;
  }

  const plainColumns = (c: SegmentCollector, n: number) => c.finish(n).map((s) => [s.column, s.values, [...s.customerValue]]);

  // Split after 800 rows, neither part has 1,001 id-like values (only a customer's first row and
  // earlier rows take values) and the merge drops the column; after 1,200 the first part has
  // dropped it. Both replay exactly.
  for (const [split, what] of [[800, 'dropped at the merge'], [1200, 'dropped by the first part']] as const) {
    it(`gives the one pass's columns with the file split after ${split} rows (id-like column ${what})`, () => {
      const whole = new SegmentCollector(columns);
      const all = feed(whole, rows);
      const first = new SegmentCollector(columns);
      const firstOrder = feed(first, rows.slice(0, split));
      const later = new SegmentCollector(columns, true);
      const laterOrder = feed(later, rows.slice(split));
      const map = new Uint32Array(laterOrder.size);
      let next = firstOrder.size;
      for (const [customer, k] of laterOrder) map[k] = firstOrder.get(customer) ?? next++;
      const part = later.exportPart();
      assert.equal(part.columns[1].dropped, false);
      assert.ok(first.canAbsorb(part));
      first.absorb(part, map);
      assert.equal(next, all.size);
      const expected = plainColumns(whole, all.size);
      assert.deepEqual(expected.map((c) => c[0]), ['tier']);
      assert.deepEqual(plainColumns(first, all.size), expected);
    });
  }

  it('replays a later part whose log was sized part-way through (as a builder does after the first MiB)', () => {
    const split = 800;
    const whole = new SegmentCollector(columns);
    const all = feed(whole, rows);
    const first = new SegmentCollector(columns);
    const firstOrder = feed(first, rows.slice(0, split));
    const later = new SegmentCollector(columns, true);
    const head = feed(later, rows.slice(split, split + 300));
    later.reserve(rows.length);
    const tail = feed(later, rows.slice(split + 300), head);
    const laterOrder = new Map([...head, ...tail]);
    const map = new Uint32Array(laterOrder.size);
    let next = firstOrder.size;
    for (const [customer, k] of laterOrder) map[k] = firstOrder.get(customer) ?? next++;
    const part = later.exportPart();
    assert.equal(part.customer.length, laterOrder.size + rows.slice(split).filter(([c, t], i, r) => r.findIndex(([d]) => d === c) < i && t < Math.min(...r.slice(0, i).filter(([d]) => d === c).map(([, s]) => s))).length);
    first.absorb(part, map);
    assert.deepEqual(plainColumns(first, all.size), plainColumns(whole, all.size));
  });

  it('cannot replay a part that dropped a column the first part kept (the file is read in one pass)', () => {
    const first = new SegmentCollector(columns);
    feed(first, rows.slice(0, 300));
    const later = new SegmentCollector(columns, true);
    feed(later, rows.slice(300));
    const part = later.exportPart();
    assert.equal(part.columns[1].dropped, true);
    assert.equal(first.canAbsorb(part), false);
  });
});

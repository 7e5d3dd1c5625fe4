import { strict as assert } from 'node:assert';
import { parseCsv } from '../../../src/ingest/parseCsv';
import { SegmentCollector, type KeptRows, type SegmentPart } from '../../../src/ingest/segments';
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
  type Row = [number, number, string, string];
  // 1,500 customers met in order, then rows of the first 100 again, every 13th earlier than the rows before
  // it (its values win); the id-like column takes a new value per customer and is dropped at the
  // 1,001st.
  const rows: Row[] = Array.from({ length: 3000 }, (_, i) => {
    const customer = i < 1500 ? i : (i * 7) % 100;
    const time = i % 13 === 0 ? i - 2000 : i;
    return [customer, time, ['basic', 'gold', 'pro'][(i * 5) % 3], `v${i}`];
  });
  const columns: [string, number][] = [['tier', 0], ['id-like', 1]];

  /** The rows a collector was fed (its customer numbering), as a DatasetBuilder keeps them. */
  class Kept {
    readonly customer: number[] = [];
    readonly time: number[] = [];
    rows = (): KeptRows => ({ customer: Uint32Array.from(this.customer), time: Float64Array.from(this.time), count: this.customer.length });
  }

  /** A collector that learns first times from `kept` (lazy) or keeps them (eager). */
  const collector = (lazy: boolean, kept: Kept, logEvents = false): SegmentCollector => new SegmentCollector(columns, logEvents, lazy ? kept.rows : null);

  /**
   * Feeds rows to a collector, customers numbered by first appearance after `known`; returns that
   * numbering. `inOrder`: no seeRow, as a DatasetBuilder reading rows in time order.
   */
  function feed(c: SegmentCollector, part: Row[], kept = new Kept(), known = new Map<number, number>(), inOrder = false): Map<number, number> {
    const number = new Map<number, number>();
    for (const [customer, time, tier, id] of part) {
      const fields = new TextFields().of([tier, id]);
      let u = known.get(customer) ?? number.get(customer);
      if (u === undefined) {
        u = known.size + number.size;
        number.set(customer, u);
        c.addCustomer(fields, time);
      } else if (!inOrder) c.seeRow(u, fields, time);
      kept.customer.push(u);
      kept.time.push(time);
    }
    return number;
  }

  const plainColumns = (c: SegmentCollector, n: number) => c.finish(n).map((s) => [s.column, s.values, [...s.customerValue]]);

  /** Splits `all` after `split` rows, reads both parts (lazy or eager), replays the later part into the first and returns the first and the whole file's count. */
  function splitAndReplay(all: Row[], split: number, lazy: boolean, inOrder = false): { first: SegmentCollector; customers: number; part: SegmentPart } {
    const firstKept = new Kept();
    const first = collector(lazy, firstKept);
    const firstOrder = feed(first, all.slice(0, split), firstKept, undefined, inOrder);
    const laterKept = new Kept();
    const later = collector(lazy, laterKept, true);
    const laterOrder = feed(later, all.slice(split), laterKept, undefined, inOrder);
    const map = new Uint32Array(laterOrder.size);
    let next = firstOrder.size;
    for (const [customer, k] of laterOrder) map[k] = firstOrder.get(customer) ?? next++;
    const part = later.exportPart();
    assert.ok(first.canAbsorb(part));
    first.absorb(part, map, laterKept.rows);
    return { first, customers: next, part };
  }

  /** The columns of one pass over `all`, and its customers. */
  function onePass(all: Row[]): { columns: ReturnType<typeof plainColumns>; customers: number } {
    const whole = new SegmentCollector(columns);
    const customers = feed(whole, all).size;
    return { columns: plainColumns(whole, customers), customers };
  }

  // Split after 800 rows, neither part has 1,001 id-like values (only a customer's first row and
  // earlier rows take values) and the merge drops the column; after 1,200 the first part has
  // dropped it. Both replay exactly, first times kept or read off the rows.
  for (const lazy of [false, true]) {
    for (const [split, what] of [[800, 'dropped at the merge'], [1200, 'dropped by the first part']] as const) {
      it(`gives the one pass's columns with the file split after ${split} rows (id-like column ${what}; first times ${lazy ? 'read off the rows' : 'kept'})`, () => {
        const expected = onePass(rows);
        const { first, customers, part } = splitAndReplay(rows, split, lazy);
        assert.equal(part.columns[1].dropped, false);
        assert.notEqual(part.customer, null, 'the later part took some values twice: a full log');
        assert.equal(customers, expected.customers);
        assert.deepEqual(expected.columns.map((c) => c[0]), ['tier']);
        assert.deepEqual(plainColumns(first, customers), expected.columns);
      });
    }
  }

  // Rows in time order: 600 customers, then rows of them again; the tier is the row's.
  const ordered: Row[] = Array.from({ length: 1200 }, (_, i) => [i < 600 ? i : (i * 7) % 600, i, ['basic', 'gold', 'pro'][(i * 5) % 3], `v${i % 50}`]);

  it('replays a compact log (a part in time order) by adding its new customers, first times never kept', () => {
    const expected = onePass(ordered);
    const { first, customers, part } = splitAndReplay(ordered, 500, true, true);
    assert.equal(part.customer, null);
    assert.equal(part.time, null);
    assert.equal(part.codes.length, 2 * new Set(ordered.slice(500).map(([c]) => c)).size, 'one event (two codes) per customer of the part');
    assert.equal(part.earliest, 500);
    assert.equal(customers, 600);
    assert.deepEqual(plainColumns(first, customers), expected.columns);
  });

  it('replays a compact log whose rows come before the first part\'s (their values win), reading first times off both parts\' rows', () => {
    // The later part is in time order itself, but earlier than every first row of the first part.
    const shifted: Row[] = ordered.map(([c, t, tier, id], i) => (i < 500 ? [c, t + 10_000, tier, id] : [c, t, 'late', id]));
    const expected = onePass(shifted);
    const { first, customers, part } = splitAndReplay(shifted, 500, true, true);
    assert.equal(part.customer, null);
    assert.equal(part.earliest, 500);
    assert.equal(customers, 600);
    const firstColumns = plainColumns(first, customers);
    assert.deepEqual(firstColumns, expected.columns);
    // Every customer has one row in the later part (7 is invertible mod 600: customer 7 at row 601),
    // earlier than any first-part row: all take its tier, 'late'.
    const [, values, codes] = firstColumns[0] as [string, string[], number[]];
    assert.deepEqual(new Set(codes.map((code) => values[code])), new Set(['late']));
  });

  it('reads first times off the rows when a row first comes out of time order (their first rows, not their last)', () => {
    // The ordered rows (customer 7 at 7 and 601), then customer 7 at 300: later than their first row, so it is ignored.
    const all: Row[] = [...ordered, [7, 300, 'late', 'x'], [8, 3, 'early', 'y']];
    const kept = new Kept();
    const lazy = collector(true, kept);
    const order = feed(lazy, ordered, kept, undefined, true);
    feed(lazy, all.slice(ordered.length), kept, order);
    const expected = onePass(all);
    const [, values, codes] = plainColumns(lazy, 600)[0] as [string, string[], number[]];
    assert.deepEqual(plainColumns(lazy, 600), expected.columns);
    assert.equal(values[codes[7]], ['basic', 'gold', 'pro'][(7 * 5) % 3]);
    assert.equal(values[codes[8]], 'early');
  });

  it('replays a later part whose log was sized part-way through (as a builder does after the first MiB)', () => {
    const split = 800;
    const expected = onePass(rows);
    const first = new SegmentCollector(columns);
    const firstOrder = feed(first, rows.slice(0, split));
    const later = new SegmentCollector(columns, true);
    const laterKept = new Kept();
    const head = feed(later, rows.slice(split, split + 300), laterKept);
    later.reserve(rows.length);
    const tail = feed(later, rows.slice(split + 300), laterKept, head);
    const laterOrder = new Map([...head, ...tail]);
    const map = new Uint32Array(laterOrder.size);
    let next = firstOrder.size;
    for (const [customer, k] of laterOrder) map[k] = firstOrder.get(customer) ?? next++;
    const part = later.exportPart();
    assert.equal(part.customer?.length, laterOrder.size + rows.slice(split).filter(([c, t], i, r) => r.findIndex(([d]) => d === c) < i && t < Math.min(...r.slice(0, i).filter(([d]) => d === c).map(([, s]) => s))).length);
    first.absorb(part, map, laterKept.rows);
    assert.deepEqual(plainColumns(first, expected.customers), expected.columns);
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

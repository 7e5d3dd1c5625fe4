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

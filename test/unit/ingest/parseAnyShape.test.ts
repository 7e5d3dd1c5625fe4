// The shape dispatcher the worker and the CLI call: plan.shape picks the parser (absent = events).
import { strict as assert } from 'node:assert';
import { isEventDataset, parseAnyShape } from '../../../src/ingest/parseAnyShape';
import { plan } from './helpers';

describe('ingest/parseAnyShape', () => {
  it('events when the plan has no shape', async () => {
    const d = await parseAnyShape(['customer_id,order_date\nc1,2024-01-05\n'], plan(['customer_id', 'order_date'], { customerId: 'customer_id', timestamp: 'order_date' }), 'f.csv');
    assert.ok(isEventDataset(d));
    assert.equal(d.rowCount, 1);
  });

  it('subscriptions and customers by plan.shape', async () => {
    const subs = await parseAnyShape(['id,start\na,2024-01-01\n'], { ...plan(['id', 'start'], { customerId: 'id', start: 'start' }), shape: 'subscriptions' }, 'f.csv');
    assert.ok(!isEventDataset(subs) && subs.shape === 'subscriptions');
    const rows: number[] = [];
    const customers = await parseAnyShape(['id,tenure\na,1\nb,2\n'], { ...plan(['id', 'tenure'], { customerId: 'id', tenure: 'tenure' }), shape: 'customers' }, 'f.csv', { onProgress: (p) => rows.push(p.rowsRead) });
    assert.ok(!isEventDataset(customers) && customers.shape === 'customers');
    assert.equal(rows.at(-1), 2);
  });
});

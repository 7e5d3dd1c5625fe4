import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guessMapping } from '../../../src/ingest/roles';
import { sniffCsv } from '../../../src/ingest/sniff';
import { mapping } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ingest', name), 'utf8');
const guess = (text: string, fixed = {}): ReturnType<typeof guessMapping> => guessMapping(sniffCsv(text, 'f.csv'), fixed);

describe('ingest/roles guessMapping', () => {
  it('maps an event-name column with few distinct names, not a numeric one', () => {
    const g = guess('user_id,timestamp,event,value\nu1,2024-01-01,signup,1\nu1,2024-01-02,purchase,2\nu2,2024-01-03,signup,3\nu2,2024-01-04,login,4\n');
    assert.equal(g.mapping.eventName, 'event');
    const numeric = guess('user_id,timestamp,action\nu1,2024-01-01,1\nu1,2024-01-02,2\nu2,2024-01-03,3\n');
    assert.equal(numeric.mapping.eventName, null);
  });

  it('maps an orders file by its column names', () => {
    const g = guess('customer_id,order_date,amount\nc1,2024-01-05,10.00\nc2,2024-01-20,5.50\nc1,2024-02-03,7\n');
    assert.deepEqual(g.mapping, mapping({ customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' }));
    assert.deepEqual(g.dateDetection, { format: 'iso', candidates: ['iso'], matched: 3, total: 3 });
    assert.equal(g.confident, true);
    assert.deepEqual(g.notes, []);
  });

  it('maps Online Retail: amount = Quantity × UnitPrice, InvoiceNo as the order id', () => {
    const g = guess(fixture('online-retail-head.csv'));
    assert.deepEqual(g.mapping, mapping({ customerId: 'CustomerID', timestamp: 'InvoiceDate', quantity: 'Quantity', unitPrice: 'UnitPrice', orderId: 'InvoiceNo' }));
    assert.equal(g.mapping.amount, null);
    assert.deepEqual(g.notes, ['amount = Quantity × UnitPrice']);
    assert.deepEqual(g.dateDetection, { format: 'mdy', candidates: ['mdy'], matched: 6, total: 6 });
    assert.equal(g.confident, true);
  });

  it('takes a price column without a quantity as the amount', () => {
    const g = guess('user_id,created_at,price\nu1,2024-01-01,9.99\nu2,2024-01-02,4.50\n');
    assert.deepEqual(g.mapping, mapping({ customerId: 'user_id', timestamp: 'created_at', amount: 'price' }));
  });

  it('drops a quantity without a price', () => {
    const g = guess('customer,date,qty\nc1,2024-01-01,2\nc2,2024-01-02,3\n');
    assert.deepEqual(g.mapping, mapping({ customerId: 'customer', timestamp: 'date' }));
  });

  it('prefers an amount column over quantity × price', () => {
    const g = guess('customer,date,qty,unit_price,total\nc1,2024-01-01,2,1.50,3.00\nc2,2024-01-02,1,4,4\n');
    assert.deepEqual(g.mapping, mapping({ customerId: 'customer', timestamp: 'date', amount: 'total' }));
    assert.deepEqual(g.notes, []);
  });

  it('does not take a text column named like an amount', () => {
    const g = guess('customer,date,value\nc1,2024-01-01,high\nc2,2024-01-02,low\n');
    assert.equal(g.mapping.amount, null);
  });

  it('reads decimal-comma amounts as numeric when the dialect says so', () => {
    const g = guess('kunde;datum;revenue\nk1;2024-03-05;12,50\nk2;2024-03-06;1.234,50\n');
    assert.equal(g.mapping.amount, 'revenue');
    assert.equal(g.mapping.customerId, null, "'kunde' is not an English customer name");
  });

  it('reports an ambiguous day/month order without deciding it (the columns themselves are sure)', () => {
    const g = guess('customer_id,order_date\nc1,01/02/2024\nc2,03/04/2024\n');
    assert.equal(g.mapping.timestamp, 'order_date');
    assert.deepEqual(g.dateDetection, { format: null, candidates: ['dmy', 'mdy'], matched: 2, total: 2 });
    assert.equal(g.confident, true);
  });

  it('falls back to an id column whose values repeat, and to the best-reading date column, but is not confident', () => {
    const g = guess('id,x,n\nA,2024-01-01,1\nB,2024-01-02,2\nA,2024-01-03,3\n');
    assert.equal(g.mapping.customerId, 'id');
    assert.equal(g.mapping.timestamp, 'x');
    assert.equal(g.confident, false);
  });

  it('does not take an id column with unique values as the customer', () => {
    assert.equal(guess('id,date\nA,2024-01-01\nB,2024-01-02\n').mapping.customerId, null);
  });

  it('lets fixed columns win and keeps them out of detection', () => {
    const g = guess('customer_id,buyer,order_date,amount\nc1,b1,2024-01-05,10\nc2,b2,2024-01-06,3\n', { customerId: 'buyer', amount: null });
    assert.deepEqual(g.mapping, mapping({ customerId: 'buyer', timestamp: 'order_date' }));
    assert.equal(g.confident, true);
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSample, buildPlan } from '../../../src/ingest/prepare';
import { sniffCsv } from '../../../src/ingest/sniff';
import { mapping, throwsIngest } from './helpers';

const ORDERS = 'customer_id,order_date,amount\nc1,2024-01-05,10.00\nc2,2024-01-20,5.50\nc1,2024-02-03,7\n';
const AMBIGUOUS = 'customer_id,order_date,amount\nc1,01/02/2024,10\nc2,03/04/2024,5\n';
const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ingest', name), 'utf8');

describe('ingest/prepare analyzeSample', () => {
  it('builds the plan for an orders file', () => {
    const a = analyzeSample(ORDERS, 'orders.csv', { timeZone: 'Europe/Berlin' });
    assert.deepEqual(a.needs, []);
    assert.equal(a.dateFormat, 'iso');
    assert.deepEqual(a.plan, {
      dialect: { delimiter: ',', hasHeader: true, decimalComma: false },
      header: ['customer_id', 'order_date', 'amount'],
      mapping: mapping({ customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' }),
      dateFormat: 'iso',
      timeZone: 'Europe/Berlin',
    });
  });

  it('builds the Online Retail plan with quantity × unit price and the invoice as order id', () => {
    const a = analyzeSample(fixture('online-retail-head.csv'), 'retail.csv', { timeZone: 'UTC' });
    assert.deepEqual(a.needs, []);
    assert.deepEqual(a.plan?.mapping, mapping({ customerId: 'CustomerID', timestamp: 'InvoiceDate', quantity: 'Quantity', unitPrice: 'UnitPrice', orderId: 'InvoiceNo' }));
    assert.equal(a.plan?.dateFormat, 'mdy');
  });

  it('asks for the date format when day and month cannot be told apart', () => {
    const a = analyzeSample(AMBIGUOUS, 'f.csv', { timeZone: 'UTC' });
    assert.equal(a.plan, null);
    assert.equal(a.dateFormat, null);
    assert.ok(a.needs.includes('dateFormat'), `needs: ${a.needs.join(', ')}`);
    assert.deepEqual(a.guess.dateDetection?.candidates, ['dmy', 'mdy']);
  });

  it('builds the plan once the date format is given (columns were found by name)', () => {
    const a = analyzeSample(AMBIGUOUS, 'f.csv', { timeZone: 'UTC', dateFormat: 'dmy' });
    assert.equal(a.dateFormat, 'dmy');
    assert.ok(!a.needs.includes('dateFormat'));
    assert.deepEqual(a.needs, []);
    assert.deepEqual(a.plan?.mapping, mapping({ customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' }));
    assert.equal(a.plan?.dateFormat, 'dmy');
  });

  it('builds the plan when the mapping and the date format are both given', () => {
    const a = analyzeSample(AMBIGUOUS, 'f.csv', { timeZone: 'UTC', dateFormat: 'mdy', mapping: { customerId: 'customer_id', timestamp: 'order_date' } });
    assert.deepEqual(a.needs, []);
    assert.equal(a.plan?.dateFormat, 'mdy');
    assert.equal(a.plan?.mapping.amount, 'amount');
  });

  it('trusts given columns with unusual names', () => {
    const a = analyzeSample('ref,stamp,v\nr1,2024-01-01,1\nr2,2024-01-02,2\n', 'f.csv', { timeZone: 'UTC', mapping: { customerId: 'ref', timestamp: 'stamp', amount: 'v' } });
    assert.deepEqual(a.needs, []);
    assert.deepEqual(a.plan?.mapping, mapping({ customerId: 'ref', timestamp: 'stamp', amount: 'v' }));
  });

  it('asks to confirm columns found only by their values', () => {
    const a = analyzeSample('id,x\nA,2024-01-01\nB,2024-01-02\nA,2024-01-03\n', 'f.csv', { timeZone: 'UTC' });
    assert.deepEqual(a.needs, ['customerId', 'timestamp']);
    assert.equal(a.dateFormat, 'iso');
    assert.equal(a.plan, null);
  });

  it('asks for every column when none is found', () => {
    const a = analyzeSample('a,b\nx,y\nz,w\n', 'f.csv', { timeZone: 'UTC' });
    assert.deepEqual(a.needs, ['customerId', 'timestamp', 'dateFormat']);
    assert.equal(a.plan, null);
  });

  it("refuses a given column the file does not have with 'unknown-column'", () => {
    const e = throwsIngest(() => analyzeSample(ORDERS, 'orders.csv', { timeZone: 'UTC', mapping: { customerId: 'client_no' } }), 'unknown-column');
    assert.equal(e.message, "orders.csv: no column named 'client_no' for the customer id (columns: customer_id, order_date, amount)");
    assert.equal(e.column, 'client_no');
    throwsIngest(() => analyzeSample(ORDERS, 'orders.csv', { timeZone: 'UTC', mapping: { unitPrice: 'price' } }), 'unknown-column');
  });

  it('accepts a given null (role switched off) without a column check', () => {
    const a = analyzeSample(ORDERS, 'f.csv', { timeZone: 'UTC', mapping: { amount: null } });
    assert.equal(a.plan?.mapping.amount, null);
  });

  it('drops a remembered column the file lost when lenient, and detects the rest', () => {
    const a = analyzeSample(ORDERS, 'f.csv', { timeZone: 'UTC', lenient: true, mapping: { customerId: 'client_no', amount: 'gone' } });
    assert.deepEqual(a.plan?.mapping, mapping({ customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' }));
  });

  it('keeps the remembered columns that still exist when lenient', () => {
    const text = 'who,order_date,amount\nw1,2024-01-05,10\nw2,2024-01-06,3\n';
    const a = analyzeSample(text, 'f.csv', { timeZone: 'UTC', lenient: true, mapping: { customerId: 'who', amount: 'gone' } });
    assert.equal(a.guess.mapping.customerId, 'who');
  });

  it('passes sniffing errors through', () => {
    throwsIngest(() => analyzeSample('customer_id,order_date\n', 'f.csv', { timeZone: 'UTC' }), 'header-only');
    throwsIngest(() => analyzeSample('customer\nc1\n', 'f.csv', { timeZone: 'UTC' }), 'one-column');
  });
});

describe('ingest/prepare buildPlan', () => {
  it('copies the mapping and takes the dialect and header from the sniff', () => {
    const sniff = sniffCsv('a;b\nx;2024-01-01\n', 'f.csv');
    const m = mapping({ customerId: 'a', timestamp: 'b' });
    const p = buildPlan(sniff, m, 'iso', 'America/New_York');
    m.amount = 'b';
    assert.deepEqual(p, { dialect: { delimiter: ';', hasHeader: true, decimalComma: false }, header: ['a', 'b'], mapping: mapping({ customerId: 'a', timestamp: 'b' }), dateFormat: 'iso', timeZone: 'America/New_York' });
  });
});

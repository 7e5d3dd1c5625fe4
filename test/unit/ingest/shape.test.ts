// Shape detection (DESIGN.md §3 "Three shapes") on small hand-written files, the existing events
// fixtures (unchanged) and the real Telco churn file.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectShape } from '../../../src/ingest/shape';
import { sniffCsv } from '../../../src/ingest/sniff';
import { isInvertedFlagColumn, readChurnFlag } from '../../../src/ingest/churnFlag';
import { cleanName, guessTenureUnit } from '../../../src/ingest/lifetimeRoles';

const fixture = (dir: string, name: string): string => readFileSync(join(__dirname, '../../fixtures', dir, name), 'utf8');
const TELCO = resolve(__dirname, '../../../../shared/data/telco/Telco-Customer-Churn.csv');
const shapeOf = (text: string, given?: Parameters<typeof detectShape>[2]) => detectShape(sniffCsv(text, 'f.csv'), {}, given);

describe('ingest/shape detectShape', () => {
  it('subscriptions: start and cancel date columns, the cancel date often blank', () => {
    const s = shapeOf(fixture('subscriptions', 'subscriptions.csv'));
    assert.equal(s.shape, 'subscriptions');
    assert.equal(s.confident, true);
  });

  it('subscriptions in a billing export layout (names with a zone suffix, Ended At over Canceled At)', () => {
    const text = 'id,Customer ID,Plan,Amount,Start (UTC),Canceled At (UTC),Ended At (UTC)\nsub1,cus1,pro,50,2024-01-01 10:00,2024-02-01 09:00,2024-03-01 10:00\nsub2,cus2,pro,50,2024-01-05 11:00,,\n';
    const s = shapeOf(text);
    assert.equal(s.shape, 'subscriptions');
    assert.match(s.reason, /Ended At/);
  });

  it('customers: a tenure column and a churned flag', () => {
    const s = shapeOf(fixture('subscriptions', 'customers.csv'));
    assert.deepEqual([s.shape, s.confident], ['customers', true]);
  });

  it('customers on the Telco file (tenure + Churn)', () => {
    const s = shapeOf(readFileSync(TELCO, 'utf8').slice(0, 256 * 1024));
    assert.deepEqual([s.shape, s.confident], ['customers', true]);
    assert.equal(s.reason, "tenure column 'tenure' and churned flag 'Churn'");
  });

  it('customers, unsure, with a tenure column but no churned flag', () => {
    const s = shapeOf('customer_id,tenure_months,plan\nc1,3,a\nc2,5,b\n');
    assert.deepEqual([s.shape, s.confident], ['customers', false]);
  });

  it('customers, unsure, from a start date and a churned flag with one row per customer', () => {
    const s = shapeOf('customer_id,signup_date,churned\nc1,2024-01-01,yes\nc2,2024-01-02,no\n');
    assert.deepEqual([s.shape, s.confident], ['customers', false]);
  });

  it('events stay events: orders, Online Retail, a signup date beside the order date', () => {
    assert.equal(shapeOf('customer_id,order_date,amount\nc1,2024-01-05,10\nc2,2024-01-20,5\n').shape, 'events');
    assert.equal(shapeOf(fixture('ingest', 'online-retail-head.csv')).shape, 'events');
    assert.equal(shapeOf(fixture('ingest', 'quoted-multiline.csv')).shape, 'events');
    const mixed = 'customer_id,signup_date,churn_date,order_date,amount\nc1,2024-01-01,,2024-01-05,10\nc2,2024-01-02,2024-03-01,2024-01-20,5\n';
    assert.equal(shapeOf(mixed).shape, 'events');
  });

  it('a customer table with summary dates (last_order_date) stays customers', () => {
    assert.equal(shapeOf('customer_id,signup_date,churn_date,last_order_date\nc1,2024-01-01,,2024-02-01\nc2,2024-01-02,2024-03-01,2024-02-11\n').shape, 'subscriptions');
    assert.equal(shapeOf('customer_id,tenure,churned,order_date\nc1,3,yes,2024-02-01\nc2,4,no,2024-02-11\n').shape, 'customers');
  });

  it('a monthly snapshot table (tenure and churn on every month of a customer) is not a customers table', () => {
    assert.equal(shapeOf('customer_id,month,tenure,churn\nc1,2024-01,1,no\nc1,2024-02,2,yes\nc2,2024-01,1,no\n').shape, 'events');
  });

  it('a duration column in an events file does not make it a customers table', () => {
    assert.equal(shapeOf('user_id,timestamp,duration\nu1,2024-01-01 10:00,30\nu1,2024-01-02 11:00,12\n').shape, 'events');
    assert.equal(shapeOf('user_id,timestamp,duration\nu1,2024-01-01 10:00,30\nu2,2024-01-02 11:00,12\n').shape, 'events');
    assert.equal(shapeOf('user_id,duration\nu1,30\nu1,12\n').shape, 'events');
  });

  it('sessions with a start and end time on every row are events, not subscriptions', () => {
    const text = 'user_id,start_time,end_time\nu1,2024-01-01 10:00,2024-01-01 10:30\nu1,2024-01-02 09:00,2024-01-02 09:05\n';
    assert.equal(shapeOf(text).shape, 'events');
  });

  it('a given shape wins; mapped lifetime roles imply their shape', () => {
    assert.deepEqual(shapeOf(fixture('subscriptions', 'customers.csv'), 'events'), { shape: 'events', confident: true, reason: 'given' });
    const sniff = sniffCsv('customer_id,order_date,months\nc1,2024-01-05,10\n', 'f.csv');
    assert.equal(detectShape(sniff, { tenure: 'months' }).shape, 'customers');
    assert.equal(detectShape(sniff, { start: 'order_date' }).shape, 'subscriptions');
    assert.equal(detectShape(sniff, { timestamp: 'order_date', start: null }).shape, 'events');
  });
});

describe('ingest/churnFlag', () => {
  it('reads yes/no, y/n, true/false, 1/0 and words', () => {
    for (const v of ['Yes', 'y', 'TRUE', 't', '1', 'churned', 'Cancelled', 'exited', 'inactive']) assert.equal(readChurnFlag(v, false), 1, v);
    for (const v of ['No', 'n', 'false', 'F', '0', 'active', 'retained', 'current']) assert.equal(readChurnFlag(v, false), 0, v);
    for (const v of ['', 'maybe', '2', 'yes!']) assert.equal(readChurnFlag(v, false), -1, v);
  });

  it('an active column inverts yes/no but not the words', () => {
    assert.ok(isInvertedFlagColumn('is_active'));
    assert.ok(isInvertedFlagColumn('Active'));
    assert.ok(!isInvertedFlagColumn('Churn'));
    assert.equal(readChurnFlag('yes', true), 0);
    assert.equal(readChurnFlag('0', true), 1);
    assert.equal(readChurnFlag('churned', true), 1);
    assert.equal(readChurnFlag('active', true), 0);
  });

  it('tenure units from column names; names without a unit suffix', () => {
    assert.equal(guessTenureUnit('tenure_days'), 'days');
    assert.equal(guessTenureUnit('Tenure (weeks)'), 'weeks');
    assert.equal(guessTenureUnit('tenure_years'), 'years');
    assert.equal(guessTenureUnit('tenure'), 'months');
    assert.equal(guessTenureUnit(null), 'days');
    assert.equal(cleanName('Start (UTC)'), 'Start');
    assert.equal(cleanName('MRR [USD]'), 'MRR');
  });
});

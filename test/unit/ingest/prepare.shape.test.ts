// analyzeSample and buildPlan for the subscriptions and customers shapes (DESIGN.md §3), and the
// CLI's prompt-free resolution of them.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSample, buildPlan } from '../../../src/ingest/prepare';
import { sniffCsv } from '../../../src/ingest/sniff';
import { resolvePlanWithoutPrompt } from '../../../src/cli/resolvePlan';
import { mapping, throwsIngest } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/subscriptions', name), 'utf8');
const ORDERS = 'customer_id,order_date,amount\nc1,2024-01-05,10.00\nc2,2024-01-20,5.50\n';

describe('ingest/prepare with shapes', () => {
  it('plans a subscriptions file: customer, start, end, MRR, plan', () => {
    const a = analyzeSample(fixture('subscriptions.csv'), 'subs.csv', { timeZone: 'UTC' });
    assert.deepEqual([a.shape, a.shapeConfident, a.needs], ['subscriptions', true, []]);
    assert.deepEqual(a.plan, {
      dialect: { delimiter: ',', hasHeader: true, decimalComma: false },
      header: ['subscription_id', 'customer_id', 'plan', 'mrr', 'start_date', 'cancel_date', 'region'],
      mapping: mapping({ customerId: 'customer_id', start: 'start_date', end: 'cancel_date', amount: 'mrr', plan: 'plan' }),
      dateFormat: 'iso', timeZone: 'UTC', shape: 'subscriptions',
    });
  });

  it('plans a customers file with the tenure unit read from the column name', () => {
    const a = analyzeSample(fixture('customers.csv'), 'crm.csv', { timeZone: 'UTC' });
    assert.deepEqual([a.shape, a.needs, a.tenureUnit], ['customers', [], 'days']);
    assert.deepEqual(a.plan?.mapping, mapping({ customerId: 'account_id', tenure: 'tenure_days', churned: 'is_active' }));
    assert.equal(a.plan?.shape, 'customers');
    assert.equal(a.plan?.tenureUnit, 'days');
    assert.deepEqual(a.guess.notes, ["'is_active' says who is still active: its yes = not churned"]);
  });

  it('maps the bank-churn layout (CustomerId, Tenure, Exited; IsActiveMember is not the flag)', () => {
    const text = 'RowNumber,CustomerId,Surname,Geography,Tenure,Balance,IsActiveMember,Exited\n1,15634602,Hargrave,France,2,0,1,1\n2,15647311,Hill,Spain,1,83807.86,1,0\n';
    const a = analyzeSample(text, 'bank.csv', { timeZone: 'UTC' });
    assert.deepEqual([a.shape, a.needs], ['customers', []]);
    assert.deepEqual(a.plan?.mapping, mapping({ customerId: 'CustomerId', tenure: 'Tenure', churned: 'Exited' }));
  });

  it('a given shape and tenure unit win over detection', () => {
    const a = analyzeSample(fixture('customers-dates.csv'), 'f.csv', { timeZone: 'UTC', shape: 'customers', tenureUnit: 'weeks' });
    assert.deepEqual([a.shape, a.shapeConfident, a.needs], ['customers', true, []]);
    assert.deepEqual(a.plan?.mapping, mapping({ customerId: 'customer', start: 'signup_date', end: 'churn_date' }));
    assert.equal(a.plan?.tenureUnit, 'weeks');
    // Detected alone, start + end dates read as subscriptions.
    assert.equal(analyzeSample(fixture('customers-dates.csv'), 'f.csv', { timeZone: 'UTC' }).shape, 'subscriptions');
  });

  it('asks to confirm an unsure shape and the missing core columns', () => {
    const a = analyzeSample('ref,tenure\nr1,3\nr2,5\n', 'f.csv', { timeZone: 'UTC' });
    assert.equal(a.shape, 'customers');
    assert.deepEqual(a.needs, ['shape', 'customerId']);
    assert.equal(a.plan, null);
    const s = analyzeSample('customer_id,region\nc1,EU\n', 'f.csv', { timeZone: 'UTC', shape: 'subscriptions' });
    assert.deepEqual(s.needs, ['customerId', 'start']);   // an unsure guess confirms the customer column too
  });

  it('asks the day order of ambiguous start/end dates', () => {
    const a = analyzeSample('customer_id,start_date,end_date\nc1,01/02/2024,\nc2,03/04/2024,05/06/2024\n', 'f.csv', { timeZone: 'UTC' });
    assert.equal(a.shape, 'subscriptions');
    assert.deepEqual(a.needs, ['dateFormat']);
    assert.deepEqual(a.guess.dateDetection?.candidates, ['dmy', 'mdy']);
    const b = analyzeSample('customer_id,start_date,end_date\nc1,01/02/2024,\nc2,03/04/2024,25/06/2024\n', 'f.csv', { timeZone: 'UTC' });
    assert.equal(b.plan?.dateFormat, 'dmy');   // the end column's day 25 decides for both
  });

  it('events are planned exactly as before: no shape or tenure unit in the plan', () => {
    const a = analyzeSample(ORDERS, 'orders.csv', { timeZone: 'UTC' });
    assert.deepEqual([a.shape, a.shapeConfident], ['events', true]);
    assert.ok(a.plan && !('shape' in a.plan) && !('tenureUnit' in a.plan));
    const p = buildPlan(sniffCsv(ORDERS, 'f.csv'), a.guess.mapping, 'iso', 'UTC', { shape: 'events' });
    assert.ok(!('shape' in p));
  });

  it('buildPlan carries the lifetime shape; customers default to months with a tenure column', () => {
    const sniff = sniffCsv('id,tenure\na,1\n', 'f.csv');
    const p = buildPlan(sniff, mapping({ customerId: 'id', tenure: 'tenure' }), 'iso', 'UTC', { shape: 'customers' });
    assert.equal(p.shape, 'customers');
    assert.equal(p.tenureUnit, 'months');
  });
});

describe('cli/resolvePlan with shapes', () => {
  it('goes with an unsure lifetime guess and says which shape it read', () => {
    const a = analyzeSample('customer_id,tenure\nc1,3\nc2,5\n', 'f.csv', { timeZone: 'UTC' });
    const { plan, notes } = resolvePlanWithoutPrompt(a, 'f.csv', 'UTC');
    assert.equal(plan.shape, 'customers');
    assert.equal(plan.mapping.tenure, 'tenure');
    assert.match(notes[0], /read as customers \(pass --shape/);
  });

  it('names a detected lifetime shape too; events notes are unchanged', () => {
    const a = analyzeSample(fixture('customers.csv'), 'crm.csv', { timeZone: 'UTC' });
    assert.deepEqual(resolvePlanWithoutPrompt(a, 'crm.csv', 'UTC').notes, [
      'read as customers (pass --shape events|subscriptions|customers to change)', "'is_active' says who is still active: its yes = not churned",
    ]);
    assert.deepEqual(resolvePlanWithoutPrompt(analyzeSample(ORDERS, 'o.csv', { timeZone: 'UTC' }), 'o.csv', 'UTC').notes, []);
  });

  it('names the flag to pass when a lifetime core column is missing or dates are ambiguous', () => {
    const noStart = analyzeSample('customer_id,region\nc1,EU\n', 'f.csv', { timeZone: 'UTC', shape: 'subscriptions' });
    assert.match(throwsIngest(() => resolvePlanWithoutPrompt(noStart, 'f.csv', 'UTC'), 'no-date-column').message, /pass --start COL/);
    const noTenure = analyzeSample('customer_id,region\nc1,EU\n', 'f.csv', { timeZone: 'UTC', shape: 'customers' });
    assert.match(throwsIngest(() => resolvePlanWithoutPrompt(noTenure, 'f.csv', 'UTC'), 'no-date-column').message, /pass --tenure COL or --start COL/);
    const ambiguous = analyzeSample('customer_id,start_date,end_date\nc1,01/02/2024,\n', 'f.csv', { timeZone: 'UTC' });
    assert.match(throwsIngest(() => resolvePlanWithoutPrompt(ambiguous, 'f.csv', 'UTC'), 'ambiguous-dates').message, /--date-format dmy/);
  });
});

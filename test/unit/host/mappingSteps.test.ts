// The mapping prompts' questions per shape (host/mappingSteps.ts, free of vscode).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSample } from '../../../src/ingest/prepare';
import { dateColumn, dateDetectionFor, ROLE_STEPS, shapeChoices, startingMapping, tenureUnitFor } from '../../../src/host/mappingSteps';
import { SHAPE_LABELS } from '../../../src/shared/mapping';
import { mapping } from '../ingest/helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/subscriptions', name), 'utf8');

describe('host/mappingSteps', () => {
  it('offers the detected shape first, marked', () => {
    const items = shapeChoices('customers');
    assert.deepEqual(items.map((i) => i.shape), ['customers', 'events', 'subscriptions']);
    assert.deepEqual(items[0], { shape: 'customers', label: SHAPE_LABELS.customers, detail: '$(check) detected' });
    assert.ok(items.slice(1).every((i) => i.detail === undefined));
  });

  it('asks each shape its own columns; optional ones can be None', () => {
    const roles = (shape: keyof typeof ROLE_STEPS): string[] => ROLE_STEPS[shape].map((s) => `${s.role}${s.none ? '?' : ''}`);
    assert.deepEqual(roles('events'), ['customerId', 'timestamp', 'amount?']);
    assert.deepEqual(roles('subscriptions'), ['customerId', 'start', 'end?', 'amount?', 'plan?']);
    assert.deepEqual(roles('customers'), ['customerId', 'tenure?', 'churned?', 'start', 'end?']);
    assert.equal(ROLE_STEPS.subscriptions[2].none?.description, 'every subscription is active');
    // Customers are asked for dates only when they have no tenure column.
    const start = ROLE_STEPS.customers[3];
    assert.equal(start.when?.(mapping({ tenure: 't' })), false);
    assert.equal(start.when?.(mapping({ tenure: null })), true);
  });

  it('starts from the guess for the chosen shape, or the remembered mapping of that shape', () => {
    const a = analyzeSample(fixture('subscriptions.csv'), 'f.csv', { timeZone: 'UTC' });
    assert.equal(startingMapping(a, 'subscriptions').start, 'start_date');
    // Switched to events: the events guess (a date column as the timestamp).
    assert.equal(startingMapping(a, 'events').timestamp, 'start_date');
    const remembered = { mapping: mapping({ customerId: 'subscription_id', start: 'start_date' }), shape: 'subscriptions' as const };
    assert.equal(startingMapping(a, 'subscriptions', remembered).customerId, 'subscription_id');
    // A remembered mapping without a shape is an events mapping: not used for subscriptions.
    assert.equal(startingMapping(a, 'subscriptions', { mapping: mapping({ customerId: 'x' }) }).customerId, 'customer_id');
  });

  it('decides dates from the start and end columns; a tenure table has none', () => {
    const a = analyzeSample(fixture('subscriptions.csv'), 'f.csv', { timeZone: 'UTC' });
    const m = a.guess.mapping;
    assert.equal(dateColumn('subscriptions', m), 'start_date');
    assert.equal(dateDetectionFor(a, 'subscriptions', m)?.format, 'iso');
    assert.equal(dateColumn('customers', mapping({ tenure: 't' })), null);
  });

  it('offers the tenure unit remembered for the same column, else the one its name says', () => {
    const a = analyzeSample(fixture('customers.csv'), 'f.csv', { timeZone: 'UTC' });
    assert.equal(tenureUnitFor(a, 'tenure_days'), 'days');
    assert.equal(tenureUnitFor(a, 'segment'), 'months');
    assert.equal(tenureUnitFor(a, 'tenure_days', { mapping: mapping({ tenure: 'tenure_days' }), tenureUnit: 'weeks' }), 'weeks');
  });
});

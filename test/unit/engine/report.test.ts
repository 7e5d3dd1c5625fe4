import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../../src/engine/report';
import { ORDERS_ROWS, makeDataset, makePlan } from './makeDataset';

const ORDERS_MAPPING = { customerId: 'customer_id', timestamp: 'month', amount: 'amount' };
const expected = JSON.parse(readFileSync(join(__dirname, '../../fixtures/orders.expected.json'), 'utf8'));

describe('engine/report', () => {
  const dataset = makeDataset(ORDERS_ROWS, { file: 'orders.csv', dataEnd: '2024-04-01' });
  const report = buildReport({ dataset, plan: makePlan(ORDERS_MAPPING, { dateFormat: 'year-month', timeZone: 'Europe/Berlin' }), options: { period: 'month', weekStart: 'monday' } });

  it('matches the §6 stable core byte for byte, key order included (fields added since come after)', () => {
    const { schemaVersion, input, mapping, retention, kpis } = report;
    // §6: other fields may be added; the stable ones keep their place and meaning.
    const cohorts = retention.cohorts.map(({ cohort, size, counts, rates, partial }) => ({ cohort, size, counts, rates, partial }));
    const stable = { period: retention.period, mode: retention.mode, cohorts, average: { rates: retention.average.rates, method: retention.average.method } };
    assert.equal(JSON.stringify({ schemaVersion, input, mapping, retention: stable, kpis }), JSON.stringify(expected));
    assert.deepEqual(Object.keys(retention.cohorts[0]).slice(0, 5), ['cohort', 'size', 'counts', 'rates', 'partial']);
    assert.deepEqual(Object.keys(retention).slice(0, 4), ['period', 'mode', 'cohorts', 'average']);
  });

  it('orders the top-level keys as documented', () => {
    assert.deepEqual(Object.keys(report), ['schemaVersion', 'shape', 'input', 'mapping', 'retention', 'kpis', 'revenue', 'segments', 'explain', 'churn', 'predictive', 'choices', 'quality', 'settings']);
  });

  it('adds revenue, explain lines and the choices the file offers', () => {
    // orders.csv by hand: cohort 2024-01 (c1, c2, c3) buys 45 in Jan, 20 in Feb (c1 12, c2 8), 9 in Mar (c1).
    assert.deepEqual(report.revenue?.cohorts[0].revenue, [45, 20, 9]);
    assert.deepEqual(report.revenue?.cohorts[0].cumulativePerCustomer, [15, 21.67, 24.67]);
    assert.deepEqual(report.explain.map((l) => l.option), ['mode', 'window', 'cohorts', 'rateBase', 'average']);
    assert.deepEqual(report.choices, { eventNames: [], segmentColumns: [], presets: ['mixpanel', 'amplitude', 'posthog', 'ga4'] });
    assert.equal(report.segments, null);
  });

  it('reports data quality with civil ISO date-times and the settings used', () => {
    assert.deepEqual(report.quality, {
      rowsRead: 9, rowsUsed: 9, skipped: {}, examples: {}, returns: 0, zeroAmount: 0,
      dateFormat: 'year-month', timePrecision: 'month',
      firstActivity: '2024-01-01T00:00:00', dataEnd: '2024-04-01T00:00:00',
    });
    assert.deepEqual(report.settings, { timeZone: 'Europe/Berlin', weekStart: 'monday' });
  });

  it('lists optional mapped roles only when they are mapped, and null for missing core roles', () => {
    const ds = makeDataset([['a', '2024-01-05T10:00', 3, 'o1']]);
    const plan = makePlan({ customerId: 'cust', timestamp: 'ts', quantity: 'qty', unitPrice: 'price', orderId: 'order' });
    assert.deepEqual(buildReport({ dataset: ds, plan, options: { period: 'day', weekStart: 'sunday' } }).mapping, {
      customerId: 'cust', timestamp: 'ts', amount: null, quantity: 'qty', unitPrice: 'price', orderId: 'order',
    });
  });

  it('passes skipped rows and examples through, and uses the chosen period and week start', () => {
    const ds = makeDataset([['a', '2024-03-05T10:00', 3], ['a', '2024-03-12T09:30:15', -1]], { precision: 'second' });
    ds.quality = { ...ds.quality, rowsRead: 4, skipped: { 'invalid timestamp': 2 }, examples: { 'invalid timestamp': [{ line: 3, column: 'ts', value: 'x' }, { line: 5, column: 'ts', value: 'y' }] } };
    const r = buildReport({ dataset: ds, plan: makePlan({ customerId: 'c', timestamp: 'ts' }), options: { period: 'week', weekStart: 'sunday' } });
    assert.deepEqual(r.input, { file: 'test.csv', rows: 4, skipped: { 'invalid timestamp': 2 } });
    assert.equal(r.quality.examples['invalid timestamp']?.length, 2);
    assert.equal(r.quality.firstActivity, '2024-03-05T10:00:00');
    assert.equal(r.quality.dataEnd, '2024-03-12T09:30:16');
    assert.deepEqual(r.retention.cohorts.map((c) => c.cohort), ['2024-03-03']);
    assert.equal(r.settings.weekStart, 'sunday');
  });

  it('dates nothing when nobody purchased', () => {
    const r = buildReport({ dataset: makeDataset([['a', '2024-01', -5]]), plan: makePlan(ORDERS_MAPPING), options: { period: 'month', weekStart: 'monday' } });
    assert.equal(r.quality.firstActivity, null);
    assert.equal(r.quality.dataEnd, null);
    assert.deepEqual(r.retention.cohorts, []);
    assert.equal(r.kpis.customers, 0);
  });
});

// parseCustomerTable on hand-checked rows (test/fixtures/subscriptions/README.md) and on the IBM
// Telco churn file, whose counts were taken with Python's csv module (see the test names).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCustomerTable } from '../../../src/ingest/parseLifetimes';
import { sampleFile } from '../../../src/host/sampleSource';
import { readTextChunks } from '../../../src/host/readText';
import type { CustomerTableDataset } from '../../../src/shared/lifetimes';
import type { IngestPlan } from '../../../src/shared/mapping';
import { plan, rejectsIngest } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/subscriptions', name), 'utf8');
const TELCO = resolve(__dirname, '../../../../shared/data/telco/Telco-Customer-Churn.csv');
const crm = (extra: Partial<IngestPlan> = {}): IngestPlan => ({
  ...plan(['account_id', 'tenure_days', 'is_active', 'segment', 'signup_channel'], { customerId: 'account_id', tenure: 'tenure_days', churned: 'is_active' }),
  shape: 'customers', tenureUnit: 'days', ...extra,
});
const dated = (extra: Partial<IngestPlan> = {}): IngestPlan => ({
  ...plan(['customer', 'signup_date', 'churn_date', 'country'], { customerId: 'customer', start: 'signup_date', end: 'churn_date' }), shape: 'customers', ...extra,
});

describe('ingest/parseCustomerTable', () => {
  it('reads tenure and an inverted is_active flag, one row per customer', async () => {
    const d = await parseCustomerTable([fixture('customers.csv')], crm(), 'customers.csv');
    assert.equal(d.shape, 'customers');
    assert.equal(d.rowCount, 10);
    assert.deepEqual(d.customerIds, ['a1', 'a2', 'a3', 'a4', 'a7', 'a8', 'a10', 'a11', 'a12', 'a13']);
    assert.deepEqual([...d.duration], [30, 400, 0, 12.5, 200, 60, 5, 15, 25, 35]);
    assert.deepEqual([...d.churned], [0, 1, 0, 1, 1, 0, 0, 0, 1, 1]);
    assert.deepEqual([...d.line], [2, 3, 4, 5, 10, 11, 13, 14, 15, 16]);
    assert.equal(d.timeUnit, 'days');
  });

  it('skips duplicates, bad tenures and unreadable flags with line, column and value', async () => {
    const q = (await parseCustomerTable([fixture('customers.csv')], crm(), 'customers.csv')).quality;
    assert.equal(q.rowsRead, 15);
    assert.equal(q.rowsUsed, 10);
    assert.deepEqual(q.skipped, { 'duplicate customer': 1, 'invalid tenure': 2, 'invalid churned flag': 1, 'missing customer id': 1 });
    assert.deepEqual(q.examples['duplicate customer'], [{ line: 6, column: 'account_id', value: 'a1' }]);
    assert.deepEqual(q.examples['invalid tenure'], [{ line: 7, column: 'tenure_days', value: '-3' }, { line: 12, column: 'tenure_days', value: null }]);
    assert.deepEqual(q.examples['invalid churned flag'], [{ line: 8, column: 'is_active', value: 'maybe' }]);
    assert.deepEqual(q.examples['missing customer id'], [{ line: 9, column: 'account_id', value: null }]);
  });

  it('keeps the unmapped categorical columns as segments, one value per row', async () => {
    const d = await parseCustomerTable([fixture('customers.csv')], crm(), 'customers.csv');
    assert.deepEqual(d.segments.map((s) => s.column), ['segment', 'signup_channel']);
    const s = d.segments[0];
    assert.deepEqual([...s.customerValue].map((c) => s.values[c]), ['smb', 'enterprise', 'smb', 'smb', 'enterprise', 'smb', 'smb', 'smb', 'enterprise', 'smb']);
  });

  it('the tenure unit defaults to months for a tenure column', async () => {
    const d = await parseCustomerTable([fixture('customers.csv')], crm({ tenureUnit: undefined }), 'customers.csv');
    assert.equal(d.timeUnit, 'months');
    assert.equal(d.duration[1], 400);
  });

  it('without tenure: duration = (end or data end) − start in days, churned = has an end', async () => {
    const d = await parseCustomerTable([fixture('customers-dates.csv')], dated(), 'customers-dates.csv');
    assert.equal(d.timeUnit, 'days');
    assert.deepEqual([...d.duration], [30, 53, 30, 2]);
    assert.deepEqual([...d.churned], [1, 0, 1, 0]);
    assert.deepEqual(d.customerIds, ['k1', 'k2', 'k3', 'k4']);
  });

  it('durations from dates in months are days / (365.25 / 12)', async () => {
    const d = await parseCustomerTable([fixture('customers-dates.csv')], dated({ tenureUnit: 'months' }), 'f.csv');
    assert.ok(Math.abs(d.duration[0] - 30 / 30.4375) < 1e-12);
    assert.ok(Math.abs(d.duration[3] - 2 / 30.4375) < 1e-12);
  });

  it('a churned flag column wins over the end date', async () => {
    const text = 'customer,signup_date,churn_date,churned\nk1,2024-01-01,2024-01-31,no\nk2,2024-01-10,,yes\n';
    const p: IngestPlan = { ...plan(['customer', 'signup_date', 'churn_date', 'churned'], { customerId: 'customer', start: 'signup_date', end: 'churn_date', churned: 'churned' }), shape: 'customers' };
    const d = await parseCustomerTable([text], p, 'f.csv');
    assert.deepEqual([...d.churned], [0, 1]);
    assert.deepEqual([...d.duration], [30, 22]);   // k2: 2024-01-10 → data end 2024-02-01
  });

  it('with a tenure and an end column but no flag, churned = the end is filled in', async () => {
    const p: IngestPlan = { ...plan(['id', 'tenure', 'left_on'], { customerId: 'id', tenure: 'tenure', end: 'left_on' }), shape: 'customers' };
    const d = await parseCustomerTable(['id,tenure,left_on\na,3,2024-01-01\nb,5,\n'], p, 'f.csv');
    assert.deepEqual([...d.churned], [1, 0]);
    assert.deepEqual([...d.duration], [3, 5]);
  });

  it('stops when under 80 % of the tenures are readable, naming the column', async () => {
    const text = 'id,tenure,churn\na,1,yes\nb,x,no\nc,,no\nd,4,no\n';
    const p: IngestPlan = { ...plan(['id', 'tenure', 'churn'], { customerId: 'id', tenure: 'tenure', churned: 'churn' }), shape: 'customers' };
    const e = await rejectsIngest(parseCustomerTable([text], p, 'crm.csv'), 'bad-values');
    assert.equal(e.message, "crm.csv: only 2 of 4 rows are usable; 2 have an invalid tenure in column 'tenure': line 3 'x', line 4 (empty)");
    assert.equal(e.column, 'tenure');
  });
});

describe('ingest/parseCustomerTable on Telco-Customer-Churn.csv', function () {
  this.timeout(60000);
  let d: CustomerTableDataset;

  before(async () => {
    assert.ok(existsSync(TELCO), `missing ${TELCO} (shared/ must sit beside the checkout)`);
    const sampled = await sampleFile(TELCO, { timeZone: 'UTC' });
    assert.ok(sampled.analysis.plan && sampled.source.kind === 'file');
    d = await parseCustomerTable(readTextChunks(TELCO, sampled.source.encoding), sampled.analysis.plan, sampled.file);
  });

  // python3: rows = list(csv.DictReader(open(f))) → len 7043, Churn == 'Yes' 1869, tenure == '0' 11
  it('keeps all 7,043 customers; 1,869 churned', () => {
    assert.equal(d.rowCount, 7043);
    assert.deepEqual(d.quality.skipped, {});
    assert.equal(d.churned.reduce((a, b) => a + b, 0), 1869);
    assert.equal(d.timeUnit, 'months');
  });

  it('keeps the 11 customers with tenure 0 (their TotalCharges is blank)', () => {
    assert.equal(d.duration.filter((t) => t === 0).length, 11);
    assert.equal(d.duration.reduce((a, b) => a + b, 0), 227990);   // Σ tenure, python3
    assert.equal(Math.max(...d.duration), 72);
  });

  it('Contract is a segment: Month-to-month 3,875, One year 1,473, Two year 1,695', () => {
    const contract = d.segments.find((s) => s.column === 'Contract');
    assert.ok(contract);
    const counts: Record<string, number> = {};
    for (const code of contract.customerValue) counts[contract.values[code]] = (counts[contract.values[code]] ?? 0) + 1;
    assert.deepEqual(counts, { 'Month-to-month': 3875, 'One year': 1473, 'Two year': 1695 });
    // The ids and the churn flag are roles, not segments; MonthlyCharges has > 1000 distinct values.
    const columns = d.segments.map((s) => s.column);
    for (const gone of ['customerID', 'tenure', 'Churn', 'MonthlyCharges', 'TotalCharges']) assert.ok(!columns.includes(gone), gone);
  });
});

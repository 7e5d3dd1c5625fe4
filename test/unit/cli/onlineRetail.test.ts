// Published cohort numbers for UCI Online Retail (../shared/data/README.md), through the CLI
// with auto-detected mapping and default settings.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const data = resolve(root, '../shared/data/online_retail/online_retail.csv');

describe('cli on online_retail.csv (published monthly cohorts)', function () {
  this.timeout(180000);
  let report: {
    retention: { cohorts: { cohort: string; size: number; counts: (number | null)[] }[] };
    kpis: { customers: number };
    mapping: Record<string, string | null>;
    input: { rows: number; skipped: Record<string, number> };
  };

  before(() => {
    assert.ok(existsSync(data), `missing ${data} (shared/ must sit beside the checkout)`);
    const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'report', data, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, TZ: 'UTC' } });
    assert.equal(r.status, 0, r.stderr);
    report = JSON.parse(r.stdout);
  });

  it('detects the columns: amount = Quantity × UnitPrice, orders = InvoiceNo', () => {
    assert.deepEqual(report.mapping, { customerId: 'CustomerID', timestamp: 'InvoiceDate', amount: null, quantity: 'Quantity', unitPrice: 'UnitPrice', orderId: 'InvoiceNo' });
    assert.equal(report.input.rows, 541909);
    assert.equal(report.input.skipped['missing customer id'], 135080);
  });

  it('has 13 monthly cohorts and 4,338 customers', () => {
    assert.equal(report.retention.cohorts.length, 13);
    assert.equal(report.retention.cohorts[0].cohort, '2010-12');
    assert.equal(report.retention.cohorts.at(-1)!.cohort, '2011-12');
    assert.equal(report.kpis.customers, 4338);
    assert.equal(report.retention.cohorts.reduce((s, c) => s + c.size, 0), 4338);
  });

  it('the 2010-12 cohort has 885 customers, 324 of them active in 2011-01', () => {
    const dec = report.retention.cohorts[0];
    assert.equal(dec.size, 885);
    assert.equal(dec.counts[0], 885);
    assert.equal(dec.counts[1], 324);
  });
});

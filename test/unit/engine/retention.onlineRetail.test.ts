// The lab on the real UCI Online Retail file (../shared/data/online_retail), parsed in-process
// with the product's ingest and auto-detected mapping, as the panel would.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCsv } from './loadCsv';
import { retentionTable } from '../../../src/engine/retention';
import { revenueTable } from '../../../src/engine/revenue';
import { cellMembers } from '../../../src/engine/cellMembers';
import { resolveOptions, type RetentionOptions } from '../../../src/shared/options';
import type { Dataset } from '../../../src/shared/dataset';

const file = resolve(__dirname, '../../../../shared/data/online_retail/online_retail.csv');
const monthly = (extra: Partial<RetentionOptions> = {}) => resolveOptions({ period: 'month', weekStart: 'monday', ...extra });

describe('engine/retention on online_retail.csv', function () {
  this.timeout(120000);
  let ds: Dataset;

  before(async () => {
    assert.ok(existsSync(file), `missing ${file} (shared/ must sit beside the checkout)`);
    ds = await loadCsv(file);
  });

  it('monthly classic: the 2010-12 cohort has 885 customers, 324 active in 2011-01, with its Wilson interval', () => {
    const dec = retentionTable(ds, monthly()).cohorts[0];
    assert.deepEqual([dec.cohort, dec.size, dec.counts[0], dec.counts[1], dec.rates[1]], ['2010-12', 885, 885, 324, 0.3661]);
    assert.deepEqual([dec.lower[1], dec.upper[1]], [0.335, 0.3984]);
    assert.equal(dec.small, false);
  });

  it('drill-down lists exactly those 324 customers', () => {
    assert.equal(cellMembers(ds, monthly(), '2010-12', 1).length, 324);
  });

  it('on or after is never below classic and never increases along a row', () => {
    const classic = retentionTable(ds, monthly());
    const unbounded = retentionTable(ds, monthly({ mode: 'unbounded' }));
    unbounded.cohorts.forEach((row, i) => {
      row.counts.forEach((n, k) => {
        if (n === null) return;
        assert.ok(n >= classic.cohorts[i].counts[k]!);
        if (k > 0) assert.ok(n <= row.counts[k - 1]!);
      });
    });
    assert.equal(unbounded.cohorts[0].counts[1], 766);
  });

  it('has revenue for every cohort, positive in the first period', () => {
    const r = revenueTable(ds, monthly())!;
    assert.equal(r.cohorts.length, 13);
    assert.ok(r.cohorts.every((c) => c.revenue[0]! > 0));
    assert.equal(r.cohorts[0].revenueRetention[0], 1);
  });
});

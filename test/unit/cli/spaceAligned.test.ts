// A space-aligned text export through the CLI: CDNOW_sample.txt (../shared/data/cdnow, no header,
// columns: master id, sample id, YYYYMMDD date, CDs, dollars).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const data = resolve(root, '../shared/data/cdnow/CDNOW_sample.txt');

describe('cli on a space-aligned file (CDNOW_sample.txt)', function () {
  this.timeout(60000);

  it('reads 6,919 rows; 2,357 sample customers less the 8 whose only orders are $0.00', () => {
    assert.ok(existsSync(data), `missing ${data}`);
    const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'report', data, '--json', '--customer', 'column 1', '--time', 'column 3', '--amount', 'column 5'],
      { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TZ: 'UTC' } });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.input.rows, 6919);
    // 21 rows repeat an earlier row exactly (PROVENANCE: separate same-day orders; our rule drops them).
    assert.deepEqual(report.input.skipped, { 'duplicate row': 21 });
    assert.equal(report.kpis.customers, 2349);
    assert.deepEqual(report.retention.cohorts.map((c: { cohort: string }) => c.cohort), ['1997-01', '1997-02', '1997-03']);
    assert.equal(report.quality.dateFormat, 'compact');
  });
});

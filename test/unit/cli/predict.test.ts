// `--predict` through the real CLI and ingest on CDNOW (../shared/data/cdnow/cdnowElog_BTYD.csv):
// the BG/NBD fit reproduces Fader, Hardie & Lee (2005) — r 0.243, α 4.414, a 0.793, b 2.426,
// LL −9582.4 — at the published precision. (The 21 exact-duplicate rows ingest drops fall on days
// that are merged anyway, so BG/NBD is unaffected; Gamma-Gamma is checked in test/unit/engine/clv.)
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const data = resolve(root, '../shared/data/cdnow/cdnowElog_BTYD.csv');
const run = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('cli --predict (BG/NBD + Gamma-Gamma)', function () {
  this.timeout(120000);

  it('fits the published CDNOW BG/NBD parameters with a 1997-09-30 calibration end', () => {
    assert.ok(existsSync(data), `missing ${data}`);
    const r = run(['report', data, '--json', '--predict', '--calibration-end', '1997-09-30', '--zero-amount-purchases']);
    assert.equal(r.code, 0, r.stderr);
    const p = JSON.parse(r.stdout).predictive;
    const byName = Object.fromEntries(p.bgnbd.params.map((x: { name: string; value: number }) => [x.name, x.value]));
    assert.deepEqual([byName.r.toFixed(3), byName.alpha.toFixed(3), byName.a.toFixed(3), byName.b.toFixed(3)], ['0.243', '4.414', '0.793', '2.426']);
    assert.equal(p.bgnbd.logLikelihood.toFixed(1), '-9582.4');
    assert.equal(p.data.modelled, 2357);
    assert.equal(p.data.repeatPurchases, 2457);
    assert.equal(p.holdout.actualTotal, 1882);   // repeat transactions in the holdout (shared/data/cdnow/PROVENANCE.md)
  });

  it('leaves predictive null without --predict, and refuses a bad date', () => {
    const plain = run(['report', join(root, 'test/fixtures/orders.csv'), '--json']);
    assert.equal(JSON.parse(plain.stdout).predictive, null);
    const bad = run(['report', join(root, 'test/fixtures/orders.csv'), '--json', '--calibration-end', '30/09/1997']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--calibration-end must be a date YYYY-MM-DD/);
  });
});

// `retention-lens report` on the two lifetime shapes, as a user runs it (dist/cli.js).
//
// subscriptions.csv by hand (rows in test/fixtures/subscriptions/README.md; data end 2024-04-19):
// at the end of February the active subscriptions are c1 10, c2 50, c10 50, c11 50, c12 10, c13 10,
// c14 120.50, c15 120.50 → start MRR of March 421.00, 8 customers. In March c1 moves from basic 10
// to pro 50 on 03-10 (expansion 40), c15 ends 03-08 (churn 120.50), c16 (10) and c17 (50) start
// (new 60) → end MRR 400.50; GRR = (421 − 120.5) / 421 = 0.7138, NRR = (421 − 120.5 + 40) / 421
// = 0.8088, logo churn 1 / 8 = 0.125, quick ratio (60 + 40) / 120.5 = 0.8299. At the data end: c1 50,
// c2 50, c8 120.50, c10 50, c11 50, c13 10, c14 120.50, c16 10, c17 50 → 9 customers, MRR 511.00,
// ARPA 56.78.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: subscriptions and customers files', function () {
  this.timeout(60000);
  before(() => assert.ok(existsSync(cli), 'dist/cli.js missing: run npm run build'));

  it('a subscriptions file gives MRR movements, GRR/NRR and the data-end MRR', () => {
    const r = run(['report', join(root, 'test/fixtures/subscriptions/subscriptions.csv'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.shape, 'subscriptions');
    assert.equal(report.retention, undefined);
    const march = report.subscriptions.periods.find((p: { period: string }) => p.period === '2024-03');
    assert.deepEqual([march.startMrr, march.endMrr, march.startCustomers, march.churnedCustomers], [421, 400.5, 8, 1]);
    assert.deepEqual(march.movements, { new: 60, expansion: 40, contraction: 0, churn: 120.5, reactivation: 0 });
    assert.deepEqual([march.grr, march.nrr, march.logoChurnRate, march.quickRatio], [0.7138, 0.8088, 0.125, 0.8299]);
    assert.deepEqual(report.subscriptions.current, { customers: 9, mrr: 511, arpa: 56.78 });
    assert.match(r.stderr, /subscriptions\.csv: 20 rows read, 5 skipped .*; 13 customers, 4 churned, 9 active/);
  });

  it('the Telco customers table gives survival by contract with the log-rank test', () => {
    const r = run(['report', join(root, 'test/integration/workspace/survival/telco-churn.csv'), '--segment', 'Contract', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.shape, 'customers');
    assert.equal(report.subscriptions, null);
    assert.deepEqual(report.survival.segments.map((c: { label: string; subjects: number }) => [c.label, c.subjects]),
      [['Month-to-month', 3875], ['Two year', 1695], ['One year', 1473]]);
    assert.ok(Math.abs(report.survival.logRank.chiSquare - 2352.8725) < 1e-3);
    assert.match(r.stderr, /7,043 customers, 1,869 churned, 5,174 active; median lifetime not reached/);
  });

  it('--shape events reads a subscriptions file as events, and cohort exports are refused for lifetime shapes', () => {
    const events = run(['report', join(root, 'test/fixtures/subscriptions/subscriptions.csv'), '--shape', 'events', '--time', 'start_date', '--json']);
    assert.equal(events.code, 0, events.stderr);
    assert.equal(JSON.parse(events.stdout).shape, 'events');
    const refused = run(['report', join(root, 'test/fixtures/subscriptions/subscriptions.csv'), '--csv', join(root, 'never.csv')]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /export the cohort table of an events file/);
  });
});

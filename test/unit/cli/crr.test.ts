// `retention-lens crr` and the churn flags, as a user runs them (dist/cli.js; npm test builds first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const run = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('cli crr calculator and churn flags', function () {
  this.timeout(60000);

  it('S = 1000, E = 900, N = 200 gives CRR 70% and churn 30%', () => {
    const r = run(['crr', '--start', '1000', '--end', '900', '--new', '200']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'CRR 70%  churn 30%  (S = 1000, E = 900, N = 200)\n');
  });

  it('notes reactivation when E − N exceeds S', () => {
    const r = run(['crr', '--start', '100', '--end', '130', '--new', '20']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^CRR 110% {2}churn -10% /);
    assert.match(r.stdout, /note: E − N \(110\) is more than S \(100\)/);
  });

  for (const [args, message] of [
    [['--start', '0', '--end', '5', '--new', '1'], /S \(customers at the start\) is 0/],
    [['--start', '10', '--end', '5', '--new', '6'], /E \(5\) is smaller than N \(6\)/],
    [['--start=-3', '--end', '5', '--new', '1'], /S \(customers at the start\) is negative/],
    [['--start', 'ten', '--end', '5', '--new', '1'], /is not a number/],
    [['--start', '10', '--end', '5'], /crr needs --new/],
  ] as [string[], RegExp][]) {
    it(`refuses ${args.join(' ')} with one line and exit 2`, () => {
      const r = run(['crr', ...args]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.match(r.stderr, message);
    });
  }

  it('--churn-window sets W in the report; bad values are usage errors', () => {
    const r = run(['report', join(root, 'test/fixtures/orders.csv'), '--json', '--churn-window', '45']);
    assert.equal(r.code, 0, r.stderr);
    const churn = JSON.parse(r.stdout).churn;
    assert.deepEqual([churn.window.days, churn.window.source], [45, 'setting']);
    assert.equal(run(['report', join(root, 'test/fixtures/orders.csv'), '--json', '--churn-window', '0']).code, 2);
    assert.equal(run(['report', join(root, 'test/fixtures/orders.csv'), '--json', '--churn-percentile', '101']).code, 2);
  });
});

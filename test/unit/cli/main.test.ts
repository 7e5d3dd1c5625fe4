// The CLI as a user runs it: a child process on the built dist/cli.js (npm test builds first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const fixture = (name: string): string => join(root, 'test/fixtures', name);
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function run(args: string[], cwd = root): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The report restricted to the DESIGN.md §6 stable core keys (other fields may be added, at any level). */
function core(report: Record<string, unknown>): unknown {
  const { schemaVersion, input, mapping, retention, kpis } = report as Record<string, Record<string, unknown>>;
  const { period, mode, cohorts, average } = retention as { period: unknown; mode: unknown; cohorts: Record<string, unknown>[]; average: Record<string, unknown> };
  return {
    schemaVersion, input, mapping, kpis,
    retention: {
      period, mode, average: { rates: average.rates, method: average.method },
      cohorts: cohorts.map(({ cohort, size, counts, rates, partial }) => ({ cohort, size, counts, rates, partial })),
    },
  };
}

describe('cli (dist/cli.js)', function () {
  this.timeout(120000);
  before(() => assert.ok(existsSync(cli), 'dist/cli.js missing: run npm run build'));

  it('orders.csv --json gives exactly the DESIGN.md §6 report', () => {
    const r = run(['report', fixture('orders.csv'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(core(report), JSON.parse(readFileSync(fixture('orders.expected.json'), 'utf8')));
    assert.deepEqual(Object.keys(report).slice(0, 6), ['schemaVersion', 'shape', 'input', 'mapping', 'retention', 'kpis']);
    assert.match(r.stderr, /orders\.csv: 9 rows read, 0 skipped; 5 customers in 2 monthly cohorts/);
  });

  it('--out writes a standalone HTML report with every period, and never touches the CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
    try {
      const before = sha256(fixture('orders.csv'));
      const out = join(dir, 'r.html');
      const r = run(['report', fixture('orders.csv'), '--out', out, '--period', 'quarter']);
      assert.equal(r.code, 0, r.stderr);
      const html = readFileSync(out, 'utf8');
      assert.match(html, /Content-Security-Policy/);
      const data = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)![1]);
      assert.equal(data.period, 'quarter');
      assert.deepEqual(Object.keys(data.reports).sort(), ['day', 'month', 'quarter', 'week', 'year']);
      assert.deepEqual(data.reports.quarter.retention.cohorts.map((c: { cohort: string; size: number }) => [c.cohort, c.size]), [['2024-Q1', 5]]);
      assert.equal(sha256(fixture('orders.csv')), before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without --out or --json it writes <name>-retention.html in the current folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
    try {
      const r = run(['report', fixture('orders.csv')], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(existsSync(join(dir, 'orders-retention.html')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('column flags override detection', () => {
    const r = run(['report', fixture('orders.csv'), '--json', '--amount', 'customer_id']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^retention-lens: orders\.csv: .*invalid amount|^retention-lens: orders\.csv: /);
  });

  it('help and usage errors', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    for (const flag of ['--out', '--json', '--period', '--customer', '--time', '--amount', '--tz', '--config', '--date-format', '--week-start']) assert.ok(help.stdout.includes(flag), flag);
    const bad = run(['report', fixture('orders.csv'), '--period', 'decade']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.equal(run(['report', fixture('orders.csv'), '--tz', 'Mars/Olympus']).code, 2);
  });

  it('a missing file is a one-line error', () => {
    const r = run(['report', join(root, 'no-such.csv'), '--json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^retention-lens: .*no-such\.csv/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('writes --json FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
    try {
      const out = join(dir, 'r.json');
      writeFileSync(out, 'old');
      assert.equal(run(['report', fixture('orders.csv'), '--json', out]).code, 0);
      assert.equal(JSON.parse(readFileSync(out, 'utf8')).kpis.customers, 5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

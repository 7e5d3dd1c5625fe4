// Bad input through the CLI: exit 1, one line on stderr naming the file (DESIGN.md §5).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const bad = (name: string): string => join(root, 'test/fixtures/bad', name);

function run(file: string): { code: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'report', file, '--json'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

function expectFailure(name: string, pattern: RegExp): void {
  const r = run(bad(name));
  assert.equal(r.code, 1, `exit code for ${name}; stderr: ${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.ok(lines[0].startsWith(`retention-lens: ${name}`), lines[0]);
  assert.match(lines[0], pattern);
  assert.equal(r.stdout, '');
}

describe('cli bad input', function () {
  this.timeout(60000);
  it('empty file', () => expectFailure('empty.csv', /empty/i));
  it('header only', () => expectFailure('header-only.csv', /header|no data rows/i));
  it('binary file', () => expectFailure('binary.csv', /binary|not a text/i));
  it('one column', () => expectFailure('one-column.csv', /one column|single column/i));
  it('no column that looks like a date', () => expectFailure('no-date.csv', /date/i));
  it('mostly unparseable dates: a clear error with the first lines', () => expectFailure('mixed-dates-majority-bad.csv', /timestamp.*line/i));

  it('some unparseable dates: continues on the good rows, counts and locates the bad ones', () => {
    const r = run(bad('mixed-dates-majority-good.csv'));
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.ok(report.input.skipped['invalid timestamp'] > 0);
    assert.ok(report.quality.examples['invalid timestamp'][0].line > 1);
    assert.match(r.stderr, /invalid timestamp: \d/);
  });

  it('blank customer ids are skipped and counted', () => {
    const r = run(bad('blank-ids.csv'));
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.ok(report.input.skipped['missing customer id'] > 0);
  });

  it('rows with the wrong number of fields are skipped and counted', () => {
    const r = run(bad('ragged.csv'));
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).input.skipped['wrong number of fields'] > 0);
  });
});

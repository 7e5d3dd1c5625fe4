// The retention-lab flags and exports end to end: a child process on the built dist/cli.js.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const orders = join(root, 'test/fixtures/orders.csv');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Cohort { cohort: string; size: number; counts: (number | null)[]; rates: (number | null)[] }
const table = (report: { retention: { cohorts: Cohort[] } }): [string, number, (number | null)[]][] =>
  report.retention.cohorts.map((c) => [c.cohort, c.size, c.counts]);

/** Whether the optional PNG renderer is installed where dist/cli.js would find it. */
function hasResvg(): boolean {
  try {
    createRequire(cli).resolve('@resvg/resvg-wasm');
    return true;
  } catch {
    return false;
  }
}

describe('cli retention lab (dist/cli.js)', function () {
  this.timeout(120000);
  let dir = '';
  before(() => {
    assert.ok(existsSync(cli), 'dist/cli.js missing: run npm run build');
    dir = mkdtempSync(join(tmpdir(), 'rl-lab-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--mode unbounded on orders.csv: 2024-01 [3,2,1], 2024-02 [2,1,null]', () => {
    // c1 Jan–Mar, c2 Jan–Feb, c3 Jan; c4 Feb–Mar, c5 Feb: nobody skips a month, so "on or after" = "on" here.
    const r = run(['report', orders, '--json', '--mode', 'unbounded']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.retention.mode, 'unbounded');
    assert.deepEqual(table(report), [['2024-01', 3, [3, 2, 1]], ['2024-02', 2, [2, 1, null]]]);
  });

  it('--mode unbounded vs classic on a customer who skips a month', () => {
    // a: Jan, Mar; b: Jan; c: Feb. Classic M1 of 2024-01 = 0 (nobody in Feb); unbounded = 1 (a came back later).
    const gap = join(dir, 'gap.csv');
    writeFileSync(gap, 'customer_id,month,amount\na,2024-01,10\nb,2024-01,10\nc,2024-02,7\na,2024-03,5\n');
    const classic = JSON.parse(run(['report', gap, '--json']).stdout);
    assert.deepEqual(table(classic), [['2024-01', 2, [2, 0, 1]], ['2024-02', 1, [1, 0, null]]]);
    const unbounded = JSON.parse(run(['report', gap, '--json', '--mode', 'unbounded']).stdout);
    assert.deepEqual(table(unbounded), [['2024-01', 2, [2, 1, 1]], ['2024-02', 1, [1, 0, null]]]);
    assert.deepEqual(unbounded.retention.average.rates, [1, 0.3333, 0.5]);
    // Streak: a is back in Mar but missed Feb, so the streak ends at M0.
    const streak = JSON.parse(run(['report', gap, '--json', '--mode', 'streak']).stdout);
    assert.deepEqual(table(streak), [['2024-01', 2, [2, 0, 0]], ['2024-02', 1, [1, 0, null]]]);
  });

  it('--relative-to previous divides by the previous column', () => {
    const report = JSON.parse(run(['report', orders, '--json', '--relative-to', 'previous']).stdout);
    // 2024-01: 3 → 2 → 1 gives 2/3 then 1/2; 2024-02: 2 → 1.
    assert.deepEqual(report.retention.cohorts.map((c: Cohort) => c.rates), [[1, 0.6667, 0.5], [1, 0.5, null]]);
  });

  it('--window, --cohorts, --min-occurrences and --small-cohort are echoed in the definition', () => {
    const r = run(['report', orders, '--json', '--window', 'rolling', '--cohorts', 'recurring', '--min-occurrences', '2', '--small-cohort', '10']);
    assert.equal(r.code, 0, r.stderr);
    const { definition } = JSON.parse(r.stdout).retention;
    assert.deepEqual([definition.window, definition.cohorts, definition.minOccurrences, definition.smallCohort], ['rolling', 'recurring', 2, 10]);
  });

  it('--brackets: one column per bracket', () => {
    const r = run(['report', orders, '--json', '--brackets', '0,1-2']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.retention.mode, 'bracket');
    assert.deepEqual(report.retention.columns, ['M0', 'M1–2']);
    // 2024-01: c1, c2 active in Feb or Mar; 2024-02: c4 in Mar (its Apr is past the data end, so the cell is partial).
    assert.deepEqual(table(report), [['2024-01', 3, [3, 2]], ['2024-02', 2, [2, 1]]]);
  });

  it('--preset mixpanel sets its definition; an explicit flag wins', () => {
    const preset = JSON.parse(run(['report', orders, '--json', '--preset', 'mixpanel']).stdout);
    assert.deepEqual([preset.retention.mode, preset.retention.definition.window, preset.retention.average.method], ['unbounded', 'rolling', 'mixpanel']);
    const overridden = JSON.parse(run(['report', orders, '--json', '--preset', 'mixpanel', '--mode', 'classic', '--window', 'calendar']).stdout);
    assert.deepEqual([overridden.retention.mode, overridden.retention.definition.window, overridden.retention.average.method], ['classic', 'calendar', 'mixpanel']);
    // GA4 documents Sunday-to-Saturday weeks.
    assert.equal(JSON.parse(run(['report', orders, '--json', '--preset', 'ga4']).stdout).settings.weekStart, 'sunday');
  });

  it('--event, --cohort-event and --return-event: cohort = signup, return = purchase', () => {
    // u1 signs up in Jan and buys in Feb; u2 signs up in Jan and only visits in Feb; u3 signs up in Feb, buys in Mar.
    const events = join(dir, 'events.csv');
    writeFileSync(events, 'user,date,event\nu1,2024-01-03,signup\nu1,2024-02-10,purchase\nu2,2024-01-05,signup\nu2,2024-02-11,visit\nu3,2024-02-01,signup\nu3,2024-03-01,purchase\n');
    const any = JSON.parse(run(['report', events, '--json', '--event', 'event']).stdout);
    assert.deepEqual(any.retention.cohorts.map((c: Cohort) => [c.cohort, c.size, c.counts[1]]), [['2024-01', 2, 2], ['2024-02', 1, 1]]);
    const r = run(['report', events, '--json', '--event', 'event', '--cohort-event', 'signup', '--return-event', 'purchase']);
    assert.equal(r.code, 0, r.stderr);
    const filtered = JSON.parse(r.stdout);
    assert.deepEqual(filtered.retention.cohorts.map((c: Cohort) => [c.cohort, c.size, c.counts[1]]), [['2024-01', 2, 1], ['2024-02', 1, 1]]);
    assert.deepEqual([filtered.retention.definition.cohortEvent, filtered.retention.definition.returnEvent], ['signup', 'purchase']);
  });

  it('--segment and --segment-top reach the report', () => {
    const seg = join(dir, 'seg.csv');
    writeFileSync(seg, 'customer_id,month,amount,channel\nc1,2024-01,10,ads\nc2,2024-01,20,organic\nc3,2024-01,15,ads\nc1,2024-02,12,ads\nc4,2024-02,30,organic\nc5,2024-02,9,ads\n');
    const r = run(['report', seg, '--json', '--segment', 'channel', '--segment-top', '1', '--small-cohort', '3']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    // Cohorts of 3 and 2 customers: only the second is below --small-cohort 3.
    assert.deepEqual(report.retention.cohorts.map((c: Cohort & { small: boolean }) => c.small), [false, true]);
    assert.equal(report.segments?.column, 'channel', 'segments (waits on the segment engine)');
    // Top 1 by customers: ads (c1, c3, c5); organic (c2, c4) pooled as Other.
    assert.deepEqual(report.segments.groups.map((g: { value: string; customers: number }) => [g.value, g.customers]), [['ads', 3], ['Other', 2]]);
  });

  it('--csv and --markdown write the table exactly', () => {
    const csv = join(dir, 't.csv');
    const md = join(dir, 't.md');
    const r = run(['report', orders, '--csv', csv, '--markdown', md, '--display', 'count']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(csv, 'utf8'),
      'Cohort,Customers,M0,M1,M2\r\n2024-01,3,3,2,1\r\n2024-02,2,2,1,\r\nAverage (pooled),5,5,3,1\r\nNumber at risk,,5,5,3\r\n');
    assert.equal(readFileSync(md, 'utf8'), [
      '| Cohort | Customers | M0 | M1 | M2 |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| 2024-01 | 3 | 3 | 2 | 1 |',
      '| 2024-02 | 2 | 2 | 1 |  |',
      '| Average (pooled) | 5 | 5 | 3 | 1 |',
      '| Number at risk |  | 5 | 5 | 3 |',
      ''].join('\n'));
    assert.ok(!existsSync(join(root, 'orders-retention.html')), 'an export replaces the default HTML');
    assert.match(r.stderr, new RegExp(`wrote ${csv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
  });

  it('--csv percentages, and --average names its method', () => {
    const csv = join(dir, 'p.csv');
    assert.equal(run(['report', orders, '--csv', csv, '--average', 'simple']).code, 0);
    assert.equal(readFileSync(csv, 'utf8'),
      'Cohort,Customers,M0,M1,M2\r\n2024-01,3,100.0%,66.7%,33.3%\r\n2024-02,2,100.0%,50.0%,\r\nAverage (simple mean),5,100.0%,58.3%,33.3%\r\nNumber at risk,,5,5,3\r\n');
  });

  it('--metric revenuePerCustomer --csv: money per cohort customer', () => {
    // 2024-01 {c1,c2,c3}: 45, 20, 9 over 3 customers; 2024-02 {c4,c5}: 35, 11 over 2; pooled average over complete cells.
    const csv = join(dir, 'rev.csv');
    const r = run(['report', orders, '--csv', csv, '--metric', 'revenuePerCustomer']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(csv, 'utf8'),
      'Cohort,Customers,M0,M1,M2\r\n2024-01,3,15.00,6.67,3.00\r\n2024-02,2,17.50,5.50,\r\nAverage (pooled),5,16.00,6.20,3.00\r\nNumber at risk,,5,5,3\r\n');
  });

  it('--svg writes the curves; --png renders them to a 1600 × 960 PNG', () => {
    const svg = join(dir, 'c.svg');
    const png = join(dir, 'c.png');
    const r = run(['report', orders, '--svg', svg]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(svg, 'utf8');
    assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((text.match(/<polyline /g) ?? []).length, 3);
    // @resvg/resvg-wasm is an optional dependency that npm ci installs from the registry.
    assert.ok(hasResvg(), '@resvg/resvg-wasm is not installed');
    const p = run(['report', orders, '--png', png]);
    assert.equal(p.code, 0, p.stderr);
    const bytes = readFileSync(png);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1600, 960]);   // IHDR width, height
  });

  it('--out keeps every period, computed with the same options', () => {
    const out = join(dir, 'r.html');
    const r = run(['report', orders, '--out', out, '--mode', 'unbounded', '--average', 'simple']);
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(readFileSync(out, 'utf8'))![1]);
    assert.deepEqual(Object.keys(data.reports).sort(), ['day', 'month', 'quarter', 'week', 'year']);
    for (const period of Object.keys(data.reports)) {
      assert.equal(data.reports[period].retention.mode, 'unbounded', period);
      assert.equal(data.reports[period].retention.average.method, 'simple', period);
    }
  });

  it('usage errors exit 2 with one line; a revenue metric without amounts exits 1', () => {
    for (const bad of [['--brackets', '0,3-1'], ['--brackets', '1-3,2-4'], ['--mode', 'bracket'], ['--mode', 'weekly'], ['--segment-top', '0'], ['--preset', 'heap']]) {
      const r = run(['report', orders, '--json', ...bad]);
      assert.equal(r.code, 2, bad.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, bad.join(' '));
      assert.match(r.stderr, /\(see --help\)$/m);
    }
    const noAmounts = join(dir, 'events.csv');
    writeFileSync(noAmounts, 'user,date\nu1,2024-01-05\nu2,2024-02-07\n');
    const r = run(['report', noAmounts, '--csv', join(dir, 'x.csv'), '--metric', 'revenue']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /--metric revenue needs amounts/);
  });

  it('--help lists every lab flag', () => {
    const help = run(['--help']).stdout;
    for (const flag of ['--mode', '--brackets', '--window', '--cohorts', '--relative-to', '--average', '--min-occurrences', '--cohort-event', '--return-event',
      '--event', '--small-cohort', '--segment', '--segment-top', '--preset', '--csv', '--markdown', '--svg', '--png', '--metric', '--display']) {
      assert.ok(help.includes(`${flag} `), flag);
    }
  });
});

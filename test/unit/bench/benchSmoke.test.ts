// CI-sized run of the benchmark's pieces (issue 5), so they cannot rot: a small generated log,
// both engines through the functions `npm run bench` uses, and a third count of the same table
// by a plain Map over the file, independent of both (own CSV reader, own month arithmetic).
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, HEADER } from '../../../bench/generate';
import { retentionLensCohortTable } from '../../../bench/engines/retentionLens';
import { duckdbCohortTable } from '../../../bench/engines/duckdb';
import { presentCells, tableDifferences, type CohortTable } from '../../../bench/cohortTable';
import { records } from './csvRecords';

/** Customer → months with a purchase, and the last month of any kept row; months as year × 12 + month − 1. */
function activityByMonth(rows: string[][]): { active: Map<string, Set<number>>; lastData: number } {
  const active = new Map<string, Set<number>>();
  let lastData = -Infinity;
  for (const [, id, time, amount] of rows) {
    if (id === '' || time === '') continue;
    const month = Number(time.slice(0, 4)) * 12 + Number(time.slice(5, 7)) - 1;   // every stamp ends in Z
    lastData = Math.max(lastData, month);
    if (!(Number(amount) > 0)) continue;
    if (!active.has(id)) active.set(id, new Set());
    active.get(id)!.add(month);
  }
  return { active, lastData };
}

/** The monthly classic cohort table by plain counting. */
function plainCohortTable(file: string): CohortTable {
  const [header, ...rows] = records(readFileSync(file, 'utf8'));
  assert.equal(header.join(','), HEADER);
  const { active, lastData } = activityByMonth(rows);
  const counts = new Map<number, number[]>();
  let lastActive = -Infinity;
  for (const months of active.values()) {
    const cohort = Math.min(...months);
    if (!counts.has(cohort)) counts.set(cohort, []);
    const row = counts.get(cohort)!;
    for (const m of months) {
      row[m - cohort] = (row[m - cohort] ?? 0) + 1;
      lastActive = Math.max(lastActive, m);
    }
  }
  const cohorts = [...counts.keys()].sort((a, b) => a - b);
  const width = lastActive - cohorts[0] + 1;
  const label = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  return {
    cohorts: cohorts.map((c) => ({
      cohort: label(c), size: counts.get(c)![0],
      counts: Array.from({ length: width }, (_, k) => (c + k > lastData ? null : counts.get(c)![k] ?? 0)),
    })),
  };
}

describe('bench (smoke run of npm run bench on a small file)', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-bench-smoke-'));
    file = join(dir, 'events.csv');
    const generated = await generate(file, 20_000, 7);
    assert.ok(generated.rows > 19_000 && generated.rows < 21_000, `${generated.rows} records`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the same bytes for the same seed, with quoted commas, doubled quotes and line breaks', async () => {
    const again = join(dir, 'again.csv');
    await generate(again, 20_000, 7);
    const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
    assert.equal(sha(again), sha(file));
    const text = readFileSync(file, 'utf8');
    for (const needle of ['"gift, wrapped"', '""thanks""', 'T', 'Z,', ',wholesale,', ',-']) assert.ok(text.includes(needle), needle);
    assert.ok(/"[^"]*\n/.test(text), 'an embedded line break');
  });

  it('Retention Lens, DuckDB and a plain count give the same monthly cohort table', async () => {
    const { table: rl, dataset } = await retentionLensCohortTable(file);
    const duck = await duckdbCohortTable(file);
    const plain = plainCohortTable(file);
    assert.deepEqual(tableDifferences(rl, duck, ['Retention Lens', 'DuckDB']), []);
    assert.deepEqual(tableDifferences(rl, plain, ['Retention Lens', 'plain count']), []);
    assert.ok(rl.cohorts.length > 10, `${rl.cohorts.length} cohorts`);
    assert.ok(presentCells(rl) > 100);
    // Every ingest rule the generator's dirt exercises was hit, and retention is non-trivial.
    const skipped = dataset.quality.skipped as Record<string, number | undefined>;
    for (const reason of ['duplicate row', 'missing customer id', 'missing timestamp']) assert.ok((skipped[reason] ?? 0) > 0, reason);
    const first = rl.cohorts[0];
    assert.ok(first.counts[1]! > 0 && first.counts[1]! < first.size);
    assert.ok(rl.cohorts[rl.cohorts.length - 1].counts.includes(null));
  });
});

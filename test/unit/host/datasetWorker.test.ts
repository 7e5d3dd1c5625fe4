// The parse/analysis worker as the extension uses it (dist/worker.js, built by npm test).
import { strict as assert } from 'node:assert';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CancelledError, DatasetWorker, WorkerError } from '../../../src/host/datasetWorker';
import { sampleFile } from '../../../src/host/sampleSource';
import { isEventsReport, type AnyReport, type ReportModel } from '../../../src/shared/report';

const root = resolve(__dirname, '../../..');
const workerScript = join(root, 'dist/worker.js');

/** Writes `rows` order lines, each padded with a long note so the file is big but has few rows. */
async function writeCsv(path: string, targetBytes: number, note: string): Promise<number> {
  const out = createWriteStream(path);
  out.write('customer_id,order_date,amount,note\n');
  let bytes = 0;
  let row = 0;
  while (bytes < targetBytes) {
    let block = '';
    for (let i = 0; i < 1000; i++, row++) {
      const day = 1 + (row % 28);
      const month = 1 + (Math.floor(row / 28) % 12);
      block += `c${row % 5000},2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${(row % 97) + 1}.50,"${row} ${note}"\n`;
    }
    bytes += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return row;
}

/** Threads of this process (Linux: one entry per thread in /proc/self/task). */
const threadCount = (): number => readdirSync('/proc/self/task').length;

async function loadFile(worker: DatasetWorker, path: string, onProgress?: (p: { rowsRead: number }) => void) {
  const sampled = await sampleFile(path, { timeZone: 'UTC' });
  assert.ok(sampled.analysis.plan, 'mapping should be detected');
  return worker.load(sampled.source, sampled.analysis.plan, sampled.file, onProgress);
}

/** The events report, failing the test when the worker answered with another shape. */
function events(report: AnyReport): ReportModel {
  assert.ok(isEventsReport(report), `expected an events report, got ${report.shape}`);
  return report;
}

describe('host/datasetWorker', function () {
  this.timeout(600000);
  let dir: string;
  before(() => {
    assert.ok(existsSync(workerScript), 'dist/worker.js missing: run npm run build');
    dir = mkdtempSync(join(tmpdir(), 'rl-worker-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('parses once and re-analyses the cached dataset for another period', async () => {
    const worker = new DatasetWorker(workerScript);
    try {
      const summary = await loadFile(worker, join(root, 'test/fixtures/orders.csv'));
      assert.deepEqual(summary, { rowsRead: 9, rowsUsed: 9, customers: 5 });
      const month = events(await worker.analyze({ period: 'month', weekStart: 'monday' }));
      assert.deepEqual(month.retention.cohorts.map((c) => c.counts), [[3, 2, 1], [2, 1, null]]);
      const quarter = events(await worker.analyze({ period: 'quarter', weekStart: 'monday' }));
      assert.deepEqual(quarter.retention.cohorts.map((c) => [c.cohort, c.size, c.counts]), [['2024-Q1', 5, [5]]]);
    } finally {
      worker.dispose();
    }
  });

  it('sends the cohort table ahead of the report when asked, the very table the report holds', async () => {
    const worker = new DatasetWorker(workerScript);
    try {
      const summary = await loadFile(worker, join(root, 'test/fixtures/orders.csv'));
      assert.equal(worker.rows, summary.rowsUsed);
      const tables: unknown[] = [];
      const pending = worker.analyze({ period: 'month', weekStart: 'monday' }, (table) => tables.push(table));
      const report = events(await pending);
      assert.equal(tables.length, 1, 'one table, before the report');
      assert.deepEqual(tables[0], report.retention);
      assert.deepEqual(report.retention.cohorts.map((c) => c.counts), [[3, 2, 1], [2, 1, null]]);
      // Not asked: no table comes ahead.
      const quarter = events(await worker.analyze({ period: 'quarter', weekStart: 'monday' }));
      assert.equal(tables.length, 1);
      assert.equal(quarter.retention.period, 'quarter');
    } finally {
      worker.dispose();
    }
  });

  it('reports ingest errors with their code', async () => {
    const worker = new DatasetWorker(workerScript);
    try {
      await assert.rejects(worker.analyze({ period: 'month', weekStart: 'monday' }), (e: Error) => e instanceof WorkerError && /no dataset/.test(e.message));
    } finally {
      worker.dispose();
    }
  });

  it('cancel mid-parse stops the thread and its parse worker and rejects with CancelledError', async () => {
    const path = join(dir, 'big.csv');
    await writeCsv(path, 300e6, 'x'.repeat(200));   // over PARALLEL_MIN_BYTES: read on two threads
    await sampleFile(path, { timeZone: 'UTC' });   // starts libuv's file threads before the count
    const threadsBefore = threadCount();
    const worker = new DatasetWorker(workerScript);
    let progressRows = 0;
    let threadsDuring = 0;
    const loading = loadFile(worker, path, (p) => {
      progressRows = p.rowsRead;
      threadsDuring = threadCount();
      // Cancel once both threads run (the worker and its parse worker).
      if (p.rowsRead > 0 && threadsDuring >= threadsBefore + 2) worker.dispose();
    });
    await assert.rejects(loading, (e: Error) => e instanceof CancelledError);
    await worker.exited();
    assert.ok(progressRows > 0 && progressRows < 400000, `cancelled after ${progressRows} rows`);
    assert.ok(threadsDuring >= threadsBefore + 2, `${threadsDuring} threads while parsing, ${threadsBefore} before`);
    // Terminating the worker ends its parse worker too: every thread they started is gone.
    const deadline = Date.now() + 10_000;
    while (threadCount() > threadsBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(threadCount() <= threadsBefore, `${threadCount()} threads after cancel, ${threadsBefore} before`);
    console.log(`      threads: ${threadsBefore} before, ${threadsDuring} while parsing, ${threadCount()} after cancel`);
  });

  it('streams a 2 GB file with bounded memory', async () => {
    const path = join(dir, 'two-gb.csv');
    const rows = await writeCsv(path, 2.05 * 2 ** 30, 'y'.repeat(900));
    assert.ok(statSync(path).size > 2 ** 31, 'file is over 2 GiB');
    const worker = new DatasetWorker(workerScript);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
    try {
      const summary = await loadFile(worker, path);
      assert.equal(summary.rowsRead, rows);
      assert.equal(summary.customers, 5000);
      const report = events(await worker.analyze({ period: 'month', weekStart: 'monday' }));
      assert.equal(report.kpis.customers, 5000);
    } finally {
      clearInterval(timer);
      worker.dispose();
      rmSync(path, { force: true });
    }
    const growthMiB = (peak - rssBefore) / 2 ** 20;
    console.log(`      2 GiB file, ${rows.toLocaleString('en-US')} rows: peak RSS growth ${growthMiB.toFixed(0)} MiB`);
    assert.ok(growthMiB < 1024, `memory grew by ${growthMiB.toFixed(0)} MiB`);
  });
});

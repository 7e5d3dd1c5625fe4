// Two threads write their rows into windows of shared row columns (src/ingest/sharedRows.ts),
// sized from the rows per byte of the file's first MiB; the merge moves the later part's rows
// down in place. A part whose rows outgrow its window (the first MiB had longer rows) goes on
// in arrays of its own and the merge copies: the Dataset is the one pass's either way.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCsvFile } from '../../../src/host/parallelLoad';
import { readTextChunks } from '../../../src/host/readText';
import { parseCsv } from '../../../src/ingest/parseCsv';
import type { Dataset } from '../../../src/shared/dataset';
import type { IngestPlan } from '../../../src/shared/mapping';
import { plain, plan } from '../ingest/helpers';

const workerScript = join(resolve(__dirname, '../../..'), 'dist/parseWorker.js');
const HEADER = ['order_id', 'customer_id', 'created_at', 'amount', 'note'];
const PLAN: IngestPlan = plan(HEADER, { customerId: 'customer_id', timestamp: 'created_at', amount: 'amount', orderId: 'order_id' });

/** Row i: in time and order-id order, customers repeating; `noteBytes` of quoted note. */
function row(i: number, noteBytes: number): string {
  const note = noteBytes ? `"${'x, y '.repeat(Math.ceil(noteBytes / 5)).slice(0, noteBytes)}"` : '';
  const t = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return `o${String(i).padStart(7, '0')},c${i % 997},${t},${(i % 50) + 0.25},${note}`;
}

describe('host/parallelLoad with shared row columns', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'rl-shared-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Loads rows of these note sizes split after `splitRow` rows; returns the Dataset's time column and checks it is the one pass's Dataset. */
  async function load(name: string, notes: number[], splitRow: number): Promise<Float64Array> {
    return (await loadDataset(name, notes, splitRow)).time;
  }

  /** load, returning the whole Dataset. */
  async function loadDataset(name: string, notes: number[], splitRow: number): Promise<Dataset> {
    const lines = [HEADER.join(','), ...notes.map((n, i) => row(i, n))];
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    const size = statSync(path).size;
    const splitAt = Buffer.byteLength(lines.slice(0, splitRow + 1).join('\n') + '\n');
    const expected = plain(await parseCsv(readTextChunks(path, 'utf8'), PLAN, name));
    let way = '';
    const d = await loadCsvFile({ path, encoding: 'utf8', size }, PLAN, name, { minBytes: 0, splitAt, workerScript, onPath: (p) => { way = p; } });
    assert.equal(way, 'two threads');
    assert.deepEqual(plain(d), expected);
    assert.equal(d.rowCount, notes.length);
    return d;
  }

  const long = (n: number): number[] => Array<number>(n).fill(100_000);
  const short = (n: number): number[] => Array<number>(n).fill(0);

  it('merges in place when both parts fit their windows: the Dataset stays in shared memory', async () => {
    const d = await loadDataset('even.csv', short(30_000), 14_000);
    assert.ok(d.time.buffer instanceof SharedArrayBuffer);
    // An order id per row: no order column is written, on either thread (order-level exports).
    assert.equal(d.order, null);
    assert.equal(d.orderIdCount, 30_000);
  });

  it('copies when the later part outgrows its window (long rows first, then short ones)', async () => {
    const time = await load('later-grows.csv', [...long(11), ...short(30_000)], 111);
    // The first part stayed in its window, too small for both: the rows went to a new array.
    assert.ok(!(time.buffer instanceof SharedArrayBuffer));
  });

  it('copies when the first part outgrows its window', async () => {
    const time = await load('first-grows.csv', [...long(11), ...short(20_000), ...long(20)], 20_011);
    assert.ok(!(time.buffer instanceof SharedArrayBuffer));
  });

  it('moves event codes and order ids down in place too, translated to the first part\'s codes', async () => {
    const header = ['order_id', 'customer_id', 'created_at', 'event'];
    const eventPlan = plan(header, { customerId: 'customer_id', timestamp: 'created_at', orderId: 'order_id', eventName: 'event' });
    const events = ['signup', 'purchase', 'refund', 'visit'];
    // The later part meets the events in another order than the first, so its codes differ.
    const lines = [header.join(','), ...Array.from({ length: 20_000 }, (_, i) => {
      const e = i < 10_000 ? events[i % 3] : events[3 - (i % 4)];
      return `o${String(i >> 1).padStart(6, '0')},c${i % 501},${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${e}`;
    })];
    const path = join(dir, 'events.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const size = statSync(path).size;
    const splitAt = Buffer.byteLength(lines.slice(0, 10_001).join('\n') + '\n');
    const expected = plain(await parseCsv(readTextChunks(path, 'utf8'), eventPlan, 'events.csv'));
    let way = '';
    const d = await loadCsvFile({ path, encoding: 'utf8', size }, eventPlan, 'events.csv', { minBytes: 0, splitAt, workerScript, onPath: (p) => { way = p; } });
    assert.equal(way, 'two threads');
    assert.deepEqual(plain(d), expected);
    assert.deepEqual(d.eventNames, ['signup', 'purchase', 'refund', 'visit']);
    assert.deepEqual([d.event![9_999], d.event![10_000], d.event![10_001]], [0, 3, 2]);
    // Two lines per order: order k's code is k (the later part's codes translated).
    assert.deepEqual([d.order![9_999], d.order![10_000], d.order![10_001], d.order![19_999]], [4_999, 5_000, 5_000, 9_999]);
    assert.ok(d.event!.buffer instanceof SharedArrayBuffer && d.order!.buffer instanceof SharedArrayBuffer);
  });
});

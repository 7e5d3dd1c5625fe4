// The file feed (src/host/readBytes.ts) reads ahead into two buffers and copies each unfinished
// record in front of the next read: records across read boundaries, records longer than the room
// kept for them (64 KiB) and longer than a read (1 MiB) must come out as the text path reads them.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCsvFile } from '../../../src/host/parallelLoad';
import { readTextChunks } from '../../../src/host/readText';
import { parseCsv } from '../../../src/ingest/parseCsv';
import type { IngestPlan } from '../../../src/shared/mapping';
import { makeRng } from '../../../bench/rng';
import { plain, plan } from '../ingest/helpers';

const HEADER = ['order_id', 'customer_id', 'created_at', 'amount', 'note'];
const PLAN: IngestPlan = plan(HEADER, { customerId: 'customer_id', timestamp: 'created_at', amount: 'amount', orderId: 'order_id' });

/** A note of `length` characters with commas, doubled quotes and line breaks, quoted. */
function longNote(length: number, rng: () => number): string {
  const pieces = ['a', 'b', ',', '""', '\n', 'é', ' '];
  let s = '';
  while (s.length < length) s += pieces[Math.floor(rng() * pieces.length)];
  return `"${s}"`;
}

describe('host/readBytes', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'rl-readbytes-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a 3 MB file with records of 100 KB and 1.5 MB across reads as the text path does', async () => {
    const rng = makeRng(11);
    const lines = [HEADER.join(',')];
    for (let i = 0; i < 40_000; i++) {
      const note = i === 9_000 ? longNote(100_000, rng) : i === 20_000 ? longNote(1_500_000, rng) : i % 7 === 0 ? longNote(30, rng) : '';
      lines.push(`o${i},c${Math.floor(rng() * 3000)},2024-0${1 + (i % 9)}-1${i % 10}T10:00:00Z,${(rng() * 100).toFixed(2)},${note}`);
    }
    const path = join(dir, 'long.csv');
    writeFileSync(path, '\uFEFF' + lines.join('\n'));   // no final line feed
    const size = statSync(path).size;
    assert.ok(size > 3_000_000, `${size} bytes`);
    const expected = plain(await parseCsv(readTextChunks(path, 'utf8'), PLAN, 'long.csv'));
    assert.equal(expected.rowCount, 40_000);
    let way = '';
    const d = await loadCsvFile({ path, encoding: 'utf8', size }, PLAN, 'long.csv', { minBytes: Infinity, onPath: (p) => { way = p; } });
    assert.equal(way, 'one pass');
    assert.deepEqual(plain(d), expected);
  });
});

// The benchmark's parse floor (bench/engines/bareParse.ts) reads what it claims to: every record's
// id, stamp and amount of a generated log, checked against a plain RFC 4180 reading of the same
// file, with the second half's ids merged into the first half's indexes; and its child, worker
// and all, as `npm run bench` runs it.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from '../../../bench/generate';
import { BareIds } from '../../../bench/engines/bareIds';
import { hashBytes } from '../../../src/ingest/hashIndex';
import { plainDecimalBytes } from '../../../src/ingest/byteValues';
import { bareParseFile, isoMs, NO_ID, parsePart, type BareFile } from '../../../bench/engines/bareParse';
import { buildChildren, runChild } from '../../../bench/measure';
import { records } from './csvRecords';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** bareParseFile with both parts read on this thread. */
function parseHere(file: string): Promise<BareFile> {
  return bareParseFile(file, statSync(file).size, readFileSync(file, 'utf8').slice(0, 200), async (request) => parsePart(request));
}

describe('bench parse floor (bareParse.ts)', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-bare-'));
    file = join(dir, 'events.csv');
    await generate(file, 20_000, 11);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads ISO-8601 UTC stamps with milliseconds and plain decimals, nothing else', () => {
    const ms = (s: string): number => isoMs(bytes(s), 0, s.length);
    assert.equal(ms('2023-01-01T00:02:56.403Z'), Date.UTC(2023, 0, 1, 0, 2, 56, 403));
    assert.equal(ms('2024-02-29T23:59:59.999Z'), Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    assert.equal(ms('1999-12-31T12:00:00.000Z'), 946_641_600_000);
    for (const bad of ['', '2023-01-01', '2023-01-01T00:02:56.403+01:00']) assert.ok(Number.isNaN(ms(bad)), bad);
    const dec = (s: string): number => plainDecimalBytes(bytes(s), 0, s.length);
    assert.equal(dec('4.74'), 4.74);
    assert.equal(dec('-12.50'), -12.5);
    assert.equal(dec('0'), 0);
    for (const bad of ['', '-', '1a', '1.2.3']) assert.ok(Number.isNaN(dec(bad)), bad);
  });

  it('interns ids in first-seen order across growth, and absorbs another table keeping its indexes', () => {
    const table = new BareIds();
    const intern = (t: BareIds, id: string): number => {
      const b = bytes(id);
      return t.intern(hashBytes(b, 0, b.length), b, 0, b.length);
    };
    for (let i = 0; i < 100_000; i++) assert.equal(intern(table, `c${i}`), i);
    assert.equal(intern(table, 'c99999'), 99_999);
    assert.equal(intern(table, 'c0'), 0);
    const other = new BareIds();
    ['new-a', 'c5', 'new-b', 'c70000'].forEach((id) => intern(other, id));
    assert.deepEqual([...table.absorb(other.exportKeys())], [100_000, 5, 100_001, 70_000]);
    assert.equal(table.size, 100_002);
  });

  it('gives every record of a generated log its id, stamp and amount, the halves merged', async () => {
    const [, ...rows] = records(readFileSync(file, 'utf8'));
    const parsed = await parseHere(file);
    assert.equal(parsed.complete, true);
    assert.equal(parsed.records, rows.length);
    const [first, second] = parsed.parts;
    assert.ok(first.records > 5_000 && second.records > 5_000, `${first.records} + ${second.records}`);
    const indexOf = new Map<string, number>();
    rows.forEach(([, id, stamp, amount], r) => {
      const part = r < first.records ? first : second;
      const k = r < first.records ? r : r - first.records;
      assert.equal(part.time[k], stamp === '' ? NaN : Date.parse(stamp), `record ${r} stamp`);
      assert.equal(part.amount[k], amount === '' ? NaN : Number(amount), `record ${r} amount`);
      if (id === '') return assert.equal(part.customer[k], NO_ID, `record ${r} id`);
      // Indexes in first-seen order over the whole file: a new id takes the next one.
      if (!indexOf.has(id)) indexOf.set(id, indexOf.size);
      assert.equal(part.customer[k], indexOf.get(id), `record ${r} id ${id}`);
    });
    assert.equal(parsed.customers, indexOf.size);
  });

  it('reads CRLF, a quoted last field, blank lines, short records and a file without a last line end', () => {
    const crlf = join(dir, 'crlf.csv');
    const text = 'customer_id,created_at,amount,note\r\nc1,2023-01-01T00:00:00.000Z,1.50,"a ""b"""\r\n\r\nc2,2023-01-02T00:00:00.000Z\r\n"c1",2023-01-03T00:00:00.000Z,-2,"x\r\ny"';
    writeFileSync(crlf, text);
    const part = parsePart({ path: crlf, start: 0, end: statSync(crlf).size, columns: { customer: 0, time: 1, amount: 2 } });
    assert.equal(part.complete, true);
    assert.equal(part.records, 3);
    assert.deepEqual([...part.customer], [0, 1, 0]);
    assert.deepEqual([...part.time], [Date.UTC(2023, 0, 1), Date.UTC(2023, 0, 2), Date.UTC(2023, 0, 3)]);
    assert.deepEqual([...part.amount], [1.5, NaN, -2]);
    // A short record in a reused block slot (the 65th) gets no amount from the record before it.
    const long = join(dir, 'long.csv');
    const rows = Array.from({ length: 64 }, (_, i) => `c${i},2023-01-01T00:00:00.000Z,${i}.25`);
    writeFileSync(long, ['customer_id,created_at,amount', ...rows, 'c0,2023-01-02T00:00:00.000Z', ''].join('\n'));
    const more = parsePart({ path: long, start: 0, end: statSync(long).size, columns: { customer: 0, time: 1, amount: 2 } });
    assert.equal(more.records, 65);
    assert.deepEqual([more.customer[64], more.amount[63], more.amount[64]], [0, 63.25, NaN]);
  });

  it('says so when the split falls inside a quoted field', async () => {
    const quoted = join(dir, 'quoted.csv');
    const note = `"${'line,\n'.repeat(200)}"`;
    writeFileSync(quoted, `order_id,customer_id,created_at,amount,note\no1,c1,2023-01-01T00:00:00.000Z,1.00,${note}\no2,c2,2023-01-02T00:00:00.000Z,2.00,x\n`);
    assert.equal((await parseHere(quoted)).complete, false);
  });

  it('runs as the benchmark runs it: its own process, the second half in a worker', async () => {
    const outDir = join(dir, 'children');
    await buildChildren(resolve(__dirname, '../../..'), outDir);
    const run = runChild<{ records: number; customers: number; complete: boolean }>(outDir, 'bareFloor', [file]);
    const [, ...rows] = records(readFileSync(file, 'utf8'));
    const ids = new Set(rows.map((r) => r[1]).filter((id) => id !== ''));
    assert.deepEqual(run.result, { records: rows.length, customers: ids.size, complete: true });
  });
});

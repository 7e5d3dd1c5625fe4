// Duplicates by runs (src/ingest/runDuplicates.ts): hand sequences of (hash, time, order) rows
// whose duplicates are known, which rows it hashes at all, where it gives up, and when two parts
// join; then the byte path on sorted files against the text path (full table).
import { strict as assert } from 'node:assert';
import { RunDuplicates, UnsortedRowsError, runsJoin, type RunSummary } from '../../../src/ingest/runDuplicates';
import { memoryFeed, parseBytes, parseBytesFirstPart, parseBytesLaterPart } from '../../../src/ingest/parseBytes';
import { parseCsv } from '../../../src/ingest/parseCsv';
import { makeRng } from '../../../bench/rng';
import { plain, plan } from './helpers';

/** A row standing for its content `id` (equal ids: equal rows); counts how often it is hashed. */
class FakeRow {
  static hashed = 0;
  constructor(readonly id: number) {}
  hash(out: Uint32Array): void {
    FakeRow.hashed++;
    out[0] = Math.imul(this.id, 0x9e3779b1) >>> 0;
    out[1] = this.id + 1;
  }
}

type Row = [id: number, ms: number, order: number];

/** Admits the rows in order, telling each whether the next shares its time or order (as the builder does); returns the kept ids. */
function admitAll(runs: RunDuplicates, rows: readonly Row[]): number[] {
  const kept: number[] = [];
  rows.forEach(([id, ms, order], j) => {
    const next = rows[j + 1];
    const nextMayJoin = !next || next[1] === ms || (order >= 0 && next[2] === order);
    if (runs.admit(new FakeRow(id), ms, order, nextMayJoin)) kept.push(id);
  });
  return kept;
}

describe('ingest/runDuplicates', () => {
  beforeEach(() => { FakeRow.hashed = 0; });

  it('finds a repeat anywhere in its time run (A, B, A at one time), not across runs', () => {
    const runs = new RunDuplicates(false, false);
    // 1 and 2 share time 10; 1 comes again at 10 (a duplicate); 3 at 20; 4, 4 at 30; 5 at 40.
    assert.deepEqual(admitAll(runs, [[1, 10, -1], [2, 10, -1], [1, 10, -1], [3, 20, -1], [4, 30, -1], [4, 30, -1], [5, 40, -1]]), [1, 2, 3, 4, 5]);
    // Hashed: the three rows at 10, the two at 30, and 5 (the last: what follows is unknown); not 3.
    assert.equal(FakeRow.hashed, 6);
  });

  it('hashes no row whose neighbours have other times and orders', () => {
    const runs = new RunDuplicates(true, false);
    const rows: Row[] = Array.from({ length: 100 }, (_, i) => [i, 1000 + i, i]);
    assert.equal(admitAll(runs, rows).length, 100);
    // Only the last, whose next row is unknown.
    assert.equal(FakeRow.hashed, 1);
  });

  it('goes on by order once times go down, finding repeats within an order\'s lines', () => {
    const runs = new RunDuplicates(true, false);
    // Order 0 has lines at times 50 and 30 (time no longer sorted), then line 1 again: a duplicate.
    const kept = admitAll(runs, [[1, 50, 0], [2, 30, 0], [1, 50, 0], [3, 10, 1], [4, 10, 2], [4, 10, 2]]);
    assert.deepEqual(kept, [1, 2, 3, 4]);
    assert.deepEqual(runs.summary().timeSorted, false);
    assert.deepEqual(runs.summary().orderSorted, true);
  });

  it('a long run (past the list) is looked up in a set: day-level times', () => {
    const runs = new RunDuplicates(false, false);
    const rows: Row[] = [];
    for (let i = 0; i < 200; i++) rows.push([i, 86_400_000, -1]);
    for (let i = 0; i < 200; i += 7) rows.push([i, 86_400_000, -1]);
    rows.push([0, 2 * 86_400_000, -1]);
    const kept = admitAll(runs, rows);
    assert.equal(kept.length, 201);
    assert.deepEqual(kept.slice(-2), [199, 0]);
  });

  it('throws UnsortedRowsError at the first row that breaks both orders', () => {
    const runs = new RunDuplicates(true, false);
    admitAll(runs, [[1, 10, 0], [2, 5, 1], [3, 6, 2]]);   // time broke at 5; orders rise
    assert.throws(() => runs.admit(new FakeRow(4), 7, 1, false), UnsortedRowsError);
    const timeOnly = new RunDuplicates(false, false);
    admitAll(timeOnly, [[1, 10, -1], [2, 10, -1]]);
    assert.throws(() => timeOnly.admit(new FakeRow(3), 9, -1, false), UnsortedRowsError);
  });

  it('a later part keeps its first runs; a part tells its last runs', () => {
    const later = new RunDuplicates(true, true);
    admitAll(later, [[1, 10, 0], [2, 10, 1], [3, 20, 1], [4, 30, 2]]);
    const s = later.summary();
    assert.deepEqual([s.rows, s.firstMs, s.lastMs, s.firstOrder, s.lastOrder], [4, 10, 30, 0, 2]);
    const pairs = (...ids: number[]): number[] => ids.flatMap((id) => {
      const out = new Uint32Array(2);
      new FakeRow(id).hash(out);
      return [...out];
    });
    assert.deepEqual([...s.leadTime], pairs(1, 2));
    assert.deepEqual([...s.leadOrder], pairs(1));
    assert.deepEqual([...s.tailTime], pairs(4));
    assert.deepEqual([...s.tailOrder], pairs(4));
  });

  it('a later part hashes its first row though nothing after it shares its run; a first part does not', () => {
    admitAll(new RunDuplicates(true, false), [[1, 10, 0], [2, 20, 1]]);
    assert.equal(FakeRow.hashed, 1);
    FakeRow.hashed = 0;
    admitAll(new RunDuplicates(true, true), [[1, 10, 0], [2, 20, 1]]);
    assert.equal(FakeRow.hashed, 2);
  });

  describe('runsJoin', () => {
    const summary = (rows: Row[], hasOrder = true, isLater = false): RunSummary => {
      const runs = new RunDuplicates(hasOrder, isLater);
      admitAll(runs, rows);
      return runs.summary();
    };
    const identity = (n: number, from = 0): Uint32Array => Uint32Array.from({ length: n }, (_, k) => from + k);

    it('joins time-sorted parts, unless a row of the later part\'s first run repeats one of the first part\'s last run', () => {
      const first = summary([[1, 10, 0], [2, 20, 1]]);
      assert.equal(runsJoin(first, summary([[3, 20, 0], [4, 30, 1]], true, true), identity(2, 1)), true);
      assert.equal(runsJoin(first, summary([[3, 20, 0], [2, 20, 0]], true, true), identity(1, 1)), false);
      // Later times start below the first part's last, and orders restart: sorted neither way.
      assert.equal(runsJoin(first, summary([[5, 15, 0]], true, true), new Uint32Array([0])), false);
    });

    it('joins order-sorted parts when the later part\'s orders go on from the first part\'s last', () => {
      const first = summary([[1, 50, 0], [2, 40, 1]]);               // time already unsorted
      const later = summary([[3, 30, 0], [2, 40, 0], [5, 60, 1]], true, true);  // its order 0 is the first part's 1
      assert.equal(runsJoin(first, later, new Uint32Array([1, 2])), false, 'row 2 repeats across the split');
      const clean = summary([[3, 30, 0], [5, 60, 1]], true, true);
      assert.equal(runsJoin(first, clean, new Uint32Array([1, 2])), true);
      assert.equal(runsJoin(first, clean, new Uint32Array([0, 2])), false, 'an earlier order comes back');
      assert.equal(runsJoin(first, clean, null), false, 'no order column');
    });

    it('a part without rows joins anything sorted', () => {
      assert.equal(runsJoin(summary([]), summary([[1, 5, 0]], true, true), identity(1)), true);
    });
  });
});

const HEADER = ['order_id', 'customer_id', 'created_at', 'amount', 'note'];
const PLAN = plan(HEADER, { customerId: 'customer_id', timestamp: 'created_at', amount: 'amount', orderId: 'order_id' });

/**
 * A seeded file sorted by time with orders in any order (or, with `byOrder`, by order id with
 * times going back and forth), whose rows repeat within their run: exact repeats of any line
 * since the time or order last changed (A, B, A). `breakAt`: that line is a row earlier in time
 * (the byte path must read the file again). `dayOnly`: dates without times, so runs are long.
 */
function sortedCsv(seed: number, rows: number, o: { byOrder?: boolean; breakAt?: number; dayOnly?: boolean } = {}): string {
  const random = makeRng(seed);
  const lines = [HEADER.join(',')];
  let t = Date.UTC(2024, 0, 1);
  let order = 1;
  let run: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = random();
    if (i === o.breakAt) {
      lines.push('o0,c1,2023-06-01T00:00:00Z,1.00,early');
      continue;
    }
    if (r < 0.15 && run.length > 0) {
      lines.push(run[Math.floor(random() * run.length)]);
      continue;
    }
    if (r < 0.6) {
      order = o.byOrder ? order + 1 : Math.floor(random() * 1000);
      if (r < 0.4) t += o.byOrder ? Math.round((random() - 0.5) * 4e6) : Math.round(random() * 3e6);
      run = [];
    }
    const stamp = o.dayOnly ? new Date(t).toISOString().slice(0, 10) : new Date(t).toISOString();
    const line = `o${order},c${Math.floor(random() * 20)},${stamp},${(random() * 100).toFixed(2)},${random() < 0.2 ? '"a, b"' : 'x'}`;
    run.push(line);
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

describe('ingest/parseBytes: duplicates by runs give the full table\'s Dataset', () => {
  const cases: [string, Parameters<typeof sortedCsv>[2], boolean][] = [
    ['sorted by time', {}, false],
    ['sorted by order, times going back and forth', { byOrder: true }, false],
    ['dates without times (long runs)', { dayOnly: true }, false],
    ['sorted until a late row, then read again with the table', { breakAt: 250 }, true],
  ];
  for (const [name, options, restarts] of cases) {
    it(name, async () => {
      for (let seed = 1; seed <= 20; seed++) {
        const text = sortedCsv(seed, 300, options);
        const expected = plain(await parseCsv([text], PLAN, 'f.csv'));
        let restarted = 0;
        const bytes = new Uint8Array(Buffer.from(text));
        const cuts = [bytes.subarray(0, 997), bytes.subarray(997)];
        const got = plain(await parseBytes(memoryFeed(cuts), PLAN, 'f.csv', '\n', { onRestart: () => restarted++ }));
        assert.deepEqual(got, expected, `seed ${seed}`);
        assert.equal(restarted, restarts ? 1 : 0, `seed ${seed}: read again`);
        assert.ok((expected.quality as { skipped: Record<string, number> }).skipped['duplicate row'] > 0, 'the file has duplicates');
      }
    });
  }
});

describe('ingest/parseBytes: the table flag shared by two parts', () => {
  const bytes = (text: string): Uint8Array[] => [new Uint8Array(Buffer.from(text))];
  const unsorted = 'o1,c1,2024-03-01,1,x\no2,c1,2024-01-01,2,x\no1,c1,2024-02-01,3,x\n';

  it('a part that finds its rows unsorted sets it; a part that finds it set reads with the table', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    let restarts = 0;
    await parseBytesFirstPart(memoryFeed(bytes(HEADER.join(',') + '\n' + unsorted), false), PLAN, 'f.csv', '\n', { tableFlag: flag, onRestart: () => restarts++ });
    assert.deepEqual([flag[0], restarts], [1, 1]);
    const later = await parseBytesLaterPart(memoryFeed(bytes(sortedCsv(3, 50).split('\n').slice(1).join('\n'))), PLAN, 'f.csv', '\n', { tableFlag: flag, onRestart: () => restarts++ });
    assert.equal(later.duplicates.kind, 'table');
    assert.equal(restarts, 1, 'read with the table from the start');
  });

  it('a part reading by runs starts again with the table when the flag is set meanwhile', async () => {
    const text = sortedCsv(4, 400).split('\n').slice(1).join('\n');
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const all = new Uint8Array(Buffer.from(text));
    let restarts = 0;
    // Set after the first chunk is read, as the other thread would.
    const onProgress = (): void => { Atomics.store(flag, 0, 1); };
    const part = await parseBytesLaterPart(memoryFeed([all.subarray(0, 2000), all.subarray(2000)]), PLAN, 'f.csv', '\n', { tableFlag: flag, onProgress, onRestart: () => restarts++ });
    assert.equal(part.duplicates.kind, 'table');
    assert.equal(restarts, 1);
  });
});

describe('ingest/parseBytes: increasing order ids read by runs', () => {
  /** Time-sorted rows with increasing order ids o1…oN, and at line `backAt` an earlier order id again. */
  const csvWith = (rows: number, backAt: number): string => {
    const lines = [HEADER.join(',')];
    for (let i = 1; i <= rows; i++) {
      const t = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      lines.push(`${i === backAt ? 'o7' : `o${i}`},c${i % 50},${t},1.00,x`);
    }
    return lines.join('\n') + '\n';
  };

  for (const [name, backAt, restarts] of [['an id going back within the ids kept', 300, 0], ['an id going back past them: read again', 4500, 1]] as const) {
    it(name, async () => {
      const text = csvWith(5000, backAt);
      let restarted = 0;
      const got = plain(await parseBytes(memoryFeed([new Uint8Array(Buffer.from(text))]), PLAN, 'f.csv', '\n', { onRestart: () => restarted++ }));
      assert.deepEqual(got, plain(await parseCsv([text], PLAN, 'f.csv')));
      assert.equal(got.orderIdCount, 4999);
      assert.equal(restarted, restarts);
    });
  }
});

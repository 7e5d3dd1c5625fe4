// Two-thread parsing (src/host/parallelLoad.ts) must give the Dataset of one pass, wherever the
// split falls: on every line feed of files with quoted line breaks, CRLF, a byte-order mark,
// duplicates on both sides of the split, skipped rows, segments and no final line break.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCsvFile } from '../../../src/host/parallelLoad';
import { readTextChunks } from '../../../src/host/readText';
import { parseCsv } from '../../../src/ingest/parseCsv';
import type { IngestPlan } from '../../../src/shared/mapping';
import { plain, plan } from '../ingest/helpers';

const workerScript = join(resolve(__dirname, '../../..'), 'dist/parseWorker.js');
const HEADER = ['order_id', 'customer_id', 'created_at', 'amount', 'segment', 'note'];
const PLAN: IngestPlan = plan(HEADER, { customerId: 'customer_id', timestamp: 'created_at', amount: 'amount', orderId: 'order_id' });

const ROWS = [
  'o1,c1,2024-03-05T10:00:00Z,10.50,retail,"gift, wrapped"',
  'o2,c2,2024-01-06,5,wholesale,"two\nlines"',
  'o3,c1,2024-01-02,7.25,retail,',
  '',
  'o4,c3,not a date,3,trial,bad',
  'o5,,2024-02-01,3,trial,no id',
  'o6,c4,2024-02-02,-2,retail,"say ""hi""\nand\nmore"',
  'o1,c1,2024-03-05T10:00:00Z,10.50,retail,"gift, wrapped"',
  'o7,c5,2024-02-03,abc,retail,bad amount',
  'o8,c2,2023-12-31,0,trial,earlier row wins',
  'o9,c6,2024-02-04,4',
  'o10,c6,2024-02-04,4,wholesale,"x\n"',
  'o10,c7,2024-02-05,9,retail,same order',
  'o11,c2,2024-03-01,1,retail,"ends ""quoted"""',
];

/** The CSV text: header, rows, options for line ends, BOM and a final line feed. */
function csv(rows: readonly string[], o: { crlf?: boolean; bom?: boolean; finalNewline?: boolean } = {}): string {
  let text = [HEADER.join(','), ...rows].join('\n') + (o.finalNewline === false ? '' : '\n');
  if (o.crlf) text = text.replace(/\n/g, '\r\n');
  return (o.bom ? '\uFEFF' : '') + text;
}

describe('host/parallelLoad', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'rl-parallel-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** everySplit, telling which splits went which way (split offsets by path). */
  async function everySplitWith(name: string, text: string, onPath: (p: string) => void): Promise<Map<string, number[]>> {
    const bytes = Buffer.from(text);
    const splits = new Map<string, number[]>();
    const paths = await everySplit(name, text, (split, path) => {
      onPath(path);
      splits.set(path, [...(splits.get(path) ?? []), split]);
    });
    assert.ok(paths.size > 0 && bytes.length > 0);
    return splits;
  }

  /** Loads `text` split after every line feed; each result must equal the one-pass Dataset. */
  async function everySplit(name: string, text: string, onSplit?: (split: number, path: string) => void): Promise<Set<string>> {
    const path = join(dir, name);
    writeFileSync(path, text);
    const size = statSync(path).size;
    const expected = plain(await parseCsv(readTextChunks(path, 'utf8'), PLAN, name));
    const bytes = Buffer.from(text);
    const paths = new Set<string>();
    for (let i = bytes.indexOf(10); i >= 0 && i + 1 < size; i = bytes.indexOf(10, i + 1)) {
      const d = await loadCsvFile({ path, encoding: 'utf8', size }, PLAN, name, { minBytes: 0, splitAt: i + 1, workerScript, onPath: (p) => { paths.add(p); onSplit?.(i + 1, p); } });
      assert.deepEqual(plain(d), expected, `${name} split at byte ${i + 1}`);
    }
    return paths;
  }

  it('reads LF files as one pass does, wherever the split falls', async () => {
    const paths = await everySplit('lf.csv', csv(ROWS));
    // Splits inside quotes fall back; others merge, or fall back when one part found its
    // duplicates by runs before the other, unsorted, went to the table (a race: both are exact).
    assert.ok(paths.has('two threads, then one pass'));
  });

  it('merges time-sorted parts by their runs; a repeat across the split falls back', async () => {
    const rows = [
      'o1,c1,2024-01-01T10:00:00Z,1,retail,', 'o1,c1,2024-01-01T10:00:00Z,2,retail,', 'o1,c1,2024-01-01T10:00:00Z,1,retail,',
      'o2,c2,2024-01-02T10:00:00Z,3,trial,', 'o9,c3,2024-01-03T10:00:00Z,4,trial,"a\nb"', 'o3,c1,2024-01-03T10:00:00Z,5,retail,',
      'o3,c1,2024-01-03T10:00:00Z,5,retail,', 'o4,c4,2024-01-04T10:00:00Z,6,retail,',
    ];
    const paths = new Set<string>();
    const text = csv(rows);
    const at = await everySplitWith('sorted.csv', text, (p) => paths.add(p));
    assert.deepEqual([...paths].sort(), ['two threads', 'two threads, then one pass']);
    // Falling back: a repeat across the split (row 2 of row 0, row 6 of row 5), or a split inside quotes.
    const afterRow = (i: number): number => csv(rows.slice(0, i + 1)).length;
    assert.deepEqual(at.get('two threads, then one pass'), [afterRow(0), afterRow(1), text.indexOf('"a\n') + 3, afterRow(5)]);
  });

  it('merges unsorted parts by their duplicate tables; a repeat across the split falls back', async () => {
    // Sorted by customer, each customer's order lines interleaved: times and orders go back in
    // both parts, which then keep every row's hash. Row 6 repeats row 0.
    const rows = [
      'o1,c1,2024-03-01,1,retail,', 'o2,c1,2024-01-01,2,retail,', 'o1,c1,2024-02-01,3,retail,',
      'o3,c2,2024-03-01,4,trial,', 'o4,c2,2024-01-01,5,trial,', 'o3,c2,2024-02-01,6,trial,',
      'o1,c1,2024-03-01,1,retail,',
      'o5,c3,2024-03-05,7,retail,', 'o6,c3,2024-01-09,8,retail,', 'o5,c3,2024-02-09,9,retail,',
    ];
    const text = csv(rows);
    const at = await everySplitWith('unsorted.csv', text, () => undefined);
    // Right after the header, and from row 6 on, the repeat and its original are in one part:
    // merged by table (after rows 7 and 8 the later part is sorted on its own; it goes to the
    // table with the first part's flag, or is read again with it). In between, the repeat
    // straddles the split: never merged.
    const afterRow = (i: number): number => csv(rows.slice(0, i + 1)).length;
    assert.deepEqual(at.get('two threads'), [afterRow(-1), afterRow(6), afterRow(7), afterRow(8)]);
  });

  it('merges a time-sorted file whose last row goes back in time (the part read by runs is read again with the table)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `o${i + 1},c${i % 7},2024-01-${String(1 + Math.floor(i / 2)).padStart(2, '0')},${i},retail,`);
    rows.push('o3,c3,2024-01-02,2,retail,', 'o41,c1,2023-12-01,9,trial,late');   // a repeat of row 2, then an early row
    const paths = new Set<string>();
    const text = csv(rows);
    const at = await everySplitWith('late.csv', text, (p) => paths.add(p));
    const afterRow = (i: number): number => csv(rows.slice(0, i + 1)).length;
    // Every split merges but those with the repeat (row 40) and its original (row 2) on two sides.
    assert.deepEqual(at.get('two threads, then one pass'), Array.from({ length: 38 }, (_, i) => afterRow(i + 2)));
    assert.ok(paths.has('two threads'));
  });

  it('hands over ids that fit their byte copies and ids that do not (long, non-ASCII)', async () => {
    const long = 'customer-with-a-long-id-0001';
    const rows = [
      'o1,c1,2024-01-01,1,retail,', `o2,${long},2024-01-02,2,retail,`, 'o3,é-ü,2024-01-03,3,trial,',
      `o4,${long},2024-02-01,4,retail,`, 'o5,c1,2024-02-02,5,retail,', `o6,${long}x,2024-02-03,6,trial,`,
      'o7,é-ü,2024-03-01,7,trial,', 'o8,c9,2024-03-02,8,retail,', `o9,"${long}",2024-03-03,9,retail,`,
    ];
    const paths = await everySplit('long-ids.csv', csv(rows));
    assert.ok(paths.has('two threads'));
  });

  it('falls back when a segment column is dropped in the second part only', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => `p${i},n${i},2024-01-01,1,s${i},`);
    const text = csv([...ROWS.slice(0, 3), ...many]);
    const path = join(dir, 'segments.csv');
    writeFileSync(path, text);
    const size = statSync(path).size;
    const expected = plain(await parseCsv(readTextChunks(path, 'utf8'), PLAN, 'segments.csv'));
    for (const at of [text.indexOf('p0,'), text.indexOf('p500,'), text.indexOf('p1090,')]) {
      const d = await loadCsvFile({ path, encoding: 'utf8', size }, PLAN, 'segments.csv', { minBytes: 0, splitAt: at, workerScript });
      assert.deepEqual(plain(d), expected, `split at ${at}`);
    }
  });

  it('parses small files in one pass', async () => {
    const path = join(dir, 'small.csv');
    writeFileSync(path, csv(ROWS));
    const paths: string[] = [];
    await loadCsvFile({ path, encoding: 'utf8', size: statSync(path).size }, PLAN, 'small.csv', { workerScript, onPath: (p) => paths.push(p) });
    assert.deepEqual(paths, ['one pass']);
  });
});

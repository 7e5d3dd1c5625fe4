import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../../src/ingest/parseCsv';
import type { Dataset } from '../../../src/shared/dataset';
import { chunksOf, cutAt, plain, plan, rejectsIngest } from './helpers';
import { idStrings } from '../../../src/shared/customerIds';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ingest', name), 'utf8');
const QUOTED = fixture('quoted-multiline.csv');
const QUOTED_CRLF = QUOTED.replace(/\n/g, '\r\n');
const QUOTED_PLAN = plan(['customer_id', 'note', 'order_date', 'amount'], { customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' });

/** The Dataset of quoted-multiline.csv, worked out by hand (see test/fixtures/ingest/README.md). */
const QUOTED_EXPECTED = {
  file: 'q.csv',
  rowCount: 7,
  customer: [0, 1, 2, 0, 3, 1, 4],
  time: [Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 6, 10, 20), Date.UTC(2024, 0, 7), Date.UTC(2024, 1, 1, 9), Date.UTC(2024, 1, 2), Date.UTC(2024, 1, 3), Date.UTC(2024, 1, 4)],
  amount: [10.5, 5, 7.25, -2, 0, 1234.5, 3],
  order: null,
  customerIds: ['c1', 'c2', 'c3', 'c4', 'c5'],
  customerFirstLine: [2, 3, 4, 10, 13],
  customerLastLine: [7, 11, 4, 10, 13],   // c1's second row starts on line 7, c2's on line 11
  orderIdCount: 0,
  event: null,
  eventNames: [],
  // 'note' is the one unmapped column: each customer's note on their earliest row.
  segments: [{ column: 'note', values: ['hello, world', 'say "hi"', 'two\nlines', 'plain', 'x'], customerValue: [0, 1, 2, 3, 4] }],
  timePrecision: 'day',
  dataEnd: Date.UTC(2024, 1, 5),
  quality: { rowsRead: 7, rowsUsed: 7, skipped: {}, examples: {}, returns: 1, zeroAmount: 1 },
};

/** With CRLF line ends the multi-line note keeps its CR (the field's text is as written). */
const QUOTED_CRLF_EXPECTED = {
  ...QUOTED_EXPECTED,
  segments: [{ column: 'note', values: ['hello, world', 'say "hi"', 'two\r\nlines', 'plain', 'x'], customerValue: [0, 1, 2, 3, 4] }],
};

const parseQuoted = async (chunks: Iterable<string>): Promise<Record<string, unknown>> => plain(await parseCsv(chunks, QUOTED_PLAN, 'q.csv'));

describe('ingest/parseCsv dataset', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines into the exact Dataset', async () => {
    assert.deepEqual(await parseQuoted([QUOTED]), QUOTED_EXPECTED);
  });

  it('gives the same Dataset for chunk sizes 1, 7, 64 and the whole text', async () => {
    for (const size of [1, 7, 64, QUOTED.length]) assert.deepEqual(await parseQuoted(chunksOf(QUOTED, size)), QUOTED_EXPECTED, `chunk size ${size}`);
  });

  it('gives the same Dataset wherever one chunk edge falls (inside quotes, inside a multi-line field)', async () => {
    for (let p = 1; p < QUOTED.length; p++) assert.deepEqual(await parseQuoted(cutAt(QUOTED, p)), QUOTED_EXPECTED, `cut at ${p} ${JSON.stringify(QUOTED.slice(p - 3, p + 3))}`);
  });

  it('reads CRLF text the same, for chunk sizes 1, 7, 64 and the whole text', async () => {
    for (const size of [1, 7, 64, QUOTED_CRLF.length]) assert.deepEqual(await parseQuoted(chunksOf(QUOTED_CRLF, size)), QUOTED_CRLF_EXPECTED, `chunk size ${size}`);
  });

  it('reads CRLF text the same wherever one chunk edge falls, even between CR and LF', async () => {
    const bad: number[] = [];
    for (let p = 1; p < QUOTED_CRLF.length; p++) {
      const got = await parseQuoted(cutAt(QUOTED_CRLF, p));
      try {
        assert.deepEqual(got, QUOTED_CRLF_EXPECTED);
      } catch {
        bad.push(p);
      }
    }
    assert.deepEqual(bad, [], 'cut positions that change the Dataset');
  });

  it('counts lines right when the first chunk ends between the CR and LF of the header', async () => {
    // Lines 2-7: one bad date of 6 rows (within the 80 % rule).
    const text = 'customer_id,order_date\r\nc1,2024-01-02\r\nc2,2024-01-03\r\nc3,x\r\nc4,2024-01-04\r\nc4,2024-01-05\r\nc4,2024-01-06\r\n';
    const p = plan(['customer_id', 'order_date'], { customerId: 'customer_id', timestamp: 'order_date' });
    const cut = text.indexOf('\n');
    assert.equal(text[cut - 1], '\r');
    const d = await parseCsv(cutAt(text, cut), p, 'f.csv');
    assert.deepEqual([...d.customerFirstLine], [2, 3, 5]);
    assert.deepEqual(d.quality.examples['invalid timestamp'], [{ line: 4, column: 'order_date', value: 'x' }]);
    assert.deepEqual(idStrings(d.customerIds), ['c1', 'c2', 'c4']);
  });
});

describe('ingest/parseCsv line endings', () => {
  const LONE_CR = 'customer_id,order_date\rc1,2024-01-02\rc2,2024-01-03\rc1,2024-01-04\r';
  const p = plan(['customer_id', 'order_date'], { customerId: 'customer_id', timestamp: 'order_date' });

  it('reads lone-CR line endings from one chunk', async () => {
    const d = await parseCsv([LONE_CR], p, 'f.csv');
    assert.deepEqual([...d.customer], [0, 1, 0]);
    assert.deepEqual([...d.time], [Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4)]);
  });

  it('reads lone-CR line endings from chunks of 8 characters (the first holds no line break)', async () => {
    const d = await parseCsv(chunksOf(LONE_CR, 8), p, 'f.csv');
    assert.deepEqual([...d.customer], [0, 1, 0]);
  });
});

describe('ingest/parseCsv lines and skips', () => {
  // Physical lines: the quoted note on line 3 spans lines 3-5, so every later row moves down 2.
  const LINES = [
    'customer_id,note,order_date,amount', //   1 header
    'c1,a,2024-01-05,10', //                    2
    'c2,"one', //                               3 (spans 3-5)
    'two',
    'three",2024-01-06,5',
    'c3,b,not-a-date,5', //                     6 invalid timestamp
    '', //                                      7 blank, not a row
    ',c,2024-01-06,1', //                       8 missing customer id
    'c4,d,2024-01-07,abc', //                   9 invalid amount
    'c5,e,2024-01-07', //                      10 wrong number of fields
    'c1,a,2024-01-05,10', //                   11 duplicate of line 2
    'c6,f,,3', //                              12 missing timestamp
    'c7,g,2024-01-08,-4', //                   13 return
    'c8,h,2024-01-09,0', //                    14 zero amount
    ' c1 ,i,2024-01-10,2', //                  15 c1 again (trimmed)
    'c9,j,2024-01-11,1', //                    16
    'c10,k,2024-01-12,1', //                   17
    'c11,l,2024-01-13,1', //                   18
  ];
  const TEXT = LINES.join('\n') + '\n';

  it('counts each skip reason with its first line, column and value', async () => {
    const d = await parseCsv(chunksOf(TEXT, 5), QUOTED_PLAN, 'skips.csv');
    assert.deepEqual(d.quality, {
      rowsRead: 14,
      rowsUsed: 8,
      skipped: { 'invalid timestamp': 1, 'missing customer id': 1, 'invalid amount': 1, 'wrong number of fields': 1, 'duplicate row': 1, 'missing timestamp': 1 },
      examples: {
        'invalid timestamp': [{ line: 6, column: 'order_date', value: 'not-a-date' }],
        'missing customer id': [{ line: 8, column: 'customer_id', value: null }],
        'invalid amount': [{ line: 9, column: 'amount', value: 'abc' }],
        'wrong number of fields': [{ line: 10, column: null, value: '3 fields, expected 4' }],
        'duplicate row': [{ line: 11, column: null, value: null }],
        'missing timestamp': [{ line: 12, column: 'order_date', value: null }],
      },
      returns: 1,
      zeroAmount: 1,
    });
    assert.deepEqual(idStrings(d.customerIds), ['c1', 'c2', 'c7', 'c8', 'c9', 'c10', 'c11']);
    assert.deepEqual([...d.customerFirstLine], [2, 3, 13, 14, 16, 17, 18]);
    assert.deepEqual([...d.customer], [0, 1, 2, 3, 0, 4, 5, 6]);
    assert.deepEqual([...(d.amount ?? [])], [10, 5, -4, 0, 2, 1, 1, 1]);
    assert.equal(d.rowCount, 8);
  });

  it('gives the same account for CRLF text', async () => {
    const lf = await parseCsv([TEXT], QUOTED_PLAN, 'skips.csv');
    const crlf = await parseCsv(chunksOf(TEXT.replace(/\n/g, '\r\n'), 64), QUOTED_PLAN, 'skips.csv');
    // Segment values are field text, which keeps a multi-line field's CR; the rest is identical.
    assert.deepEqual({ ...plain(crlf), segments: null }, { ...plain(lf), segments: null });
  });

  it('counts blank lines before the header and reads files without a header from line 1', async () => {
    const withHeader = await parseCsv(['\n\ncustomer_id,order_date\n\nc1,2024-01-01\n'], plan(['customer_id', 'order_date'], { customerId: 'customer_id', timestamp: 'order_date' }), 'f.csv');
    assert.deepEqual([...withHeader.customerFirstLine], [5]);
    const noHeader = await parseCsv(['c1,2024-01-01\nc2,x\nc2,2024-01-02\nc3,2024-01-03\nc1,2024-01-04\nc3,2024-01-05\n'], plan(['column 1', 'column 2'], { customerId: 'column 1', timestamp: 'column 2' }, { hasHeader: false }), 'f.csv');
    assert.deepEqual([...noHeader.customerFirstLine], [1, 3, 4]);
    assert.deepEqual(noHeader.quality.examples['invalid timestamp'], [{ line: 2, column: 'column 2', value: 'x' }]);
  });

  it('keeps only the first 5 examples of a reason but counts them all', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? `c${i},2024-01-01,oops${i}` : `c${i},2024-01-01,${i}`));
    const d = await parseCsv([['customer_id,order_date,amount', ...rows].join('\n')], plan(['customer_id', 'order_date', 'amount'], { customerId: 'customer_id', timestamp: 'order_date', amount: 'amount' }), 'f.csv');
    assert.equal(d.quality.skipped['invalid amount'], 8);
    assert.deepEqual(d.quality.examples['invalid amount']?.map((e) => [e.line, e.value]), [[2, 'oops0'], [7, 'oops5'], [12, 'oops10'], [17, 'oops15'], [22, 'oops20']]);
  });
});

describe('ingest/parseCsv input', () => {
  it('accepts an async iterable, skips empty chunks and reports progress', async () => {
    async function* gen(): AsyncGenerator<string> {
      yield '';
      yield QUOTED.slice(0, 100);
      yield '';
      yield QUOTED.slice(100);
    }
    const seen: number[] = [];
    const d: Dataset = await parseCsv(gen(), QUOTED_PLAN, 'q.csv', { onProgress: (p) => seen.push(p.rowsRead) });
    assert.deepEqual(plain(d), QUOTED_EXPECTED);
    assert.equal(seen.at(-1), 7);
    assert.ok(seen.every((n, i) => i === 0 || n >= seen[i - 1]), `progress goes forward: ${seen.join(',')}`);
  });

  it("refuses no text, or a header without rows, with 'header-only'", async () => {
    await rejectsIngest(parseCsv([], QUOTED_PLAN, 'f.csv'), 'header-only');
    await rejectsIngest(parseCsv(['customer_id,note,order_date,amount\n\n\n'], QUOTED_PLAN, 'f.csv'), 'header-only');
  });

  it('reads a last row without a final newline', async () => {
    const d = await parseCsv(chunksOf(QUOTED.trimEnd(), 3), QUOTED_PLAN, 'q.csv');
    assert.deepEqual(plain(d), QUOTED_EXPECTED);
  });
});

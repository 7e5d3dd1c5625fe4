// The byte path (ingest/byteCsv.ts + byteRow.ts via parseBytes) must give exactly the Dataset of
// the text path (parseCsv over the decoded text, papaparse), hand-made cases: quoting, line ends,
// byte-order mark, blank lines, skipped rows and their lines, duplicates, non-ASCII ids and
// Unicode whitespace, segments, order ids, event names, other delimiters, decimal comma.
import { strict as assert } from 'node:assert';
import type { IngestPlan } from '../../../src/shared/mapping';
import { bothWays, datasetOf, sameBothWays } from './byteHelpers';
import { plan } from './helpers';

const H = ['id', 'ts', 'amount', 'seg'];
const P = plan(H, { customerId: 'id', timestamp: 'ts', amount: 'amount' });
const head = 'id,ts,amount,seg\n';
const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

/** Both ways; returns the Dataset (which must exist). */
const dataset = async (text: string, p: IngestPlan = P): Promise<Record<string, unknown>> => datasetOf(await sameBothWays(text, p, [], text.slice(0, 40)));
/** Both ways; returns the error both threw. */
async function error(text: string, p: IngestPlan = P): Promise<string> {
  const o = await sameBothWays(text, p);
  assert.ok('error' in o, 'expected both paths to throw');
  return o.error;
}
const quality = (d: Record<string, unknown>): { skipped: Record<string, number>; examples: Record<string, { line: number; column: string | null; value: string | null }[]> } =>
  d.quality as never;

describe('ingest/byteCsv: the byte path reads what the text path reads', () => {
  it('quoted fields with delimiters, doubled quotes and line feeds (and the lines after them)', async () => {
    const text = head + '"c,1",2024-01-01,"1,500.25","say ""hi"""\n"c2","2024-01-02",2,"two\nlines"\nc3,bad,3,x\n"c""4",2024-01-04,"4",""\nc5,2024-01-05,5,e\n';
    const d = await dataset(text);
    assert.deepEqual(d.customerIds, ['c,1', 'c2', 'c"4', 'c5']);
    assert.deepEqual(d.amount, [1500.25, 2, 4, 5]);
    assert.deepEqual(d.customerFirstLine, [2, 3, 6, 7]);
    assert.deepEqual(quality(d).examples['invalid timestamp'], [{ line: 5, column: 'ts', value: 'bad' }]);
    assert.deepEqual((d.segments as { values: string[] }[])[0].values, ['say "hi"', 'two\nlines', '', 'e']);
  });

  it('CRLF line ends with lone LF and CR inside quoted and bare fields', async () => {
    const text = 'id,ts,amount,seg\r\nc1,2024-01-01,1,"a\nb"\r\nc2,2024-01-02,2,"a\rb"\r\nc3,2024-01-03,3,x\ny\r\nc4,2024-01-04,4,p\rq\r\nc5,bad,5,z\r\nc6,2024-01-06,6,z\r';
    const d = await dataset(text);
    assert.deepEqual(d.customerFirstLine, [2, 4, 5, 7, 9]);
    assert.deepEqual(quality(d).examples['invalid timestamp'], [{ line: 8, column: 'ts', value: 'bad' }]);
    assert.deepEqual((d.segments as { values: string[] }[])[0].values, ['a\nb', 'a\rb', 'x\ny', 'p\rq', 'z']);
  });

  it('a byte-order mark, no final line end, blank and whitespace-only lines', async () => {
    for (const t of ['\uFEFF' + head + 'c1,2024-01-01,1,a\n\n  \n\t\nc2,2024-01-02,2,b', '\uFEFF\n' + head + '""\nc1,2024-01-01,1,a\n \u3000\u00a0\nc2,2024-01-02,2,b\n\n']) {
      for (const text of [t, crlf(t)]) {
        const d = await dataset(text);
        assert.deepEqual(d.customerIds, ['c1', 'c2']);
        assert.equal((d.quality as { rowsRead: number }).rowsRead, 2);
      }
    }
    // Without a header the first row's first field starts after the mark.
    const d = await dataset('\uFEFF"c1",2024-01-01,1,a\nc1,2024-01-01,1,a\n', plan(H, { customerId: 'id', timestamp: 'ts', amount: 'amount' }, { hasHeader: false }));
    assert.deepEqual(d.customerIds, ['c1']);
    assert.deepEqual(quality(d).skipped, { 'duplicate row': 1 });
  });

  it('header-only, no usable rows and too many bad dates fail the same way', async () => {
    assert.match(await error(head), /header-only/);
    assert.match(await error(head + '\n\n  \n'), /header-only/);
    assert.match(await error(crlf(head)), /header-only/);
    assert.match(await error(head + ',2024-01-01,1,a\n'), /no-usable-rows.*line 2/);
    assert.match(await error(head + 'c1,x,1,a\nc2,"y\nz",1,a\nc3,2024-01-01,1,a\n'), /bad-dates.*line 2 'x', line 3 'y\nz'/);
  });

  it('wrong field counts, missing id or timestamp, invalid timestamps and amounts at their lines', async () => {
    const rows = ['c1,2024-01-01,1,a', 'c2,2024-01-02,1', 'c3,2024-01-03,1,a,extra', '  ,2024-01-04,1,a', 'c5,"  ",1,a', '"c6\n",2024-13-01,1,a',
      'c7,2024-01-07,abc,a', 'c8,2024-01-08,"1\nx",a', 'c9,2024-01-09,,a', 'c10,2024-01-10,  -2.50 ,a', 'c11,2024-01-11,0,a', 'c12,2024-01-12,1e3,a', 'c13,2024-01-13,$1.50,a',
      'c14,2024-01-14,1,a', 'c15,2024-01-15,1,a', 'c16,2024-01-16,1,a'];
    const d = await dataset(head + rows.join('\n') + '\n');
    const q = quality(d);
    assert.deepEqual(q.skipped, { 'wrong number of fields': 2, 'missing customer id': 1, 'missing timestamp': 1, 'invalid timestamp': 1, 'invalid amount': 3 });
    assert.deepEqual(q.examples['invalid timestamp'], [{ line: 7, column: 'ts', value: '2024-13-01' }]);
    assert.deepEqual(q.examples['invalid amount'], [{ line: 9, column: 'amount', value: 'abc' }, { line: 10, column: 'amount', value: '1\nx' }, { line: 12, column: 'amount', value: '' }]);
    assert.deepEqual(q.examples['wrong number of fields'].map((e) => e.line), [3, 4]);
    assert.deepEqual(d.amount, [1, -2.5, 0, 1000, 1.5, 1, 1, 1]);
  });

  it('duplicate rows, also when written once quoted and once bare', async () => {
    const text = head + '"c1",2024-01-01,1,a\nc1,2024-01-01,1,a\nc1,"2024-01-01","1","a"\n"c1",2024-01-01, 1,a\nc1,2024-01-01,1,"a""b"\nc1,2024-01-01,1,"a""b"\n"x""y",2024-01-01,1,a\n"x""y",2024-01-01,1,a\nx"y,2024-01-01,1,a\n"é""",2024-01-01,1,a\né",2024-01-01,1,a\n';
    const d = await dataset(text);
    assert.deepEqual(quality(d).examples['duplicate row'].map((e) => e.line), [3, 4, 7, 9, 10]);
    assert.equal(quality(d).skipped['duplicate row'], 6);
    assert.equal(d.rowCount, 5);
  });

  it('non-ASCII ids and Unicode whitespace at their edges, trimmed as String.prototype.trim trims', async () => {
    const ids = ['é', ' é ', '中文', '😀', '😀 ', '\u00a0a', 'a\u3000', '\ufeffa', ' \u00a0é\u3000 ', 'a\u00a0b', '\u2028c\u2029', '\u200bz', 'x\u0085', 'ä', 'a\u0308'];
    const text = head + ids.map((id, i) => `${id},2024-01-${String(i + 1).padStart(2, '0')},1,${id}`).join('\n') + '\n';
    const d = await dataset(text);
    const expected = [...new Set(ids.map((s) => s.trim()))];
    assert.deepEqual(d.customerIds, expected);
    assert.deepEqual((d.segments as { values: string[] }[])[0].values, expected);
  });

  it('a non-ASCII id after one whose UTF-16 code units are its UTF-8 bytes (xÃ©x, then xéx) stays a new customer', async () => {
    // 'xéx' is 78 C3 A9 78 in UTF-8; 'xÃ©x' is the code units 78 C3 A9 78.
    const text = head + 'xÃ©x,2024-01-01,1,a\nxéx,2024-01-02,2,b\n';
    const d = await dataset(text);
    assert.deepEqual(d.customerIds, ['xÃ©x', 'xéx']);
    assert.deepEqual(d.customer, [0, 1]);
  });

  it('gives up on bytes that are not UTF-8 (the text path reads them as U+FFFD), wherever they are cut', async () => {
    // a\xFFb, a\xFEb and a\u{FFFD}b are all 'a\uFFFDb' once decoded: one customer, and the second row a duplicate of the first.
    const rows = [Buffer.from(head), Buffer.from('a'), Buffer.from([0xff]), Buffer.from('b,2024-01-01,1,s\na'), Buffer.from([0xfe]), Buffer.from('b,2024-01-01,1,s\na\uFFFDb,2024-01-02,1,s\n')];
    const bytes = new Uint8Array(Buffer.concat(rows));
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { text, irregular } = await bothWays(bytes, P, [cut]);
      assert.ok(irregular, `cut at ${cut}`);
      const d = datasetOf(text);
      assert.deepEqual(d.customerIds, ['a\uFFFDb']);
      assert.deepEqual(quality(d).skipped, { 'duplicate row': 1 });
    }
  });

  it('segment columns, order ids (increasing integers, then others) and event names', async () => {
    const header = ['order', 'id', 'ts', 'event', 'plan', 'amount'];
    const p = plan(header, { customerId: 'id', timestamp: 'ts', orderId: 'order', eventName: 'event', amount: 'amount' });
    const rows = ['1,c1,2024-01-01,buy,pro,1', '1,c1,2024-01-01,buy,pro,2', '2,c2,2024-01-02,"sign up",free,3', '10,c1,2024-01-03, buy ,"pro",4',
      '9,c3,2024-01-04,refund,free,-1', ' 007 ,c3,2024-01-05,buy,free,1', '7,c3,2024-01-06,buy,free,1', 'A-1,c4,2024-01-07,büy,plüs,1', '中,c4,2024-01-08,"b,y",plüs,1',
      '2,c5,2024-01-09,buy,"free",1', ',c6,2024-01-10,,,0'];
    const d = await dataset(header.join(',') + '\n' + rows.join('\n') + '\n', p);
    assert.deepEqual(d.order, [0, 0, 1, 2, 3, 4, 5, 6, 7, 1, 8]);
    assert.equal(d.orderIdCount, 9);
    assert.deepEqual(d.eventNames, ['buy', 'sign up', 'refund', 'büy', 'b,y', '']);
    assert.deepEqual(d.segments, [{ column: 'plan', values: ['pro', 'free', 'plüs', ''], customerValue: [0, 1, 1, 2, 1, 3] }]);
  });

  it('increasing order ids only', async () => {
    const header = ['order', 'id', 'ts'];
    const p = plan(header, { customerId: 'id', timestamp: 'ts', orderId: 'order' });
    const d = await dataset('order,id,ts\n1,a,2024-01-01\n1,b,2024-01-01\n2,a,2024-01-02\n"3",a,2024-01-03\n 4 ,a,2024-01-04\n', p);
    assert.deepEqual(d.order, [0, 0, 1, 2, 3]);
  });

  it('semicolon and tab delimiters', async () => {
    for (const delimiter of [';', '\t']) {
      const p = plan(H, { customerId: 'id', timestamp: 'ts', amount: 'amount' }, { delimiter });
      const rows = ['id|ts|amount|seg', 'c1|2024-01-01|"1"|a|b', '"c;2"|2024-01-02 10:00:00|2|"x\ty"', 'c3|x|1|"q;"""', '"c\t4"|2024-01-04|3|', 'c5|2024-01-05|5|,', 'c6|2024-01-06|6|s'];
      const text = rows.join('\n').replace(/\|/g, delimiter) + '\n';
      const d = await dataset(text, p);
      assert.deepEqual(d.customerIds, ['c;2', 'c\t4', 'c5', 'c6'], delimiter);
      assert.deepEqual(quality(d).skipped, { 'wrong number of fields': 1, 'invalid timestamp': 1 }, delimiter);
    }
  });

  it('decimal comma dialect', async () => {
    const p = plan(H, { customerId: 'id', timestamp: 'ts', amount: 'amount' }, { delimiter: ';', decimalComma: true });
    const text = 'id;ts;amount;seg\nc1;2024-01-01;1.234,50;a\nc2;2024-01-02;"12,5";b\nc3;2024-01-03;-3;c\nc4;2024-01-04;(4,00);d\nc5;2024-01-05;12.50;e\nc6;2024-01-06;1 000;f\nc7;2024-01-07;x;g\n';
    const d = await dataset(text, p);
    assert.deepEqual(d.amount, [1234.5, 12.5, -3, -4, 12.5, 1000]);
    assert.deepEqual(quality(d).examples['invalid amount'], [{ line: 8, column: 'amount', value: 'x' }]);
  });

  it('timestamps of every ISO shape, other formats and zones', async () => {
    const values = ['2024-01-01', '2024-01-01T10:00:00', '2024-01-01 10:00:00Z', '2024-01-01T10:00:00.5', '2024-01-01T10:00:00.123z', '2024-01-01T10:00:00+02:00', '2024-1-2', '2024-01-01T24:00:00', '2024-02-29', '2023-02-29'];
    const text = head + values.map((v, i) => `c${i},${v},1,a`).join('\n') + '\n';
    for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      const d = await dataset(text, plan(H, { customerId: 'id', timestamp: 'ts', amount: 'amount' }, { timeZone }));
      assert.deepEqual(quality(d).examples['invalid timestamp'].map((e) => e.line), [9, 11]);
    }
    const mdy = head + 'c1,01/02/2024,1,a\nc2,13/02/2024,1,a\nc3,12/31/2024 10:00,1,a\nc4,2/3/2024,1,a\nc5,2/3/2024,1,a\n';
    const d = await dataset(mdy, plan(H, { customerId: 'id', timestamp: 'ts', amount: 'amount' }, { dateFormat: 'mdy' }));
    assert.deepEqual(d.time, [Date.UTC(2024, 0, 2), Date.UTC(2024, 11, 31, 10), Date.UTC(2024, 1, 3), Date.UTC(2024, 1, 3)]);
  });
});

// Space-aligned text exports (DESIGN.md §3: "runs of spaces"), e.g. CDNOW_sample.txt:
// " 00004 0001 19970101  2   29.33" — no header, fields separated by runs of spaces.
import { strict as assert } from 'node:assert';
import { parseCsv } from '../../../src/ingest/parseCsv';
import { sniffCsv, WHITESPACE_DELIMITER } from '../../../src/ingest/sniff';
import { chunksOf, cutAt, plain, plan } from './helpers';
import { idStrings } from '../../../src/shared/customerIds';

const TEXT = ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00018 0002 19970101  2   29.73\r\n\r\n 00021 0003 19970101  3   63.34\r\n';

describe('ingest: space-aligned columns', () => {
  it('sniffs runs of spaces as the delimiter, without a header', () => {
    const s = sniffCsv(TEXT, 'cdnow.txt');
    assert.equal(s.dialect.delimiter, WHITESPACE_DELIMITER);
    assert.equal(s.dialect.hasHeader, false);
    assert.deepEqual(s.header, ['column 1', 'column 2', 'column 3', 'column 4', 'column 5']);
    assert.deepEqual(s.sampleRows[0], ['00004', '0001', '19970101', '2', '29.33']);
  });

  it('refuses prose (ragged word counts) as one column', () => {
    assert.throws(() => sniffCsv('the quick brown fox\njumps over\nthe lazy dog today, really\n', 'notes.txt'), /only one column found/);
  });

  it('parses the same Dataset whatever the chunking, with physical line numbers', async () => {
    const p = plan(['column 1', 'column 2', 'column 3', 'column 4', 'column 5'], { customerId: 'column 1', timestamp: 'column 3', amount: 'column 5' },
      { dateFormat: 'compact', delimiter: WHITESPACE_DELIMITER, hasHeader: false });
    const whole = await parseCsv([TEXT], p, 'cdnow.txt');
    assert.deepEqual(idStrings(whole.customerIds), ['00004', '00018', '00021']);
    assert.deepEqual([...whole.customer], [0, 0, 1, 2]);
    assert.deepEqual([...(whole.amount ?? [])], [29.33, 29.73, 29.73, 63.34]);
    assert.deepEqual([...whole.time], [Date.UTC(1997, 0, 1), Date.UTC(1997, 0, 18), Date.UTC(1997, 0, 1), Date.UTC(1997, 0, 1)]);
    assert.deepEqual([...whole.customerFirstLine], [1, 3, 5]);   // line 4 is blank
    for (const size of [1, 5, 13]) assert.deepEqual(plain(await parseCsv(chunksOf(TEXT, size), p, 'cdnow.txt')), plain(whole), `chunk size ${size}`);
    for (let at = 1; at < TEXT.length; at++) assert.deepEqual(plain(await parseCsv(cutAt(TEXT, at), p, 'cdnow.txt')), plain(whole), `cut at ${at}`);
  });
});

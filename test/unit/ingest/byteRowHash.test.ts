import { strict as assert } from 'node:assert';
import { ByteCsvScanner, scanChunks } from '../../../src/ingest/byteCsv';

/** The duplicate hash of each data row of `text` (comma, LF, no header), as "h1:h2". */
function hashes(text: string): string[] {
  const out: string[] = [];
  const h = new Uint32Array(2);
  const scanner = new ByteCsvScanner({ delimiter: 44, crlf: false, hasHeader: false, atFileStart: true }, (rows, _lines, count) => {
    for (let k = 0; k < count; k++) {
      rows[k].hash(h);
      out.push(`${h[0]}:${h[1]}`);
    }
  });
  scanChunks(scanner, [new Uint8Array(Buffer.from(text))]);
  return out;
}

describe('ingest/byteRowHash', () => {
  it('hashes a row the same however its fields are quoted', () => {
    const [bare, quoted, allQuoted, escaped, escapedBare] = hashes('a,1,xyz\n"a",1,"xyz"\n"a","1","xyz"\n"a""b",1,xyz\na"b,1,xyz\n');
    assert.equal(quoted, bare);
    assert.equal(allQuoted, bare);
    assert.equal(escaped, escapedBare);
    assert.notEqual(escaped, bare);
  });

  it('tells apart rows whose joined text is the same but whose fields differ', () => {
    const [left, right, split, single] = hashes('"a,b",c\na,"b,c"\na,b,c\n"a,b,c"\n');
    assert.equal(new Set([left, right, split, single]).size, 4);
  });

  it('sees every byte, its position and the field count', () => {
    const rows = ['abcd,efgh', 'abce,efgh', 'abcd,efgi', 'bacd,efgh', 'abcd,efg', 'abcd,efgh,', 'abcdefgh', ',abcd,efgh'];
    assert.equal(new Set(hashes(rows.join('\n') + '\n')).size, rows.length);
  });

  it('agrees with a repeat of the same bytes', () => {
    const [a, b] = hashes('c1,2024-01-01,"note, with comma"\nc1,2024-01-01,"note, with comma"\n');
    assert.equal(a, b);
  });
});

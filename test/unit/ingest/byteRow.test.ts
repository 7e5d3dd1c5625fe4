import { strict as assert } from 'node:assert';
import { ByteCsvScanner, scanChunks } from '../../../src/ingest/byteCsv';
import type { ByteRow } from '../../../src/ingest/byteRow';
import { StringTable } from '../../../src/ingest/stringTable';

/** Calls `each` with every data row of `text` (comma, LF, no header) while the scanner holds it. */
function eachRow(text: string, each: (row: ByteRow, k: number) => void): void {
  let k = 0;
  const scanner = new ByteCsvScanner({ delimiter: 44, crlf: false, hasHeader: false, atFileStart: true }, (rows, _lines, count) => {
    for (let j = 0; j < count; j++) each(rows[j], k++);
  });
  scanChunks(scanner, [new Uint8Array(Buffer.from(text))]);
}

describe('ingest/byteRow', () => {
  // Field 0 of each row, and the value interning must give it (quotes undone, then trimmed as String.prototype.trim does).
  const cases: [string, string][] = [
    ['"a ""b"" c",1', 'a "b" c'],
    ['"  ""x""  ",1', '"x"'],
    ['"""",1', '"'],
    ['" "" ",1', '"'],
    ['"""a"",""b""",1', '"a","b"'],
    ['"line ""one""\nline two",1', 'line "one"\nline two'],
    ['"é ""y"" é",1', 'é "y" é'],
    ['"\u00a0""z""\u00a0",1', '"z"'],
    ['"  ",1', ''],
  ];
  const text = cases.map(([row]) => row).join('\n') + '\n';

  it('interns a field with doubled quotes as its text: quotes undone, then trimmed', () => {
    const table = new StringTable();
    const got: string[] = [];
    eachRow(text, (row) => got.push(table.values[row.intern(0, table)]));
    assert.deepEqual(got, cases.map(([, value]) => value));
  });

  it('finds such a field under the index its text already has', () => {
    const table = new StringTable();
    table.intern('other');
    const want = cases.map(([, value]) => table.intern(value));
    const got: number[] = [];
    eachRow(text, (row) => got.push(row.intern(0, table)));
    assert.deepEqual(got, want);
    assert.equal(table.size, 1 + new Set(cases.map(([, value]) => value)).size);
  });
});

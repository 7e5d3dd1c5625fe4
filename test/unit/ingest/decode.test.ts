import { strict as assert } from 'node:assert';
import { decodeHead, detectEncoding } from '../../../src/ingest/decode';
import { throwsIngest } from './helpers';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const cat = (...parts: (number[] | Uint8Array)[]): Uint8Array => new Uint8Array(parts.flatMap((p) => [...p]));
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));
/** UTF-16BE: the little-endian bytes with each pair swapped. */
const utf16be = (s: string): Uint8Array => {
  const le = utf16le(s);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
  return be;
};
const BOM8 = [0xef, 0xbb, 0xbf];
const BOM_LE = [0xff, 0xfe];
const BOM_BE = [0xfe, 0xff];

describe('ingest/decode detectEncoding', () => {
  it('reads UTF-8 without a BOM', () => {
    assert.deepEqual(detectEncoding(utf8('a,b\n1,2\n'), 'f.csv'), { encoding: 'utf8', bomBytes: 0 });
  });

  it('reads the UTF-8 BOM as 3 bytes', () => {
    assert.deepEqual(detectEncoding(cat(BOM8, utf8('a,b\n1,2\n')), 'f.csv'), { encoding: 'utf8', bomBytes: 3 });
  });

  it('reads UTF-16 LE and BE byte-order marks as 2 bytes, and does not call their NUL bytes binary', () => {
    assert.deepEqual(detectEncoding(cat(BOM_LE, utf16le('a,b\n1,2\n')), 'f.csv'), { encoding: 'utf16le', bomBytes: 2 });
    assert.deepEqual(detectEncoding(cat(BOM_BE, utf16be('a,b\n1,2\n')), 'f.csv'), { encoding: 'utf16be', bomBytes: 2 });
  });

  it("refuses empty and whitespace-only files with code 'empty', naming the file", () => {
    const e = throwsIngest(() => detectEncoding(new Uint8Array(0), 'orders.csv'), 'empty');
    assert.equal(e.message, 'orders.csv: the file is empty');
    throwsIngest(() => detectEncoding(utf8(' \r\n\t\n  '), 'f.csv'), 'empty');
    throwsIngest(() => detectEncoding(new Uint8Array(BOM8), 'f.csv'), 'empty');
    throwsIngest(() => detectEncoding(cat(BOM_LE, utf16le('  \n')), 'f.csv'), 'empty');
    throwsIngest(() => detectEncoding(cat(BOM_BE, utf16be('\r\n')), 'f.csv'), 'empty');
  });

  it("refuses a NUL byte (e.g. UTF-16 without a BOM) with code 'binary'", () => {
    const e = throwsIngest(() => detectEncoding(cat(utf8('a,b\n1,'), [0], utf8('2\n')), 'x.csv'), 'binary');
    assert.equal(e.message, 'x.csv: this is a binary file, not a text CSV');
    throwsIngest(() => detectEncoding(utf16le('customer,date\n'), 'f.csv'), 'binary');
    throwsIngest(() => detectEncoding(cat(BOM8, [0x41, 0x00, 0x42]), 'f.csv'), 'binary');
  });

  it('allows up to 2% other control characters, refuses more', () => {
    // 100 bytes: 2 × 0x01 is exactly 2% (allowed), 3 × 0x01 is 3%.
    const text = (n: number): Uint8Array => cat(new Array(n).fill(0x01), utf8('x'.repeat(99 - n) + '\n'));
    assert.equal(text(2).length, 100);
    assert.deepEqual(detectEncoding(text(2), 'f.csv'), { encoding: 'utf8', bomBytes: 0 });
    throwsIngest(() => detectEncoding(text(3), 'f.csv'), 'binary');
    // Tab, CR, LF and form feed are text.
    assert.deepEqual(detectEncoding(utf8('a\tb\r\n\f\t\t\t\n1\t2\n'), 'f.csv'), { encoding: 'utf8', bomBytes: 0 });
  });
});

describe('ingest/decode decodeHead', () => {
  it('drops the UTF-8 BOM and keeps the whole text of a whole file', () => {
    const bytes = cat(BOM8, utf8('a,b\n1,2\n3,'));
    assert.equal(decodeHead(bytes, 'utf8', 3, true), 'a,b\n1,2\n3,');
  });

  it('drops the cut last line of a head that is not the whole file', () => {
    assert.equal(decodeHead(cat(BOM8, utf8('a,b\n1,2\n3,')), 'utf8', 3, false), 'a,b\n1,2\n');
    assert.equal(decodeHead(utf8('a,b\r\n1,2\r\n3,4'), 'utf8', 0, false), 'a,b\r\n1,2\r\n');
    // A head cut inside a two-byte character: the broken line goes.
    const cut = utf8('a,b\nx,é').subarray(0, 7);
    assert.equal(cut.length, 7);
    assert.equal(decodeHead(cut, 'utf8', 0, false), 'a,b\n');
  });

  it('keeps a head with no line break at all (nothing to drop)', () => {
    assert.equal(decodeHead(utf8('customer,date,amo'), 'utf8', 0, false), 'customer,date,amo');
  });

  it('decodes UTF-16 LE and BE after their BOM', () => {
    const text = 'kunde;datum\nk1;05.03.2024\nk2;06.0';
    assert.equal(decodeHead(cat(BOM_LE, utf16le(text)), 'utf16le', 2, true), text);
    assert.equal(decodeHead(cat(BOM_BE, utf16be(text)), 'utf16be', 2, true), text);
    assert.equal(decodeHead(cat(BOM_LE, utf16le(text)), 'utf16le', 2, false), 'kunde;datum\nk1;05.03.2024\n');
    assert.equal(decodeHead(cat(BOM_BE, utf16be(text)), 'utf16be', 2, false), 'kunde;datum\nk1;05.03.2024\n');
  });
});

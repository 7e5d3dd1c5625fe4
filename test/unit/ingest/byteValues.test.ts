// The byte readers of ingest/byteValues.ts against their text twins: isoFixedBytes (through
// makeTimeParsers' byte parser) must read exactly what makeTimeParser('iso', zone) reads, or
// decline; plainDecimalBytes, whenever it reads a number, must read parseAmount(text, false)'s.
import { strict as assert } from 'node:assert';
import { makeRng } from '../../../bench/rng';
import { isAsciiSpace, isoFixedBytes, plainDecimalBytes } from '../../../src/ingest/byteValues';
import type { Scratch } from '../../../src/ingest/datePieces';
import { makeTimeParser, makeTimeParsers, type ParsedTime } from '../../../src/ingest/dates';
import { parseAmount } from '../../../src/ingest/numbers';

const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu'];
const copy = (t: ParsedTime | null): ParsedTime | null => (t ? { ms: t.ms, precision: t.precision } : null);

/** `text`'s UTF-8 bytes between junk, so that start > 0 and end < length: [buffer, start, end]. */
function framed(text: string): [Uint8Array, number, number] {
  const inner = Buffer.from(text, 'utf8');
  const buf = new Uint8Array(Buffer.concat([Buffer.from('9,'), inner, Buffer.from(':5Z.')]));
  return [buf, 2, 2 + inner.length];
}

/** isoFixedBytes on `text`: the scratch it fills, or null when it declines. */
function isoBytes(text: string): Scratch | null {
  const out: Scratch = { ms: 0, precision: 'day', utc: false };
  const [buf, start, end] = framed(text);
  return isoFixedBytes(buf, start, end, out) ? out : null;
}

const TIMES = [
  '2024-02-29', '2023-02-29', '2100-02-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31', '2024-00-10', '2024-12-32', '2024-04-31',
  '2024-01-01T23:59:59', '2024-01-01 10:00:00', '2024-01-01t10:00:00', '2024-01-01T10:00:00.5', '2024-01-01T10:00:00.123', '2024-01-01T10:00:00.1234567',
  '2024-01-01T10:00:00.123456789', '2024-01-01T10:00:00.1234567891', '2024-01-01T10:00:00.999999999', '2024-01-01T10:00:00.',
  '2024-01-01T10:00:00Z', '2024-01-01T10:00:00z', '2024-01-01T10:00:00.5Z', '2024-01-01 10:00:00.250z', '2024-01-01T10:00:00ZZ', '2024-01-01T10:00:00.Z',
  '2024-01-01T10:00:00+02:00', '2024-01-01T10:00:00-0530', '2024-01-01T10:00:00+02', '2024-01-01T10:00:00.5+02:00', '2024-01-01T10:00:00 UTC',
  '2024-01-01T24:00:00', '2024-01-01T23:60:00', '2024-01-01T23:59:60', '2024-01-01T23:59:60Z', '2024-01-01T99:00:00',
  '2024-01-01T10:00', '2024-01-01T1:00:00', '2024-01-01T10:00:0', '2024-01-01T10:00:000', '2024-01-01T10:0:00', '2024-01-01  10:00:00',
  '2024-01-0', '2024-01-011', '2024-1-01', '2024/01/01', '2024.01.01', '24-01-01', '2024-01-01T', '2024-01-01 ', '', '2024', 'x024-01-01', '2024-0a-01',
  '2024-01-01T10:00:00,5', '2024-01-01T10:00:00.5 ', '2024-01-01T10:00:00.-5', '2024-01-01T10:00:00.5.5', '2024-01-01X10:00:00', '2024-01-01T10-00-00',
];

describe('ingest/byteValues isoFixedBytes', () => {
  it('reads the fixed ISO shapes to the values worked out by hand', () => {
    assert.deepEqual(isoBytes('2024-02-29'), { ms: Date.UTC(2024, 1, 29), precision: 'day', utc: false });
    assert.deepEqual(isoBytes('2024-01-01T23:59:59'), { ms: Date.UTC(2024, 0, 1, 23, 59, 59), precision: 'second', utc: false });
    assert.deepEqual(isoBytes('2024-01-01 10:00:00'), { ms: Date.UTC(2024, 0, 1, 10), precision: 'second', utc: false });
    assert.deepEqual(isoBytes('2024-01-01T10:00:00.5'), { ms: Date.UTC(2024, 0, 1, 10, 0, 0, 500), precision: 'millisecond', utc: false });
    assert.deepEqual(isoBytes('2024-01-01T10:00:00.123Z'), { ms: Date.UTC(2024, 0, 1, 10, 0, 0, 123), precision: 'millisecond', utc: true });
    assert.deepEqual(isoBytes('2024-01-01T10:00:00.1234567z'), { ms: Date.UTC(2024, 0, 1, 10, 0, 0, 123), precision: 'millisecond', utc: true });
    assert.deepEqual(isoBytes('2024-01-01T10:00:00z'), { ms: Date.UTC(2024, 0, 1, 10), precision: 'second', utc: true });
  });

  it('declines what it does not read: invalid dates, offsets, hour 24, minute or second 60, other lengths', () => {
    for (const v of ['2023-02-29', '2024-01-01T10:00:00+02:00', '2024-01-01T10:00:00.5+02:00', '2024-01-01T24:00:00', '2024-01-01T23:60:00', '2024-01-01T23:59:60',
      '2024-01-0', '2024-01-01T10:00', '2024-01-01T10:00:00.', '2024-01-01T10:00:00.1234567891', '', '2024-1-01', '2024-01-01T10:00:00 UTC']) {
      assert.equal(isoBytes(v), null, v);
    }
  });

  it('the byte parser reads what the text parser reads, in every zone', () => {
    let readHere = 0;
    for (const zone of ZONES) {
      const text = makeTimeParser('iso', zone);
      const { bytes } = makeTimeParsers('iso', zone);
      for (const v of TIMES) {
        const [buf, start, end] = framed(v);
        assert.deepEqual(copy(bytes(buf, start, end)), copy(text(v)), `${v} in ${zone}`);
        if (isoBytes(v)) readHere++;
      }
    }
    assert.ok(readHere >= 15 * ZONES.length, `${readHere} read from the bytes`);
  });

  it('random ISO-like values: bytes and text agree in every zone', () => {
    const rng = makeRng(7);
    const pick = (a: readonly string[]): string => a[Math.floor(rng() * a.length)];
    const d2 = (): string => String(Math.floor(rng() * 100)).padStart(2, '0');
    const parsers = ZONES.map((zone) => ({ zone, text: makeTimeParser('iso', zone), bytes: makeTimeParsers('iso', zone).bytes }));
    let declined = 0;
    for (let k = 0; k < 20_000; k++) {
      const year = pick(['2024', '2023', '2000', '1900', '0000', '1970', '2038', '9999']);
      const month = rng() < 0.8 ? String(1 + Math.floor(rng() * 12)).padStart(2, '0') : d2();
      const day = rng() < 0.8 ? String(1 + Math.floor(rng() * 31)).padStart(2, '0') : d2();
      let v = `${year}-${month}-${day}`;
      if (rng() < 0.8) {
        const hh = rng() < 0.8 ? String(Math.floor(rng() * 24)).padStart(2, '0') : d2();
        const mm = rng() < 0.8 ? String(Math.floor(rng() * 60)).padStart(2, '0') : d2();
        const ss = rng() < 0.8 ? String(Math.floor(rng() * 60)).padStart(2, '0') : pick(['60', '61', '99', '5', '']);
        v += `${pick(['T', ' ', 'T', 't', '  '])}${hh}:${mm}${ss ? ':' + ss : ''}`;
        if (rng() < 0.5) v += pick(['.', ',', '.']) + Array.from({ length: Math.floor(rng() * 12) }, () => String(Math.floor(rng() * 10))).join('');
        if (rng() < 0.5) v += pick(['Z', 'z', '+02:00', '-05:30', '+0545', '+14', ' ', 'ZZ', 'UTC', 'Zx']);
      }
      for (const p of parsers) {
        const [buf, start, end] = framed(v);
        assert.deepEqual(copy(p.bytes(buf, start, end)), copy(p.text(v)), `${v} in ${p.zone}`);
      }
      if (!isoBytes(v)) declined++;
    }
    assert.ok(declined < 18_000 && declined > 1_000, `${declined} declined`);
  });
});

describe('ingest/byteValues plainDecimalBytes', () => {
  const read = (text: string): number => {
    const [buf, start, end] = framed(text);
    return plainDecimalBytes(buf, start, end);
  };

  it('reads plain decimals to exactly parseAmount\'s values', () => {
    const cases: [string, number][] = [['12.50', 12.5], ['-0', -0], ['+1', 1], ['.5', 0.5], ['5.', 5], ['0012', 12], ['-.5', -0.5], ['0', 0], ['0.1', 0.1],
      ['123456789012345', 123456789012345], ['1234567890.12345', 1234567890.12345], ['0.00000000000001', 1e-14], ['999999999999999', 999999999999999], ['-00.00', -0]];
    for (const [text, value] of cases) {
      assert.ok(Object.is(read(text), value), `${text}: ${read(text)}`);
      assert.ok(Object.is(parseAmount(text, false), value), `parseAmount ${text}`);
    }
  });

  it('declines what is not a plain decimal of at most 15 digits', () => {
    for (const text of ['', '-', '+', '.', '-.', '1e3', '1E3', '1,234', '1.2.3', ' 1', '1 ', '--1', '+-1', '$1', '(1)', '1234567890123456', '0.1234567890123456', '١٢', '1\u00a0', 'Infinity', 'NaN', '0x10']) {
      assert.ok(Number.isNaN(read(text)), JSON.stringify(text));
    }
  });

  it('whenever it reads a number, it is parseAmount\'s (random digit strings)', () => {
    const rng = makeRng(11);
    let read15 = 0;
    for (let k = 0; k < 50_000; k++) {
      const n = Math.floor(rng() * 19);
      let s = Array.from({ length: n }, () => (rng() < 0.1 ? '0' : String(Math.floor(rng() * 10)))).join('');
      if (rng() < 0.6) {
        const at = Math.floor(rng() * (s.length + 1));
        s = s.slice(0, at) + '.' + s.slice(at);
      }
      if (rng() < 0.3) s = (rng() < 0.5 ? '-' : '+') + s;
      if (rng() < 0.05) s += pick(['e3', ',', 'x', '.']);
      const got = read(s);
      if (got === got) {
        assert.ok(Object.is(got, parseAmount(s, false)), `${s}: ${got} vs ${parseAmount(s, false)}`);
        assert.ok(Object.is(got, Number(s)), `${s}: ${got} vs Number ${Number(s)}`);
        if (s.replace(/\D/g, '').length === 15) read15++;
      }
    }
    assert.ok(read15 > 100, `${read15} fifteen-digit values read`);

    function pick(a: readonly string[]): string {
      return a[Math.floor(rng() * a.length)];
    }
  });
});

describe('ingest/byteValues isAsciiSpace', () => {
  it('is exactly the ASCII characters String.prototype.trim removes', () => {
    for (let c = 0; c < 128; c++) assert.equal(isAsciiSpace(c), String.fromCharCode(c).trim() === '', `char ${c}`);
  });
});

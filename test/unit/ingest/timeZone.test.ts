import { strict as assert } from 'node:assert';
import { isValidTimeZone, utcToCivil } from '../../../src/ingest/timeZone';

const HOUR = 3_600_000;

describe('ingest/timeZone utcToCivil', () => {
  it('is the identity for UTC and Etc/UTC', () => {
    const t = Date.UTC(2024, 2, 31, 1, 30, 15, 7);
    assert.equal(utcToCivil('UTC')(t), t);
    assert.equal(utcToCivil('Etc/UTC')(t), t);
  });

  it('adds the zone offset, including quarter-hour and half-hour zones', () => {
    const t = Date.UTC(2024, 0, 1, 0, 0, 0);
    assert.equal(utcToCivil('Asia/Kathmandu')(t), Date.UTC(2024, 0, 1, 5, 45));
    assert.equal(utcToCivil('Asia/Kolkata')(t), Date.UTC(2024, 0, 1, 5, 30));
    assert.equal(utcToCivil('America/St_Johns')(t), Date.UTC(2023, 11, 31, 20, 30));
    assert.equal(utcToCivil('Asia/Tokyo')(t + 123), Date.UTC(2024, 0, 1, 9, 0, 0, 123));
  });

  it('keeps seconds and milliseconds inside a cached quarter hour', () => {
    const toBerlin = utcToCivil('Europe/Berlin');
    assert.equal(toBerlin(Date.UTC(2024, 5, 1, 10, 0)), Date.UTC(2024, 5, 1, 12, 0));
    assert.equal(toBerlin(Date.UTC(2024, 5, 1, 10, 14, 59, 999)), Date.UTC(2024, 5, 1, 12, 14, 59, 999));
  });

  it('switches offset exactly at the DST instant, hour by hour through the night (cache reused)', () => {
    const toBerlin = utcToCivil('Europe/Berlin');
    // 2024-03-31: 01:00 UTC is 02:00 CET → 03:00 CEST.
    const start = Date.UTC(2024, 2, 30, 22);
    const got: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      got.length = 0;
      for (let h = 0; h < 6; h++) got.push((toBerlin(start + h * HOUR) - (start + h * HOUR)) / HOUR);
    }
    assert.deepEqual(got, [1, 1, 1, 2, 2, 2]);
    assert.equal(toBerlin(Date.UTC(2024, 2, 31, 0, 59, 59, 999)), Date.UTC(2024, 2, 31, 1, 59, 59, 999));
    assert.equal(toBerlin(Date.UTC(2024, 2, 31, 1, 0)), Date.UTC(2024, 2, 31, 3, 0));
  });

  it('handles instants before 1970', () => {
    assert.equal(utcToCivil('America/New_York')(Date.UTC(1969, 6, 20, 20, 17)), Date.UTC(1969, 6, 20, 16, 17));
  });
});

describe('ingest/timeZone isValidTimeZone', () => {
  it('accepts IANA names and refuses typos and empty text', () => {
    assert.equal(isValidTimeZone('Europe/Berlin'), true);
    assert.equal(isValidTimeZone('America/New_York'), true);
    assert.equal(isValidTimeZone('Europe/Berlim'), false);
    assert.equal(isValidTimeZone(''), false);
  });
});

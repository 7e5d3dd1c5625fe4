import { strict as assert } from 'node:assert';
import { detectDateFormat, endOfSpan, isValidTimeZone, makeTimeParser, type ParsedTime } from '../../../src/ingest/dates';
import { daysFromCivil } from '../../../src/engine/civil';
import type { DateFormat } from '../../../src/shared/mapping';

const DAY = 86_400_000;

/** Parses one value (copying the reused result object). */
function parse(format: DateFormat, value: string, zone = 'UTC'): ParsedTime | null {
  const r = makeTimeParser(format, zone)(value);
  return r && { ms: r.ms, precision: r.precision };
}

/** [format, value, expected civil ms in UTC, precision] */
const VALID: [DateFormat, string, number, ParsedTime['precision']][] = [
  ['iso', '2024-03-05', Date.UTC(2024, 2, 5), 'day'],
  ['iso', '2024-3-5', Date.UTC(2024, 2, 5), 'day'],
  ['iso', '2024/03/05', Date.UTC(2024, 2, 5), 'day'],
  ['iso', '2024.03.05', Date.UTC(2024, 2, 5), 'day'],
  ['iso', '2024-03-05T10:20', Date.UTC(2024, 2, 5, 10, 20), 'minute'],
  ['iso', '2024-03-05 7:05', Date.UTC(2024, 2, 5, 7, 5), 'minute'],
  ['iso', '2024-03-05T10:20:30', Date.UTC(2024, 2, 5, 10, 20, 30), 'second'],
  ['iso', '2024-03-05 10:20:30', Date.UTC(2024, 2, 5, 10, 20, 30), 'second'],
  ['iso', '2024-03-05T10:20:30.123', Date.UTC(2024, 2, 5, 10, 20, 30, 123), 'millisecond'],
  ['iso', '2024-03-05T10:20:30.5', Date.UTC(2024, 2, 5, 10, 20, 30, 500), 'millisecond'],
  ['iso', '2024-03-05T10:20:30,25', Date.UTC(2024, 2, 5, 10, 20, 30, 250), 'millisecond'],
  ['iso', '2024-03-05T10:20:30.123456', Date.UTC(2024, 2, 5, 10, 20, 30, 123), 'millisecond'],
  ['iso', '2024-03-05T10:20:30Z', Date.UTC(2024, 2, 5, 10, 20, 30), 'second'],
  ['iso', '2024-03-05T10:20:30.250Z', Date.UTC(2024, 2, 5, 10, 20, 30, 250), 'millisecond'],
  ['iso', '2024-03-05T10:20:30+02:00', Date.UTC(2024, 2, 5, 8, 20, 30), 'second'],
  ['iso', '2024-03-05T10:20:30-0530', Date.UTC(2024, 2, 5, 15, 50, 30), 'second'],
  ['iso', '2024-03-05T10:20+01', Date.UTC(2024, 2, 5, 9, 20), 'minute'],
  ['iso', '2024-03-05T23:30:00-05:00', Date.UTC(2024, 2, 6, 4, 30), 'second'],
  ['iso', '2024-03-05T00:30:00+01:00', Date.UTC(2024, 2, 4, 23, 30), 'second'],
  ['iso', '2024-03-05 10:20 UTC', Date.UTC(2024, 2, 5, 10, 20), 'minute'],
  ['iso', '2024-02-29', Date.UTC(2024, 1, 29), 'day'],
  ['iso', '2000-02-29', Date.UTC(2000, 1, 29), 'day'],
  ['iso', '2024-03-05T23:59:60', Date.UTC(2024, 2, 5, 23, 59, 59), 'second'],
  ['year-month', '2024-03', Date.UTC(2024, 2, 1), 'month'],
  ['year-month', '2024/3', Date.UTC(2024, 2, 1), 'month'],
  ['year-month', '2024-12', Date.UTC(2024, 11, 1), 'month'],
  ['dmy', '05/03/2024', Date.UTC(2024, 2, 5), 'day'],
  ['dmy', '5.3.2024', Date.UTC(2024, 2, 5), 'day'],
  ['dmy', '05-03-2024', Date.UTC(2024, 2, 5), 'day'],
  ['dmy', '29/02/2024', Date.UTC(2024, 1, 29), 'day'],
  ['dmy', '31/12/2024 23:59', Date.UTC(2024, 11, 31, 23, 59), 'minute'],
  ['dmy', '05.03.2024 10:20:30', Date.UTC(2024, 2, 5, 10, 20, 30), 'second'],
  ['dmy', '05/03/2024 10:20:30 PM', Date.UTC(2024, 2, 5, 22, 20, 30), 'second'],
  ['dmy', '05/03/2024 12:00 AM', Date.UTC(2024, 2, 5, 0, 0), 'minute'],
  ['dmy', '05/03/2024 12:15 pm', Date.UTC(2024, 2, 5, 12, 15), 'minute'],
  ['dmy', '05/03/2024 1:15am', Date.UTC(2024, 2, 5, 1, 15), 'minute'],
  ['mdy', '03/05/2024', Date.UTC(2024, 2, 5), 'day'],
  ['mdy', '3-5-2024', Date.UTC(2024, 2, 5), 'day'],
  ['mdy', '12/1/2010 8:26', Date.UTC(2010, 11, 1, 8, 26), 'minute'],
  ['mdy', '12/13/2010 11:59 PM', Date.UTC(2010, 11, 13, 23, 59), 'minute'],
  ['compact', '20240305', Date.UTC(2024, 2, 5), 'day'],
  ['compact', '20241231', Date.UTC(2024, 11, 31), 'day'],
  ['unix-s', '1709596800', Date.UTC(2024, 2, 5), 'second'],
  ['unix-s', '1709596800.25', Date.UTC(2024, 2, 5, 0, 0, 0, 250), 'millisecond'],
  ['unix-s', '999999999', Date.UTC(2001, 8, 9, 1, 46, 39), 'second'],
  ['unix-ms', '1709596800123', Date.UTC(2024, 2, 5, 0, 0, 0, 123), 'millisecond'],
];

/** [format, value] that must not parse. */
const INVALID: [DateFormat, string][] = [
  ['iso', '2024-02-30'], ['iso', '2023-02-29'], ['iso', '1900-02-29'], ['iso', '2024-13-01'], ['iso', '2024-00-10'],
  ['iso', '2024-04-31'], ['iso', '2024-03-00'], ['iso', '2024-03-05T24:00'], ['iso', '2024-03-05T10:60'],
  ['iso', '2024-03-05T10:20:61'], ['iso', '2024-03-05T10:20+15:00'], ['iso', '2024-03-05T10:20+02:60'],
  ['iso', '2024-03-05T10:20 PM'], ['iso', '2024-03-05T'], ['iso', '2024-03-05x'], ['iso', '2024-03/05'],
  ['iso', '2024-03-05T10:20:30.'], ['iso', '2024-03-05T10:20Zx'], ['iso', '24-03-05'], ['iso', ''], ['iso', 'abc'],
  ['iso', '2024-03'],
  ['year-month', '2024-13'], ['year-month', '2024-00'], ['year-month', '2024-03-05'], ['year-month', '2024.03'],
  ['dmy', '30/02/2024'], ['dmy', '05/13/2024'], ['dmy', '05/03/24'], ['dmy', '05/03-2024'], ['dmy', '05/03/2024 13:00 PM'],
  ['dmy', '05/03/2024 0:30 AM'], ['dmy', '05/03/2024 24:00'], ['dmy', '2024-03-05'],
  ['mdy', '13/01/2024'], ['mdy', '02/30/2024'],
  ['compact', '20240230'], ['compact', '20241301'], ['compact', '18991231'], ['compact', '2024030'], ['compact', '202403051'],
  ['unix-s', '12345678'], ['unix-s', '17095968001'], ['unix-s', '-1709596800'], ['unix-ms', '170959680012345'], ['unix-ms', '1709596800.5'],
];

describe('ingest/dates makeTimeParser (UTC)', () => {
  for (const [format, value, ms, precision] of VALID) {
    it(`${format} '${value}' → ${new Date(ms).toISOString()} (${precision})`, () => {
      assert.deepEqual(parse(format, value), { ms, precision });
    });
  }

  it('returns null for impossible or malformed values', () => {
    for (const [format, value] of INVALID) assert.equal(parse(format, value), null, `${format} '${value}'`);
  });

  it('returns the same object on every call (callers must copy)', () => {
    const p = makeTimeParser('iso', 'UTC');
    const a = p('2024-01-01');
    const msA = a?.ms;
    const b = p('2024-01-02T10:00');
    assert.equal(a, b);
    assert.equal(msA, Date.UTC(2024, 0, 1));
    assert.deepEqual({ ...b }, { ms: Date.UTC(2024, 0, 2, 10), precision: 'minute' });
  });

  it('agrees with daysFromCivil for every day of 2023 and 2024 in all date-only formats', () => {
    const pad = (n: number): string => String(n).padStart(2, '0');
    for (let day = daysFromCivil(2023, 1, 1); day < daysFromCivil(2025, 1, 1); day++) {
      const d = new Date(day * DAY);
      const [y, m, dd] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
      for (const [format, text] of [['iso', `${y}-${m}-${dd}`], ['dmy', `${dd}/${m}/${y}`], ['mdy', `${m}/${dd}/${y}`], ['compact', `${y}${m}${dd}`]] as const) {
        if (parse(format, text)?.ms !== day * DAY) assert.fail(`${format} ${text}`);
      }
    }
  });
});

describe('ingest/dates makeTimeParser (other zones)', () => {
  it('converts Z and offsets to Europe/Berlin civil time, across the 2024-03-31 DST change', () => {
    assert.deepEqual(parse('iso', '2024-01-15T12:00:00Z', 'Europe/Berlin'), { ms: Date.UTC(2024, 0, 15, 13), precision: 'second' });
    assert.deepEqual(parse('iso', '2024-07-15T12:00:00Z', 'Europe/Berlin'), { ms: Date.UTC(2024, 6, 15, 14), precision: 'second' });
    assert.equal(parse('iso', '2024-03-31T00:30:00Z', 'Europe/Berlin')?.ms, Date.UTC(2024, 2, 31, 1, 30));
    assert.equal(parse('iso', '2024-03-31T01:30:00Z', 'Europe/Berlin')?.ms, Date.UTC(2024, 2, 31, 3, 30));
    assert.equal(parse('iso', '2024-10-27T00:30:00Z', 'Europe/Berlin')?.ms, Date.UTC(2024, 9, 27, 2, 30));
    assert.equal(parse('iso', '2024-10-27T01:30:00Z', 'Europe/Berlin')?.ms, Date.UTC(2024, 9, 27, 2, 30));
    assert.equal(parse('iso', '2024-03-05T10:00:00-05:00', 'Europe/Berlin')?.ms, Date.UTC(2024, 2, 5, 16));
  });

  it('converts to America/New_York civil time, across the 2024-03-10 and 2024-11-03 DST changes', () => {
    const ny = (v: string): number | undefined => parse('iso', v, 'America/New_York')?.ms;
    assert.equal(ny('2024-03-10T06:30:00Z'), Date.UTC(2024, 2, 10, 1, 30));
    assert.equal(ny('2024-03-10T07:30:00Z'), Date.UTC(2024, 2, 10, 3, 30));
    assert.equal(ny('2024-11-03T05:30:00Z'), Date.UTC(2024, 10, 3, 1, 30));
    assert.equal(ny('2024-11-03T06:30:00Z'), Date.UTC(2024, 10, 3, 1, 30));
    assert.equal(ny('2024-01-15T05:00:00Z'), Date.UTC(2024, 0, 15, 0, 0), 'midnight is hour 0, not 24');
    assert.equal(ny('2024-01-01T03:00:00Z'), Date.UTC(2023, 11, 31, 22), 'the year rolls back');
  });

  it('converts Unix epochs to the zone and leaves values without an offset as written', () => {
    assert.deepEqual(parse('unix-s', '1709596800', 'Europe/Berlin'), { ms: Date.UTC(2024, 2, 5, 1), precision: 'second' });
    assert.equal(parse('unix-ms', '1709596800000', 'America/New_York')?.ms, Date.UTC(2024, 2, 4, 19));
    assert.equal(parse('iso', '2024-03-31T02:30', 'Europe/Berlin')?.ms, Date.UTC(2024, 2, 31, 2, 30));
    assert.equal(parse('dmy', '10/03/2024 02:30', 'America/New_York')?.ms, Date.UTC(2024, 2, 10, 2, 30));
    assert.equal(parse('compact', '20240310', 'America/New_York')?.ms, Date.UTC(2024, 2, 10));
  });
});

describe('ingest/dates detectDateFormat', () => {
  it('picks day-first when some day is above 12', () => {
    assert.deepEqual(detectDateFormat(['02/03/2024', '13/01/2024', '05/06/2024']), { format: 'dmy', candidates: ['dmy'], matched: 3, total: 3 });
  });

  it('picks month-first when some second part is above 12', () => {
    assert.deepEqual(detectDateFormat(['12/1/2010 8:26', '12/13/2010 9:01']), { format: 'mdy', candidates: ['mdy'], matched: 2, total: 2 });
  });

  it('reports day/month order as ambiguous when every value fits both', () => {
    assert.deepEqual(detectDateFormat(['01/02/2024', '03/04/2024', '12.12.2024']), { format: null, candidates: ['dmy', 'mdy'], matched: 3, total: 3 });
  });

  it('ignores blanks in the total and counts the values the best format reads', () => {
    assert.deepEqual(detectDateFormat(['2024-01-05', '', '  ', 'junk', ' 2024-02-30 ']), { format: 'iso', candidates: ['iso'], matched: 1, total: 3 });
  });

  it('recognises each of the other formats', () => {
    assert.equal(detectDateFormat(['2024-03', '2024-04']).format, 'year-month');
    assert.equal(detectDateFormat(['20240305', '20240306']).format, 'compact');
    assert.equal(detectDateFormat(['1709596800', '1709683200']).format, 'unix-s');
    assert.equal(detectDateFormat(['1709596800000']).format, 'unix-ms');
    assert.equal(detectDateFormat(['2024-03-05T10:00:00Z']).format, 'iso');
  });

  it('says nothing fits for no values or words', () => {
    assert.deepEqual(detectDateFormat([]), { format: null, candidates: [], matched: 0, total: 0 });
    assert.deepEqual(detectDateFormat(['c1', 'c2']), { format: null, candidates: [], matched: 0, total: 2 });
  });
});

describe('ingest/dates endOfSpan', () => {
  it('ends a value after its last written unit', () => {
    assert.equal(endOfSpan(Date.UTC(2024, 2, 5, 10, 20, 30, 123), 'millisecond'), Date.UTC(2024, 2, 5, 10, 20, 30, 124));
    assert.equal(endOfSpan(Date.UTC(2024, 2, 5, 10, 20, 30), 'second'), Date.UTC(2024, 2, 5, 10, 20, 31));
    assert.equal(endOfSpan(Date.UTC(2024, 2, 5, 10, 20), 'minute'), Date.UTC(2024, 2, 5, 10, 21));
    assert.equal(endOfSpan(Date.UTC(2024, 11, 31, 23, 59), 'minute'), Date.UTC(2025, 0, 1));
    assert.equal(endOfSpan(Date.UTC(2024, 2, 5), 'day'), Date.UTC(2024, 2, 6));
    assert.equal(endOfSpan(Date.UTC(2024, 1, 29), 'day'), Date.UTC(2024, 2, 1));
    assert.equal(endOfSpan(Date.UTC(2024, 11, 31), 'day'), Date.UTC(2025, 0, 1));
    assert.equal(endOfSpan(Date.UTC(2024, 1, 1), 'month'), Date.UTC(2024, 2, 1));
    assert.equal(endOfSpan(Date.UTC(2024, 11, 1), 'month'), Date.UTC(2025, 0, 1));
    assert.equal(endOfSpan(Date.UTC(1969, 11, 31), 'day'), Date.UTC(1970, 0, 1));
  });

  it('ends a year-month value of year 0042 in 0042 (not 1942: Date.UTC maps years 0-99 to 19xx)', () => {
    const march42 = parse('year-month', '0042-03');
    assert.equal(march42?.ms, daysFromCivil(42, 3, 1) * DAY);
    assert.equal(endOfSpan(march42?.ms ?? NaN, 'month'), daysFromCivil(42, 4, 1) * DAY);
  });
});

describe('ingest/dates isValidTimeZone', () => {
  it('knows IANA names and refuses others', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu']) assert.equal(isValidTimeZone(zone), true, zone);
    for (const zone of ['', 'Mars/Olympus', 'Europe/Berln', 'GMT+25']) assert.equal(isValidTimeZone(zone), false, zone);
  });
});

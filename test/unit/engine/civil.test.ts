import { strict as assert } from 'node:assert';
import { civilOfDay, dayOf, daysFromCivil, isoDate, isoDateTime, monthIndexOfDay, pad } from '../../../src/engine/civil';

const DAY = 86_400_000;

describe('engine/civil', () => {
  it('agrees with Date for every day from 1600 to 2400', () => {
    const from = Date.UTC(1600, 0, 1) / DAY;
    const to = Date.UTC(2400, 0, 1) / DAY;
    for (let day = from; day < to; day++) {
      const d = new Date(day * DAY);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + 1;
      if (monthIndexOfDay(day) !== y * 12 + m - 1) assert.fail(`month index of ${d.toISOString()}`);
      if (daysFromCivil(y, m, d.getUTCDate()) !== day) assert.fail(`day number of ${d.toISOString()}`);
    }
  });

  it('handles years 0–99, which Date.UTC would move to the 1900s', () => {
    assert.deepEqual(civilOfDay(daysFromCivil(42, 2, 29)), { y: 42, m: 3, d: 1 });   // 42 is not a leap year
    assert.deepEqual(civilOfDay(daysFromCivil(44, 2, 29)), { y: 44, m: 2, d: 29 });
    assert.equal(isoDate(daysFromCivil(7, 12, 31)), '0007-12-31');
  });

  it('maps instants before 1970 to the right day', () => {
    assert.equal(dayOf(-1), -1);
    assert.equal(dayOf(Date.UTC(1969, 11, 31, 23, 59)), -1);
    assert.equal(isoDate(-1), '1969-12-31');
    assert.equal(monthIndexOfDay(-1), 1969 * 12 + 11);
  });

  it('formats civil date-times without a zone suffix, milliseconds truncated', () => {
    assert.equal(isoDateTime(Date.UTC(2024, 2, 5, 7, 8, 9, 999)), '2024-03-05T07:08:09');
    assert.equal(isoDateTime(Date.UTC(2024, 3, 1)), '2024-04-01T00:00:00');
    assert.equal(isoDateTime(Date.UTC(1969, 11, 31, 23, 59, 59)), '1969-12-31T23:59:59');
  });

  it('pads with the sign in front', () => {
    assert.equal(pad(3, 2), '03');
    assert.equal(pad(-3, 4), '-0003');
    assert.equal(pad(12345, 4), '12345');
  });
});

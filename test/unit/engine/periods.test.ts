import { strict as assert } from 'node:assert';
import { periodEnd, periodIndex, periodLabel, periodStart } from '../../../src/engine/periods';
import { PERIODS, WEEK_STARTS, type Period, type WeekStart } from '../../../src/shared/options';
import { civil } from './makeDataset';

const label = (time: string, period: Period, weekStart: WeekStart = 'monday'): string =>
  periodLabel(periodIndex(civil(time), period, weekStart), period, weekStart);

describe('engine/periods', () => {
  describe('ISO weeks (Monday start)', () => {
    it('follows the ISO week-year around year ends', () => {
      assert.equal(label('2020-12-31', 'week'), '2020-W53');
      assert.equal(label('2021-01-03', 'week'), '2020-W53');
      assert.equal(label('2021-01-04', 'week'), '2021-W01');
      assert.equal(label('2024-12-30', 'week'), '2025-W01');
      assert.equal(label('2024-12-29T23:59:59', 'week'), '2024-W52');
      assert.equal(label('2026-01-01', 'week'), '2026-W01');   // a Thursday: week 1 starts 2025-12-29
      assert.equal(label('2024-03-14', 'week'), '2024-W11');
    });

    it('starts weeks on Monday and numbers them without gaps', () => {
      const first = periodIndex(civil('2015-01-01'), 'week', 'monday');
      let previous = label('2015-01-01', 'week');
      for (let i = first + 1; i < first + 52 * 20; i++) {
        assert.equal(new Date(periodStart(i, 'week', 'monday')).getUTCDay(), 1);
        const current = periodLabel(i, 'week', 'monday');
        const [py, pw] = previous.split('-W').map(Number);
        const [cy, cw] = current.split('-W').map(Number);
        const next = cy === py ? cw === pw + 1 : cy === py + 1 && cw === 1 && (pw === 52 || pw === 53);
        assert.ok(next, `${previous} → ${current}`);
        previous = current;
      }
    });
  });

  it('labels other week starts by their first day', () => {
    assert.equal(label('2024-03-05', 'week', 'sunday'), '2024-03-03');
    assert.equal(label('2024-03-03', 'week', 'sunday'), '2024-03-03');
    assert.equal(label('2024-03-02T23:59', 'week', 'sunday'), '2024-02-25');
    assert.equal(label('2024-01-01', 'week', 'saturday'), '2023-12-30');
    assert.equal(label('2024-01-01', 'week', 'tuesday'), '2023-12-26');
  });

  it('starts every week on its week-start day', () => {
    WEEK_STARTS.forEach((weekStart, i) => {
      const index = periodIndex(civil('2024-06-15'), 'week', weekStart);
      assert.equal(new Date(periodStart(index, 'week', weekStart)).getUTCDay(), (i + 1) % 7, weekStart);
      assert.equal(periodEnd(index, 'week', weekStart) - periodStart(index, 'week', weekStart), 7 * 86_400_000);
    });
  });

  it('labels days, months, quarters and years', () => {
    assert.equal(label('2024-03-05T23:59:59', 'day'), '2024-03-05');
    assert.equal(label('2024-03-31', 'month'), '2024-03');
    assert.equal(label('2024-03-31', 'quarter'), '2024-Q1');
    assert.equal(label('2024-04-01', 'quarter'), '2024-Q2');
    assert.equal(label('2024-12-31T23:59', 'quarter'), '2024-Q4');
    assert.equal(label('2024-12-31', 'year'), '2024');
    assert.equal(label('1969-12-31', 'month'), '1969-12');
  });

  it('uses consecutive integers (the documented encodings)', () => {
    assert.equal(periodIndex(civil('2024-03-05'), 'day', 'monday'), Date.UTC(2024, 2, 5) / 86_400_000);
    assert.equal(periodIndex(civil('2024-03-05'), 'month', 'monday'), 2024 * 12 + 2);
    assert.equal(periodIndex(civil('2024-08-05'), 'quarter', 'monday'), 2024 * 4 + 2);
    assert.equal(periodIndex(civil('2024-08-05'), 'year', 'monday'), 2024);
    assert.equal(periodIndex(civil('2024-03-11'), 'week', 'monday') - periodIndex(civil('2024-03-10'), 'week', 'monday'), 1);
  });

  it('gives period bounds that round-trip', () => {
    for (const period of PERIODS) {
      for (const weekStart of WEEK_STARTS) {
        const from = periodIndex(civil('1995-06-01'), period, weekStart);
        for (let i = from; i < from + 400; i++) {
          const start = periodStart(i, period, weekStart);
          const end = periodEnd(i, period, weekStart);
          assert.ok(start < end);
          assert.equal(periodIndex(start, period, weekStart), i);
          assert.equal(periodIndex(end - 1, period, weekStart), i);
          assert.equal(periodIndex(end, period, weekStart), i + 1);
        }
      }
    }
  });

  it('has calendar starts and ends', () => {
    const q = periodIndex(civil('2024-05-17'), 'quarter', 'monday');
    assert.equal(periodStart(q, 'quarter', 'monday'), civil('2024-04-01'));
    assert.equal(periodEnd(q, 'quarter', 'monday'), civil('2024-07-01'));
    const m = periodIndex(civil('2024-02-10'), 'month', 'monday');
    assert.equal(periodEnd(m, 'month', 'monday') - periodStart(m, 'month', 'monday'), 29 * 86_400_000);
    assert.equal(periodStart(2024, 'year', 'monday'), civil('2024-01-01'));
    assert.equal(periodEnd(2024, 'year', 'monday'), civil('2025-01-01'));
  });
});

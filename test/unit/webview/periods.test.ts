import { strict as assert } from 'node:assert';
import { PERIODS } from '../../../src/shared/options';
import { columnTitle, offsetLabel, periodLetter, periodOptionLabel, periodWords } from '../../../src/webview/periods';
import { ordersReport } from './sampleReports';

describe('webview/periods', () => {
  it('has a letter for every period', () => {
    assert.deepEqual(PERIODS.map(periodLetter), ['D', 'W', 'M', 'Q', 'Y']);
  });

  it('labels offset columns M0, W3, …', () => {
    assert.equal(offsetLabel('month', 0), 'M0');
    assert.equal(offsetLabel('week', 3), 'W3');
    assert.equal(offsetLabel('quarter', 12), 'Q12');
  });

  it('names periods for sentences and the selector', () => {
    assert.deepEqual(periodWords('day'), { one: 'day', many: 'days', adjective: 'daily' });
    assert.equal(periodOptionLabel('quarter'), 'Quarter');
  });
});

describe('webview/periods columnTitle', () => {
  const table = ordersReport().retention;
  it('says what retained means at a column, per mode', () => {
    assert.equal(columnTitle(table, 0), 'Active in the cohort month');
    assert.equal(columnTitle(table, 2), 'Active in month 2 after the cohort month');
    assert.equal(columnTitle({ ...table, mode: 'unbounded' }, 2), 'Active in month 2 after the cohort month or later');
    assert.equal(columnTitle({ ...table, mode: 'streak' }, 2), 'Active in every month from 1 to 2 after the cohort month');
    const brackets = { ...table, period: 'day' as const, mode: 'bracket' as const, definition: { ...table.definition, brackets: [{ from: 0, to: 0 }, { from: 1, to: 3 }] } };
    assert.equal(columnTitle(brackets, 0), 'Active in day 0');
    assert.equal(columnTitle(brackets, 1), 'Active at some point in days 1–3');
    assert.equal(columnTitle({ ...table, definition: { ...table.definition, rateBase: 'previous' } }, 1), 'Active in month 1 after the cohort month; rate relative to the previous column');
  });
});

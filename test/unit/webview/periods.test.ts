import { strict as assert } from 'node:assert';
import { PERIODS } from '../../../src/shared/options';
import { offsetLabel, periodLetter, periodOptionLabel, periodWords } from '../../../src/webview/periods';

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

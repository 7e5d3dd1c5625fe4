import { strict as assert } from 'node:assert';
import { formatBracket, parseBrackets } from '../../../src/shared/brackets';

describe('shared/brackets', () => {
  it('parses single offsets and ranges, with spaces and en dashes', () => {
    assert.deepEqual(parseBrackets('0, 1-3,4–7 ,8 - 14'), [{ from: 0, to: 0 }, { from: 1, to: 3 }, { from: 4, to: 7 }, { from: 8, to: 14 }]);
  });

  it('names the part that is wrong', () => {
    assert.equal(parseBrackets(''), 'brackets: give at least one offset or range, e.g. 0,1-3,4-7');
    assert.equal(parseBrackets('0,x'), "brackets: 'x' is not an offset or a range like 1-3");
    assert.equal(parseBrackets('5-2'), "brackets: '5-2' ends before it starts");
    assert.equal(parseBrackets('0-3,2-5'), "brackets: '2-5' overlaps or comes before 0-3");
    assert.equal(parseBrackets('4,1'), "brackets: '1' overlaps or comes before 4");
  });

  it('formats back', () => {
    assert.deepEqual([{ from: 0, to: 0 }, { from: 1, to: 3 }].map(formatBracket), ['0', '1-3']);
  });
});

import assert from 'node:assert/strict';
import { axisTicks } from '../../../../src/engine/survival/ticks';

describe('engine/survival/ticks', () => {
  it('steps months by round numbers of months', () => {
    assert.deepEqual(axisTicks(72, 'months'), [0, 12, 24, 36, 48, 60, 72]);
    assert.deepEqual(axisTicks(20, 'months'), [0, 3, 6, 9, 12, 15, 18]);
    assert.deepEqual(axisTicks(5, 'months'), [0, 1, 2, 3, 4, 5]);
  });

  it('steps days by weeks, months, quarters and years', () => {
    assert.deepEqual(axisTicks(400, 'days'), [0, 60, 120, 180, 240, 300, 360]);
    assert.deepEqual(axisTicks(50, 'days'), [0, 7, 14, 21, 28, 35, 42, 49]);
    assert.deepEqual(axisTicks(2000, 'days'), [0, 365, 730, 1095, 1460, 1825]);
  });

  it('falls back to 1-2-5 steps for other units, and a lone 0 for no time', () => {
    assert.deepEqual(axisTicks(37, 'hours'), [0, 5, 10, 15, 20, 25, 30, 35]);
    assert.deepEqual(axisTicks(0, 'months'), [0]);
  });
});

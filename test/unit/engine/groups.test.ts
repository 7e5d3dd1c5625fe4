import { strict as assert } from 'node:assert';
import { rowGroups } from '../../../src/engine/groups';
import { civil, makeDataset, type Row } from './makeDataset';

describe('engine/groups', () => {
  it('groups purchase rows by customer in time order, events alongside, equal times in file order', () => {
    const rows: Row[] = [['a', '2024-03-01', 1], ['b', '2024-01-01', 1], ['a', '2024-01-01', 1], ['a', '2024-02-01', -5], ['a', '2024-01-01', 2], ['b', '2024-02-01', 1]];
    const g = rowGroups(makeDataset(rows, { events: ['late', 'b1', 'early', 'refund', 'tie', 'b2'] }));
    assert.deepEqual([...g.start], [0, 3, 5]);
    assert.deepEqual([...g.time], ['2024-01-01', '2024-01-01', '2024-03-01', '2024-01-01', '2024-02-01'].map(civil));
    // Event codes in order of first appearance: late 0, b1 1, early 2, refund 3, tie 4, b2 5.
    assert.deepEqual([...g.event!], [2, 4, 0, 1, 5]);
    assert.equal(g.firstTime, civil('2024-01-01'));
    assert.equal(g.lastTime, civil('2024-03-01'));
  });
});

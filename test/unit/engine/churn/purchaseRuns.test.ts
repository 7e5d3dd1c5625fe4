import { strict as assert } from 'node:assert';
import { customerDays } from '../../../../src/engine/churn/customerDays';
import { purchaseRuns } from '../../../../src/engine/churn/windowCounts';
import { civil, makeDataset, type Row } from '../makeDataset';

const day = (text: string): number => civil(text) / 86_400_000;

describe('engine/churn/purchaseRuns', () => {
  it('splits each customer\'s purchase days where a gap exceeds W', () => {
    // a: Jan 1, 2, 10, 11, 30 → with W = 5: 1–2, 10–11, 30. b: Jan 5 twice (one day). c: only a return.
    const rows: Row[] = [['a', '2024-01-10', 1], ['a', '2024-01-01', 1], ['b', '2024-01-05', 1], ['a', '2024-01-02', 1], ['a', '2024-01-30', 1],
      ['a', '2024-01-11', 1], ['b', '2024-01-05', 2], ['c', '2024-01-07', -3]];
    const runs = purchaseRuns(customerDays(makeDataset(rows)), 5);
    assert.deepEqual([...runs.start], [0, 3, 4, 4]);
    assert.deepEqual([...runs.first], ['2024-01-01', '2024-01-10', '2024-01-30', '2024-01-05'].map(day));
    assert.deepEqual([...runs.last], ['2024-01-02', '2024-01-11', '2024-01-30', '2024-01-05'].map(day));
    // A gap of exactly W keeps the run going.
    assert.deepEqual([...purchaseRuns(customerDays(makeDataset(rows)), 19).first], ['2024-01-01', '2024-01-05'].map(day));
  });
});

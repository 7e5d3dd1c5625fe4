import { strict as assert } from 'node:assert';
import { customerDays } from '../../../../src/engine/churn/customerDays';
import { lifecycleRows } from '../../../../src/engine/churn/lifecycle';
import { makeDataset } from '../makeDataset';
import { CHURN_ROWS } from './fixture';

// Active months: a Jan–Apr; b Jan; c Jan, Mar; d Feb; e Mar, Apr; f Apr; g Feb, Mar; h Apr.
//   Jan: new a b c.
//   Feb: new d g; retained a; churned b c                         → quick ratio 2 / 2 = 1
//   Mar: new e; retained a g; resurrected c; churned d           → (1 + 1) / 1 = 2
//   Apr: new f h; retained a e; churned c g                      → 2 / 2 = 1
describe('engine/churn/lifecycle', () => {
  const month = { period: 'month', weekStart: 'monday' } as const;

  it('counts new, retained, resurrected and churned per month, with the quick ratio', () => {
    const ds = makeDataset(CHURN_ROWS);
    const rows = lifecycleRows(customerDays(ds), { ...month, dataEnd: ds.dataEnd });
    assert.deepEqual(rows.map((r) => [r.period, r.new, r.retained, r.resurrected, r.churned, r.quickRatio, r.partial]), [
      ['2024-01', 3, 0, 0, 0, null, false],
      ['2024-02', 2, 1, 0, 2, 1, false],
      ['2024-03', 1, 2, 1, 1, 2, false],
      ['2024-04', 2, 2, 0, 2, 1, false],
    ]);
  });

  it('marks the last period partial when the data ends inside it', () => {
    const ds = makeDataset(CHURN_ROWS.slice(0, 14));            // through Apr 5
    const rows = lifecycleRows(customerDays(ds), { ...month, dataEnd: ds.dataEnd });
    assert.deepEqual(rows.map((r) => r.partial), [false, false, false, true]);
    assert.deepEqual([rows[3].new, rows[3].retained, rows[3].churned], [1, 0, 4]);   // h new; a, c, e, g not (yet) back in April
  });

  it('satisfies active(p) = new + retained + resurrected and active(p − 1) = retained + churned, by quarter', () => {
    const ds = makeDataset(CHURN_ROWS);
    const rows = lifecycleRows(customerDays(ds), { period: 'quarter', weekStart: 'monday', dataEnd: ds.dataEnd });
    // Q1: a b c d e g new. Q2 active: a e f h → retained a e; new f h; churned b c d g.
    assert.deepEqual(rows.map((r) => [r.period, r.new, r.retained, r.resurrected, r.churned, r.quickRatio, r.partial]), [
      ['2024-Q1', 6, 0, 0, 0, null, false],
      ['2024-Q2', 2, 2, 0, 4, 0.5, true],
    ]);
  });
});

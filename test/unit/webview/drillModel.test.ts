import { strict as assert } from 'node:assert';
import type { DrillState } from '../../../src/webview/controller';
import { drillView } from '../../../src/webview/drillModel';

const drill = (over: Partial<DrillState> = {}): DrillState => ({ requestId: 1, cohort: '2024-01', column: 1, customers: null, total: 0, error: null, ...over });
const c1 = { id: 'c1', firstActivity: '2024-01-05T09:30:00', lastActivity: '2024-03-02T00:00:00', orders: 3, revenue: 1234.5, line: 2 };

describe('webview/drillModel', () => {
  it('says it is listing until the answer arrives, and shows errors', () => {
    assert.deepEqual(drillView(drill(), 'M1', 'day'), { heading: 'Customers of 2024-01 retained at M1', status: 'Listing customers…', rows: [], footer: null });
    assert.equal(drillView(drill({ error: 'The file changed.' }), 'M1', 'day').status, 'The file changed.');
    assert.equal(drillView(drill({ customers: [] }), 'M1', 'day').status, 'No customers in this cell.');
  });

  it('lists customers with dates at the file\'s precision, money and a line button', () => {
    const v = drillView(drill({ customers: [c1], total: 1 }), 'M1', 'day');
    assert.deepEqual(v.rows, [{ id: 'c1', first: '2024-01-05', last: '2024-03-02', orders: '3', revenue: '1,234.50', line: 2, lineText: 'line 2' }]);
    assert.equal(v.footer, '1 customer.');
    assert.equal(drillView(drill({ customers: [{ ...c1, revenue: null }], total: 1 }), 'M1', 'minute').rows[0].first, '2024-01-05 09:30');
    assert.equal(drillView(drill({ customers: [{ ...c1, revenue: null }], total: 1 }), 'M1', 'day').rows[0].revenue, '—');
  });

  it('says how many were left out', () => {
    const customers = Array.from({ length: 200 }, (_, i) => ({ ...c1, id: `c${i}` }));
    assert.equal(drillView(drill({ customers, total: 1234 }), 'M1', 'day').footer, 'Showing 200 of 1,234 customers.');
    assert.equal(drillView(drill({ customers: customers.slice(0, 2), total: 2 }), 'M1', 'day').footer, '2 customers.');
  });
});

// What a new report makes the retention page draw again (src/webview/redraw.ts).
import { strict as assert } from 'node:assert';
import { changedBeyondTable, sameTableInputs } from '../../../src/webview/redraw';
import { bigReport, ordersReport } from './sampleReports';

describe('webview/redraw', () => {
  const shown = ordersReport();

  it('sees a report that differs in its cohort table only (a table sent ahead of its report)', () => {
    const weekly = bigReport('week').retention;
    const previewed = { ...shown, retention: weekly };
    assert.equal(changedBeyondTable(shown, previewed), false);
    assert.equal(sameTableInputs(shown, previewed, 'customers'), false);
    assert.equal(changedBeyondTable(shown, { ...previewed, kpis: { ...shown.kpis } }), true, 'a new object is a change, even if equal');
  });

  it('keeps the table when only other parts change, for customers whatever the revenue, for a revenue metric only with the same revenue', () => {
    const answered = { ...ordersReport(), retention: shown.retention };
    assert.equal(changedBeyondTable(shown, answered), true);
    assert.equal(sameTableInputs(shown, answered, 'customers'), true);
    assert.equal(sameTableInputs(shown, answered, 'revenue'), false, 'another revenue object: its table is drawn again');
    assert.equal(sameTableInputs(shown, { ...answered, revenue: shown.revenue }, 'revenue'), true);
    assert.equal(sameTableInputs(shown, { ...answered, revenue: null }, 'customers'), false, 'the caption says whether revenue exists');
    assert.equal(sameTableInputs(shown, { ...answered, quality: { ...shown.quality, dataEnd: '2031-01-01T00:00:00' } }, 'customers'), false, 'partial cells depend on the data end');
  });
});

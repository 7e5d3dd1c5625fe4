import assert from 'node:assert/strict';
import { windowFor, WINDOW_CELL_THRESHOLD } from '../../../src/webview/render/windowedTable';
import { atRiskCells, cohortCells, prepareGrid, summaryCells, type CellContext } from '../../../src/webview/tableModel';
import { ordersReport } from './sampleReports';

const ctx = (): CellContext => ({ report: ordersReport(), metric: 'customers', display: 'percent', dataEnd: null });

describe('webview/render/windowedTable', () => {
  it('renders the rows and columns in view plus a margin, clamped to the table', () => {
    // 25 px rows, 64 px columns; a 500 × 640 view at the top left: rows 0–20 (+8), columns 0–10 (+3).
    assert.deepEqual(windowFor({ top: 0, left: 0, height: 500, width: 640 }, 25, 1000, 1000), { r0: 0, r1: 28, c0: 0, c1: 13 });
    // Scrolled to row 400 (10,000 px) and column 100 (6,400 px): 392…428 and 97…113.
    assert.deepEqual(windowFor({ top: 10000, left: 6400, height: 500, width: 640 }, 25, 1000, 1000), { r0: 392, r1: 428, c0: 97, c1: 113 });
    // At the far end the window stops at the table's last row and column.
    assert.deepEqual(windowFor({ top: 24800, left: 63900, height: 500, width: 640 }, 25, 1000, 1000), { r0: 984, r1: 1000, c0: 995, c1: 1000 });
    // The sticky columns make `left` negative before the first data column: clamp to 0.
    assert.deepEqual(windowFor({ top: 0, left: -230, height: 100, width: 200 }, 25, 3, 2), { r0: 0, r1: 3, c0: 0, c1: 2 });
  });

  it('windows the tables whose layout slows the page (two years of weeks, 106 × 106), not five years of months (60 × 60)', () => {
    assert.ok(60 * 60 <= WINDOW_CELL_THRESHOLD);
    assert.ok(106 * 106 > WINDOW_CELL_THRESHOLD);
  });

  it('gives the cells of a column range, identical to the same columns of the full row', () => {
    const prepared = prepareGrid(ctx());
    const full = cohortCells(0, ctx(), prepared);
    assert.deepEqual(cohortCells(0, ctx(), prepared, 1, 3), full.slice(1, 3));
    assert.deepEqual(cohortCells(0, ctx(), prepared, 1, 3).map((c) => c.column), [1, 2]);
    assert.deepEqual(summaryCells(ctx(), prepared, 2, 3), summaryCells(ctx()).slice(2, 3));
    assert.deepEqual(atRiskCells(ordersReport().retention, 1, 2), atRiskCells(ordersReport().retention).slice(1, 2));
  });
});

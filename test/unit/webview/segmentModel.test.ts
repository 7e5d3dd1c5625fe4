import { strict as assert } from 'node:assert';
import { formatP, plateauText, segmentView, segmentWidth, shapeTitle } from '../../../src/webview/segmentModel';
import { bigReport, segmentedReport } from './sampleReports';

describe('webview/segmentModel', () => {
  const report = segmentedReport();
  const view = segmentView(report.segments!, report.retention);

  it('makes one row per segment value with customers, plateau and rates with intervals', () => {
    assert.equal(view.column, 'channel');
    assert.deepEqual(view.columns, ['M0', 'M1', 'M2']);
    assert.deepEqual(view.rows.map((r) => [r.value, r.customers, r.plateau]), [['organic', '3', '33.3% from M1'], ['ads', '2', 'none']]);
    assert.deepEqual(view.rows[0].cells.map((c) => c.text), ['100%', '33%', '0%']);
    assert.equal(view.rows[0].cells[2].title, 'organic · M2: 0.0% (95% CI 0.0–65.8%)');
    assert.equal(view.rows[1].cells[1].title, 'ads · M1: 100.0% (95% CI 34.2–100.0%)');
  });

  it('lists the χ² tests by column and keeps the verdict', () => {
    assert.deepEqual(view.tests, ['M1: χ² = 2.22, df = 1, p = 0.136', 'M2: χ² = 3.00, df = 1, p = 0.083']);
    assert.equal(view.verdict, 'No segment retains clearly better (smallest p = 0.083 at M2).');
  });

  it('prints p-values and curve shapes in words', () => {
    assert.equal(formatP(0.0004), 'p < 0.001');
    assert.equal(formatP(0.004), 'p = 0.004');
    assert.equal(shapeTitle({ plateauOffset: 3, plateauLevel: 0.2, early: 0.62, mid: 0.031, late: 0.004 }),
      'Curve shape: first drop 62.0 points, then 3.1 points per period to the plateau, 0.4 points per period after it');
    assert.equal(shapeTitle(report.segments!.groups[1].shape), 'Not enough complete periods to describe the curve');
    assert.equal(plateauText({ plateauOffset: 2, plateauLevel: 0.25, early: null, mid: null, late: null }, report.retention), '25.0% from M2');
  });

  it('shows only the columns where some segment has a rate', () => {
    const big = bigReport();
    assert.equal(big.retention.columns.length, 15);
    assert.equal(segmentWidth(big.segments!, big.retention), 6);
    assert.deepEqual(segmentView(big.segments!, big.retention).columns, ['M0', 'M1', 'M2', 'M3', 'M4', 'M5']);
    assert.equal(segmentWidth(report.segments!, report.retention), 3);
  });
});

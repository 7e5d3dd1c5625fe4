import { strict as assert } from 'node:assert';
import { DASH, formatCellPercent, formatInteger, formatMoney, formatPercent1 } from '../../../src/webview/format';

describe('webview/format', () => {
  it('groups thousands in integers and shows a dash for unknown values', () => {
    assert.equal(formatInteger(5), '5');
    assert.equal(formatInteger(1234567), '1,234,567');
    assert.equal(formatInteger(null), DASH);
    assert.equal(formatInteger(Number.NaN), DASH);
  });

  it('prints money with two decimals and no currency sign', () => {
    assert.equal(formatMoney(120), '120.00');
    assert.equal(formatMoney(1284932.5), '1,284,932.50');
    assert.equal(formatMoney(13.333), '13.33');
    assert.equal(formatMoney(-4), '-4.00');
    assert.equal(formatMoney(null), '—');
  });

  it('prints KPI rates as percent with one decimal', () => {
    assert.equal(formatPercent1(0.6), '60.0%');
    assert.equal(formatPercent1(0.3333), '33.3%');
    assert.equal(formatPercent1(1), '100.0%');
    assert.equal(formatPercent1(null), '—');
  });

  it('prints heatmap rates as whole percent, one decimal below 10 %', () => {
    assert.deepEqual([1, 0.6667, 0.3333, 0.5, 0.6].map(formatCellPercent), ['100%', '67%', '33%', '50%', '60%']);
    assert.equal(formatCellPercent(0.0423), '4.2%');
    assert.equal(formatCellPercent(0.0994), '9.9%');
    assert.equal(formatCellPercent(0.0996), '10%');   // never "10.0%"
    assert.equal(formatCellPercent(0.1), '10%');
  });

  it('never shows a non-zero heatmap rate as zero; null cells are empty', () => {
    assert.equal(formatCellPercent(0), '0%');
    assert.equal(formatCellPercent(0.0001), '<0.1%');
    assert.equal(formatCellPercent(0.0005), '0.1%');
    assert.equal(formatCellPercent(null), '');
  });
});

import { strict as assert } from 'node:assert';
import { DASH, formatCellPercent, formatDays, formatInteger, formatMoney, formatPercent1, formatPoints, formatUpTo4, ordinal } from '../../../src/webview/format';

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

describe('webview/format (churn)', () => {
  it('formats 0–100 percentages, days, ordinals and 4-decimal ratios', () => {
    assert.equal(formatPoints(66.67), '66.7%');
    assert.equal(formatPoints(-1.33), '-1.3%');
    assert.equal(formatPoints(null), '—');
    assert.equal(formatDays(7.5), '7.5');
    assert.equal(formatDays(1234), '1,234');
    assert.equal(formatDays(null), '—');
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 90, 99.5, 100, 101].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '90th', '99.5th', '100th', '101st']);
    assert.equal(formatUpTo4(7.2247), '7.2247');
    assert.equal(formatUpTo4(12), '12');
    assert.equal(formatUpTo4(365.25 / 7), '52.1786');
    assert.equal(formatUpTo4(null), '—');
  });
});

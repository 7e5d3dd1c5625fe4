import { strict as assert } from 'node:assert';
import { looksNumeric, parseAmount } from '../../../src/ingest/numbers';

/** [text, expected with decimalComma = false] */
const POINT: [string, number][] = [
  ['12.50', 12.5], ['0', 0], ['-3', -3], ['+7', 7], ['.5', 0.5], ['3.', 3],
  ['1e3', 1000], ['-2.5E-2', -0.025],
  ['1,234.50', 1234.5], ['1,234,567.89', 1234567.89], ['12,345', 12345],
  [' 42 ', 42],
  ['$12.50', 12.5], ['€5', 5], ['£1,000', 1000], ['¥300', 300], ['₹99.9', 99.9], ['USD 12.50', 12.5], ['12.50 EUR', 12.5],
  ['(12.50)', -12.5], ['($1,234.00)', -1234], ['12.50-', -12.5], ['- 5', -5],
];

/** [text, expected with decimalComma = true] */
const COMMA: [string, number][] = [
  ['12,50', 12.5], ['-3,75', -3.75], ['1.234,50', 1234.5], ['1.234.567,8', 1234567.8], ['1 234,50', 1234.5],
  ["1'234,50", 1234.5], ['1\u00a0234,50', 1234.5], ['1\u202f234,50', 1234.5],
  ['12,50 €', 12.5], ['(12,50)', -12.5], ['7', 7], ['1.234', 1234], ['12.50', 12.5], ['-0.5', -0.5],
];

const NAN_BOTH = ['', '   ', 'abc', '0x10', '12a', '1,2,3.4.5', 'N/A', '--5', '1e', 'e5', '$', '()'];

describe('ingest/numbers parseAmount', () => {
  for (const [text, expected] of POINT) {
    it(`reads '${text}' as ${expected} (decimal point)`, () => assert.equal(parseAmount(text, false), expected));
  }
  for (const [text, expected] of COMMA) {
    it(`reads '${text}' as ${expected} (decimal comma)`, () => assert.equal(parseAmount(text, true), expected));
  }

  it('does not read a comma followed by other than 3 digits as a thousands separator', () => {
    assert.ok(Number.isNaN(parseAmount('12,50', false)));
    assert.ok(Number.isNaN(parseAmount('1,2345', false)));
  });

  it('returns NaN for text that is not a number in either convention', () => {
    for (const text of NAN_BOTH) {
      assert.ok(Number.isNaN(parseAmount(text, false)), `'${text}' with decimal point`);
      assert.ok(Number.isNaN(parseAmount(text, true)), `'${text}' with decimal comma`);
    }
  });
});

describe('ingest/numbers parseAmount overflow', () => {
  // An amount that overflows to Infinity would make every revenue sum Infinity (and null in JSON).
  it('refuses text that overflows to Infinity', () => {
    assert.ok(Number.isNaN(parseAmount('1e999', false)), `got ${parseAmount('1e999', false)}`);
    assert.ok(Number.isNaN(parseAmount('-1e999', true)), `got ${parseAmount('-1e999', true)}`);
  });
});

describe('ingest/numbers looksNumeric', () => {
  it('accepts either convention, refuses blanks and words', () => {
    assert.equal(looksNumeric('12,50'), true);
    assert.equal(looksNumeric('1,234.50'), true);
    assert.equal(looksNumeric(' (3) '), true);
    assert.equal(looksNumeric(''), false);
    assert.equal(looksNumeric('  '), false);
    assert.equal(looksNumeric('customer_id'), false);
    assert.equal(looksNumeric('0x10'), false);
  });
});

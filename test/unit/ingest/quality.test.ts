import { strict as assert } from 'node:assert';
import { EXAMPLES_PER_REASON, QualityLog } from '../../../src/ingest/quality';

describe('ingest/quality QualityLog', () => {
  it('counts every skip and keeps the first 5 examples per reason', () => {
    const log = new QualityLog();
    for (let line = 2; line <= 9; line++) log.skip('invalid amount', line, 'amount', `x${line}`);
    log.skip('duplicate row', 12, null, null);
    assert.equal(EXAMPLES_PER_REASON, 5);
    assert.deepEqual(log.skipped, { 'invalid amount': 8, 'duplicate row': 1 });
    assert.deepEqual(log.examples['invalid amount']?.map((e) => e.line), [2, 3, 4, 5, 6]);
    assert.deepEqual(log.examples['duplicate row'], [{ line: 12, column: null, value: null }]);
    assert.equal(log.totalSkipped(), 9);
  });

  it('truncates long values to 80 characters with an ellipsis', () => {
    const log = new QualityLog();
    log.skip('invalid timestamp', 3, 'date', 'y'.repeat(80));
    log.skip('invalid timestamp', 4, 'date', 'z'.repeat(81));
    const [a, b] = log.examples['invalid timestamp'] ?? [];
    assert.equal(a.value, 'y'.repeat(80));
    assert.equal(b.value, 'z'.repeat(79) + '…');
    assert.equal(b.value?.length, 80);
  });

  it('describes each reason with its count and first example', () => {
    const log = new QualityLog();
    log.skip('invalid amount', 2, 'x', 'c1');
    log.skip('invalid amount', 5, 'x', 'c2');
    log.skip('missing customer id', 7, 'customer', null);
    log.skip('wrong number of fields', 9, null, '2 fields, expected 3');
    assert.equal(log.describe(),
      "invalid amount: 2 (first at line 2, column 'x': 'c1'); missing customer id: 1 (first at line 7, column 'customer'); "
      + "wrong number of fields: 1 (first at line 9: '2 fields, expected 3')");
  });

  it('hands out a DataQuality detached from the log', () => {
    const log = new QualityLog();
    log.rowsRead = 4;
    log.rowsUsed = 3;
    log.returns = 1;
    log.zeroAmount = 2;
    log.skip('duplicate row', 5, null, null);
    const q = log.toDataQuality();
    log.skip('duplicate row', 6, null, null);
    assert.deepEqual(q, {
      rowsRead: 4, rowsUsed: 3, skipped: { 'duplicate row': 1 },
      examples: { 'duplicate row': [{ line: 5, column: null, value: null }] }, returns: 1, zeroAmount: 2,
    });
  });
});

import { strict as assert } from 'node:assert';
import { IngestError } from '../../../src/ingest/errors';

describe('ingest/errors IngestError', () => {
  it('carries code, message, line and column, and is an Error named IngestError', () => {
    const e = new IngestError('bad-dates', "f.csv: bad dates at line 3", 3, 'order_date');
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'IngestError');
    assert.equal(e.code, 'bad-dates');
    assert.equal(e.message, 'f.csv: bad dates at line 3');
    assert.equal(e.line, 3);
    assert.equal(e.column, 'order_date');
    assert.equal(String(e), 'IngestError: f.csv: bad dates at line 3');
  });

  it('leaves line and column undefined when not given', () => {
    const e = new IngestError('empty', 'f.csv: the file is empty');
    assert.equal(e.line, undefined);
    assert.equal(e.column, undefined);
  });
});

import { strict as assert } from 'node:assert';
import { formatCivil, formatDataEnd } from '../../../src/webview/dates';

describe('webview/dates', () => {
  it('prints civil timestamps at the column precision, without shifting by a zone', () => {
    assert.equal(formatCivil('2024-03-05T00:00:00', 'day'), '2024-03-05');
    assert.equal(formatCivil('2024-03-01T00:00:00', 'month'), '2024-03');
    assert.equal(formatCivil('2024-03-05T10:20:30', 'minute'), '2024-03-05 10:20');
    assert.equal(formatCivil('2024-03-05T10:20:30', 'second'), '2024-03-05 10:20:30');
    assert.equal(formatCivil(null, 'day'), null);
  });

  it('turns the exclusive data end into the last covered day / month / minute', () => {
    assert.equal(formatDataEnd('2024-04-01T00:00:00', 'day'), '2024-03-31');
    assert.equal(formatDataEnd('2024-04-01T00:00:00', 'month'), '2024-03');
    assert.equal(formatDataEnd('2024-03-05T10:21:00', 'minute'), '2024-03-05 10:20');
    assert.equal(formatDataEnd('2024-01-01T00:00:00', 'day'), '2023-12-31');
  });

  it('passes through text it cannot read', () => {
    assert.equal(formatDataEnd('not a date', 'day'), 'not a date');
  });
});

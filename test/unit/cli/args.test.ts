import { strict as assert } from 'node:assert';
import { defaultHtmlPath, parseReportArgs, UsageError } from '../../../src/cli/args';

const noConfig = (): never => { throw new Error('no config expected'); };

describe('cli/args', () => {
  it('defaults: month, Monday weeks, UTC, HTML next to the cwd', () => {
    const args = parseReportArgs(['report', 'data/orders.csv'], noConfig);
    assert.deepEqual(args, {
      file: 'data/orders.csv', out: 'orders-retention.html', json: null, mapping: {}, dateFormat: undefined, period: 'month', weekStart: 'monday', timeZone: 'UTC',
      lab: {}, preset: null, exports: { csv: null, markdown: null, svg: null, png: null }, metric: 'customers', display: 'percent', predictive: null,
    });
  });

  it('--json without a file means stdout and no HTML', () => {
    const args = parseReportArgs(['report', 'a.csv', '--json', '--period', 'week'], noConfig);
    assert.ok(args !== 'help');
    assert.equal(args.json, '-');
    assert.equal(args.out, null);
    assert.equal(args.period, 'week');
  });

  it('--json FILE and --out together, column flags become the mapping', () => {
    const args = parseReportArgs(['report', 'a.csv', '--json', 'r.json', '--out', 'r.html', '--customer', 'cid', '--time', 'ts', '--quantity', 'q', '--unit-price', 'p', '--order', 'inv', '--tz', 'Europe/Berlin', '--date-format', 'dmy'], noConfig);
    assert.ok(args !== 'help');
    assert.equal(args.json, 'r.json');
    assert.equal(args.out, 'r.html');
    assert.deepEqual(args.mapping, { customerId: 'cid', timestamp: 'ts', quantity: 'q', unitPrice: 'p', orderId: 'inv' });
    assert.equal(args.timeZone, 'Europe/Berlin');
    assert.equal(args.dateFormat, 'dmy');
  });

  it('--config is read, and flags win over it', () => {
    const args = parseReportArgs(['report', 'a.csv', '--config', 'spec.json', '--period', 'year'], () => ({ period: 'quarter', customer: 'user', weekStart: 'sunday' }));
    assert.ok(args !== 'help');
    assert.equal(args.period, 'year');
    assert.equal(args.weekStart, 'sunday');
    assert.deepEqual(args.mapping, { customerId: 'user' });
  });

  it('usage errors name the problem', () => {
    assert.throws(() => parseReportArgs(['report'], noConfig), (e: Error) => e instanceof UsageError && /missing the CSV/.test(e.message));
    assert.throws(() => parseReportArgs(['sumarize', 'a.csv'], noConfig), /unknown command 'sumarize'/);
    assert.throws(() => parseReportArgs(['report', 'a.csv', '--period', 'fortnight'], noConfig), /--period must be one of day, week, month, quarter, year/);
    assert.throws(() => parseReportArgs(['report', 'a.csv', '--bogus'], noConfig), UsageError);
    assert.equal(parseReportArgs(['--help'], noConfig), 'help');
  });

  it('the default HTML name never equals the CSV', () => {
    assert.equal(defaultHtmlPath('/x/y/sales.2024.csv'), 'sales.2024-retention.html');
    assert.equal(defaultHtmlPath('README'), 'README-retention.html');
  });
});

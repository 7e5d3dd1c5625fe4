// The data-shape flags of `retention-lens report` (issue 6): --shape, the lifetime columns,
// --tenure-unit, --mrr, and the subscription policies, from flags and --config alike.
import { strict as assert } from 'node:assert';
import { HELP, parseReportArgs, UsageError, type ReportArgs } from '../../../src/cli/args';
import { analysisOptions } from '../../../src/cli/labArgs';
import { presetOptions } from '../../../src/engine/presets';

const noConfig = (): never => { throw new Error('no config expected'); };
const parse = (...flags: string[]): ReportArgs => {
  const args = parseReportArgs(['report', 'a.csv', ...flags], noConfig);
  assert.ok(args !== 'help');
  return args;
};
const usage = (pattern: RegExp, ...flags: string[]): void => {
  assert.throws(() => parse(...flags), (e: Error) => e instanceof UsageError && pattern.test(e.message));
};

describe('cli/args data shapes', () => {
  it('no shape flags: shape and tenure unit absent (detected from the file)', () => {
    const args = parse();
    assert.ok(!('shape' in args) && !('tenureUnit' in args));
  });

  it('--shape subscriptions with its columns; --mrr is the amount', () => {
    const args = parse('--shape', 'subscriptions', '--customer', 'cid', '--start', 'began', '--end', 'cancelled_on', '--mrr', 'monthly', '--plan', 'tier');
    assert.equal(args.shape, 'subscriptions');
    assert.deepEqual(args.mapping, { customerId: 'cid', start: 'began', end: 'cancelled_on', amount: 'monthly', plan: 'tier' });
  });

  it('--shape customers with --tenure, --tenure-unit and --churned', () => {
    const args = parse('--shape', 'customers', '--tenure', 'months_active', '--tenure-unit', 'weeks', '--churned', 'Exited');
    assert.deepEqual([args.shape, args.tenureUnit], ['customers', 'weeks']);
    assert.deepEqual(args.mapping, { tenure: 'months_active', churned: 'Exited' });
  });

  it('the subscription policies go into the analysis options', () => {
    const args = parse('--same-period-churn', 'ignore', '--cancel-at', 'period-end', '--reactivation', 'new-cohort');
    assert.deepEqual(args.lab, { samePeriodChurn: 'ignore', cancelAt: 'period-end', reactivation: 'new-cohort' });
    const options = analysisOptions({ period: args.period, weekStart: args.weekStart }, args.lab, args.preset, presetOptions);
    assert.deepEqual(options, { period: 'month', weekStart: 'monday', samePeriodChurn: 'ignore', cancelAt: 'period-end', reactivation: 'new-cohort' });
  });

  it('--config takes the same keys in camelCase; flags win', () => {
    const args = parseReportArgs(['report', 'a.csv', '--config', 'c.json', '--tenure-unit', 'days'], () => ({ shape: 'customers', tenure: 't', tenureUnit: 'years', churned: 'c' }));
    assert.ok(args !== 'help');
    assert.deepEqual([args.shape, args.tenureUnit], ['customers', 'days']);
    assert.deepEqual(args.mapping, { tenure: 't', churned: 'c' });
    const subs = parseReportArgs(['report', 'a.csv', '--config', 'c.json'], () => ({ samePeriodChurn: 'count', cancelAt: 'date', mrr: 'm' }));
    assert.ok(subs !== 'help');
    assert.deepEqual(subs.lab, { samePeriodChurn: 'count', cancelAt: 'date' });
    assert.equal(subs.mapping.amount, 'm');
  });

  it('bad values are usage errors naming the flag and the choices', () => {
    usage(/--shape must be one of events, subscriptions, customers \(got 'orders'\)/, '--shape', 'orders');
    usage(/--tenure-unit must be one of days, weeks, months, years/, '--tenure-unit', 'hours');
    usage(/--same-period-churn must be one of count, ignore/, '--same-period-churn', 'drop');
    usage(/--cancel-at must be one of date, period-end/, '--cancel-at', 'now');
    usage(/--reactivation must be one of original-cohort, new-cohort/, '--reactivation', 'x');
  });

  it('flags that do not fit the given shape are usage errors', () => {
    usage(/--tenure \(the tenure column\) does not apply to --shape events; it applies to customers/, '--shape', 'events', '--tenure', 't');
    usage(/--time \(the timestamp column\) does not apply to --shape subscriptions; it applies to events/, '--shape', 'subscriptions', '--time', 't');
    usage(/--plan .* it applies to subscriptions/, '--shape', 'customers', '--plan', 'p');
    usage(/--tenure-unit applies to --shape customers \(got --shape subscriptions\)/, '--shape', 'subscriptions', '--tenure-unit', 'days');
    usage(/--cancel-at applies to --shape subscriptions \(got --shape customers\)/, '--shape', 'customers', '--cancel-at', 'date');
    usage(/--mrr and --amount name different columns/, '--mrr', 'a', '--amount', 'b');
    assert.equal(parse('--mrr', 'a', '--amount', 'a').mapping.amount, 'a');
  });

  it('--help documents every new flag', () => {
    for (const flag of ['--shape', '--start', '--end', '--tenure', '--tenure-unit', '--churned', '--plan', '--mrr', '--same-period-churn', '--cancel-at', '--reactivation']) {
      assert.ok(HELP.includes(`  ${flag} `), flag);
    }
  });
});

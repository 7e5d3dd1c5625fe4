import { strict as assert } from 'node:assert';
import { parseReportArgs, UsageError, type ReportArgs } from '../../../src/cli/args';
import { analysisOptions } from '../../../src/cli/labArgs';
import type { PresetName, RetentionOptions } from '../../../src/shared/options';

const noConfig = (): never => { throw new Error('no config expected'); };
const parse = (...flags: string[]): ReportArgs => {
  const args = parseReportArgs(['report', 'a.csv', ...flags], noConfig);
  assert.ok(args !== 'help');
  return args;
};
const usage = (pattern: RegExp) => (e: unknown): boolean => e instanceof UsageError && pattern.test(e.message);
/** A stand-in for engine/presets (its values are helper A's; these only test the merge). */
const fakePreset = (name: PresetName): Partial<RetentionOptions> =>
  name === 'amplitude' ? { mode: 'classic', window: 'rolling', average: 'simple' } : name === 'ga4' ? { mode: 'streak' } : { mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 6 }] };

describe('cli/labArgs (retention lab flags)', () => {
  it('every definition flag, parsed and typed', () => {
    const args = parse('--mode', 'unbounded', '--window', 'rolling', '--cohorts', 'recurring', '--relative-to', 'previous', '--average', 'mixpanel',
      '--min-occurrences', '2', '--cohort-event', 'signup', '--return-event', 'purchase', '--small-cohort', '50', '--segment', 'channel', '--segment-top', '3');
    assert.deepEqual(args.lab, {
      mode: 'unbounded', window: 'rolling', cohorts: 'recurring', rateBase: 'previous', average: 'mixpanel', minOccurrences: 2,
      cohortEvent: 'signup', returnEvent: 'purchase', smallCohort: 50, segment: 'channel', segmentTopN: 3,
    });
  });

  it('only the flags given appear (so a preset keeps the rest)', () => {
    assert.deepEqual(parse('--average', 'simple').lab, { average: 'simple' });
  });

  it('--brackets parses ranges and implies --mode bracket', () => {
    assert.deepEqual(parse('--brackets', '0,1-3,4-7,8-14').lab, { mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 3 }, { from: 4, to: 7 }, { from: 8, to: 14 }] });
    assert.deepEqual(parse('--mode', 'bracket', '--brackets', '0, 1–3').lab.brackets, [{ from: 0, to: 0 }, { from: 1, to: 3 }]);
  });

  it('bad brackets are usage errors', () => {
    assert.throws(() => parse('--brackets', '0,3-1'), usage(/ends before it starts/));
    assert.throws(() => parse('--brackets', '0,1-3,2-5'), usage(/overlaps/));
    assert.throws(() => parse('--brackets', '4-7,0'), usage(/overlaps or comes before/));
    assert.throws(() => parse('--brackets', 'a-b'), usage(/not an offset/));
    assert.throws(() => parse('--brackets', ''), usage(/at least one/));
    assert.throws(() => parse('--brackets', '0,1-3', '--mode', 'classic'), usage(/only applies to --mode bracket/));
    assert.throws(() => parse('--brackets', '0-200000'), usage(/at most 50 ranges/));
  });

  it('bad choices and numbers are usage errors naming the flag', () => {
    assert.throws(() => parse('--mode', 'rolling'), usage(/--mode must be one of classic, unbounded, bracket, streak/));
    assert.throws(() => parse('--window', 'sliding'), usage(/--window must be one of calendar, rolling/));
    assert.throws(() => parse('--cohorts', 'all'), usage(/--cohorts must be one of first, recurring/));
    assert.throws(() => parse('--relative-to', 'first'), usage(/--relative-to must be one of cohort, previous/));
    assert.throws(() => parse('--average', 'mean'), usage(/--average must be one of pooled, simple, mixpanel/));
    assert.throws(() => parse('--preset', 'heap'), usage(/--preset must be one of mixpanel, amplitude, posthog, ga4/));
    assert.throws(() => parse('--metric', 'ltv'), usage(/--metric must be one of customers, revenue, revenuePerCustomer, cumulativePerCustomer, revenueRetention/));
    assert.throws(() => parse('--display', 'both'), usage(/--display must be one of percent, count/));
    assert.throws(() => parse('--min-occurrences', '0'), usage(/--min-occurrences must be a whole number from 1/));
    assert.throws(() => parse('--min-occurrences', '1.5'), usage(/--min-occurrences/));
    assert.throws(() => parse('--small-cohort', '-1'), UsageError);
    assert.throws(() => parse('--segment-top', '51'), usage(/--segment-top must be a whole number from 1 to 50/));
    assert.throws(() => parse('--cohort-event', ''), usage(/--cohort-event needs a name/));
    assert.throws(() => parse('--return-event', 'x'.repeat(501)), usage(/--return-event needs a name/));
    assert.throws(() => parse('--segment', ''), usage(/--segment needs a name/));
    assert.throws(() => parse('--csv', ''), usage(/--csv needs a file name/));
    assert.throws(() => parse('--mode'), UsageError);
  });

  it("--preset is kept by name; GA4's Sunday weeks apply unless --week-start is given", () => {
    assert.deepEqual([parse('--preset', 'ga4').preset, parse('--preset', 'ga4').weekStart], ['ga4', 'sunday']);
    assert.equal(parse('--preset', 'ga4', '--week-start', 'monday').weekStart, 'monday');
    assert.equal(parse('--preset', 'mixpanel').weekStart, 'monday');
  });

  it('--event maps the event-name column', () => {
    assert.deepEqual(parse('--event', 'action', '--customer', 'user').mapping, { customerId: 'user', eventName: 'action' });
  });

  it('exports, metric and display; an export replaces the default HTML, --out adds it back', () => {
    const args = parse('--csv', 't.csv', '--markdown', 't.md', '--svg', 'c.svg', '--png', 'c.png', '--metric', 'revenueRetention', '--display', 'count');
    assert.deepEqual(args.exports, { csv: 't.csv', markdown: 't.md', svg: 'c.svg', png: 'c.png' });
    assert.equal(args.metric, 'revenueRetention');
    assert.equal(args.display, 'count');
    assert.equal(args.out, null);
    assert.equal(parse('--svg', 'c.svg', '--out', 'r.html').out, 'r.html');
  });

  it('--config takes the same keys in camelCase (JSON numbers and bracket arrays too); flags win', () => {
    const config = {
      mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 3 }], window: 'rolling', cohorts: 'recurring', relativeTo: 'previous',
      average: 'simple', minOccurrences: 3, cohortEvent: 'signup', returnEvent: 'buy', event: 'ev', smallCohort: 10, segment: 'country',
      segmentTop: 4, preset: 'ga4', csv: 'x.csv', metric: 'revenue', display: 'count',
    };
    const args = parseReportArgs(['report', 'a.csv', '--config', 'c.json', '--average', 'pooled', '--segment-top', '2'], () => config);
    assert.ok(args !== 'help');
    assert.deepEqual(args.lab, {
      mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 3 }], window: 'rolling', cohorts: 'recurring', rateBase: 'previous',
      average: 'pooled', minOccurrences: 3, cohortEvent: 'signup', returnEvent: 'buy', smallCohort: 10, segment: 'country', segmentTopN: 2,
    });
    assert.equal(args.preset, 'ga4');
    assert.equal(args.mapping.eventName, 'ev');
    assert.deepEqual([args.exports.csv, args.metric, args.display], ['x.csv', 'revenue', 'count']);
    assert.throws(() => parseReportArgs(['report', 'a.csv', '--config', 'c.json'], () => ({ minOccurrences: 'many' })), usage(/--min-occurrences/));
    assert.throws(() => parseReportArgs(['report', 'a.csv', '--config', 'c.json'], () => ({ brackets: '1-3,2' })), usage(/overlaps/));
    assert.throws(() => parseReportArgs(['report', 'a.csv', '--config', 'c.json'], () => [1, 2] as never), usage(/JSON object/));
  });

  describe('analysisOptions (preset, then explicit flags)', () => {
    const base = { period: 'week', weekStart: 'sunday' } as const;

    it('no preset: period, week start and the explicit options', () => {
      assert.deepEqual(analysisOptions(base, { mode: 'unbounded' }, null, fakePreset), { period: 'week', weekStart: 'sunday', mode: 'unbounded' });
    });

    it('the preset fills in, explicit flags win', () => {
      assert.deepEqual(analysisOptions(base, { average: 'pooled' }, 'amplitude', fakePreset),
        { mode: 'classic', window: 'rolling', average: 'pooled', period: 'week', weekStart: 'sunday' });
      assert.deepEqual(analysisOptions(base, {}, 'ga4', fakePreset), { mode: 'streak', period: 'week', weekStart: 'sunday' });
    });

    it("an explicit non-bracket mode drops a bracket preset's brackets; bracket mode needs brackets", () => {
      assert.deepEqual(analysisOptions(base, { mode: 'classic' }, 'mixpanel', fakePreset), { mode: 'classic', period: 'week', weekStart: 'sunday' });
      assert.deepEqual(analysisOptions(base, {}, 'mixpanel', fakePreset).brackets, [{ from: 0, to: 0 }, { from: 1, to: 6 }]);
      assert.throws(() => analysisOptions(base, { mode: 'bracket' }, null, fakePreset), usage(/--mode bracket needs --brackets/));
    });
  });
});

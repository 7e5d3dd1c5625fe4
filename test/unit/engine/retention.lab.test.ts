// The lab's definitions on hand-computed fixtures (docs/DESIGN-lab.md), and the two published
// cases: PostHog issue #13748's vector and Mixpanel's documented average example.
import { strict as assert } from 'node:assert';
import { retentionTable } from '../../../src/engine/retention';
import { resolveOptions, type AnalysisOptions, type RetentionOptions } from '../../../src/shared/options';
import type { RetentionTable } from '../../../src/shared/report';
import { makeDataset, type MakeOptions, type Row } from './makeDataset';

const run = (rows: Row[], options: Partial<AnalysisOptions> & Partial<RetentionOptions>, make: MakeOptions = {}): RetentionTable =>
  retentionTable(makeDataset(rows, make), resolveOptions({ period: 'month', weekStart: 'monday', ...options }));
const countsOf = (t: RetentionTable) => t.cohorts.map((c) => [c.cohort, c.size, c.counts]);

// PostHog #13748: three users start on day 0; one returns on day 1, one on day 5, one never.
// A fourth user on day 7 (their own cohort) carries the table to D7 so that D6 is complete.
const POSTHOG: Row[] = [
  ['a', '2024-01-01'], ['b', '2024-01-01'], ['c', '2024-01-01'],
  ['a', '2024-01-02'], ['b', '2024-01-06'], ['d', '2024-01-08'],
];

describe('engine/retention: lab definitions', () => {
  describe('PostHog issue #13748 vector (day periods)', () => {
    it('classic: D1 = 33%, D2–D4 = 0, D5 = 33%, D6 = 0', () => {
      const t = run(POSTHOG, { period: 'day' });
      assert.deepEqual(t.columns, ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7']);
      assert.deepEqual(t.cohorts[0].rates, [1, 0.3333, 0, 0, 0, 0.3333, 0, 0]);
      assert.deepEqual(t.cohorts[0].partial, [false, false, false, false, false, false, false, false]);
    });

    it('unbounded: D1 = 66%, D2–D5 = 33%, D6 = 0', () => {
      const t = run(POSTHOG, { period: 'day', mode: 'unbounded' });
      assert.deepEqual(t.cohorts[0].rates, [1, 0.6667, 0.3333, 0.3333, 0.3333, 0.3333, 0, 0]);
      assert.deepEqual(t.cohorts[0].counts, [3, 2, 1, 1, 1, 1, 0, 0]);
    });

    it('rolling 24-hour windows give the same vector when everything happens at midnight', () => {
      assert.deepEqual(run(POSTHOG, { period: 'day', window: 'rolling' }).cohorts[0].counts, [3, 1, 0, 0, 0, 1, 0, 0]);
    });
  });

  describe("Mixpanel's average example: 1000 → 500 and 500 → 400, a third cohort incomplete", () => {
    const rows: Row[] = [];
    for (let i = 0; i < 1000; i++) rows.push([`j${i}`, '2024-01-10'], ...(i < 500 ? [[`j${i}`, '2024-02-10'] as Row] : []));
    for (let i = 0; i < 500; i++) rows.push([`f${i}`, '2024-02-11'], ...(i < 400 ? [[`f${i}`, '2024-03-10'] as Row] : []));
    for (let i = 0; i < 700; i++) rows.push([`m${i}`, '2024-03-11'], ...(i < 10 ? [[`m${i}`, '2024-04-05'] as Row] : []));
    const make = { dataEnd: '2024-04-15' };

    it('pooled 60%, Mixpanel-compatible 56%, simple mean 65% at M1; the cut-off April stays out', () => {
      const at1 = (average: 'pooled' | 'simple' | 'mixpanel') => run(rows, { average }, make).average;
      assert.equal(at1('pooled').rates[1], 0.6);
      assert.equal(at1('mixpanel').rates[1], 0.56);
      assert.equal(at1('simple').rates[1], 0.65);
      // counts/sizes are the pooled numerator and denominator whatever the method.
      for (const m of ['pooled', 'mixpanel', 'simple'] as const) {
        assert.equal(at1(m).method, m);
        assert.equal(at1(m).counts[1], 900);
        assert.equal(at1(m).sizes[1], 1500);
      }
      assert.deepEqual(run(rows, {}, make).cohorts.map((c) => c.partial[1]), [false, false, true]);
    });

    it('gives the pooled Wilson interval beside every method', () => {
      const avg = run(rows, { average: 'mixpanel' }, make).average;
      assert.deepEqual([avg.lower[1], avg.upper[1]], [0.575, 0.6245]);   // Wilson(900, 1500)
    });
  });

  describe('modes', () => {
    // a: M1, M2;  b: M1, M3;  c: M2;  d: nothing after M0. Data through 2024-05.
    const rows: Row[] = [
      ['a', '2024-01'], ['b', '2024-01'], ['c', '2024-01'], ['d', '2024-01'],
      ['a', '2024-02'], ['b', '2024-02'], ['a', '2024-03'], ['c', '2024-03'], ['b', '2024-04'], ['e', '2024-05'],
    ];

    it('classic counts activity in the period itself', () => {
      assert.deepEqual(countsOf(run(rows, {}))[0], ['2024-01', 4, [4, 2, 2, 1, 0]]);
    });

    it('unbounded counts activity in that period or later, never increasing', () => {
      assert.deepEqual(countsOf(run(rows, { mode: 'unbounded' }))[0], ['2024-01', 4, [4, 3, 3, 1, 0]]);   // c's M2 counts at M1 and M2
    });

    it('streak counts activity in every period from M1 to Mk (k = 0 is everyone)', () => {
      assert.deepEqual(countsOf(run(rows, { mode: 'streak' }))[0], ['2024-01', 4, [4, 2, 1, 0, 0]]);
    });

    it('bracket counts a customer once per bracket; labels say the range', () => {
      const t = run(rows, { mode: 'bracket', brackets: [{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3, to: 4 }] });
      assert.deepEqual(t.columns, ['M0', 'M1–2', 'M3–4']);
      assert.deepEqual(countsOf(t), [['2024-01', 4, [4, 3, 1]], ['2024-05', 1, [1, null, null]]]);
      assert.deepEqual(t.definition.brackets, [{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3, to: 4 }]);
    });

    it('a bracket is partial when any of its periods is cut off, absent when its first one is', () => {
      const t = run(rows, { mode: 'bracket', brackets: [{ from: 1, to: 2 }, { from: 3, to: 5 }, { from: 5, to: 6 }] }, { dataEnd: '2024-06-01' });
      assert.deepEqual(t.columns, ['M1–2', 'M3–5', 'M6']);   // the overlapping 5 is cut from the later bracket
      assert.deepEqual(t.cohorts[0].counts, [3, 1, null]);
      assert.deepEqual(t.cohorts[0].partial, [false, true, false]);
      assert.deepEqual(t.average.rates, [0.75, null, null]);
    });

    it('without brackets, bracket mode uses doubling ones over the table', () => {
      assert.deepEqual(run(rows, { mode: 'bracket' }).columns, ['M0', 'M1', 'M2–3', 'M4–7']);
    });
  });

  describe('windows', () => {
    it('rolling days are 24 hours from the first event, calendar days are dates', () => {
      const rows: Row[] = [
        ['a', '2024-01-01T20:00'], ['a', '2024-01-02T10:00'], ['a', '2024-01-03T21:00'],
        ['b', '2024-01-01T08:00'], ['b', '2024-01-02T07:59'], ['z', '2024-01-05T00:00'],
      ];
      // a: calendar D1 (Jan 2), D2 (Jan 3); rolling: +14 h = D0, +49 h = D2.  b: calendar D1; rolling +23:59 = D0.
      assert.deepEqual(countsOf(run(rows, { period: 'day' }))[0], ['2024-01-01', 2, [2, 2, 1, 0, 0]]);
      assert.deepEqual(countsOf(run(rows, { period: 'day', window: 'rolling' }))[0], ['2024-01-01', 2, [2, 0, 1, 0, 0]]);
    });

    it('rolling months are 30 days; coverage is judged from the cohort period (start for presence, end for partial)', () => {
      const rows: Row[] = [['a', '2024-01-31'], ['a', '2024-03-01'], ['b', '2024-01-01'], ['b', '2024-01-31'], ['b', '2024-03-05']];
      // a: Mar 1 is 30 days after Jan 31 → M1. b: Jan 31 is day 30 → M1; Mar 5 is day 64 → M2.
      const t = run(rows, { window: 'rolling' }, { dataEnd: '2024-03-06' });
      assert.deepEqual(t.cohorts[0].counts, [2, 2, 1]);
      // M1: Feb 1 + 60 d = Apr 1 > Mar 6 → partial. M2: Jan 1 + 60 d = Mar 1 < Mar 6 → present.
      assert.deepEqual(t.cohorts[0].partial, [false, true, true]);
      const later = run(rows, { window: 'rolling' }, { dataEnd: '2024-03-01' });
      assert.deepEqual(later.cohorts[0].counts, [2, 2, null]);   // Jan 1 + 60 d = Mar 1, not before the data end
    });
  });

  describe('cohorts', () => {
    it('recurring cohorts: a customer enters every period they are active in', () => {
      const rows: Row[] = [['a', '2024-01'], ['a', '2024-02'], ['a', '2024-03'], ['b', '2024-02'], ['c', '2024-01']];
      assert.deepEqual(countsOf(run(rows, { cohorts: 'recurring' })), [
        ['2024-01', 2, [2, 1, 1]], ['2024-02', 2, [2, 1, null]], ['2024-03', 1, [1, null, null]],
      ]);
      assert.deepEqual(countsOf(run(rows, {})), [['2024-01', 2, [2, 1, 1]], ['2024-02', 1, [1, 0, null]]]);
    });
  });

  describe('rate base', () => {
    it('previous: each rate over the previous count; null after a zero; Wilson on that base', () => {
      const rows: Row[] = [
        ['a', '2024-01'], ['b', '2024-01'], ['c', '2024-01'], ['d', '2024-01'],
        ['a', '2024-02'], ['b', '2024-02'], ['a', '2024-03'], ['a', '2024-05'],
      ];
      const t = run(rows, { rateBase: 'previous' });
      assert.deepEqual(t.cohorts[0].counts, [4, 2, 1, 0, 1]);
      assert.deepEqual(t.cohorts[0].rates, [1, 0.5, 0.5, 0, null]);
      assert.deepEqual(t.cohorts[0].lower, [0.5101, 0.15, 0.0945, 0, null]);   // Wilson(4,4), (2,4), (1,2), (0,1)
      assert.deepEqual(t.cohorts[0].upper, [1, 0.85, 0.9055, 0.7935, null]);
      assert.deepEqual(t.definition.rateBase, 'previous');
      assert.deepEqual(run(rows, {}).cohorts[0].rates, [1, 0.5, 0.25, 0, 0.25]);
    });
  });

  describe('minimum occurrences', () => {
    it('a customer is active in a period only with that many qualifying rows there', () => {
      const rows: Row[] = [['a', '2024-01-05', 5], ['b', '2024-01-06', 5], ['a', '2024-02-01', 5], ['a', '2024-02-02', 5], ['b', '2024-02-03', 5], ['b', '2024-02-04', 0]];
      assert.deepEqual(run(rows, { minOccurrences: 2 }, { dataEnd: '2024-03-01' }).cohorts[0].counts, [2, 1]);
      assert.deepEqual(run(rows, {}, { dataEnd: '2024-03-01' }).cohorts[0].counts, [2, 2]);
    });
  });

  describe('event filters', () => {
    const rows: Row[] = [
      ['a', '2024-01-03', 0], ['a', '2024-02-03', 0], ['a', '2024-03-03', 9],
      ['b', '2024-02-10', 0], ['b', '2024-03-10', 0],
      ['c', '2024-01-20', 7],
      ['d', '2024-02-12', 0], ['d', '2024-03-01', 0],
    ];
    const events = ['view', 'signup', 'purchase', 'signup', 'view', 'purchase', 'signup', 'purchase'];

    it('cohort = first signup, return = purchase (k = 0 is the cohort by definition)', () => {
      const t = run(rows, { cohortEvent: 'signup', returnEvent: 'purchase' }, { events, amounts: false });
      assert.deepEqual(countsOf(t), [['2024-02', 3, [3, 2]]]);   // a and d purchase in March; b only views
      assert.deepEqual(t.definition.cohortEvent, 'signup');
    });

    it('with amounts, only rows with a positive amount qualify (AND with the event filter)', () => {
      const amounts = run(rows, { cohortEvent: 'signup', returnEvent: 'purchase' }, { events });
      assert.deepEqual(countsOf(amounts), []);   // every signup row has amount 0: nobody enters a cohort
      const purchases = run(rows, { cohortEvent: 'purchase' }, { events });
      assert.deepEqual(countsOf(purchases), [['2024-01', 1, [1, 0, 0]], ['2024-03', 1, [1, null, null]]]);
    });

    it('an unknown event name gives an empty table, not an error', () => {
      for (const filter of [{ cohortEvent: 'nope' }, { returnEvent: 'nope' }]) {
        const t = run(rows, filter, { events, amounts: false });
        assert.deepEqual([t.cohorts, t.columns, t.atRisk, t.average.rates], [[], [], [], []]);
      }
    });

    it('filters are ignored (and echoed as null) when the file has no event column', () => {
      const t = run(rows, { cohortEvent: 'signup' }, { amounts: false });
      assert.equal(t.cohorts.reduce((s, c) => s + c.size, 0), 4);
      assert.equal(t.definition.cohortEvent, null);
    });
  });

  describe('table furniture', () => {
    it('fills columns, number at risk, small flags, intervals and the definition', () => {
      const rows: Row[] = [['a', '2024-01'], ['b', '2024-01'], ['a', '2024-02'], ['c', '2024-02'], ['c', '2024-03']];
      const t = run(rows, { smallCohort: 2 });
      assert.deepEqual(t.columns, ['M0', 'M1', 'M2']);
      assert.deepEqual(t.atRisk, [3, 3, 2]);
      assert.deepEqual(t.cohorts.map((c) => c.small), [false, true]);
      assert.deepEqual(t.cohorts[0].lower, [0.3424, 0.0945, 0]);   // Wilson(2,2), (1,2), (0,2)
      assert.deepEqual(t.cohorts[0].upper, [1, 0.9055, 0.6576]);
      assert.deepEqual(t.definition, { window: 'calendar', cohorts: 'first', rateBase: 'cohort', brackets: [], minOccurrences: 1, cohortEvent: null, returnEvent: null, smallCohort: 2 });
      assert.deepEqual(run(rows, { period: 'week' }).columns.slice(0, 2), ['W0', 'W1']);
      assert.deepEqual(run(rows, { period: 'quarter' }).columns, ['Q0']);
    });
  });
});

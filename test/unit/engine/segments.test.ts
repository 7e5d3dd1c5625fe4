import { strict as assert } from 'node:assert';
import { segmentReport } from '../../../src/engine/segments';
import { resolveOptions, type AnalysisOptions } from '../../../src/shared/options';
import type { Dataset } from '../../../src/shared/dataset';
import { makeDataset, type Row } from './makeDataset';
import { idStrings } from '../../../src/shared/customerIds';

/** Customers `${prefix}1..n`, each with a row (amount 10) in every month listed for them. */
function customers(prefix: string, months: (i: number) => string[], n: number, from = 1): Row[] {
  const rows: Row[] = [];
  for (let i = from; i < from + n; i++) for (const m of months(i)) rows.push([`${prefix}${i}`, m, 10]);
  return rows;
}

/** Adds a 'channel' segment column: the value is named by each customer id's leading letters. */
function withChannel(rows: Row[], valueOf: Record<string, string>): Dataset {
  const ds = makeDataset(rows);
  const values = [...new Set(Object.values(valueOf))];
  const customerValue = Int32Array.from(idStrings(ds.customerIds), (id) => values.indexOf(valueOf[id.replace(/\d+$/, '')]));
  return { ...ds, segments: [{ column: 'channel', values, customerValue }] };
}

function options(extra: Partial<AnalysisOptions> = {}) {
  return resolveOptions({ period: 'month', weekStart: 'monday', segment: 'channel', segmentTopN: 5, ...extra });
}

// Data through 2024-03 (month precision: data end 2024-04-01), columns M0, M1, M2.
// paid p1–p10: January cohort; p1–p8 back in February (M1), p1–p5 in March (M2).
// organic o1–o10: January cohort; o1–o2 back in February, o1–o4 in March.
//         o11–o12: February cohort; o11 back in March (M1); their M2 (April) is absent.
const PAID = customers('p', (i) => ['2024-01', ...(i <= 8 ? ['2024-02'] : []), ...(i <= 5 ? ['2024-03'] : [])], 10);
const ORGANIC = [
  ...customers('o', (i) => ['2024-01', ...(i <= 2 ? ['2024-02'] : []), ...(i <= 4 ? ['2024-03'] : [])], 10),
  ...customers('o', (i) => ['2024-02', ...(i === 11 ? ['2024-03'] : [])], 2, 11),
];
// ref r1–r2: January cohort, r1 back in February. x1 (also ref) only has a return: not a cohort customer.
const REF: Row[] = [['r1', '2024-01', 10], ['r1', '2024-02', 10], ['r2', '2024-01', 10], ['x1', '2024-01', -5]];
const CHANNELS = { p: 'paid', o: 'organic', r: 'ref', x: 'ref' };

// Pooled curves (Σ retained / Σ size over complete cells):
//   paid    M0 10/10, M1 8/10 = 0.8,            M2 5/10 = 0.5
//   organic M0 12/12, M1 (2+1)/(10+2) = 0.25,   M2 4/10 = 0.4 (the February cohort's M2 is absent)
//   ref     M0 2/2,   M1 1/2 = 0.5,             M2 0/2 = 0
const PAID_GROUP = {
  value: 'paid', customers: 10, rates: [1, 0.8, 0.5],
  lower: [0.7225, 0.4902, 0.2366], upper: [1, 0.9433, 0.7634],     // Wilson 10/10, 8/10, 5/10
  shape: { plateauOffset: null, plateauLevel: null, early: 0.2, mid: 0.3, late: null },   // still falling 30 points at M2
};
const ORGANIC_GROUP = {
  value: 'organic', customers: 12, rates: [1, 0.25, 0.4],
  lower: [0.7575, 0.0889, 0.1682], upper: [1, 0.5323, 0.6873],    // Wilson 12/12, 3/12, 4/10
  shape: { plateauOffset: 1, plateauLevel: 0.25, early: 0.75, mid: null, late: -0.15 },  // rises after M1
};

describe('engine/segments', () => {
  it('is null without a segment or for a column the Dataset does not have', () => {
    const ds = withChannel([...PAID, ...ORGANIC], CHANNELS);
    assert.equal(segmentReport(ds, options({ segment: null })), null);
    assert.equal(segmentReport(ds, options({ segment: 'country' })), null);
  });

  it('compares two segments: curves, χ² per column and a significant verdict', () => {
    const report = segmentReport(withChannel([...PAID, ...ORGANIC], CHANNELS), options())!;
    assert.equal(report.column, 'channel');
    assert.deepEqual(report.groups, [ORGANIC_GROUP, PAID_GROUP]);   // largest first
    // M1: [[3, 9], [8, 2]]: N = 22, |ad − bc| = |6 − 72| = 66, rows 12, 10, columns 11, 11
    //     → χ² = 22·66² / (12·10·11·11) = 95832 / 14520 = 6.6, df 1, p = 0.0102.
    // M2: [[4, 6], [5, 5]]: N = 20, |ad − bc| = 10, rows 10, 10, columns 9, 11
    //     → χ² = 20·100 / (10·10·9·11) = 0.20202, df 1, p = 0.6531.
    assert.equal(report.tests.length, 2);
    assert.deepEqual(report.tests.map((t) => [t.column, t.df]), [[1, 1], [2, 1]]);
    assert.ok(Math.abs(report.tests[0].chiSquare - 6.6) < 1e-12);
    assert.ok(Math.abs(report.tests[0].p - 0.010197876776240265) < 1e-12);
    assert.ok(Math.abs(report.tests[1].chiSquare - 20 / 99) < 1e-12);
    assert.ok(Math.abs(report.tests[1].p - 0.6530951149321835) < 1e-9);
    // Holm over the 2 tests: M1 0.0102 × 2 = 0.0204 < 0.05 → significant, quoted as adjusted.
    assert.equal(report.verdict,
      'paid retains better than organic at M1: 80.0% vs 25.0% (p = 0.020 after Holm adjustment for 2 offsets, χ² test on 10 and 12 customers).');
  });

  it('counts only cohort customers and pools the values beyond the top N as Other', () => {
    const ds = withChannel([...PAID, ...ORGANIC, ...REF], CHANNELS);
    const other = {
      value: 'Other', customers: 2, rates: [1, 0.5, 0],
      lower: [0.3424, 0.0945, 0], upper: [1, 0.9055, 0.6576],        // Wilson 2/2, 1/2, 0/2
      shape: { plateauOffset: null, plateauLevel: null, early: 0.5, mid: 0.5, late: null },
    };
    const report = segmentReport(ds, options({ segmentTopN: 2 }))!;
    assert.deepEqual(report.groups, [ORGANIC_GROUP, PAID_GROUP, other]);   // x1 (returns only) is not counted
    // M1: rows [3, 9], [8, 2], [1, 1]; N = 24, 12 retained → E = half of each row: 6, 6 / 5, 5 / 1, 1.
    //     χ² = 2·3²/6 + 2·3²/5 + 0 = 3 + 3.6 = 6.6, df 2, p = e^(−3.3) = 0.03688.
    // M2: rows [4, 6], [5, 5], [0, 2]; N = 22, 9 retained. Deviations from E: −1/11, +10/11, −9/11 (both columns),
    //     Σ d²(1/E_ret + 1/E_not) with 1/E_ret + 1/E_not = 484/(117·n): 404/1170 + 1620/1170 = 2024/1170 = 1.72991,
    //     df 2, p = e^(−1.72991/2) = 0.42107.
    assert.deepEqual(report.tests.map((t) => [t.column, t.df]), [[1, 2], [2, 2]]);
    assert.ok(Math.abs(report.tests[0].chiSquare - 6.6) < 1e-12);
    assert.ok(Math.abs(report.tests[0].p - Math.exp(-3.3)) < 1e-12);
    assert.ok(Math.abs(report.tests[1].chiSquare - 2024 / 1170) < 1e-12);
    assert.ok(Math.abs(report.tests[1].p - 0.42106954666790175) < 1e-12);
    // Holm: M1 0.0369 × 2 = 0.0738, M2 max(0.0738, 0.4211) → nothing significant once both columns are counted.
    assert.equal(report.verdict,
      'No significant difference between channel values at any offset (smallest p = 0.074 at M1, after Holm adjustment for 2 offsets).');
    // With room for every value, ref keeps its own name and the same numbers.
    const all = segmentReport(ds, options({ segmentTopN: 5 }))!;
    assert.deepEqual(all.groups.map((g) => [g.value, g.customers]), [['organic', 12], ['paid', 10], ['ref', 2]]);
    assert.deepEqual(all.groups[2].rates, other.rates);
  });

  it('pools several values into Other (top 1)', () => {
    // Other = paid + ref: January cohort of 12; M1 (8 + 1)/12 = 0.75, M2 (5 + 0)/12 = 5/12 = 0.4167.
    // M1 test: [[3, 9], [9, 3]]: N = 24, |ad − bc| = 72 → χ² = 24·5184 / 12⁴ = 6.0, df 1, p = 0.0143.
    // M2 test: [[4, 6], [5, 7]]: |ad − bc| = 2 → χ² = 22·4 / (10·12·9·13) = 0.00627, p = 0.937.
    // Holm: M1 0.0143 × 2 = 0.0286 < 0.05.
    const report = segmentReport(withChannel([...PAID, ...ORGANIC, ...REF], CHANNELS), options({ segmentTopN: 1 }))!;
    assert.deepEqual(report.groups.map((g) => [g.value, g.customers, g.rates]), [
      ['organic', 12, [1, 0.25, 0.4]], ['Other', 12, [1, 0.75, 0.4167]],
    ]);
    assert.ok(Math.abs(report.tests[0].chiSquare - 6) < 1e-12);
    assert.ok(Math.abs(report.tests[0].p - 0.014305878435429641) < 1e-12);
    assert.ok(Math.abs(report.tests[1].chiSquare - 88 / 14040) < 1e-12);
    assert.equal(report.verdict,
      'Other retains better than organic at M1: 75.0% vs 25.0% (p = 0.029 after Holm adjustment for 2 offsets, χ² test on 12 and 12 customers).');
    // A top N below 1 is read as 1.
    const zero = segmentReport(withChannel([...PAID, ...ORGANIC, ...REF], CHANNELS), options({ segmentTopN: 0 }))!;
    assert.deepEqual(zero.groups.map((g) => [g.value, g.customers]), [['organic', 12], ['Other', 12]]);
  });

  it('names the best and worst of three groups when a single column is tested', () => {
    // Data through February only: columns M0, M1. paid M1 8/10, organic 2/10 (the February cohort's M1 is absent),
    // ref 1/2. Rows [8, 2], [2, 8], [1, 1]: N = 22, 11 retained → E = half of each row: 5, 5 / 5, 5 / 1, 1.
    // χ² = 4·3²/5 + 0 = 7.2, df 2, p = e^(−3.6) = 0.0273; one test, so no adjustment.
    const rows = [...PAID, ...ORGANIC, ...REF].filter((r) => r[1] < '2024-03');
    const report = segmentReport(withChannel(rows, CHANNELS), options())!;
    assert.deepEqual(report.groups.map((g) => [g.value, g.customers, g.rates]), [
      ['organic', 12, [1, 0.2]], ['paid', 10, [1, 0.8]], ['ref', 2, [1, 0.5]],
    ]);
    assert.equal(report.tests.length, 1);
    assert.ok(Math.abs(report.tests[0].chiSquare - 7.2) < 1e-12);
    assert.ok(Math.abs(report.tests[0].p - Math.exp(-3.6)) < 1e-12);
    assert.equal(report.verdict, 'paid retains better than organic at M1: 80.0% vs 20.0% (p = 0.027, χ² test across 3 groups; 10 and 10 customers).');
  });

  it('shows pooled group curves whatever average the main table uses', () => {
    // organic M1 under 'simple' would be mean(2/10, 1/2) = 0.35; the group curve stays pooled: 0.25.
    const report = segmentReport(withChannel([...PAID, ...ORGANIC], CHANNELS), options({ average: 'simple' }))!;
    assert.deepEqual(report.groups[0].rates, [1, 0.25, 0.4]);
  });

  it('says so when no offset differs significantly', () => {
    // a1–a4 and b1–b4 in January; a1, a2 back in February, a1 in March; b1 back in February, b2 in March.
    // M1: [[2, 2], [1, 3]]: N = 8, |ad − bc| = 4 → χ² = 8·16 / (4·4·3·5) = 0.5333, p = 0.4652.
    // M2: [[1, 3], [1, 3]]: identical rows → χ² = 0, p = 1.
    const rows = [
      ...customers('a', (i) => ['2024-01', ...(i <= 2 ? ['2024-02'] : []), ...(i === 1 ? ['2024-03'] : [])], 4),
      ...customers('b', (i) => ['2024-01', ...(i === 1 ? ['2024-02'] : []), ...(i === 2 ? ['2024-03'] : [])], 4),
    ];
    const report = segmentReport(withChannel(rows, { a: 'A', b: 'B' }), options())!;
    assert.deepEqual(report.groups.map((g) => [g.value, g.rates]), [['A', [1, 0.5, 0.25]], ['B', [1, 0.25, 0.25]]]);
    assert.ok(Math.abs(report.tests[0].chiSquare - 8 / 15) < 1e-12);
    assert.ok(Math.abs(report.tests[0].p - 0.4652088184521417) < 1e-12);
    assert.deepEqual(report.tests[1], { column: 2, chiSquare: 0, df: 1, p: 1 });
    // Holm: M1 0.4652 × 2 = 0.9304; M2 max(0.9304, 1) = 1.
    assert.equal(report.verdict,
      'No significant difference between channel values at any offset (smallest p = 0.93 at M1, after Holm adjustment for 2 offsets).');
  });

  it('runs no test with a single value or without a complete column after M0', () => {
    const one = segmentReport(withChannel(PAID, { p: 'paid' }), options())!;
    assert.deepEqual(one.groups.map((g) => [g.value, g.customers]), [['paid', 10]]);
    assert.deepEqual(one.tests, []);
    assert.equal(one.verdict, 'Every cohort customer has the same channel value (paid); nothing to compare.');
    const blank = segmentReport(withChannel(PAID, { p: '' }), options())!;
    assert.equal(blank.groups[0].value, '');
    assert.equal(blank.verdict, 'Every cohort customer has the same channel value ((blank)); nothing to compare.');
    // Only January data: the table has the single column M0.
    const january = segmentReport(withChannel([['p1', '2024-01', 10], ['o1', '2024-01', 10]], CHANNELS), options())!;
    assert.deepEqual(january.groups.map((g) => [g.value, g.rates]), [['organic', [1]], ['paid', [1]]]);
    assert.deepEqual(january.tests, []);
    assert.equal(january.verdict, 'No offset after the first has complete data for every channel value, so no test was run.');
  });

  it('reports no groups when no customer enters a cohort', () => {
    const report = segmentReport(withChannel([['x1', '2024-01', -5]], { x: 'ref' }), options())!;
    assert.deepEqual(report.groups, []);
    assert.deepEqual(report.tests, []);
    assert.equal(report.verdict, 'No cohort customers have a channel value to compare.');
  });
});

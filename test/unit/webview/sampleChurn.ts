// Churn sections for the sample reports. ordersChurn() is test/fixtures/orders.csv worked by hand
// (and matches `node dist/cli.js report test/fixtures/orders.csv --json`); bigChurn() is synthetic,
// with warm-up rows, a reactivation note, a partial period and hostile ids and values.
import type { ChurnReport, ChurnCustomer, GapBin } from '../../../src/shared/churnReport';

/**
 * orders.csv (month precision: every purchase on the 1st; data end 2024-04-01, last day 2024-03-31).
 * Purchase days: c1 Jan/Feb/Mar, c2 Jan/Feb, c3 Jan, c4 Feb/Mar, c5 Feb. Gaps: 31, 29 (c1), 31 (c2),
 * 29 (c4) → median 30, 90th percentile 31 = W. CRR: Feb S = {c1,c2,c3} = 3, E = {c1,c2,c4,c5} = 4,
 * N = {c4,c5} = 2 → (4−2)/3 = 66.67%; Mar S = 4, E = {c1,c4} = 2, N = 0 → 50%. Jan is warm-up (S = 0).
 * Churn events: Feb c3 (Jan 1 + 31 = Feb 1) → 1/3; Mar c2, c5 (Feb 1 + 31 = Mar 3) → 2/4.
 * Silent days at Mar 31: c1 30, c2 59, c3 90, c4 30, c5 59 → churned (≥ 31) c2, c5, c3; at risk
 * none (c1 and c4 silent 30 = their usual gap 30, not longer). Lifecycle Feb: new 2, retained 2,
 * churned 1 (c3), quick ratio 2; Mar: retained 2, churned 2 (c2, c5), quick ratio 0. Value: AOV
 * 120/9 = 13.33; span Jan 1 → Apr 1 = 91 d = 0.2491 yr; 1.8 orders per customer → 7.2247/yr;
 * repeat 3 of 5; lifespans 60+31+0+29+0 = 120 → 24 d; pooled churn 3/7 = 42.86% a month →
 * 1 − (4/7)^12 = 99.88% a year → 1.0012 yr; formula CLV 13.333 × 7.2247 × 1.0012 = 96.45.
 */
export function ordersChurn(): ChurnReport {
  const histogram: GapBin[] = Array.from({ length: 31 }, (_, i) => ({ from: i + 1, to: i + 1, count: i + 1 === 29 || i + 1 === 31 ? 2 : 0 }));
  const c2: ChurnCustomer = { id: 'c2', lastPurchase: '2024-02-01', daysSilent: 59, orders: 2, revenue: 28, usualGap: 30, lastLine: 6 };
  const c3: ChurnCustomer = { id: 'c3', lastPurchase: '2024-01-01', daysSilent: 90, orders: 1, revenue: 15, usualGap: 30, lastLine: 4 };
  const c5: ChurnCustomer = { id: 'c5', lastPurchase: '2024-02-01', daysSilent: 59, orders: 1, revenue: 5, usualGap: 30, lastLine: 8 };
  return {
    period: 'month',
    window: { days: 31, source: 'auto', percentile: 90, gaps: 4, medianGap: 30, p90Gap: 31, p99Gap: 31, binDays: 1, histogram },
    crr: [
      { period: '2024-01', start: '2024-01-01', end: '2024-02-01', S: 0, E: 3, N: 3, retained: 0, reactivated: 0, crr: null, churn: null, exactShare: null, warmUp: true, note: null },
      { period: '2024-02', start: '2024-02-01', end: '2024-03-01', S: 3, E: 4, N: 2, retained: 2, reactivated: 0, crr: 66.67, churn: 33.33, exactShare: 66.67, warmUp: false, note: null },
      { period: '2024-03', start: '2024-03-01', end: '2024-04-01', S: 4, E: 2, N: 0, retained: 2, reactivated: 0, crr: 50, churn: 50, exactShare: 50, warmUp: false, note: null },
    ],
    churnRates: [
      { period: '2024-01', customersAtStart: 0, churned: 0, rate: null, warmUp: true },
      { period: '2024-02', customersAtStart: 3, churned: 1, rate: 33.33, warmUp: false },
      { period: '2024-03', customersAtStart: 4, churned: 2, rate: 50, warmUp: false },
    ],
    inactivity: {
      lastDay: '2024-03-31', customers: 5, active: 2,
      churned: { total: 3, revenue: 48, customers: [c2, c5, c3] },
      atRisk: { total: 0, revenue: 0, customers: [] },
      winBack: { total: 3, revenue: 48, customers: [c2, c3, c5] },
      churnRate: 60,
    },
    segments: [],
    lifecycle: [
      { period: '2024-01', new: 3, retained: 0, resurrected: 0, churned: 0, quickRatio: null, partial: false },
      { period: '2024-02', new: 2, retained: 2, resurrected: 0, churned: 1, quickRatio: 2, partial: false },
      { period: '2024-03', new: 0, retained: 2, resurrected: 0, churned: 2, quickRatio: 0, partial: false },
    ],
    value: {
      customers: 5, orders: 9, revenue: 120, aov: 13.33, years: 0.2491, ordersPerCustomer: 1.8, frequencyPerYear: 7.2247,
      repeatCustomers: 3, repeatPurchaseRate: 60, lifespanDays: 24, lifespanYears: 0.0657, historicClv: 24,
      churnPerPeriod: 42.86, churnPeriods: 2, periodsPerYear: 12, churnPerYear: 99.88, expectedLifespanYears: 1.0012, formulaClv: 96.45,
    },
    insight: [
      'Monthly CRR has averaged 58% over the last 2 months (exact retained share 58%).',
      'No customer is at risk; 3 of 5 (60%) have churned (no purchase in the last 31 days).',
      'Revenue per customer to date is 24.00; formula CLV is 96.45 (AOV 13.33 × 7.22 orders/yr × 1.0 yr).',
    ],
  };
}

/** A spreadsheet formula as a customer id: must reach a CSV export neutralised. */
export const FORMULA_ID = '=HYPERLINK("x")';

/** A synthetic churn section for bigReport: `labels` periods, `xss` markup placed in ids and values. */
export function bigChurn(labels: string[], xss: string): ChurnReport {
  const crr = labels.slice(0, -1).map((period, i) => {
    const S = i === 0 ? 0 : 900 + 40 * i, N = 300 + 7 * i, retained = i === 0 ? 0 : Math.round(S * 0.62), reactivated = i === 0 ? 0 : 25 + i;
    const E = N + retained + reactivated;
    const crrValue = S === 0 ? null : Math.round(((E - N) / S) * 10000) / 100;
    const exact = S === 0 ? null : Math.round((retained / S) * 10000) / 100;
    return {
      period, start: `${period}-01`, end: `${labels[i + 1]}-01`, S, E, N, retained, reactivated, crr: crrValue, churn: crrValue === null ? null : Math.round((100 - crrValue) * 100) / 100,
      exactShare: exact, warmUp: i < 3, note: i === 0 ? null : `${reactivated} reactivated customers count in E but not in the retained share`,
    };
  });
  const customers = (n: number, offset: number): ChurnCustomer[] => Array.from({ length: n }, (_, i) => ({
    id: i === 0 ? FORMULA_ID : i === 1 ? xss : String(12_000 + offset + i), lastPurchase: '2023-11-02', daysSilent: 135 + i, orders: 1 + (i % 7),
    revenue: i === 2 ? -12.5 : Math.round((5_000 - 37.3 * i) * 100) / 100, usualGap: i % 3 === 0 ? 7.5 : 30, lastLine: 40_000 + 17 * i,
  }));
  return {
    period: 'month',
    window: { days: 110, source: 'auto', percentile: 90, gaps: 12_425, medianGap: 28, p90Gap: 110, p99Gap: 260, binDays: 7,
      histogram: [...Array.from({ length: 38 }, (_, i): GapBin => ({ from: 1 + 7 * i, to: 7 + 7 * i, count: Math.round(2_148 * Math.exp(-i / 7)) })), { from: 267, to: null, count: 117 }] },
    crr,
    churnRates: crr.map((r) => ({ period: r.period, customersAtStart: r.S, churned: Math.round(r.S * 0.13), rate: r.S === 0 ? null : Math.round((Math.round(r.S * 0.13) / r.S) * 10000) / 100, warmUp: r.warmUp })),
    inactivity: {
      lastDay: '2024-03-15', customers: 4_338, active: 1_896,
      churned: { total: 1_290, revenue: 1_103_402.11, customers: customers(100, 0) },
      atRisk: { total: 1_152, revenue: 1_476_903.81, customers: customers(100, 500) },
      winBack: { total: 1_290, revenue: 1_103_402.11, customers: customers(100, 0) },
      churnRate: 29.74,
    },
    segments: [
      { column: `Country ${xss}`, values: [
        { value: 'United Kingdom', customers: 3_920, churned: 1_167, atRisk: 1_039, rate: 29.77 },
        { value: xss, customers: 94, churned: 21, atRisk: 23, rate: 22.34 },
        { value: 'Other', customers: 324, churned: 102, atRisk: 90, rate: 31.48 },
      ] },
    ],
    lifecycle: labels.map((period, i) => ({
      period, new: 400 - 10 * i, retained: i === 0 ? 0 : 300 + 20 * i, resurrected: i < 2 ? 0 : 100 + 15 * i, churned: i === 0 ? 0 : 250 + 30 * i,
      quickRatio: i === 0 ? null : Math.round(((400 - 10 * i + (i < 2 ? 0 : 100 + 15 * i)) / (250 + 30 * i)) * 100) / 100, partial: i === labels.length - 1,
    })),
    value: {
      customers: 4_338, orders: 18_532, revenue: 8_278_519.42, aov: 446.71, years: 1.0227, ordersPerCustomer: 4.272, frequencyPerYear: 4.1773,
      repeatCustomers: 2_845, repeatPurchaseRate: 65.58, lifespanDays: 130.77, lifespanYears: 0.358, historicClv: 1_908.37,
      churnPerPeriod: 12.66, churnPeriods: 8, periodsPerYear: 12, churnPerYear: 80.29, expectedLifespanYears: 1.2454, formulaClv: 2_324.06,
    },
    insight: [`Monthly CRR has averaged 94% over the last 6 months; ${xss}`, '1,152 customers are at risk, worth 1,476,904 in past revenue.'],
  };
}

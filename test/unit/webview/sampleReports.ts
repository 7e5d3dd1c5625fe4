// Hand-written ReportModels for the webview and standalone-HTML tests (and for looking at the page
// in a browser): the DESIGN.md §6 example, and a synthetic one with many cohorts, partial cells,
// skipped rows and markup in every text that comes from a CSV.
import type { Period } from '../../../src/shared/options';
import { bigChurn, ordersChurn } from './sampleChurn';
import type { AverageRow, CohortRow, CurveShape, ReportModel, RetentionDefinition, RevenueRow, RevenueTable } from '../../../src/shared/report';

/** The definition echoed by a default (classic, calendar, first-time, pooled) report. */
export function defaultDefinition(smallCohort = 30): RetentionDefinition {
  return { window: 'calendar', cohorts: 'first', rateBase: 'cohort', brackets: [], minOccurrences: 1, cohortEvent: null, returnEvent: null, smallCohort };
}

/**
 * The DESIGN.md §6 example (test/fixtures/orders.csv) by hand: cohort 2024-01 = {c1, c2, c3}
 * (3, 2, 1 active; revenue 45 / 20 / 9), 2024-02 = {c4, c5} (2, 1; revenue 35 / 11). Wilson 95%
 * intervals of 3/3, 2/3, 1/3, 2/2, 1/2, 5/5, 3/5 rounded to 4 decimals. Both cohorts are below the
 * default small-cohort size of 30.
 */
export function ordersReport(): ReportModel {
  return {
    schemaVersion: 1,
  shape: 'events',
    input: { file: 'orders.csv', rows: 9, skipped: {} },
    mapping: { customerId: 'customer_id', timestamp: 'month', amount: 'amount' },
    retention: {
      period: 'month', mode: 'classic', columns: ['M0', 'M1', 'M2'],
      cohorts: [
        { cohort: '2024-01', size: 3, counts: [3, 2, 1], rates: [1, 0.6667, 0.3333], partial: [false, false, false], lower: [0.4385, 0.2077, 0.0615], upper: [1, 0.9385, 0.7923], small: true },
        { cohort: '2024-02', size: 2, counts: [2, 1, null], rates: [1, 0.5, null], partial: [false, false, false], lower: [0.3424, 0.0945, null], upper: [1, 0.9055, null], small: true },
      ],
      average: { rates: [1, 0.6, 0.3333], method: 'pooled', counts: [5, 3, 1], sizes: [5, 5, 3], lower: [0.5655, 0.2307, 0.0615], upper: [1, 0.8824, 0.7923] },
      atRisk: [5, 5, 3],
      definition: defaultDefinition(),
    },
    kpis: { customers: 5, orders: 9, revenue: 120, aov: 13.33, purchaseFrequency: 1.8, repeatPurchaseRate: 0.6 },
    revenue: {
      cohorts: [
        { cohort: '2024-01', size: 3, revenue: [45, 20, 9], revenuePerCustomer: [15, 6.6667, 3], cumulativePerCustomer: [15, 21.6667, 24.6667], revenueRetention: [1, 0.4444, 0.2] },
        { cohort: '2024-02', size: 2, revenue: [35, 11, null], revenuePerCustomer: [17.5, 5.5, null], cumulativePerCustomer: [17.5, 23, null], revenueRetention: [1, 0.3143, null] },
      ],
      average: { revenuePerCustomer: [16, 6.2, 3], cumulativePerCustomer: [16, 22.2, 24.6667], revenueRetention: [1, 0.3875, 0.2] },
    },
    segments: null,
    explain: [],
    churn: ordersChurn(),
    choices: { eventNames: [], segmentColumns: [], presets: ['mixpanel', 'amplitude', 'posthog', 'ga4'] },
    quality: {
      rowsRead: 9, rowsUsed: 9, skipped: {}, examples: {}, returns: 0, zeroAmount: 0,
      dateFormat: 'year-month', timePrecision: 'month', firstActivity: '2024-01-01T00:00:00', dataEnd: '2024-04-01T00:00:00',
    },
    settings: { timeZone: 'UTC', weekStart: 'monday' },
    predictive: null,
  };
}

/**
 * orders.csv compared by a made-up "channel" column: ads = {c1, c4} (M0 2/2, M1 2/2, M2 1/1),
 * organic = {c2, c3, c5} (3/3, 1/3, 0/2). χ² with 1 df at M1: 2.2222, p = 0.136; at M2: 3, p = 0.0833.
 */
export function segmentedReport(): ReportModel {
  const shape = (plateauOffset: number | null, plateauLevel: number | null): CurveShape => ({ plateauOffset, plateauLevel, early: plateauLevel === null ? null : 1 - plateauLevel, mid: null, late: null });
  return {
    ...ordersReport(),
    segments: {
      column: 'channel',
      groups: [
        { value: 'organic', customers: 3, rates: [1, 0.3333, 0], lower: [0.4385, 0.0615, 0], upper: [1, 0.7923, 0.6576], shape: shape(1, 0.3333) },
        { value: 'ads', customers: 2, rates: [1, 1, 1], lower: [0.3424, 0.3424, 0.2065], upper: [1, 1, 1], shape: shape(null, null) },
      ],
      tests: [{ column: 2, chiSquare: 3, df: 1, p: 0.0833 }, { column: 1, chiSquare: 2.2222, df: 1, p: 0.136 }],
      verdict: 'No segment retains clearly better (smallest p = 0.083 at M2).',
    },
    explain: [{ option: 'mode', text: 'Unbounded ("on or after") counts 2024-01\'s c2 at M1 too.' }],
    choices: { eventNames: ['purchase', 'signup'], segmentColumns: ['channel'], presets: ['mixpanel', 'amplitude', 'posthog', 'ga4'] },
  };
}

/** Markup that must stay text wherever it appears. */
export const XSS_LABEL = '</script><script>alert(1)</script>';
export const XSS_IMG = '<img src=x onerror="window.__xss=1">';

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const Z = 1.959963984540054;
const r4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Wilson 95% interval of x of n, rounded like the engine's. */
export function wilson(x: number, n: number): [number, number] {
  const p = x / n, z2 = Z * Z, d = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / d;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
  return [r4(Math.max(0, centre - half)), r4(Math.min(1, centre + half))];
}

interface SynthOptions {
  period: Period;
  labels: string[];        // cohort labels, oldest first; the last period is partial
  seed?: number;
  baseSize?: number;
  smallCohort?: number;
}

function synthCohorts(o: SynthOptions): { cohorts: CohortRow[]; average: AverageRow; atRisk: (number | null)[] } {
  const rand = rng(o.seed ?? 7);
  const n = o.labels.length;
  const cohorts = o.labels.map((label, i): CohortRow => {
    const size = Math.round((o.baseSize ?? 400) * (0.6 + rand() * 0.9));
    const level = 0.1 + rand() * 0.12;
    const counts: (number | null)[] = [], rates: (number | null)[] = [], partial: boolean[] = [];
    for (let k = 0; k < n; k++) {
      const alive = i + k < n;
      const isPartial = i + k === n - 1;
      const r = k === 0 ? 1 : (level + 0.25 * Math.exp(-0.45 * (k - 1))) * (0.85 + rand() * 0.3) * (isPartial ? 0.55 : 1);
      const count = alive ? Math.round(size * r) : null;
      counts.push(count);
      rates.push(count === null ? null : Math.round((count / size) * 10000) / 10000);
      partial.push(alive && isPartial);
    }
    const cis = counts.map((c) => (c === null ? null : wilson(c, size)));
    return { cohort: label, size, counts, rates, partial, lower: cis.map((ci) => ci?.[0] ?? null), upper: cis.map((ci) => ci?.[1] ?? null), small: size < (o.smallCohort ?? 30) };
  });
  const average: AverageRow = { rates: [], method: 'pooled', counts: [], sizes: [], lower: [], upper: [] };
  for (let k = 0; k < n; k++) {
    let kept = 0, size = 0;
    for (const c of cohorts) if (c.counts[k] !== null && !c.partial[k]) { kept += c.counts[k]!; size += c.size; }
    const ci = size === 0 ? null : wilson(kept, size);
    average.rates.push(size === 0 ? null : r4(kept / size));
    average.counts.push(size === 0 ? null : kept);
    average.sizes.push(size === 0 ? null : size);
    average.lower.push(ci?.[0] ?? null);
    average.upper.push(ci?.[1] ?? null);
  }
  const atRisk = Array.from({ length: n }, (_, k) => cohorts.reduce((a, c) => a + (c.counts[k] === null ? 0 : c.size), 0));
  return { cohorts, average, atRisk };
}

/** Revenue per cohort: ~38 per active customer, cumulated and relative to the first column. */
function synthRevenue(cohorts: CohortRow[]): RevenueTable {
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  const rows = cohorts.map((c): RevenueRow => {
    const revenue = c.counts.map((n, k) => (n === null ? null : r2(n * (38 + 4 * ((k * 7) % 5)))));
    let sum = 0;
    return {
      cohort: c.cohort, size: c.size, revenue,
      revenuePerCustomer: revenue.map((v) => (v === null ? null : r2(v / c.size))),
      cumulativePerCustomer: revenue.map((v) => (v === null ? null : r2((sum += v) / c.size))),
      revenueRetention: revenue.map((v) => (v === null || !revenue[0] ? null : r4(v / revenue[0]))),
    };
  });
  const mean = (pick: (r: RevenueRow) => (number | null)[]): (number | null)[] => rows[0].revenue.map((_, k) => {
    const vs = rows.map((r) => pick(r)[k]).filter((v): v is number => v !== null && v !== undefined);
    return vs.length ? r4(vs.reduce((a, v) => a + v, 0) / vs.length) : null;
  });
  return { cohorts: rows, average: { revenuePerCustomer: mean((r) => r.revenuePerCustomer), cumulativePerCustomer: mean((r) => r.cumulativePerCustomer), revenueRetention: mean((r) => r.revenueRetention) } };
}

/** Month labels from 2023-01, n of them. */
export function monthLabels(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
}

/** A realistic report: `labels` cohorts (default 15 months, one label replaced by markup), partial last period, skipped rows. */
export function bigReport(period: Period = 'month', labels: string[] = monthLabels(15).map((l, i) => (i === 3 ? XSS_LABEL : l))): ReportModel {
  const { cohorts, average, atRisk } = synthCohorts({ period, labels, smallCohort: 300 });
  const customers = cohorts.reduce((a, c) => a + c.size, 0);
  const letter = { day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y' }[period];
  return {
    schemaVersion: 1,
  shape: 'events',
    input: { file: `shop-orders ${XSS_IMG}.csv`, rows: 48_213, skipped: { 'invalid timestamp': 17, 'missing customer id': 3 } },
    mapping: { customerId: 'Customer ID', timestamp: 'InvoiceDate', amount: `Amount ${XSS_IMG}`, orderId: 'Invoice' },
    retention: { period, mode: 'classic', cohorts, average, atRisk, columns: labels.map((_, k) => `${letter}${k}`), definition: defaultDefinition(300) },
    kpis: { customers, orders: 31_877, revenue: 1_284_932.5, aov: 40.31, purchaseFrequency: 3.4512, repeatPurchaseRate: 0.4123 },
    revenue: synthRevenue(cohorts),
    segments: {
      column: `Country ${XSS_IMG}`,
      groups: [
        { value: 'United Kingdom', customers: 3_950, rates: [1, 0.2412, 0.2188, 0.2051, 0.1994, 0.1962], lower: [0.999, 0.2281, 0.2061, 0.1927, 0.1871, 0.1839], upper: [1, 0.2548, 0.232, 0.218, 0.2122, 0.209], shape: { plateauOffset: 3, plateauLevel: 0.2051, early: 0.7588, mid: 0.0181, late: 0.0045 } },
        { value: XSS_LABEL, customers: 412, rates: [1, 0.3107, 0.2718, 0.2524, 0.2451, null], lower: [0.9908, 0.2677, 0.2311, 0.2131, 0.2063, null], upper: [1, 0.3573, 0.3167, 0.2961, 0.2884, null], shape: { plateauOffset: 2, plateauLevel: 0.2718, early: 0.6893, mid: 0.0389, late: 0.0089 } },
        { value: 'Other', customers: 731, rates: [1, 0.2709, 0.2257, 0.2011, 0.1847, 0.1802], lower: [0.9948, 0.2402, 0.1969, 0.1737, 0.1584, 0.1541], upper: [1, 0.3039, 0.2574, 0.2316, 0.2142, 0.2095], shape: { plateauOffset: null, plateauLevel: null, early: 0.7291, mid: null, late: null } },
      ],
      tests: [{ column: 1, chiSquare: 11.82, df: 2, p: 0.0027 }, { column: 2, chiSquare: 6.31, df: 2, p: 0.0426 }, { column: 3, chiSquare: 4.02, df: 2, p: 0.134 }],
      verdict: `${XSS_LABEL} retains better than United Kingdom at M1 (31% vs 24%; p = 0.003)`,
    },
    explain: [
      { option: 'mode', text: `Unbounded ("on or after") would count a customer at M3 if they came back in any later month: 38% instead of 21% at M3 here.` },
      { option: 'average', text: 'The simple mean weights every cohort the same; the small December cohort pulls it to 19% vs 21% pooled at M3.' },
      { option: 'window', text: `Rolling 30-day months measure from each first purchase: ${XSS_IMG} customers who bought late in a month move one column.` },
    ],
    churn: bigChurn(period === 'month' ? labels : monthLabels(labels.length), XSS_IMG),
    choices: { eventNames: ['purchase', 'refund', XSS_LABEL], segmentColumns: [`Country ${XSS_IMG}`, 'Channel'], presets: ['mixpanel', 'amplitude', 'posthog', 'ga4'] },
    quality: {
      rowsRead: 48_213, rowsUsed: 48_193,
      skipped: { 'invalid timestamp': 17, 'missing customer id': 3 },
      examples: {
        'invalid timestamp': [
          { line: 12, column: 'InvoiceDate', value: '31/02/2024' },
          { line: 97, column: 'InvoiceDate', value: XSS_IMG },
          { line: 1204, column: 'InvoiceDate', value: '' },
        ],
        'missing customer id': [{ line: 5, column: 'Customer ID', value: null }],
      },
      returns: 412, zeroAmount: 9,
      dateFormat: 'iso', timePrecision: 'day', firstActivity: '2023-01-02T00:00:00', dataEnd: '2024-03-16T00:00:00',
    },
    settings: { timeZone: 'Europe/Berlin', weekStart: 'monday' },
    predictive: null,
  };
}

/** ISO week labels 2023-W01.., n of them (more than the chart's 50-cohort limit when n > 50). */
export function weekLabels(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${2023 + Math.floor(i / 52)}-W${String((i % 52) + 1).padStart(2, '0')}`);
}

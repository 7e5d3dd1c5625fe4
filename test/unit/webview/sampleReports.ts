// Hand-written ReportModels for the webview and standalone-HTML tests (and for looking at the page
// in a browser): the DESIGN.md §6 example, and a synthetic one with many cohorts, partial cells,
// skipped rows and markup in every text that comes from a CSV.
import type { Period } from '../../../src/shared/options';
import type { CohortRow, ReportModel } from '../../../src/shared/report';

/** The DESIGN.md §6 example (test/fixtures/orders.csv), with the quality block filled in. */
export function ordersReport(): ReportModel {
  return {
    schemaVersion: 1,
    input: { file: 'orders.csv', rows: 9, skipped: {} },
    mapping: { customerId: 'customer_id', timestamp: 'month', amount: 'amount' },
    retention: {
      period: 'month', mode: 'classic',
      cohorts: [
        { cohort: '2024-01', size: 3, counts: [3, 2, 1], rates: [1, 0.6667, 0.3333], partial: [false, false, false] },
        { cohort: '2024-02', size: 2, counts: [2, 1, null], rates: [1, 0.5, null], partial: [false, false, false] },
      ],
      average: { rates: [1, 0.6, 0.3333], method: 'pooled' },
    },
    kpis: { customers: 5, orders: 9, revenue: 120, aov: 13.33, purchaseFrequency: 1.8, repeatPurchaseRate: 0.6 },
    quality: {
      rowsRead: 9, rowsUsed: 9, skipped: {}, examples: {}, returns: 0, zeroAmount: 0,
      dateFormat: 'year-month', timePrecision: 'month', firstActivity: '2024-01-01T00:00:00', dataEnd: '2024-04-01T00:00:00',
    },
    settings: { timeZone: 'UTC', weekStart: 'monday' },
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

interface SynthOptions {
  period: Period;
  labels: string[];        // cohort labels, oldest first; the last period is partial
  seed?: number;
  baseSize?: number;
}

function synthCohorts(o: SynthOptions): { cohorts: CohortRow[]; average: (number | null)[] } {
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
    return { cohort: label, size, counts, rates, partial };
  });
  const average = Array.from({ length: n }, (_, k) => {
    let kept = 0, size = 0;
    for (const c of cohorts) if (c.counts[k] !== null && !c.partial[k]) { kept += c.counts[k]!; size += c.size; }
    return size === 0 ? null : Math.round((kept / size) * 10000) / 10000;
  });
  return { cohorts, average };
}

/** Month labels from 2023-01, n of them. */
export function monthLabels(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
}

/** A realistic report: `labels` cohorts (default 15 months, one label replaced by markup), partial last period, skipped rows. */
export function bigReport(period: Period = 'month', labels: string[] = monthLabels(15).map((l, i) => (i === 3 ? XSS_LABEL : l))): ReportModel {
  const { cohorts, average } = synthCohorts({ period, labels });
  const customers = cohorts.reduce((a, c) => a + c.size, 0);
  return {
    schemaVersion: 1,
    input: { file: `shop-orders ${XSS_IMG}.csv`, rows: 48_213, skipped: { 'invalid timestamp': 17, 'missing customer id': 3 } },
    mapping: { customerId: 'Customer ID', timestamp: 'InvoiceDate', amount: `Amount ${XSS_IMG}`, orderId: 'Invoice' },
    retention: { period, mode: 'classic', cohorts, average: { rates: average, method: 'pooled' } },
    kpis: { customers, orders: 31_877, revenue: 1_284_932.5, aov: 40.31, purchaseFrequency: 3.4512, repeatPurchaseRate: 0.4123 },
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
  };
}

/** ISO week labels 2023-W01.., n of them (more than the chart's 50-cohort limit when n > 50). */
export function weekLabels(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${2023 + Math.floor(i / 52)}-W${String((i % 52) + 1).padStart(2, '0')}`);
}

// A full ReportModel for test/fixtures/orders.csv (monthly, classic), computed by hand:
// cohort 2024-01 = {c1, c2, c3}: revenue 45 / 20 / 9; cohort 2024-02 = {c4, c5}: 35 / 11.
import type { ReportModel } from '../../../src/shared/report';

/** The orders.csv report; `labels` replaces the two cohort labels (for hostile-text tests). */
export function ordersReport(labels: [string, string] = ['2024-01', '2024-02']): ReportModel {
  return {
    schemaVersion: 1,
    input: { file: 'orders.csv', rows: 9, skipped: {} },
    mapping: { customerId: 'customer_id', timestamp: 'month', amount: 'amount' },
    retention: {
      period: 'month', mode: 'classic', columns: ['M0', 'M1', 'M2'],
      cohorts: [
        { cohort: labels[0], size: 3, counts: [3, 2, 1], rates: [1, 0.6667, 0.3333], partial: [false, false, false], lower: [0.4385, 0.2077, 0.0615], upper: [1, 0.9385, 0.7923], small: true },
        { cohort: labels[1], size: 2, counts: [2, 1, null], rates: [1, 0.5, null], partial: [false, false, false], lower: [0.3424, 0.0945, null], upper: [1, 0.9055, null], small: true },
      ],
      average: { rates: [1, 0.6, 0.3333], method: 'pooled', counts: [5, 3, 1], sizes: [5, 5, 3], lower: [0.5655, 0.2307, 0.0615], upper: [1, 0.8824, 0.7923] },
      atRisk: [5, 5, 3],
      definition: { window: 'calendar', cohorts: 'first', rateBase: 'cohort', brackets: [], minOccurrences: 1, cohortEvent: null, returnEvent: null, smallCohort: 30 },
    },
    kpis: { customers: 5, orders: 9, revenue: 120, aov: 13.33, purchaseFrequency: 1.8, repeatPurchaseRate: 0.6 },
    revenue: {
      cohorts: [
        { cohort: labels[0], size: 3, revenue: [45, 20, 9], revenuePerCustomer: [15, 6.6667, 3], cumulativePerCustomer: [15, 21.6667, 24.6667], revenueRetention: [1, 0.4444, 0.2] },
        { cohort: labels[1], size: 2, revenue: [35, 11, null], revenuePerCustomer: [17.5, 5.5, null], cumulativePerCustomer: [17.5, 23, null], revenueRetention: [1, 0.3143, null] },
      ],
      average: { revenuePerCustomer: [16, 6.2, 3], cumulativePerCustomer: [16, 22.2, 24.6667], revenueRetention: [1, 0.3875, 0.2] },
    },
    segments: null,
    explain: [],
    choices: { eventNames: [], segmentColumns: [], presets: ['mixpanel', 'amplitude', 'posthog', 'ga4'] },
    quality: {
      rowsRead: 9, rowsUsed: 9, skipped: {}, examples: {}, returns: 0, zeroAmount: 0,
      dateFormat: 'year-month', timePrecision: 'month', firstActivity: '2024-01-01T00:00:00', dataEnd: '2024-04-01T00:00:00',
    },
    settings: { timeZone: 'UTC', weekStart: 'monday' },
  };
}

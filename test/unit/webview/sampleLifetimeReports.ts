// Hand-made LifetimeReportModels for the lifetime view's tests (and for looking at the page in a
// browser): a Telco-like customers file split by Contract, and a small subscriptions file with MRR,
// partial last period and markup in every text that comes from a CSV.
import type { LifetimeReportModel } from '../../../src/shared/report';
import type { KmPoint, SurvivalCurve } from '../../../src/shared/survivalReport';
import type { SubscriptionReport } from '../../../src/shared/subscriptionReport';
import { XSS_IMG, XSS_LABEL } from './sampleReports';

/**
 * Five subjects by hand: durations 1, 2 (censored), 3, 3, 5 (censored). S(1) = 4/5 = 0.8,
 * S(3) = 0.8 × (1 − 2/3) = 0.2667; median 3 with interval [1, open).
 */
export function tinyCurve(label = 'All'): SurvivalCurve {
  return {
    label, subjects: 5, events: 3,
    median: { time: 3, lower: 1, upper: null },
    points: [
      { time: 1, atRisk: 5, events: 1, censored: 0, survival: 0.8, lower: 0.2038, upper: 0.9692 },
      { time: 2, atRisk: 4, events: 0, censored: 1, survival: 0.8, lower: 0.2038, upper: 0.9692 },
      { time: 3, atRisk: 3, events: 2, censored: 0, survival: 0.26666666666666666, lower: 0.0104, upper: 0.6694 },
      { time: 5, atRisk: 1, events: 0, censored: 1, survival: 0.26666666666666666, lower: 0.0104, upper: 0.6694 },
    ],
    atRiskTable: [{ time: 0, atRisk: 5 }, { time: 2, atRisk: 4 }, { time: 4, atRisk: 1 }],
  };
}

function contractCurve(label: string, subjects: number, events: number, median: number | null, hazard: number): SurvivalCurve {
  let s = 1, atRisk = subjects;
  const points: KmPoint[] = [];
  const perStep = Math.max(1, Math.round((subjects * hazard)));
  for (let t = 0; t <= 72 && atRisk > 0; t += 6) {
    const d = Math.min(atRisk, t === 0 ? 0 : perStep), c = Math.min(atRisk - d, Math.round(atRisk * 0.1));
    s *= 1 - d / atRisk;
    points.push({ time: t, atRisk, events: d, censored: c, survival: s, lower: s === 0 ? null : Math.max(0, s - 0.03), upper: s === 0 ? null : Math.min(1, s + 0.03) });
    atRisk -= d + c;
  }
  const atRiskTable = [0, 12, 24, 36, 48, 60, 72].map((time) => ({ time, atRisk: points.find((p) => p.time >= time)?.atRisk ?? 0 }));
  return { label, subjects, events, median: { time: median, lower: median === null ? null : median - 2, upper: median === null ? null : median + 3 }, points, atRiskTable };
}

/** Telco-like: customers shape, tenure in months, split by Contract with a huge log-rank χ². */
export function telcoReport(): LifetimeReportModel {
  const segments = [contractCurve('Month-to-month', 3875, 1655, 35, 0.08), contractCurve('One year', 1473, 166, null, 0.012), contractCurve(XSS_LABEL, 1695, 48, null, 0.003)];
  return {
    schemaVersion: 1,
    shape: 'customers',
    input: { file: 'WA_Fn-UseC_-Telco-Customer-Churn.csv', rows: 7043, skipped: {} },
    mapping: { customerId: 'customerID', tenure: 'tenure', churned: 'Churn' },
    survival: {
      timeUnit: 'months', confidence: 0.95,
      overall: contractCurve('All', 7043, 1869, null, 0.03),
      segmentColumn: 'Contract',
      segments,
      logRank: {
        chiSquare: 2352.8712, df: 2, p: 0,
        groups: [
          { label: 'Month-to-month', subjects: 3875, observed: 1655, expected: 716.32 },
          { label: 'One year', subjects: 1473, observed: 166, expected: 490.12 },
          { label: XSS_LABEL, subjects: 1695, observed: 48, expected: 662.56 },
        ],
      },
    },
    subscriptions: null,
    choices: { segmentColumns: ['Contract', 'gender', `PaymentMethod ${XSS_IMG}`] },
    quality: { rowsRead: 7043, rowsUsed: 7043, skipped: {}, examples: {}, dateFormat: null, firstStart: null, dataEnd: null, active: 5174 },
    settings: { timeZone: 'UTC', weekStart: 'monday' },
  };
}

/** Four months of MRR by hand; 2024-04 is partial. */
export function subscriptionSection(): SubscriptionReport {
  return {
    period: 'month',
    policies: { samePeriodChurn: 'count', cancelAt: 'date', reactivation: 'original-cohort' },
    hasMrr: true,
    periods: [
      { period: '2024-01', partial: false, startCustomers: 0, newCustomers: 3, reactivatedCustomers: 0, churnedCustomers: 0, endCustomers: 3, logoChurnRate: null,
        startMrr: 0, endMrr: 300, movements: { new: 300, expansion: 0, contraction: 0, churn: 0, reactivation: 0 }, netNewMrr: 300, grossMrrChurnRate: null, grr: null, nrr: null, quickRatio: null },
      { period: '2024-02', partial: false, startCustomers: 3, newCustomers: 1, reactivatedCustomers: 0, churnedCustomers: 1, endCustomers: 3, logoChurnRate: 0.3333,
        startMrr: 300, endMrr: 1350.5, movements: { new: 1000, expansion: 150.5, contraction: 0, churn: 100, reactivation: 0 }, netNewMrr: 1050.5, grossMrrChurnRate: 0.3333, grr: 0.6667, nrr: 1.1683, quickRatio: 11.505 },
      { period: '2024-03', partial: false, startCustomers: 3, newCustomers: 0, reactivatedCustomers: 1, churnedCustomers: 1, endCustomers: 3, logoChurnRate: 0.3333,
        startMrr: 1350.5, endMrr: 1250.5, movements: { new: 0, expansion: 0, contraction: 50, churn: 150.5, reactivation: 100.5 }, netNewMrr: -100, grossMrrChurnRate: 0.1485, grr: 0.8515, nrr: 0.8515, quickRatio: 0.5012 },
      { period: '2024-04', partial: true, startCustomers: 3, newCustomers: 0, reactivatedCustomers: 0, churnedCustomers: 0, endCustomers: 3, logoChurnRate: 0,
        startMrr: 1250.5, endMrr: 1250.5, movements: { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 }, netNewMrr: 0, grossMrrChurnRate: 0, grr: 1, nrr: 1, quickRatio: null },
    ],
    cohorts: [
      { cohort: '2024-01', customers: 3, startMrr: 300, logoRetention: [1, 0.6667, 0.6667, 0.6667], nrr: [1, 1.1683, 1.05, 1.05], grr: [1, 0.6667, 0.5, 0.5], partial: [false, false, false, true] },
      { cohort: XSS_LABEL, customers: 1, startMrr: 1000, logoRetention: [1, 1, 1, null], nrr: [1, 0.95, 0.95, null], grr: [1, 0.95, 0.95, null], partial: [false, false, true, false] },
    ],
    columns: ['M0', 'M1', 'M2', 'M3'],
    current: { customers: 3, mrr: 1250.5, arpa: 416.8333 },
  };
}

/** A subscriptions file: survival in days overall (no split), MRR section, skipped rows with markup. */
export function subscriptionsReport(): LifetimeReportModel {
  return {
    schemaVersion: 1,
    shape: 'subscriptions',
    input: { file: `subs ${XSS_IMG}.csv`, rows: 12, skipped: { 'invalid timestamp': 1 } },
    mapping: { customerId: 'account', start: 'started_at', end: 'canceled_at', amount: `mrr ${XSS_IMG}`, plan: 'plan' },
    survival: { timeUnit: 'days', confidence: 0.95, overall: tinyCurve(), segmentColumn: null, segments: [], logRank: null },
    subscriptions: subscriptionSection(),
    choices: { segmentColumns: ['plan'] },
    quality: {
      rowsRead: 12, rowsUsed: 11, skipped: { 'invalid timestamp': 1 }, examples: { 'invalid timestamp': [{ line: 7, column: 'started_at', value: XSS_IMG }] },
      dateFormat: 'iso', firstStart: '2024-01-03T00:00:00', dataEnd: '2024-04-16T00:00:00', active: 2,
    },
    settings: { timeZone: 'UTC', weekStart: 'monday' },
  };
}

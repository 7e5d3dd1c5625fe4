// A hand-written PredictiveReport for the webview tests: the CDNOW fit's published-style numbers
// (rounded), four customers (one with a formula-injection id, one with markup, one without spend)
// and a three-week holdout whose last week is short.
import type { PredictiveCustomerRow, PredictiveReport } from '../../../src/shared/predictiveReport';

/** A customer id a spreadsheet would run as a formula. */
export const HOSTILE_ID = '=HYPERLINK("http://evil.example","x")';

/** The sample's customers, in the report's order (highest CLV first; the one without CLV last). */
export function sampleCustomers(): PredictiveCustomerRow[] {
  return [
    { id: 'c10', firstLine: 12, x: 18, tx: 35.142857, T: 35.857143, pAlive: 0.946453, expectedPurchases: 16.0573, expectedSpend: 77.6022, clv: 1175.7749 },
    { id: HOSTILE_ID, firstLine: 2, x: 3, tx: 20, T: 38, pAlive: 0.5, expectedPurchases: 1.5, expectedSpend: 40, clv: 60.5 },
    { id: 'c2', firstLine: 7, x: 3, tx: 30.5, T: 31, pAlive: 0.97, expectedPurchases: 3.25, expectedSpend: 12.5, clv: 60.5 },
    { id: '<img src=x onerror=alert(1)>', firstLine: 9, x: 0, tx: 0, T: 10, pAlive: 1, expectedPurchases: 0.8, expectedSpend: null, clv: null },
  ];
}

/** The sample report (weeks, 12 months, 1 % a month, holdout 1997-10-01 … 1997-10-17). */
export function samplePredictive(): PredictiveReport {
  return {
    options: { calibrationEnd: '1997-09-30', timeUnit: 'week', horizonMonths: 12, monthlyDiscountRate: 0.01, penalizer: 0, topCustomers: 500, zeroAmountPurchases: true },
    units: {
      timeUnit: 'week', daysPerUnit: 7, calibrationStart: '1997-01-01', calibrationEnd: '1997-09-30',
      horizonUnits: 52.17857142857143, annualDiscountRate: 0.12682503013196977, money: 'the amount column\'s currency',
    },
    data: { customers: 2357, modelled: 2357, bornAfterCalibration: 0, withoutPurchases: 0, purchaseDays: 4814, repeatPurchases: 2457, repeatCustomers: 946 },
    bgnbd: {
      params: [
        { name: 'r', value: 0.24259452, se: 0.0125573 }, { name: 'alpha', value: 4.41360202, se: 0.37822160 },
        { name: 'a', value: 0.79292204, se: 0.18572450 }, { name: 'b', value: 2.42590686, se: 0.70538193 },
      ],
      logLikelihood: -9582.429206673924, customers: 2357, converged: true, status: 'converged (Newton; 309 evaluations, max |gradient| 5.8e-10)', evaluations: 309, fitMs: 51.244,
    },
    gammaGamma: {
      params: [{ name: 'p', value: 6.24993, se: 1.19 }, { name: 'q', value: 3.74428, se: 0.289 }, { name: 'gamma', value: 15.44376, se: null }],
      logLikelihood: -4055.9177, customers: 946, converged: false, status: 'stopped after 2000 evaluations (max |gradient| 0.3)', evaluations: 2000, fitMs: 1534.2,
      frequencySpendCorrelation: 0.1132, warning: null,
    },
    totals: { expectedPurchases: 2095.114337465153, clv: 71449.17787582631, meanPAlive: 0.8134398262662145, likelyActive: 1964 },
    customers: sampleCustomers(),
    customersListed: 4,
    holdout: {
      start: '1997-10-01', end: '1997-10-17', days: 17,
      weeks: [
        { week: 1, days: 7, actual: 50, expected: 52.146762505, actualCumulative: 50, expectedCumulative: 52.146762505 },
        { week: 2, days: 7, actual: 56, expected: 51.426857580, actualCumulative: 106, expectedCumulative: 103.573620085 },
        { week: 3, days: 3, actual: 20, expected: 21.7, actualCumulative: 126, expectedCumulative: 125.273620085 },
      ],
      byFrequency: [
        { x: 0, label: '0', customers: 1411, actual: 0.23671155, expected: 0.22508733 },
        { x: 1, label: '1', customers: 439, actual: 0.69703872, expected: 0.52313117 },
        { x: 7, label: '7+', customers: 0, actual: 0, expected: 0 },
      ],
      actualTotal: 126, expectedTotal: 125.273620085,
    },
    warnings: ['Spend and frequency are correlated (ρ = 0.41): the Gamma-Gamma model assumes they are independent.', 'Spend and frequency are correlated (ρ = 0.41): the Gamma-Gamma model assumes they are independent.'],
  };
}

// The orders.csv report (monthly, classic, computed by hand in test/unit/webview/sampleReports.ts:
// cohort 2024-01 = {c1, c2, c3}: revenue 45 / 20 / 9; cohort 2024-02 = {c4, c5}: 35 / 11), with
// cohort labels that tests may replace with hostile text.
import type { ReportModel } from '../../../src/shared/report';
import { ordersReport as handComputed } from '../webview/sampleReports';

/** The orders.csv report; `labels` replaces the two cohort labels (for hostile-text tests). */
export function ordersReport(labels: [string, string] = ['2024-01', '2024-02']): ReportModel {
  const report = handComputed();
  report.retention.cohorts.forEach((row, i) => { row.cohort = labels[i]; });
  report.revenue?.cohorts.forEach((row, i) => { row.cohort = labels[i]; });
  return report;
}

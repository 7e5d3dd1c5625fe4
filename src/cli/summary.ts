import type { LifetimeReportModel, ReportModel } from '../shared/report';

const fmt = (n: number): string => n.toLocaleString('en-US');
const ADJECTIVE = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' } as const;

/** The CLI's one-line stderr summary: rows read, skipped and why, customers, cohorts, outputs. */
export function summaryLine(report: ReportModel, outputs: (string | null)[]): string {
  return `${readLine(report)}${fmt(report.kpis.customers)} customers in ${fmt(report.retention.cohorts.length)} ${ADJECTIVE[report.retention.period]} cohorts`
    + wroteText(outputs);
}

/** The same line for a subscriptions or customers file: subjects, churned, still active, median lifetime. */
export function lifetimeSummaryLine(report: LifetimeReportModel, outputs: (string | null)[]): string {
  const { overall, timeUnit } = report.survival;
  const median = overall.median.time === null ? 'not reached' : `${fmt(overall.median.time)} ${timeUnit}`;
  return `${readLine(report)}${fmt(overall.subjects)} customers, ${fmt(overall.events)} churned, ${fmt(report.quality.active)} active; median lifetime ${median}`
    + wroteText(outputs);
}

/** "orders.csv: 9 rows read, 0 skipped; " with the reasons for skipped rows. */
function readLine(report: ReportModel | LifetimeReportModel): string {
  const skipped = Object.entries(report.input.skipped).filter(([, n]) => (n ?? 0) > 0);
  const skippedText = skipped.length
    ? `${fmt(skipped.reduce((s, [, n]) => s + (n ?? 0), 0))} skipped (${skipped.map(([why, n]) => `${why}: ${fmt(n ?? 0)}`).join(', ')})`
    : '0 skipped';
  return `${report.input.file}: ${fmt(report.input.rows)} rows read, ${skippedText}; `;
}

function wroteText(outputs: (string | null)[]): string {
  const written = outputs.filter((o): o is string => !!o);
  return written.length ? `; wrote ${written.join(', ')}` : '';
}

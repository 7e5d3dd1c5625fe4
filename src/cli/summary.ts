import type { ReportModel } from '../shared/report';

const fmt = (n: number): string => n.toLocaleString('en-US');
const ADJECTIVE = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' } as const;

/** The CLI's one-line stderr summary: rows read, skipped and why, customers, cohorts, outputs. */
export function summaryLine(report: ReportModel, outputs: (string | null)[]): string {
  const skipped = Object.entries(report.input.skipped).filter(([, n]) => (n ?? 0) > 0);
  const skippedText = skipped.length
    ? `${fmt(skipped.reduce((s, [, n]) => s + (n ?? 0), 0))} skipped (${skipped.map(([why, n]) => `${why}: ${fmt(n ?? 0)}`).join(', ')})`
    : '0 skipped';
  const written = outputs.filter((o): o is string => !!o);
  return `${report.input.file}: ${fmt(report.input.rows)} rows read, ${skippedText}; `
    + `${fmt(report.kpis.customers)} customers in ${fmt(report.retention.cohorts.length)} ${ADJECTIVE[report.retention.period]} cohorts`
    + (written.length ? `; wrote ${written.join(', ')}` : '');
}

// CSV exports of the lifetime page: the survival table (every Kaplan–Meier step of every curve)
// and the MRR periods table. Numbers are written as the report holds them (proportions, money to
// the cent) so a spreadsheet or lifelines can take them as they are; every cell goes through
// shared/exportTable.ts toCsv, which neutralises formulas (= + - @) in CSV-derived labels.
import { toCsv } from '../../shared/exportTable';
import type { LifetimeReportModel } from '../../shared/report';
import type { SubscriptionReport } from '../../shared/subscriptionReport';
import type { SurvivalCurve } from '../../shared/survivalReport';
import { confidenceLabel } from './survivalModel';

const num = (n: number | null, digits: number): string => (n === null || !Number.isFinite(n) ? '' : String(Number(n.toFixed(digits))));

function curveRows(c: SurvivalCurve): string[][] {
  return c.points.map((p) => [c.label, String(p.time), String(p.atRisk), String(p.events), String(p.censored), num(p.survival, 6), num(p.lower, 6), num(p.upper, 6)]);
}

/** The survival table as text rows: the overall curve, then one block per segment value. */
export function survivalRows(report: LifetimeReportModel): string[][] {
  const s = report.survival;
  const level = confidenceLabel(s.confidence);
  const curve = s.segmentColumn === null ? 'Curve' : `Curve (${s.segmentColumn})`;
  return [
    [curve, `Time (${s.timeUnit})`, 'At risk', 'Events', 'Censored', 'Survival', `Lower ${level}`, `Upper ${level}`],
    ...curveRows(s.overall),
    ...s.segments.flatMap(curveRows),
  ];
}

/** The MRR periods table as text rows: customers, MRR movements and rates (proportions) per period. */
export function periodRows(subs: SubscriptionReport): string[][] {
  const head = ['Period', 'Partial', 'Start customers', 'New customers', 'Reactivated customers', 'Churned customers', 'End customers', 'Logo churn rate',
    'Start MRR', 'New MRR', 'Expansion MRR', 'Reactivation MRR', 'Contraction MRR', 'Churn MRR', 'Net new MRR', 'End MRR', 'Gross MRR churn rate', 'GRR', 'NRR', 'Quick ratio'];
  return [head, ...subs.periods.map((p) => {
    const m = p.movements;
    return [
      p.period, p.partial ? 'yes' : 'no', ...[p.startCustomers, p.newCustomers, p.reactivatedCustomers, p.churnedCustomers, p.endCustomers].map(String),
      num(p.logoChurnRate, 4), num(p.startMrr, 2), num(m?.new ?? null, 2), num(m?.expansion ?? null, 2), num(m?.reactivation ?? null, 2),
      num(m?.contraction ?? null, 2), num(m?.churn ?? null, 2), num(p.netNewMrr, 2), num(p.endMrr, 2),
      num(p.grossMrrChurnRate, 4), num(p.grr, 4), num(p.nrr, 4), num(p.quickRatio, 4),
    ];
  })];
}

/** "telco.csv" → "telco-survival.csv". */
export function lifetimeExportName(file: string, what: 'survival' | 'mrr'): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'report';
  return `${base}-${what}.csv`;
}

/** The survival table as CSV. */
export function survivalCsv(report: LifetimeReportModel): string {
  return toCsv(survivalRows(report));
}

/** The MRR periods table as CSV, or null for a report without a subscriptions section. */
export function periodsCsv(report: LifetimeReportModel): string | null {
  return report.subscriptions ? toCsv(periodRows(report.subscriptions)) : null;
}

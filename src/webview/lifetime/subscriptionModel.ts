// The subscriptions section as plain data (tested in Node): KPI tiles, the per-period table, the
// MRR movements chart (stacked bars: gains up, losses down, net new as a line), the MRR-over-time
// line and the cohort heat tables. Money has 2 decimals and thousands separators, rates are
// percentages with one decimal, a value that cannot be computed is "—".
import type { SubscriptionPeriodRow, SubscriptionReport } from '../../shared/subscriptionReport';
import type { BarLayer } from '../barModel';
import type { ChartModel } from '../chartModel';
import { DASH, formatInteger, formatMoney, formatPercent1 } from '../format';
import { heatClass } from '../heat';
import { periodWords } from '../periods';

/** A quick ratio: 2 decimals; null (no losses, or no MRR) → "—". */
export function formatRatio(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : n.toFixed(2);
}

/** The latest period that is complete (the last one is usually partial), or null. */
export function lastCompletePeriod(r: SubscriptionReport): SubscriptionPeriodRow | null {
  for (let i = r.periods.length - 1; i >= 0; i--) if (!r.periods[i].partial) return r.periods[i];
  return null;
}

/** One KPI tile. */
export interface Tile {
  key: string;
  label: string;
  value: string;
  hint: string;
}

/** The headline tiles: current MRR, customers, ARPA, and the last complete period's NRR, GRR, logo churn and quick ratio. */
export function subscriptionTiles(r: SubscriptionReport): Tile[] {
  const last = lastCompletePeriod(r);
  const at = last ? ` (${last.period})` : '';
  const noMrr = 'The file has no MRR column';
  const tiles: Tile[] = [
    { key: 'mrr', label: 'Current MRR', value: formatMoney(r.current.mrr), hint: r.hasMrr ? 'Monthly recurring revenue at the data end' : noMrr },
    { key: 'customers', label: 'Customers', value: formatInteger(r.current.customers), hint: 'Customers with an active subscription at the data end' },
    { key: 'arpa', label: 'ARPA', value: formatMoney(r.current.arpa), hint: r.hasMrr ? 'Average revenue per account: MRR ÷ customers' : noMrr },
    { key: 'nrr', label: `NRR${at}`, value: formatPercent1(last?.nrr ?? null), hint: 'Net revenue retention: (start MRR − churn − contraction + expansion) ÷ start MRR' },
    { key: 'grr', label: `GRR${at}`, value: formatPercent1(last?.grr ?? null), hint: 'Gross revenue retention: (start MRR − churn − contraction) ÷ start MRR' },
    { key: 'logoChurn', label: `Logo churn${at}`, value: formatPercent1(last?.logoChurnRate ?? null), hint: 'Customers lost ÷ customers at the start of the period' },
    { key: 'quickRatio', label: `Quick ratio${at}`, value: formatRatio(last?.quickRatio ?? null), hint: '(new + expansion + reactivation MRR) ÷ (churn + contraction MRR); above 1 = growing' },
  ];
  return r.hasMrr ? tiles : tiles.filter((t) => t.key === 'customers' || t.key === 'logoChurn');
}

/** A column of the period table. */
export interface PeriodHead {
  text: string;
  title?: string;
  num: boolean;
}

/** The per-period table: headers, and one row of text cells per period (partial ones flagged). */
export interface PeriodTable {
  heads: PeriodHead[];
  rows: { cells: string[]; partial: boolean }[];
}

const MRR_HEADS: PeriodHead[] = [
  { text: 'Period', num: false }, { text: 'Start MRR', num: true }, { text: 'New', num: true }, { text: 'Expansion', num: true },
  { text: 'Reactivation', num: true }, { text: 'Contraction', num: true, title: 'MRR lost to downgrades (shown negative)' },
  { text: 'Churn', num: true, title: 'MRR lost to cancellations (shown negative)' }, { text: 'Net new', num: true, title: 'New + expansion + reactivation − contraction − churn' },
  { text: 'End MRR', num: true }, { text: 'Customers', num: true, title: 'Customers at the end of the period' },
  { text: 'Logo churn', num: true, title: 'Customers lost ÷ customers at the start' }, { text: 'Gross MRR churn', num: true, title: '(churn + contraction) ÷ start MRR' },
  { text: 'GRR', num: true, title: '(start MRR − churn − contraction) ÷ start MRR' }, { text: 'NRR', num: true, title: '(start MRR − churn − contraction + expansion) ÷ start MRR' },
  { text: 'Quick ratio', num: true, title: '(new + expansion + reactivation) ÷ (churn + contraction)' },
];

const LOGO_HEADS: PeriodHead[] = [
  { text: 'Period', num: false }, { text: 'Start customers', num: true }, { text: 'New', num: true }, { text: 'Reactivated', num: true },
  { text: 'Churned', num: true }, { text: 'End customers', num: true }, { text: 'Logo churn', num: true, title: 'Customers lost ÷ customers at the start' },
];

/** A loss as a negative amount ("−150.50"); zero stays "0.00". */
function loss(n: number): string {
  return n === 0 ? formatMoney(0) : formatMoney(-n);
}

function mrrCells(p: SubscriptionPeriodRow): string[] {
  const m = p.movements;
  return [
    formatMoney(p.startMrr), formatMoney(m?.new ?? null), formatMoney(m?.expansion ?? null), formatMoney(m?.reactivation ?? null),
    m ? loss(m.contraction) : DASH, m ? loss(m.churn) : DASH, formatMoney(p.netNewMrr), formatMoney(p.endMrr), formatInteger(p.endCustomers),
    formatPercent1(p.logoChurnRate), formatPercent1(p.grossMrrChurnRate), formatPercent1(p.grr), formatPercent1(p.nrr), formatRatio(p.quickRatio),
  ];
}

function logoCells(p: SubscriptionPeriodRow): string[] {
  return [p.startCustomers, p.newCustomers, p.reactivatedCustomers, p.churnedCustomers, p.endCustomers].map(formatInteger).concat(formatPercent1(p.logoChurnRate));
}

/** The period table; a partial period's label ends in "*". Without an MRR column only the customer (logo) columns. */
export function periodTable(r: SubscriptionReport): PeriodTable {
  return {
    heads: r.hasMrr ? MRR_HEADS : LOGO_HEADS,
    rows: r.periods.map((p) => ({ cells: [p.partial ? `${p.period}*` : p.period, ...(r.hasMrr ? mrrCells(p) : logoCells(p))], partial: p.partial })),
  };
}

/** The movements chart: stacked bars (gains above zero, losses below) and the net new MRR line. */
export interface MovementsModel {
  labels: string[];
  layers: BarLayer[];          // drawn in order: outermost stack first so the inner ones stay visible
  net: (number | null)[];
  partial: boolean[];
}

const GAINS = [['new', 'New', 'green'], ['expansion', 'Expansion', 'blue'], ['reactivation', 'Reactivation', 'purple']] as const;
const LOSSES = [['contraction', 'Contraction', 'orange'], ['churn', 'Churn', 'red']] as const;

/**
 * Bars per period: new, expansion, reactivation stacked up from 0; contraction, then churn stacked
 * down from 0. `values` are signed (losses negative, as hover shows them); `tops` are the running
 * sums where each bar ends. Returned outermost first (reactivation, expansion, new; churn,
 * contraction) because uPlot paints every bar from zero.
 */
export function movementsModel(r: SubscriptionReport): MovementsModel {
  const rows = r.periods;
  const up: BarLayer[] = [], down: BarLayer[] = [];
  let upSum = rows.map(() => 0), downSum = rows.map(() => 0);
  for (const [key, label, color] of GAINS) {
    const values = rows.map((p) => p.movements?.[key] ?? null);
    upSum = upSum.map((s, i) => s + (values[i] ?? 0));
    up.push({ key, label, color, values, tops: rows.map((p, i) => (p.movements ? upSum[i] : null)) });
  }
  for (const [key, label, color] of LOSSES) {
    // 0 − x, not −x: a zero loss must stay +0 (Intl prints −0 as "-0.00").
    const values = rows.map((p) => (p.movements ? 0 - p.movements[key] : null));
    downSum = downSum.map((s, i) => s + (values[i] ?? 0));
    down.push({ key, label, color, values, tops: rows.map((p, i) => (p.movements ? downSum[i] : null)) });
  }
  return { labels: rows.map((p) => p.period), layers: [...up.reverse(), ...down.reverse()], net: rows.map((p) => p.netNewMrr), partial: rows.map((p) => p.partial) };
}

/** End MRR per period as a line (RetentionChart's model: money, x = period index). */
export function mrrLineModel(r: SubscriptionReport): ChartModel {
  const partial = r.periods.some((p) => p.partial);
  return {
    xs: r.periods.map((_, i) => i), columns: r.periods.map((p) => p.period),
    series: [{ label: 'End MRR', kind: 'average', values: r.periods.map((p) => p.endMrr) }],
    unit: 'money', yLabel: 'MRR', xName: 'Period', note: partial ? `The last ${periodWords(r.period).one} is not over yet (partial): its MRR can still change.` : null,
  };
}

/** Which retention the cohort table shows. */
export type CohortMetric = 'nrr' | 'grr' | 'logoRetention';
export const COHORT_METRICS: readonly CohortMetric[] = ['nrr', 'grr', 'logoRetention'];
export const COHORT_METRIC_LABELS: Record<CohortMetric, string> = { nrr: 'NRR', grr: 'GRR', logoRetention: 'Logo retention' };

/** One heat cell: text, heat class (null = absent), partial flag. */
export interface HeatCell {
  text: string;
  heat: string | null;
  partial: boolean;
}

/** The cohort heat table of one metric: per cohort its customers, starting MRR and a cell per offset. */
export function cohortHeatRows(r: SubscriptionReport, metric: CohortMetric): { cohort: string; customers: string; startMrr: string; cells: HeatCell[] }[] {
  return r.cohorts.map((c) => ({
    cohort: c.cohort, customers: formatInteger(c.customers), startMrr: formatMoney(c.startMrr),
    cells: r.columns.map((_, k) => {
      const v = c[metric][k] ?? null;
      return { text: v === null ? '' : formatPercent1(v), heat: heatClass(v), partial: c.partial[k] === true && v !== null };
    }),
  }));
}

/** The cohort metrics a report can show: NRR and GRR need MRR. */
export function cohortMetrics(r: SubscriptionReport): CohortMetric[] {
  return r.hasMrr ? [...COHORT_METRICS] : ['logoRetention'];
}

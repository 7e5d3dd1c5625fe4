// The report's opening lines: two or three factual sentences built only from numbers already in
// the churn report (no estimates of its own), so every figure can be found in a table below.
// Money carries no currency symbol: the file does not say which currency it is.
import type { ChurnWindow, CrrRow, CustomerValue, InactivityReport, LifecycleRow } from '../../shared/churnReport';
import type { Period } from '../../shared/options';

/** What the sentences are made from: sections of the churn report. */
export interface InsightInput {
  period: Period;
  window: ChurnWindow;
  crr: CrrRow[];
  inactivity: InactivityReport;
  lifecycle: LifecycleRow[];
  value: CustomerValue;
}

/** CRR rows averaged in the first sentence (the most recent ones). */
export const INSIGHT_PERIODS = 6;

const ADJECTIVE: Record<Period, string> = { day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };
const NOUN: Record<Period, string> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };

/** Up to three short sentences summarising CRR, churn and value; none when there is no purchase. */
export function insightLines(input: InsightInput): string[] {
  if (input.inactivity.customers === 0) return [];
  return [crrLine(input), churnLine(input), valueLine(input)].filter((line): line is string => line !== null);
}

/** Average CRR of the last complete periods whose S is not undercounted by the warm-up. */
function crrLine({ period, crr }: InsightInput): string | null {
  const rows = crr.filter((r) => r.crr !== null && r.exactShare !== null && !r.warmUp).slice(-INSIGHT_PERIODS);
  if (rows.length === 0) return null;
  const mean = (pick: (r: CrrRow) => number): number => rows.reduce((sum, r) => sum + pick(r), 0) / rows.length;
  const crrMean = percent(mean((r) => r.crr!));
  const exactMean = percent(mean((r) => r.exactShare!));
  if (rows.length === 1) return `${ADJECTIVE[period]} CRR was ${crrMean} in ${rows[0].period} (exact retained share ${exactMean}).`;
  return `${ADJECTIVE[period]} CRR has averaged ${crrMean} over the last ${rows.length} ${NOUN[period]} (exact retained share ${exactMean}).`;
}

function churnLine({ window, inactivity }: InsightInput): string {
  const { atRisk, churned, customers } = inactivity;
  const worth = atRisk.revenue !== null && atRisk.total > 0 ? `, worth ${money(atRisk.revenue)} in past revenue` : '';
  const risk = atRisk.total === 0
    ? 'No customer is at risk'
    : `${count(atRisk.total)} customer${atRisk.total === 1 ? ' is' : 's are'} at risk (silent longer than usual, under ${window.days} days)${worth}`;
  return `${risk}; ${count(churned.total)} of ${count(customers)} (${percent((churned.total / customers) * 100)}) ` +
    `have churned (no purchase in the last ${window.days} days).`;
}

/** Customer value with its arithmetic, or else the latest complete period's quick ratio. */
function valueLine({ value, lifecycle }: InsightInput): string | null {
  if (value.formulaClv !== null && value.historicClv !== null) {
    return `Revenue per customer to date is ${money(value.historicClv)}; formula CLV is ${money(value.formulaClv)} ` +
      `(AOV ${money(value.aov!)} × ${value.frequencyPerYear!.toFixed(2)} orders/yr × ${value.expectedLifespanYears!.toFixed(1)} yr).`;
  }
  const last = [...lifecycle].reverse().find((r) => !r.partial && r.quickRatio !== null);
  if (!last) return null;
  return `In ${last.period} the quick ratio was ${last.quickRatio!.toFixed(2)}: ${count(last.new)} new and ` +
    `${count(last.resurrected)} resurrected against ${count(last.churned)} churned.`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Whole percents from 10 up, one decimal below (a 0.4% churn is not "0%"). */
function percent(x: number): string {
  return `${x.toLocaleString('en-US', { maximumFractionDigits: Math.abs(x) >= 10 ? 0 : 1 })}%`;
}

/** Whole units from 1,000 up, cents below. */
function money(x: number): string {
  return x.toLocaleString('en-US', Math.abs(x) >= 1000 ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

// Customer retention rate (DESIGN.md §4): CRR = (E − N) / S × 100 per complete period, beside
// the exact retained share |A(t0) ∩ A(t1)| / |A(t0)|, plus the churn rate per period and the
// calculator's formula. "Customer at t" and the runs behind the counts: see windowCounts.ts.
import type { ChurnRateRow, CrrFormulaResult, CrrRow } from '../../shared/churnReport';
import type { Dataset } from '../../shared/dataset';
import type { Period, WeekStart } from '../../shared/options';
import { MS_PER_DAY, isoDate } from '../civil';
import { periodLabel, periodStart } from '../periods';
import { round2 } from '../rounding';
import { customerDays, type CustomerDays } from './customerDays';
import { windowCounts, type WindowCounts } from './windowCounts';

/** Periods and churn window of a CRR table. */
export interface CrrOptions {
  period: Period;
  weekStart: WeekStart;
  windowDays: number;
}

/** CRR and exact retained share differ by at least this many points before the row explains why. */
export const NOTE_THRESHOLD = 0.5;

/** The CRR table of a Dataset: one row per complete period, oldest first. */
export function crrTable(ds: Dataset, o: CrrOptions): CrrRow[] {
  const cd = customerDays(ds);
  return crrRows(windowCounts(cd, { dataEnd: ds.dataEnd, ...o }), cd, o);
}

/** CRR rows from counts already computed (the report shares one pass with the churn rates). */
export function crrRows(wc: WindowCounts, cd: CustomerDays, o: CrrOptions): CrrRow[] {
  const rows: CrrRow[] = [];
  for (let k = 0; k < wc.periods; k++) {
    const S = wc.active[k];
    const E = wc.active[k + 1];
    const N = wc.fresh[k];
    const retained = wc.retained[k];
    const reactivated = E - N - retained;
    const crr = S === 0 ? null : ((E - N) / S) * 100;
    const exact = S === 0 ? null : (retained / S) * 100;
    const p = wc.firstPeriod + k;
    rows.push({
      period: periodLabel(p, o.period, o.weekStart),
      start: isoDate(periodStart(p, o.period, o.weekStart) / MS_PER_DAY),
      end: isoDate(periodStart(p + 1, o.period, o.weekStart) / MS_PER_DAY),
      S, E, N, retained, reactivated,
      crr: crr === null ? null : round2(crr),
      churn: crr === null ? null : round2(100 - crr),
      exactShare: exact === null ? null : round2(exact),
      warmUp: isWarmUp(p, cd, o),
      note: crr !== null && exact !== null && crr - exact >= NOTE_THRESHOLD ? reactivationNote(crr, exact, reactivated, o.windowDays) : null,
    });
  }
  return rows;
}

/** Churn events per complete period from the same counts: churned ÷ customers at the start. */
export function churnRateRows(wc: WindowCounts, cd: CustomerDays, o: CrrOptions): ChurnRateRow[] {
  const rows: ChurnRateRow[] = [];
  for (let k = 0; k < wc.periods; k++) {
    const S = wc.active[k];
    const p = wc.firstPeriod + k;
    rows.push({
      period: periodLabel(p, o.period, o.weekStart),
      customersAtStart: S,
      churned: wc.churned[k],
      rate: S === 0 ? null : round2((wc.churned[k] / S) * 100),
      warmUp: isWarmUp(p, cd, o),
    });
  }
  return rows;
}

/**
 * The W days before t0 start before the file's first purchase: customers who bought only
 * before the file begins are unseen, so S (and E) undercount.
 */
function isWarmUp(p: number, cd: CustomerDays, o: CrrOptions): boolean {
  return periodStart(p, o.period, o.weekStart) / MS_PER_DAY - o.windowDays < cd.firstDay;
}

// E − N − retained is exactly the customers back after a silence of ≥ W days, so the gap between
// the two rates is reactivated / S; naming that count is the whole explanation.
function reactivationNote(crr: number, exact: number, reactivated: number, W: number): string {
  const one = reactivated === 1;
  return `CRR ${round2(crr)}% is above the exact retained share ${round2(exact)}% because ${reactivated.toLocaleString('en-US')} ` +
    `reactivated customer${one ? '' : 's'} (back after ${W}+ days without a purchase) count${one ? 's' : ''} in E − N as if kept.`;
}

/** Names of the calculator's inputs, for messages. */
const INPUT_NAMES = { S: 'S (customers at the start)', E: 'E (customers at the end)', N: 'N (new customers)' } as const;

/**
 * The CRR calculator: CRR = (E − N) / S × 100 and churn = 100 − CRR, rounded to 2 decimals, or
 * a message saying what is wrong. Strings (an input box, CLI flags) are read as plain numbers.
 */
export function crrFormula(S: number | string, E: number | string, N: number | string): CrrFormulaResult {
  const values = { S: readCount(S, 'S'), E: readCount(E, 'E'), N: readCount(N, 'N') };
  for (const v of Object.values(values)) if (typeof v === 'string') return { error: v };
  const [s, e, n] = [values.S, values.E, values.N] as number[];
  if (s === 0) return { error: 'S (customers at the start) is 0: the retention rate is undefined without customers at the start.' };
  if (e < n) return { error: `E (${e}) is smaller than N (${n}): the customers at the end include the new ones, so E ≥ N.` };
  const crr = ((e - n) / s) * 100;
  const result: CrrFormulaResult = { crr: round2(crr), churn: round2(100 - crr) };
  if (e - n > s) {
    result.warning = `E − N (${e - n}) is more than S (${s}): more customers kept than there were at the start, ` +
      'so some were reactivated (not customers at the start, not new) and CRR is above 100%.';
  }
  return result;
}

/** A whole, non-negative number of customers, or the message saying why not. */
function readCount(x: number | string, name: keyof typeof INPUT_NAMES): number | string {
  const label = INPUT_NAMES[name];
  const text = typeof x === 'string' ? x.trim() : null;
  if (text === '') return `${label} is empty: enter a whole number of customers.`;
  const v = text === null ? x as number : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(v)) return `${label} is not a number: ${JSON.stringify(String(x))}.`;
  if (v < 0) return `${label} is negative (${v}): customer counts are 0 or more.`;
  if (!Number.isInteger(v)) return `${label} is not a whole number (${v}): enter a count of customers.`;
  return v;
}

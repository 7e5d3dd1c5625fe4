// Each customer's active periods read straight off the rows when the file spans at most 128 of
// them (months, quarters and years of most files; weeks of two years): one bit per period per
// customer, set row by row, then listed. The first table a Dataset is asked for (the monthly
// cohort table of a freshly loaded file) then needs neither the rows grouped by customer nor
// their distinct days (groups.ts, churn/customerDays.ts): at 10M rows ~0.2 s instead of ~0.7 s.
// Once the distinct days are known, periodActivity.ts lists from them instead (cheaper still).
import type { Dataset } from '../shared/dataset';
import type { Period, WeekStart } from '../shared/options';
import { dayOf } from './civil';
import { periodTable } from './churn/periodLookup';
import { perDataset } from './memo';
import type { PeriodActivity } from './periodActivity';

/** Most periods read as bits (four 32-bit words per customer). */
export const MAX_BIT_PERIODS = 128;

/** Civil ms of the first and last purchase (amount > 0, or every row without amounts); NaN when there is none. Once per Dataset. */
export function purchaseSpan(ds: Dataset): { firstTime: number; lastTime: number } {
  return perDataset(ds, 'purchaseSpan', () => {
    const { time, amount, rowCount } = ds;
    let first = Infinity;
    let last = -Infinity;
    for (let r = 0; r < rowCount; r++) {
      if (amount !== null && !(amount[r] > 0)) continue;
      const t = time[r];
      if (t < first) first = t;
      if (t > last) last = t;
    }
    return first === Infinity ? { firstTime: NaN, lastTime: NaN } : { firstTime: first, lastTime: last };
  });
}

/** periodActivity from the rows; null when the purchases span more than MAX_BIT_PERIODS periods (or none). */
export function periodsFromRows(ds: Dataset, period: Period, weekStart: WeekStart): PeriodActivity | null {
  const { firstTime, lastTime } = purchaseSpan(ds);
  const t = periodTable({ period, weekStart }, dayOf(firstTime), dayOf(lastTime));
  if (!t) return null;
  const first = t.table[0];
  const last = t.table[t.table.length - 1];
  const span = last - first + 1;
  if (span > MAX_BIT_PERIODS) return null;
  const words = Math.ceil(span / 32);
  const bits = activeBits(ds, t.table, t.fromDay, first, words);
  return { ...listBits(bits, words, span, first), first, last };
}

/** Bit p − first of customer u's words: they purchased in period p (`table`: day − fromDay → period). */
function activeBits(ds: Dataset, table: Int32Array, fromDay: number, first: number, words: number): Int32Array {
  const { customer, time, amount, rowCount } = ds;
  const bits = new Int32Array(ds.customerIds.length * words);
  for (let r = 0; r < rowCount; r++) {
    if (amount !== null && !(amount[r] > 0)) continue;
    const p = table[dayOf(time[r]) - fromDay] - first;
    bits[customer[r] * words + (p >>> 5)] |= 1 << (p & 31);
  }
  return bits;
}

/** The lists (CSR), byCohort and retained of periodActivity.ts from each customer's bits. */
function listBits(bits: Int32Array, words: number, span: number, first: number): Pick<PeriodActivity, 'start' | 'period' | 'byCohort' | 'retained'> {
  const customers = bits.length / words;
  const start = new Uint32Array(customers + 1);
  for (let u = 0, n = 0; u < customers; u++) {
    for (let w = 0; w < words; w++) n += popcount(bits[u * words + w]);
    start[u + 1] = n;
  }
  const period = new Int32Array(start[customers]);
  const byCohort = new Int32Array(span * span);
  const retained = new Int32Array(span);
  for (let u = 0, n = 0; u < customers; u++) {
    let cohort = -1;
    let prev = -2;
    for (let w = 0; w < words; w++) {
      for (let m = bits[u * words + w]; m !== 0; m &= m - 1) {
        const p = w * 32 + 31 - Math.clz32(m & -m);
        if (cohort < 0) cohort = p;
        period[n++] = p + first;
        byCohort[cohort * span + p]++;
        retained[p] += Number(p - prev === 1);
        prev = p;
      }
    }
  }
  return { start, period, byCohort, retained };
}

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

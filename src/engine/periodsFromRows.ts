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
const MAX_BIT_PERIODS = 128;

/** Civil ms of the earliest and latest row (purchase or not: a pass without branches to mispredict); NaN without rows. Once per Dataset. */
export function timeSpan(ds: Dataset): { first: number; last: number } {
  return perDataset(ds, 'timeSpan', () => {
    const time = ds.time;
    let first = Infinity;
    let last = -Infinity;
    for (let r = 0; r < ds.rowCount; r++) {
      first = Math.min(first, time[r]);
      last = Math.max(last, time[r]);
    }
    return ds.rowCount ? { first, last } : { first: NaN, last: NaN };
  });
}

/** periodActivity from the rows; null when the rows span more than MAX_BIT_PERIODS periods, or nobody purchased. */
export function periodsFromRows(ds: Dataset, period: Period, weekStart: WeekStart): PeriodActivity | null {
  const span = timeSpan(ds);
  const t = periodTable({ period, weekStart }, dayOf(span.first), dayOf(span.last));
  if (!t) return null;
  const base = t.table[0];
  const periods = t.table[t.table.length - 1] - base + 1;
  if (periods > MAX_BIT_PERIODS) return null;
  const words = Math.ceil(periods / 32);
  return listBits(activeBits(ds, t.table, t.fromDay, base, words), words, base);
}

/** Bit p − base of customer u's words: they purchased in period p (`table`: day − fromDay → period). */
function activeBits(ds: Dataset, table: Int32Array, fromDay: number, base: number, words: number): Int32Array {
  const { customer, time, amount, rowCount } = ds;
  const bits = new Int32Array(ds.customerIds.length * words);
  for (let r = 0; r < rowCount; r++) {
    if (amount !== null && !(amount[r] > 0)) continue;
    const p = table[dayOf(time[r]) - fromDay] - base;
    bits[customer[r] * words + (p >>> 5)] |= 1 << (p & 31);
  }
  return bits;
}

/** Offsets of the lowest and highest bit set in any customer's words (−1: none). */
function bitRange(bits: Int32Array, words: number): [number, number] {
  let low = -1;
  let high = -1;
  for (let w = 0; w < words; w++) {
    let any = 0;
    for (let j = w; j < bits.length; j += words) any |= bits[j];
    if (any === 0) continue;
    if (low < 0) low = w * 32 + 31 - Math.clz32(any & -any);
    high = w * 32 + 31 - Math.clz32(any);
  }
  return [low, high];
}

/** periodActivity.ts's lists (CSR), byCohort and retained from each customer's bits (bit p: period base + p). */
function listBits(bits: Int32Array, words: number, base: number): PeriodActivity | null {
  const [low, high] = bitRange(bits, words);
  if (low < 0) return null;
  const span = high - low + 1;
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
        const p = w * 32 + 31 - Math.clz32(m & -m) - low;
        if (cohort < 0) cohort = p;
        period[n++] = base + low + p;
        byCohort[cohort * span + p]++;
        retained[p] += Number(p - prev === 1);
        prev = p;
      }
    }
  }
  return { start, period, byCohort, retained, first: base + low, last: base + high };
}

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

// Each customer's distinct calendar periods with a purchase, for one period kind: the compact
// form of the activity every calendar analysis reads (count grids, segment curves). It is built
// from the sorted distinct purchase days (churn/customerDays.ts, once per Dataset) through a
// day → period table (the file spans ~1,000 days), so a period change costs one pass over
// per-customer days instead of calendar arithmetic per row.
import type { Dataset } from '../shared/dataset';
import type { Period, WeekStart } from '../shared/options';
import { customerActivity } from './activity';
import { DISTINCT_DAYS, distinctPurchaseDays } from './churn/customerDays';
import { dayOf } from './civil';
import { periodLookup, periodTable, type PeriodTable } from './churn/periodLookup';
import { knownPerDataset, memoIn } from './memo';
import { periodsFromRows } from './periodsFromRows';
import { dayToPeriod } from './periods';

/** Distinct active periods per customer, ascending (CSR: customer u's are period[start[u] .. start[u+1])). */
export interface PeriodActivity {
  start: Uint32Array;
  period: Int32Array;
  /** Earliest and latest active period of anyone; NaN when nobody purchased. */
  first: number;
  last: number;
  /**
   * Customers by first period c and active period p: byCohort[(c − first) × span + (p − first)],
   * span = last − first + 1 (the first-time classic table, calendarGrid.ts); null when nobody
   * purchased or span² > MAX_PAIRS.
   */
  byCohort: Int32Array | null;
  /** Customers active in period first + k and in the one before it (periodMoves.ts); null without a day table. */
  retained: Int32Array | null;
}

/** Cells of byCohort at most (16 MB): two years of days, or any span of weeks and longer periods. */
const MAX_PAIRS = 1 << 22;

/**
 * Period lists kept per Dataset: one per period kind (about 44 MB each on 10M rows, ~100 MB for
 * days), so the current period and the three prepared while idle (engine/warmUp.ts) stay.
 */
const KEPT = 4;

/** Each customer's distinct purchase periods (remembered for the last four period kinds). */
export function periodActivity(ds: Dataset, period: Period, weekStart: WeekStart): PeriodActivity {
  const key = period === 'week' ? `week ${weekStart}` : period;
  return memoIn(ds, 'period activity', KEPT, key, () => distinctPeriods(ds, period, weekStart));
}

function distinctPeriods(ds: Dataset, period: Period, weekStart: WeekStart): PeriodActivity {
  // Before anything has grouped the rows by customer, a span of few periods is read off the rows.
  const fromRows = knownPerDataset(ds, DISTINCT_DAYS) ? null : periodsFromRows(ds, period, weekStart);
  if (fromRows) return fromRows;
  const cd = distinctPurchaseDays(ds);
  const { firstTime, lastTime } = customerActivity(ds);
  const firstDay = dayOf(firstTime);
  const lastDay = dayOf(lastTime);
  // Every purchase day lies in [firstDay, lastDay]: the loop reads the table itself when there is
  // one, else (a span too long to tabulate) a lookup tabulating its start.
  const t = periodTable({ period, weekStart }, firstDay, lastDay);
  const span = t ? t.table[t.table.length - 1] - t.table[0] + 1 : 0;
  const byCohort = t && span * span <= MAX_PAIRS ? new Int32Array(span * span) : null;
  const retained = t ? new Int32Array(span) : null;
  const { start, period: out } = t ? listPeriods(cd, t, byCohort, retained!) : listPeriodsOf(cd, periodLookup({ period, weekStart }, firstDay, lastDay));
  const toPeriod = dayToPeriod(period, weekStart);
  const dated = Number.isFinite(firstDay);
  return { start, period: out, first: dated ? toPeriod(firstDay) : NaN, last: dated ? toPeriod(lastDay) : NaN, byCohort, retained };
}

type Lists = { start: Uint32Array; period: Int32Array };
type Days = { start: Uint32Array; days: Int32Array };

/**
 * Each customer's days through the table (day d → table[d − fromDay]), repeats dropped (days
 * ascend, so a period repeats only next to itself), each kept period also counted in
 * `byCohort`, and in `retained` when it follows the customer's previous one.
 */
function listPeriods(cd: Days, { table, fromDay: from }: PeriodTable, byCohort: Int32Array | null, retained: Int32Array): Lists {
  const customers = cd.start.length - 1;
  const start = new Uint32Array(customers + 1);
  const out = new Int32Array(cd.days.length);
  const { days, start: dayStart } = cd;
  const first = table[0];
  const span = table[table.length - 1] - first + 1;
  // Without a byCohort, its counts go to a scratch cell.
  const pairs = byCohort ?? new Int32Array(1);
  const stride = byCohort ? span : 0;
  const step = byCohort ? 1 : 0;
  let n = 0;
  for (let u = 0; u < customers; u++) {
    const s = dayStart[u];
    const end = dayStart[u + 1];
    if (s < end) {
      let prev = out[n++] = table[days[s] - from];
      const row = (prev - first) * stride - first * step;
      pairs[row + prev * step]++;
      // Written always, kept (n moves on) when new: Number(test) takes no branch to mispredict.
      for (let i = s + 1; i < end; i++) {
        const q = table[days[i] - from];
        const kept = Number(q !== prev);
        out[n] = q;
        n += kept;
        pairs[row + q * step] += kept;
        retained[q - first] += Number(q - prev === 1);
        prev = q;
      }
    }
    start[u + 1] = n;
  }
  return { start, period: out.subarray(0, n) };
}

/** listPeriods through a function, for a file whose days span too long to tabulate. */
function listPeriodsOf(cd: Days, f: (day: number) => number): Lists {
  const customers = cd.start.length - 1;
  const start = new Uint32Array(customers + 1);
  const out = new Int32Array(cd.days.length);
  const { days } = cd;
  let n = 0;
  for (let u = 0; u < customers; u++) {
    let prev = NaN;
    for (let i = cd.start[u], end = cd.start[u + 1]; i < end; i++) {
      const q = f(days[i]);
      if (q !== prev) out[n++] = prev = q;
    }
    start[u + 1] = n;
  }
  return { start, period: out.subarray(0, n) };
}

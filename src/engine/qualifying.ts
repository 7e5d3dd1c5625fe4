// Who enters which cohort, and from when (DESIGN.md §4, cohort; docs/DESIGN-lab.md §1): the event
// filters resolved to codes, and each customer's cohort entries — one for first-time cohorts,
// one per period they are active in (as cohort event) for recurring ones. Entries depend on
// fewer options than the table (not on mode, window or rate base), so they are cached per
// Dataset and a control change usually re-runs only the counting pass.
import type { Dataset } from '../shared/dataset';
import type { ResolvedOptions } from '../shared/options';
import { rowGroups, type RowGroups } from './groups';
import { periodOfTime } from './windows';

/** Event codes the definition filters on (−1 = any row). */
export interface EventCodes {
  cohortCode: number;
  returnCode: number;
}

/**
 * The filters as event codes; null when a named event is not in the file (the table is then
 * empty). Without an event column the filters do not apply.
 */
export function eventCodes(ds: Dataset, o: Pick<ResolvedOptions, 'cohortEvent' | 'returnEvent'>): EventCodes | null {
  if (ds.event === null) return { cohortCode: -1, returnCode: -1 };
  const code = (name: string | null): number => (name === null ? -1 : ds.eventNames.indexOf(name));
  const cohortCode = code(o.cohortEvent);
  const returnCode = code(o.returnEvent);
  if ((o.cohortEvent !== null && cohortCode < 0) || (o.returnEvent !== null && returnCode < 0)) return null;
  return { cohortCode, returnCode };
}

/** Cohort entries in CSR layout: customer u's are entries start[u] .. start[u+1]. */
export interface Entries {
  start: Uint32Array;
  /** Calendar period index of each entry's cohort. */
  period: Int32Array;
  /** Civil ms of each entry's first cohort row (where its rolling windows start). */
  origin: Float64Array;
  /** Smallest cohort period of any entry (NaN when there are none). */
  firstCohort: number;
}

type EntryOptions = Pick<ResolvedOptions, 'period' | 'weekStart' | 'cohorts' | 'minOccurrences' | 'cohortEvent'>;

const cache = new WeakMap<Dataset, Map<string, Entries>>();
const CACHE_SIZE = 16;

/** Each customer's cohort entries under the options (cached per Dataset and relevant options). */
export function cohortEntries(ds: Dataset, o: EntryOptions, cohortCode: number): Entries {
  const key = [o.period, o.weekStart, o.cohorts, o.cohorts === 'recurring' ? o.minOccurrences : 1, cohortCode].join('|');
  let byKey = cache.get(ds);
  if (!byKey) cache.set(ds, (byKey = new Map()));
  let entries = byKey.get(key);
  if (!entries) {
    entries = o.cohorts === 'recurring' ? recurringEntries(ds, o, cohortCode) : firstEntries(ds, o, cohortCode);
    if (byKey.size >= CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, entries);
  }
  return entries;
}

/** First-time cohorts: the period of each customer's first cohort row (minimum occurrences do not apply to it). */
function firstEntries(ds: Dataset, o: EntryOptions, cohortCode: number): Entries {
  const g = rowGroups(ds);
  const customers = g.start.length - 1;
  const start = new Uint32Array(customers + 1);
  const period = new Int32Array(customers);
  const origin = new Float64Array(customers);
  const periodOf = periodOfTime(o.period, o.weekStart, g.firstTime, g.lastTime);
  let n = 0;
  let firstCohort = Infinity;
  for (let u = 0; u < customers; u++) {
    const t = firstCohortTime(g, u, cohortCode);
    if (t === Infinity) {
      start[u + 1] = n;
      continue;
    }
    origin[n] = t;
    period[n] = periodOf(t);
    if (period[n] < firstCohort) firstCohort = period[n];
    start[u + 1] = ++n;
  }
  return { start, period: period.subarray(0, n), origin: origin.subarray(0, n), firstCohort: n ? firstCohort : NaN };
}

function firstCohortTime(g: RowGroups, u: number, cohortCode: number): number {
  const { time, event } = g;
  let min = Infinity;
  for (let i = g.start[u], end = g.start[u + 1]; i < end; i++) {
    if (cohortCode >= 0 && event![i] !== cohortCode) continue;
    if (time[i] < min) min = time[i];
  }
  return min;
}

/**
 * Recurring cohorts: a customer enters the cohort of every period in which they have at least
 * `minOccurrences` cohort rows, with windows starting at their first cohort row there.
 */
function recurringEntries(ds: Dataset, o: EntryOptions, cohortCode: number): Entries {
  const g = rowGroups(ds);
  const customers = g.start.length - 1;
  const out = new EntryBuffer(customers);
  if (g.time.length === 0) return out.finish();
  const periodOf = periodOfTime(o.period, o.weekStart, g.firstTime, g.lastTime);
  const first = periodOf(g.firstTime);
  const slots = new PeriodSlots(periodOf(g.lastTime) - first + 1);
  for (let u = 0; u < customers; u++) {
    slots.reset();
    for (let i = g.start[u], end = g.start[u + 1]; i < end; i++) {
      if (cohortCode >= 0 && g.event![i] !== cohortCode) continue;
      slots.add(periodOf(g.time[i]) - first, g.time[i]);
    }
    for (let j = 0; j < slots.length; j++) {
      const s = slots.list[j];
      if (slots.occ[s] >= o.minOccurrences) out.push(first + s, slots.minTime[s]);
    }
    out.close(u);
  }
  return out.finish();
}

/** Distinct periods (or windows) of one customer with their row counts and earliest time; reset is O(1) by stamping. */
export class PeriodSlots {
  readonly occ: Int32Array;
  readonly minTime: Float64Array;
  readonly list: Int32Array;
  length = 0;
  private readonly stamp: Int32Array;
  private tag = 0;

  constructor(span: number) {
    this.occ = new Int32Array(span);
    this.minTime = new Float64Array(span);
    this.list = new Int32Array(span);
    this.stamp = new Int32Array(span);
  }

  reset(): void {
    this.tag++;
    this.length = 0;
  }

  /** Whether the current customer has a row in `slot`. */
  has(slot: number): boolean {
    return slot >= 0 && slot < this.stamp.length && this.stamp[slot] === this.tag;
  }

  add(slot: number, t: number): void {
    if (this.stamp[slot] !== this.tag) {
      this.stamp[slot] = this.tag;
      this.occ[slot] = 0;
      this.minTime[slot] = t;
      this.list[this.length++] = slot;
    }
    this.occ[slot]++;
    if (t < this.minTime[slot]) this.minTime[slot] = t;
  }
}

/** Growable entry arrays (a customer's count is known only after scanning them). */
class EntryBuffer {
  private period: Int32Array;
  private origin: Float64Array;
  private n = 0;
  private lowest = Infinity;
  private readonly start: Uint32Array;

  constructor(customers: number) {
    this.start = new Uint32Array(customers + 1);
    this.period = new Int32Array(Math.max(16, customers));
    this.origin = new Float64Array(this.period.length);
  }

  push(period: number, origin: number): void {
    if (this.n === this.period.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.period);
      this.period = grown;
      const grownOrigin = new Float64Array(this.n * 2);
      grownOrigin.set(this.origin);
      this.origin = grownOrigin;
    }
    if (period < this.lowest) this.lowest = period;
    this.period[this.n] = period;
    this.origin[this.n++] = origin;
  }

  close(u: number): void {
    this.start[u + 1] = this.n;
  }

  finish(): Entries {
    return { start: this.start, period: this.period.subarray(0, this.n), origin: this.origin.subarray(0, this.n), firstCohort: this.n ? this.lowest : NaN };
  }
}

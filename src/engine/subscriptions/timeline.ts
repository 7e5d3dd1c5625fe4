// One customer's MRR as a step function of time, built from their subscriptions (see
// docs/DESIGN-subscriptions.md §2). Subscriptions are grouped by customer with a counting sort
// (linear), and each customer's start/end events are sorted on their own, so the whole pass is
// O(n log k) for n subscriptions and at most k per customer. Buffers are reused across customers.
import type { SubscriptionDataset } from '../../shared/lifetimes';
import { perDataset } from '../memo';

/** Subscription indexes grouped by customer: those of customer u are order[first[u] .. first[u + 1]). */
export interface ByCustomer {
  order: Uint32Array;
  first: Uint32Array;
}

/** Groups subscription indexes by customer, keeping file order within a customer (counting sort). */
export function groupByCustomer(customer: Uint32Array, customers: number): ByCustomer {
  const first = new Uint32Array(customers + 1);
  for (let i = 0; i < customer.length; i++) first[customer[i] + 1]++;
  for (let u = 0; u < customers; u++) first[u + 1] += first[u];
  const next = first.slice(0, customers);
  const order = new Uint32Array(customer.length);
  for (let i = 0; i < customer.length; i++) order[next[customer[i]]++] = i;
  return { order, first };
}

/** The Dataset's subscriptions grouped by customer, once per Dataset (no option changes the grouping). */
export function subscriptionsByCustomer(ds: SubscriptionDataset): ByCustomer {
  return perDataset(ds, 'subscriptionsByCustomer', () => groupByCustomer(ds.customer, ds.customerIds.length));
}

/** Rounds money to cents and clamps at 0: a customer's MRR is never negative (a lone discount row is 0, not −10). */
function cents(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r > 0 ? r : 0;
}

/**
 * A customer's level as breakpoints: level[i] holds on [time[i], time[i + 1]) and the level is 0
 * before time[0]. The level is the MRR in cents-rounded money, or, without an MRR column, the
 * number of active subscriptions. Consecutive breakpoints always differ in level.
 */
export class Timeline {
  time = new Float64Array(16);
  level = new Float64Array(16);
  length = 0;
  private evTime = new Float64Array(32);
  private evDelta = new Float64Array(32);
  private ord = new Uint32Array(32);

  /** Loads the subscriptions `subs` of one customer (indexes into ds). */
  load(ds: SubscriptionDataset, subs: Uint32Array): void {
    const m = this.events(ds, subs);
    this.sortEvents(m);
    this.length = 0;
    const money = ds.mrr !== null;
    let raw = 0;
    for (let j = 0; j < m; ) {
      const t = this.evTime[this.ord[j]];
      // Every event at the same instant applies at once: a renewal row ending when the next
      // begins is no change at all, and a plan switch on one date is one step, not two.
      for (; j < m && this.evTime[this.ord[j]] === t; j++) raw += this.evDelta[this.ord[j]];
      this.push(t, money ? cents(raw) : raw);
    }
  }

  /** Fills the event buffers (start +mrr, end −mrr); returns their count. Zero-length or unparsed rows never count. */
  private events(ds: SubscriptionDataset, subs: Uint32Array): number {
    this.reserveEvents(subs.length * 2);
    let m = 0;
    for (let k = 0; k < subs.length; k++) {
      const s = subs[k];
      const start = ds.start[s];
      const end = ds.end[s];
      if (!Number.isFinite(start) || end <= start) continue;
      const v = ds.mrr ? ds.mrr[s] : 1;
      const delta = Number.isFinite(v) ? v : 0;
      if (delta === 0) continue;
      this.evTime[m] = start;
      this.evDelta[m++] = delta;
      if (Number.isNaN(end)) continue;          // active: censored at the data end
      this.evTime[m] = end;
      this.evDelta[m++] = -delta;
    }
    return m;
  }

  private sortEvents(m: number): void {
    const { ord, evTime } = this;
    for (let i = 0; i < m; i++) ord[i] = i;
    if (m > 24) {
      ord.subarray(0, m).sort((a, b) => evTime[a] - evTime[b]);
      return;
    }
    for (let i = 1; i < m; i++) {               // insertion sort: most customers have a handful of events
      const x = ord[i];
      let j = i - 1;
      for (; j >= 0 && evTime[ord[j]] > evTime[x]; j--) ord[j + 1] = ord[j];
      ord[j + 1] = x;
    }
  }

  /** Appends a breakpoint unless it leaves the level unchanged. */
  private push(t: number, level: number): void {
    const prev = this.length ? this.level[this.length - 1] : 0;
    if (level === prev) return;
    if (this.length === this.time.length) this.grow();
    this.time[this.length] = t;
    this.level[this.length++] = level;
  }

  /**
   * cancelAt 'period-end': every spell end (the level dropping to 0) moves to the end of the period
   * holding the spell's last instant, keeping the last level until then; a spell that restarts
   * before that merges with the next. Changes while still subscribed keep their dates.
   */
  extendSpells(periodEndOf: (lastInstant: number) => number): void {
    const n = this.length;
    this.length = 0;
    for (let i = 0; i < n; i++) {
      const t = this.time[i];
      const level = this.level[i];
      if (level !== 0 || this.length === 0) {
        this.push(t, level);
        continue;
      }
      const until = Math.max(t, periodEndOf(t - 1));
      if (i + 1 < n && this.time[i + 1] <= until) continue;   // back before the period ended: no gap at all
      this.push(until, 0);
    }
  }

  private grow(): void {
    const time = new Float64Array(this.time.length * 2);
    const level = new Float64Array(this.time.length * 2);
    time.set(this.time);
    level.set(this.level);
    this.time = time;
    this.level = level;
  }

  private reserveEvents(m: number): void {
    if (m <= this.evTime.length) return;
    const size = Math.max(m, this.evTime.length * 2);
    this.evTime = new Float64Array(size);
    this.evDelta = new Float64Array(size);
    this.ord = new Uint32Array(size);
  }
}

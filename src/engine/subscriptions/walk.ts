// Books one customer's timeline into the tally (docs/DESIGN-subscriptions.md §3–§5). The customer's
// MRR is read at each period's snapshot (its last instant, or the data end's last instant); it can
// only change in periods holding a breakpoint, so the walk visits those periods only: O(breakpoints)
// per customer, not O(periods). Between snapshots the change classifies as one movement; a spell
// that starts and ends between two snapshots is invisible to them and is booked (or not) by the
// samePeriodChurn policy.
import type { SamePeriodChurnPolicy, ReactivationPolicy } from '../../shared/subscriptionReport';
import { CHURN, CHURNED_LOGOS, CONTRACTION, EXPANSION, NEW, NEW_LOGOS, REACTIVATED_LOGOS, REACTIVATION, type Tally } from './tally';
import type { Timeline } from './timeline';

/** What the walk needs besides the tally: the period of an instant (relative to the first period) and the policies. */
export interface WalkSetup {
  periodOf: (t: number) => number;
  dataEnd: number;
  samePeriodChurn: SamePeriodChurnPolicy;
  reactivation: ReactivationPolicy;
}

/** Walks customers one at a time; holds per-customer scratch (segments, cohort joins) between calls. */
export class CustomerWalk {
  private counted = false;           // the customer has been counted as a customer before (new or reactivated)
  private segFrom = new Int32Array(16);
  private segTo = new Int32Array(16);
  private segValue = new Float64Array(16);
  private segments = 0;
  private joins = new Int32Array(8);  // periods the customer arrived in (new or reactivated), ascending, distinct
  private joined = 0;

  constructor(private readonly tally: Tally, private readonly setup: WalkSetup) {}

  /** Books the customer whose MRR step function is `tl`. */
  run(tl: Timeline): void {
    this.counted = false;
    this.segments = 0;
    this.joined = 0;
    const { periodOf, dataEnd } = this.setup;
    let before = 0;                   // MRR at the previous snapshot that changed
    let since = -1;                   // the period of that snapshot
    for (let i = 0; i < tl.length && tl.time[i] < dataEnd; ) {
      const q = periodOf(tl.time[i]);
      if (since >= 0) this.hold(since, q, before);
      const from = i;
      for (; i < tl.length && tl.time[i] < dataEnd && periodOf(tl.time[i]) === q; ) i++;
      const after = this.inside(tl, from, i, q, before);
      this.move(q, before, after);
      before = after;
      since = q;
    }
    if (since >= 0) this.hold(since, this.tally.periods, before);
    this.bookCohorts();
  }

  /**
   * The breakpoints [from, to) of period q: books the spells that start and end inside q (they
   * never reach a snapshot) and returns the MRR at q's snapshot.
   */
  private inside(tl: Timeline, from: number, to: number, q: number, before: number): number {
    let level = before;
    let startedAt = -1;               // level at which a spell began inside q, −1 when none did
    for (let i = from; i < to; i++) {
      const next = tl.level[i];
      if (level === 0 && next > 0) startedAt = next;
      else if (level > 0 && next === 0 && startedAt >= 0) {
        this.blip(q, startedAt);
        startedAt = -1;
      }
      level = next;
    }
    return level;
  }

  /** A spell inside one period: arrives and churns at its opening MRR, or is left out ('ignore'). */
  private blip(q: number, mrr: number): void {
    if (this.setup.samePeriodChurn === 'ignore') return;
    this.arrive(q, mrr);
    this.add(CHURN, CHURNED_LOGOS, q, mrr);
  }

  /** Classifies the change between two snapshots (a → b) in period q. */
  private move(q: number, a: number, b: number): void {
    const P = this.tally.periods;
    if (a === b) return;
    if (a === 0) this.arrive(q, b);
    else if (b === 0) this.add(CHURN, CHURNED_LOGOS, q, a);
    else if (b > a) this.tally.moves[EXPANSION * P + q] += b - a;
    else this.tally.moves[CONTRACTION * P + q] += a - b;
  }

  /** 0 → mrr: new the first time the customer is counted, a reactivation after that. */
  private arrive(q: number, mrr: number): void {
    if (this.counted) this.add(REACTIVATION, REACTIVATED_LOGOS, q, mrr);
    else this.add(NEW, NEW_LOGOS, q, mrr);
    this.counted = true;
    if (this.joined > 0 && this.joins[this.joined - 1] === q) return;
    if (this.joined === this.joins.length) this.joins = grow(this.joins);
    this.joins[this.joined++] = q;
  }

  private add(kind: number, logo: number, q: number, mrr: number): void {
    this.tally.moves[kind * this.tally.periods + q] += mrr;
    this.tally.logos[logo * this.tally.periods + q]++;
  }

  /** The customer's snapshot MRR is `value` in periods [from, to): snapshot totals and a segment for the cohorts. */
  private hold(from: number, to: number, value: number): void {
    if (value <= 0 || to <= from) return;
    const t = this.tally;
    t.snapMrr[from] += value;
    t.snapMrr[to] -= value;
    t.snapCustomers[from]++;
    t.snapCustomers[to]--;
    if (this.segments === this.segFrom.length) this.growSegments();
    this.segFrom[this.segments] = from;
    this.segTo[this.segments] = to;
    this.segValue[this.segments++] = value;
  }

  /**
   * Adds the customer to their cohort rows: 'original-cohort' = one membership from the first
   * arrival to the end; 'new-cohort' = a membership per arrival period, each ending where the next begins.
   */
  private bookCohorts(): void {
    const memberships = this.setup.reactivation === 'original-cohort' ? Math.min(this.joined, 1) : this.joined;
    let s = 0;
    for (let j = 0; j < memberships; j++) {
      const c = this.joins[j];
      const until = j + 1 < memberships ? this.joins[j + 1] : this.tally.periods;
      while (s < this.segments && this.segTo[s] <= c) s++;
      const m0 = s < this.segments && this.segFrom[s] <= c ? this.segValue[s] : 0;
      this.tally.cohortSize[c]++;
      for (let i = s; i < this.segments && this.segFrom[i] < until; i++) {
        this.cohortCells(c, Math.max(this.segFrom[i], c), Math.min(this.segTo[i], until), this.segValue[i], m0);
      }
    }
  }

  /** Offsets [from − c, to − c) of cohort c hold a member with MRR `value` (and `m0` at offset 0). */
  private cohortCells(c: number, from: number, to: number, value: number, m0: number): void {
    if (to <= from) return;
    const t = this.tally;
    const a = t.cohortBase[c] + from - c;
    const b = t.cohortBase[c] + to - c;
    const kept = Math.min(value, m0);
    t.cohortMrr[a] += value;
    t.cohortMrr[b] -= value;
    t.cohortGrr[a] += kept;
    t.cohortGrr[b] -= kept;
    t.cohortLogos[a]++;
    t.cohortLogos[b]--;
  }

  private growSegments(): void {
    this.segFrom = grow(this.segFrom);
    this.segTo = grow(this.segTo);
    const value = new Float64Array(this.segValue.length * 2);
    value.set(this.segValue);
    this.segValue = value;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}

// The per-customer kernel of every retention mode (DESIGN.md §4): mark the periods (or rolling
// windows) a customer is active in, then list the table columns one cohort entry of theirs
// counts in. Scratch arrays are reused across customers (reset by stamping), so a whole table
// costs one pass over the grouped rows and no allocation per row or customer.
import type { RetentionMode } from '../shared/options';
import type { RowGroups } from './groups';
import { PeriodSlots } from './qualifying';

/** What the kernel needs to know about the table. */
export interface ScanPlan {
  mode: RetentionMode;
  rolling: boolean;
  windowMs: number;                 // rolling window length L
  periodOf: (t: number) => number;  // civil ms → calendar period
  first: number;                    // calendar period of slot 0
  slots: number;                    // slot count: calendar periods covered, or rolling windows (= width)
  width: number;                    // offset columns
  columns: number;                  // table columns (offsets, or brackets)
  bracketOf: Int32Array | null;     // offset → bracket column, −1 between brackets
  returnCode: number;               // −1 = any row counts as activity
  minOccurrences: number;
}

/**
 * After `hits(entrySlot)`: `list[0 .. length)` holds the columns the entry counts in (classic and bracket), or
 * `prefix` says it counts in columns 0 .. prefix−1 (unbounded and streak, whose retained sets
 * are nested).
 */
export class Scanner {
  readonly list: Int32Array;
  length = 0;
  prefix = 0;
  private readonly slots: PeriodSlots;
  private readonly seen: Int32Array;
  private entryTag = 0;

  constructor(private readonly g: RowGroups, private readonly plan: ScanPlan) {
    this.slots = new PeriodSlots(Math.max(plan.slots, 1));
    this.list = new Int32Array(Math.max(plan.columns, 1));
    this.seen = new Int32Array(Math.max(plan.columns, 1));
  }

  /** Marks customer u's return activity: by calendar period, or by rolling window from `origin`. */
  mark(u: number, origin: number): void {
    const { g, plan, slots } = this;
    const { returnCode, rolling, windowMs, first } = plan;
    const limit = plan.slots;
    slots.reset();
    for (let i = g.start[u], end = g.start[u + 1]; i < end; i++) {
      if (returnCode >= 0 && g.event![i] !== returnCode) continue;
      const t = g.time[i];
      const s = rolling ? Math.floor((t - origin) / windowMs) : plan.periodOf(t) - first;
      if (s >= 0 && s < limit) slots.add(s, t);
    }
  }

  /** Columns the entry whose offset 0 is slot `entrySlot` counts in; returns the list length (or prefix). */
  hits(entrySlot: number): number {
    switch (this.plan.mode) {
      case 'classic': return (this.length = this.classic(entrySlot));
      case 'bracket': return (this.length = this.bracket(entrySlot));
      case 'unbounded': return (this.prefix = this.unbounded(entrySlot));
      case 'streak': return (this.prefix = this.streak(entrySlot));
    }
  }

  /** Whether the marked customer is active at `slot` (enough qualifying rows there). */
  private active(slot: number): boolean {
    return this.slots.has(slot) && this.slots.occ[slot] >= this.plan.minOccurrences;
  }

  // Offset 0 is the cohort period itself: every member counts there by definition.
  private classic(cs: number): number {
    const { slots, plan } = this;
    let n = 0;
    this.list[n++] = 0;
    for (let j = 0; j < slots.length; j++) {
      const s = slots.list[j];
      const k = s - cs;
      if (k >= 1 && k < plan.width && slots.occ[s] >= plan.minOccurrences) this.list[n++] = k;
    }
    return n;
  }

  private bracket(cs: number): number {
    const { slots, plan, seen } = this;
    const bracketOf = plan.bracketOf!;
    const tag = ++this.entryTag;
    let n = 0;
    if (bracketOf.length > 0 && bracketOf[0] >= 0) {
      seen[bracketOf[0]] = tag;
      this.list[n++] = bracketOf[0];
    }
    for (let j = 0; j < slots.length; j++) {
      const s = slots.list[j];
      const k = s - cs;
      if (k < 1 || k >= bracketOf.length || slots.occ[s] < plan.minOccurrences) continue;
      const b = bracketOf[k];
      if (b >= 0 && seen[b] !== tag) {
        seen[b] = tag;
        this.list[n++] = b;
      }
    }
    return n;
  }

  // "On or after" k: active at some offset ≥ k, i.e. k ≤ the last active offset.
  private unbounded(cs: number): number {
    const { slots, plan } = this;
    let last = 0;
    for (let j = 0; j < slots.length; j++) {
      const s = slots.list[j];
      if (s - cs > last && slots.occ[s] >= plan.minOccurrences) last = s - cs;
    }
    return Math.min(last, plan.width - 1) + 1;
  }

  // Active in every offset 1..k: the run of active offsets right after the cohort.
  private streak(cs: number): number {
    let k = 1;
    while (k < this.plan.width && this.active(cs + k)) k++;
    return k;
  }
}

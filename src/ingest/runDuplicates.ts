// Exact-duplicate detection for files sorted by time or by order, without a table of every row
// (issue 5: on 10M rows that table is 128 MB probed at random per row, a fifth of the parse). A
// row repeating an earlier one exactly has the same timestamp and the same order id. While the
// kept rows' times never decrease, the rows with the current row's time are the last ones kept,
// its run; likewise while order ids come grouped (each order's lines together), the rows of its
// order are the current run. So only the current run's row hashes are needed, and only rows in a
// run of two or more need hashing at all. When neither order holds any longer, the caller reads
// the file again with the full table (RowHashSet): same Dataset either way.
import { RowHashSet } from './rowHashSet';

/**
 * The kept rows are sorted neither by time nor by order (or order ids stopped increasing after
 * the ones kept, ingest/orderIds.ts): read again with the full duplicate table and every order id.
 */
export class UnsortedRowsError extends Error {
  constructor(message = 'rows are sorted neither by time nor by order id') {
    super(message);
  }
}

/** Above this many hashes a run is looked up in a hash set rather than scanned. */
const SCAN_LIMIT = 16;

/** The row hashes of one run: a list (hi, lo pairs), indexed by a RowHashSet once it is long. */
class RunSet {
  private pairs = new Uint32Array(2 * SCAN_LIMIT);
  private count = 0;
  private index: RowHashSet | null = null;
  private readonly pair = new Uint32Array(2);

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
    this.index = null;
  }

  has(a: number, b: number): boolean {
    if (this.index) return this.index.has(a, b);
    const pairs = this.pairs;
    for (let i = 0; i < 2 * this.count; i += 2) if (pairs[i] === a && pairs[i + 1] === b) return true;
    return false;
  }

  add(a: number, b: number): void {
    if (2 * this.count === this.pairs.length) {
      const bigger = new Uint32Array(this.pairs.length * 2);
      bigger.set(this.pairs);
      this.pairs = bigger;
    }
    this.pairs[2 * this.count] = a;
    this.pairs[2 * this.count + 1] = b;
    this.count++;
    if (this.index) this.addToIndex(a, b);
    else if (this.count > SCAN_LIMIT) {
      this.index = new RowHashSet();
      for (let i = 0; i < this.count; i++) this.addToIndex(this.pairs[2 * i], this.pairs[2 * i + 1]);
    }
  }

  /** The hashes as (hi, lo) pairs, a copy. */
  export(): Uint32Array {
    return this.pairs.slice(0, 2 * this.count);
  }

  private addToIndex(a: number, b: number): void {
    this.pair[0] = a;
    this.pair[1] = b;
    this.index!.add(this.pair);
  }
}

/** What a part of a file tells about its sortedness and its first and last runs (for the merge of two parts). */
export interface RunSummary {
  rows: number;                   // rows kept
  timeSorted: boolean;
  orderSorted: boolean;
  firstMs: number;
  lastMs: number;
  firstOrder: number;
  lastOrder: number;
  leadTime: Uint32Array;          // hashes of the leading rows with the first row's time (when time-sorted)
  leadOrder: Uint32Array;         // … with the first row's order (when order-sorted)
  tailTime: Uint32Array;          // hashes of the trailing rows with the last row's time
  tailOrder: Uint32Array;         // … with the last row's order
}

/** A row that can give its 64-bit hash. */
export interface Hashable { hash(out: Uint32Array): void }

/** Whether any (hi, lo) pair of `a` is in `b`. */
function sharesPair(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new RunSet();
  for (let j = 0; j < b.length; j += 2) set.add(b[j], b[j + 1]);
  for (let i = 0; i < a.length; i += 2) if (set.has(a[i], a[i + 1])) return true;
  return false;
}

/**
 * Duplicate detection by runs. Each kept row comes through admit() in file order with its time
 * and order index (−1 without an order column); it throws UnsortedRowsError once the rows are
 * sorted neither way.
 */
export class RunDuplicates {
  private timeSorted = true;
  private orderSorted: boolean;
  private rows = 0;
  private firstMs = 0;
  private lastMs = 0;
  private firstOrder = -1;
  private lastOrder = -1;
  private readonly timeRun = new RunSet();
  private readonly orderRun = new RunSet();
  private leadTime: Uint32Array | null = null;
  private leadOrder: Uint32Array | null = null;
  private readonly hash = new Uint32Array(2);

  /** `hasOrder`: the rows carry order indexes. `keepsLead`: a later part, whose first runs the merge will check. */
  constructor(hasOrder: boolean, private readonly keepsLead: boolean) {
    this.orderSorted = hasOrder;
  }

  /** Whether every row admitted so far came at or after the one before in time. */
  get inTimeOrder(): boolean {
    return this.timeSorted;
  }

  /**
   * Takes the next valid row: false when it repeats a row of its run (a duplicate, not kept).
   * `nextMayJoin`: the next valid row may share its run (or is not known yet), so its hash is kept.
   */
  admit(row: Hashable, ms: number, order: number, nextMayJoin: boolean): boolean {
    if (this.rows > 0) this.checkOrder(ms, order);
    const sameTime = this.rows > 0 && this.timeSorted && ms === this.lastMs;
    const sameOrder = this.rows > 0 && this.orderSorted && order === this.lastOrder;
    if (!sameTime) this.endRun(this.timeRun, true);
    if (!sameOrder) this.endRun(this.orderRun, false);
    const h = this.hash;
    const hashed = sameTime || sameOrder || nextMayJoin || (this.keepsLead && this.leadOpen());
    if (hashed) row.hash(h);
    if (sameTime || sameOrder) {
      const run = !sameOrder || (sameTime && this.timeRun.size < this.orderRun.size) ? this.timeRun : this.orderRun;
      if (run.has(h[0], h[1])) return false;
    }
    if (hashed) {
      if (this.timeSorted) this.timeRun.add(h[0], h[1]);
      if (this.orderSorted) this.orderRun.add(h[0], h[1]);
    }
    if (this.rows === 0) {
      this.firstMs = ms;
      this.firstOrder = order;
    }
    this.rows++;
    this.lastMs = ms;
    this.lastOrder = order;
    return true;
  }

  /** Notes a key that went down; throws once both have. */
  private checkOrder(ms: number, order: number): void {
    if (this.timeSorted && ms < this.lastMs) {
      this.timeSorted = false;
      this.timeRun.clear();
    }
    if (this.orderSorted && order < this.lastOrder) {
      this.orderSorted = false;
      this.orderRun.clear();
    }
    if (!this.timeSorted && !this.orderSorted) throw new UnsortedRowsError();
  }

  /** Whether a leading run is still being read (a later part keeps its hashes). */
  private leadOpen(): boolean {
    return (this.timeSorted && this.leadTime === null) || (this.orderSorted && this.leadOrder === null);
  }

  /** Ends a run; a later part keeps its first run of each kind. */
  private endRun(run: RunSet, isTime: boolean): void {
    if (this.keepsLead && this.rows > 0) {
      if (isTime && this.leadTime === null) this.leadTime = run.export();
      if (!isTime && this.leadOrder === null) this.leadOrder = run.export();
    }
    run.clear();
  }

  /** Sortedness and first and last runs, for a merge. */
  summary(): RunSummary {
    return {
      rows: this.rows, timeSorted: this.timeSorted, orderSorted: this.orderSorted,
      firstMs: this.firstMs, lastMs: this.lastMs, firstOrder: this.firstOrder, lastOrder: this.lastOrder,
      leadTime: this.leadTime ?? this.timeRun.export(), leadOrder: this.leadOrder ?? this.orderRun.export(),
      tailTime: this.timeRun.export(), tailOrder: this.orderRun.export(),
    };
  }
}

/**
 * Whether the rows of `later` can follow those of `first` with duplicates found by runs: the
 * joined rows stay sorted by time or by order (orderMap: the later part's order k → its index
 * in the first part's table) and no row of the later part's first run repeats one of the first
 * part's last run.
 */
export function runsJoin(first: RunSummary, later: RunSummary, orderMap: Uint32Array | null): boolean {
  // A part without rows: each part alone was sorted one way or the other (else it would have thrown).
  if (first.rows === 0 || later.rows === 0) return true;
  const byTime = first.timeSorted && later.timeSorted && later.firstMs >= first.lastMs;
  if (byTime) return later.firstMs > first.lastMs || !sharesPair(later.leadTime, first.tailTime);
  if (!(first.orderSorted && later.orderSorted && ordersContinue(first, orderMap))) return false;
  return orderMap![0] !== first.lastOrder || !sharesPair(later.leadOrder, first.tailOrder);
}

/** Whether the later part's orders, mapped, go on where the first part's stop: increasing from its last order. */
function ordersContinue(first: RunSummary, orderMap: Uint32Array | null): boolean {
  if (!orderMap) return false;
  for (let k = 0; k < orderMap.length; k++) {
    if (orderMap[k] < (k === 0 ? first.lastOrder : orderMap[k - 1] + 1)) return false;
  }
  return true;
}

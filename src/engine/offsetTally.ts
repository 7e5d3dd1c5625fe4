// The counting kernel of the compact grid paths (calendarGrid.ts, rollingGrid.ts): one cohort
// entry at a time, given the entry's active offsets as an ascending list of distinct whole
// numbers starting at 0 (offset 0 is the cohort period itself, where every member counts).
// It gives the counts grid.ts's Scanner gives for minimum occurrences 1 and no return event.
import type { RetentionMode } from '../shared/options';

/** Sizes and counts per cohort slot (an index on the grid's row axis) and column. */
export class OffsetTally {
  readonly sizes: Int32Array;
  readonly counts: Int32Array;
  // Nested modes add 1 to a prefix of the row: a difference array makes that O(1) per entry.
  private readonly diff: Int32Array | null;

  // Classic entries count in offsets below this: the width, or fewer when only the first columns are wanted.
  private readonly classicEnd: number;

  /**
   * `width` offset columns (classic, unbounded, streak) or `bracketOf` (offset → bracket column,
   * −1 between brackets) over `columns` columns; `rows` cohort slots. `firstColumns` < width
   * counts a classic table's first columns only (the rest stay 0), for a reader that needs no more.
   */
  constructor(private readonly mode: RetentionMode, rows: number, private readonly columns: number, private readonly width: number, private readonly bracketOf: Int32Array | null, firstColumns = width) {
    this.classicEnd = Math.min(width, firstColumns);
    this.sizes = new Int32Array(rows);
    this.counts = new Int32Array(rows * columns);
    this.diff = mode === 'unbounded' || mode === 'streak' ? new Int32Array(rows * (columns + 1)) : null;
  }

  /** One entry in cohort slot `row` whose active offsets are list[from .. to) − base (ascending, distinct, the first one 0). */
  add(row: number, list: Int32Array, from: number, to: number, base: number): void {
    this.sizes[row]++;
    const W = this.columns;
    if (this.diff !== null) {
      const prefix = this.mode === 'unbounded' ? Math.min(list[to - 1] - base, this.width - 1) + 1 : this.streak(list, from, to, base);
      this.diff[row * (W + 1)]++;
      this.diff[row * (W + 1) + prefix]--;
      return;
    }
    const cell = row * W;
    if (this.bracketOf !== null) {
      this.bracket(cell, list, from, to, base);
      return;
    }
    const end = this.classicEnd;
    for (let i = from; i < to; i++) {
      const k = list[i] - base;
      if (k >= end) break;
      this.counts[cell + k]++;
    }
  }

  /**
   * add() for every entry of one customer's recurring cohorts: each a in [from, to) enters slot
   * list[a] − firstSlot with the offsets list[a .. to) − list[a] (list ascending and distinct).
   */
  addEach(list: Int32Array, from: number, to: number, firstSlot: number): void {
    if (this.diff !== null || this.bracketOf !== null) {
      for (let a = from; a < to; a++) this.add(list[a] - firstSlot, list, a, to, list[a]);
      return;
    }
    const { sizes, counts, columns: W, classicEnd: end } = this;
    for (let a = from; a < to; a++) {
      const base = list[a];
      const cell = (base - firstSlot) * W;
      sizes[base - firstSlot]++;
      for (let i = a; i < to; i++) {
        const k = list[i] - base;
        if (k >= end) break;
        counts[cell + k]++;
      }
    }
  }

  /** A classic entry in cohort slot `row` whose active offsets below the first columns are the set bits of `bits` (bit k: offset k). */
  addBits(row: number, bits: number): void {
    this.sizes[row]++;
    const cell = row * this.columns;
    for (let k = 0; k < this.classicEnd; k++) this.counts[cell + k] += (bits >>> k) & 1;
  }

  /** Active in every offset 1..k: with distinct ascending offsets from 0, the k-th one is k. */
  private streak(list: Int32Array, from: number, to: number, base: number): number {
    let k = 1;
    while (k < this.width && from + k < to && list[from + k] - base === k) k++;
    return k;
  }

  /** A bracket counts once per entry; brackets ascend with the offset, so a repeat is the previous one. */
  private bracket(cell: number, list: Int32Array, from: number, to: number, base: number): void {
    const bracketOf = this.bracketOf!;
    let last = -1;
    for (let i = from; i < to; i++) {
      const k = list[i] - base;
      if (k >= bracketOf.length) break;
      const b = bracketOf[k];
      if (b >= 0 && b !== last) {
        this.counts[cell + b]++;
        last = b;
      }
    }
  }

  /** The counts, with nested modes' prefixes summed. */
  finish(): Int32Array {
    if (this.diff === null) return this.counts;
    const W = this.columns;
    for (let row = 0; row < this.sizes.length; row++) {
      let run = 0;
      for (let j = 0; j < W; j++) this.counts[row * W + j] = run += this.diff[row * (W + 1) + j];
    }
    return this.counts;
  }
}

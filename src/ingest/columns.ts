// Growable typed columns and string interning for the Dataset (DESIGN.md §1: columnar, no
// per-row objects; 10M rows as JS arrays would need gigabytes).

/** A Float64 column that doubles its capacity as rows arrive. */
export class Float64Column {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The filled part: a view, not a copy, so the peak is not doubled on 10M-row files. */
  finish(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A Uint32 column that doubles its capacity as rows arrive. */
export class Uint32Column {
  private data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The filled part: a view, not a copy. */
  finish(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Forces a fresh copy of a string. Parsed fields are slices of the chunk they came from; kept
 * as map keys they would pin every chunk in memory (PERFORMANCE-NOTES: 1.16 GB instead of 0.29).
 */
export function copyString(s: string): string {
  return (' ' + s).slice(1);
}

/** Maps strings to dense indexes 0, 1, 2… in first-seen order. */
export class Interner {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  /** The index of `s`, adding it (as a fresh copy) when new. */
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      const own = copyString(s);
      this.index.set(own, i);
      this.values.push(own);
    }
    return i;
  }

  get size(): number {
    return this.values.length;
  }
}

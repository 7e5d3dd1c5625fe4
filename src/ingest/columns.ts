// Growable typed columns for the Dataset (DESIGN.md §1: columnar, no per-row objects; 10M rows
// as JS arrays would need gigabytes). Ids are interned in hashIndex.ts.

/** A typed column that doubles its capacity as rows arrive. */
export class GrowableColumn<T extends Float64Array | Uint32Array | Int32Array> {
  /** The storage, valid up to `length`; callers may update entries in place. */
  data: T;
  length = 0;
  constructor(private readonly allocate: (size: number) => T) {
    this.data = allocate(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.allocate(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Makes room for `n` values at once: one allocation instead of doublings that waste up to half. */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = this.allocate(n);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The filled part: a view, not a copy, so the peak is not doubled on 10M-row files. */
  finish(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** A growable Float64 column (times, amounts). */
export class Float64Column extends GrowableColumn<Float64Array> {
  constructor() {
    super((size) => new Float64Array(size));
  }
}

/** A growable Int32 column (per-customer codes, −1 = none). */
export class Int32Column extends GrowableColumn<Int32Array> {
  constructor() {
    super((size) => new Int32Array(size));
  }
}

/** A growable Uint32 column (interned ids). */
export class Uint32Column extends GrowableColumn<Uint32Array> {
  constructor() {
    super((size) => new Uint32Array(size));
  }
}

/** Appends `values` to a column in one copy. */
export function appendAll<T extends Float64Array | Uint32Array | Int32Array>(column: GrowableColumn<T>, values: T): void {
  column.reserve(column.length + values.length);
  column.data.set(values, column.length);
  column.length += values.length;
}

// Growable typed columns for the Dataset (DESIGN.md §1: columnar, no per-row objects; 10M rows
// as JS arrays would need gigabytes). Ids are interned in hashIndex.ts.

/** A typed array constructor over a buffer (to widen a view of shared memory). */
type ViewOf<T> = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => T;

/**
 * A typed column that doubles its capacity as rows arrive. It may start in a window of shared
 * memory (`initial`, a view of a SharedArrayBuffer: host/parallelLoad gives each part of a file
 * the rows where the merged Dataset will hold them); it leaves it for an array of its own only
 * when the window fills.
 */
export class GrowableColumn<T extends Float64Array | Uint32Array | Int32Array> {
  /** The storage, valid up to `length`; callers may update entries in place. */
  data: T;
  length = 0;
  constructor(private readonly allocate: (size: number) => T, initial?: T) {
    this.data = initial ?? allocate(1024);
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
  /** Whether the column is still in the shared window it started in. */
  get inSharedMemory(): boolean {
    return this.data.buffer instanceof SharedArrayBuffer;
  }
  /**
   * When this column is a window from the start of its shared buffer and rows [from, from + n)
   * of that buffer follow its own rows, widens it over them and returns the whole view (the
   * caller moves them down to `length`); null otherwise.
   */
  widenOver(from: number, n: number): T | null {
    const { buffer, byteOffset, BYTES_PER_ELEMENT } = this.data;
    if (!(buffer instanceof SharedArrayBuffer) || byteOffset !== 0 || from < this.length || (from + n) * BYTES_PER_ELEMENT > buffer.byteLength) return null;
    return (this.data = new (this.data.constructor as ViewOf<T>)(buffer, 0, from + n));
  }
  /** The filled part: a view, not a copy, so the peak is not doubled on 10M-row files. */
  finish(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** A growable Float64 column (times, amounts). */
export class Float64Column extends GrowableColumn<Float64Array> {
  constructor(initial?: Float64Array) {
    super((size) => new Float64Array(size), initial);
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
  constructor(initial?: Uint32Array) {
    super((size) => new Uint32Array(size), initial);
  }
}

/**
 * Appends `values` to a column in one copy. `sharedAt`: the values are rows [sharedAt, …) of the
 * column's own shared buffer (another part of the file wrote them there): they are moved down
 * in place when the column is still a window of that buffer, instead of copied into a new array.
 */
export function appendAll<T extends Float64Array | Uint32Array | Int32Array>(column: GrowableColumn<T>, values: T, sharedAt: number | null = null): void {
  const whole = sharedAt === null ? null : column.widenOver(sharedAt, values.length);
  if (whole) whole.copyWithin(column.length, sharedAt!, sharedAt! + values.length);
  else {
    column.reserve(column.length + values.length);
    column.data.set(values, column.length);
  }
  column.length += values.length;
}

/**
 * Runs each reservation; one the system refuses (a RangeError: an estimate beyond its memory, or
 * beyond an array's length) leaves its column to grow as rows come.
 */
export function reserveWhereGiven(reservations: readonly (() => unknown)[]): void {
  for (const reserve of reservations) {
    try {
      reserve();
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
  }
}

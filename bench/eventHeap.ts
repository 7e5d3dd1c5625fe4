// A binary min-heap of customers keyed by the time of their next event, in typed arrays: the
// generator pops the earliest event of all customers, so the log comes out in time order
// without holding its rows.

/** Customers 0 .. n−1 ordered by next-event time; ties broken by customer index (deterministic). */
export class EventHeap {
  private readonly heap: Int32Array;
  private readonly time: Float64Array;
  size: number;

  /** All customers, each first due at `firstTimes[u]` (copied). */
  constructor(firstTimes: Float64Array) {
    this.time = Float64Array.from(firstTimes);
    this.size = firstTimes.length;
    this.heap = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) this.heap[i] = i;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  minCustomer(): number {
    return this.heap[0];
  }

  minTime(): number {
    return this.time[this.heap[0]];
  }

  /** Drops the earliest customer (they stop). */
  popMin(): void {
    this.heap[0] = this.heap[--this.size];
    if (this.size > 0) this.siftDown(0);
  }

  /** Moves the earliest customer's next event to `t` (≥ its current time). */
  updateMin(t: number): void {
    this.time[this.heap[0]] = t;
    this.siftDown(0);
  }

  private less(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta < tb || (ta === tb && a < b);
  }

  private siftDown(i: number): void {
    const { heap, size } = this;
    const u = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.less(heap[child + 1], heap[child])) child++;
      if (!this.less(heap[child], u)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = u;
  }
}

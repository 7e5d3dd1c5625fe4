// The first k of a ranking without sorting everyone: a million churned customers feed a list of
// a hundred, so a bounded heap (O(n log k)) replaces a full comparator sort (O(n log n)).

/** Negative when a ranks before b. */
export type Rank = (a: number, b: number) => number;

/** The k best items of `items` under `rank`, in ranked order. */
export function topK(items: Iterable<number>, k: number, rank: Rank): number[] {
  if (k <= 0) return [];
  // Max-heap by rank: the root is the worst item kept, the one a better newcomer replaces.
  const heap: number[] = [];
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      siftUp(heap, heap.length - 1, rank);
    } else if (rank(x, heap[0]) < 0) {
      heap[0] = x;
      siftDown(heap, 0, rank);
    }
  }
  return heap.sort(rank);
}

function siftUp(heap: number[], i: number, rank: Rank): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (rank(heap[i], heap[parent]) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, rank: Rank): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let worst = i;
    if (l < heap.length && rank(heap[l], heap[worst]) > 0) worst = l;
    if (r < heap.length && rank(heap[r], heap[worst]) > 0) worst = r;
    if (worst === i) return;
    [heap[i], heap[worst]] = [heap[worst], heap[i]];
    i = worst;
  }
}

// Results of pure analyses remembered per Dataset, so a control change re-runs only what depends
// on it: the KPIs and the data-quality dates never change for a Dataset, churn changes only with
// the period and the churn window (issue 5: re-analysis after a control change). A Dataset is
// never mutated after ingest, so its identity is a sound key; the WeakMap lets a dropped Dataset
// (a closed panel, a re-parse) take its results with it.

/**
 * Entries kept per Dataset, least recently used out first: one analysis touches about eight (the
 * KPIs, churn, and explain's count grids), so two analyses' worth stay warm.
 */
const MAX_ENTRIES = 16;

const facts = new WeakMap<object, Map<string, unknown>>();
/** Dataset → space name → its LRU map ('' is memo()'s own space). */
const spaces = new WeakMap<object, Map<string, Map<string, unknown>>>();

/**
 * compute() once per (dataset, key), kept as long as the Dataset: for facts every analysis reads
 * and no option changes (purchases or rows grouped by customer), which must never be evicted.
 */
export function perDataset<T>(dataset: object, key: string, compute: () => T): T {
  let entries = facts.get(dataset);
  if (!entries) {
    entries = new Map();
    facts.set(dataset, entries);
  }
  if (!entries.has(key)) entries.set(key, compute());
  return entries.get(key) as T;
}

/** Whether perDataset() has computed `key` for the Dataset (to take a cheaper way from what is known). */
export function knownPerDataset(dataset: object, key: string): boolean {
  return facts.get(dataset)?.has(key) ?? false;
}

/** compute() once per (dataset, key); later calls with the same pair return the same object (while it is among the 16 most recently used). */
export function memo<T>(dataset: object, key: string, compute: () => T): T {
  return memoIn(dataset, '', MAX_ENTRIES, key, compute);
}

/**
 * memo() in a space of its own holding at most `capacity` entries per Dataset, least recently
 * used out first: small results many analyses touch (count grids) get room of their own, and
 * large ones (per-customer period lists) a tight cap, without crowding memo()'s 16.
 */
export function memoIn<T>(dataset: object, space: string, capacity: number, key: string, compute: () => T): T {
  const entries = spaceOf(dataset, space);
  if (entries.has(key)) {
    const hit = entries.get(key) as T;
    entries.delete(key);          // re-inserted as the most recent
    entries.set(key, hit);
    return hit;
  }
  const value = compute();
  if (entries.size >= capacity) entries.delete(entries.keys().next().value as string);
  entries.set(key, value);
  return value;
}

function spaceOf(dataset: object, space: string): Map<string, unknown> {
  let byName = spaces.get(dataset);
  if (!byName) {
    byName = new Map();
    spaces.set(dataset, byName);
  }
  let entries = byName.get(space);
  if (!entries) {
    entries = new Map();
    byName.set(space, entries);
  }
  return entries;
}

/** Drops what memo() and memoIn() remember for a Dataset (benchmarks time the computation itself); perDataset facts stay. */
export function forget(dataset: object): void {
  spaces.delete(dataset);
}

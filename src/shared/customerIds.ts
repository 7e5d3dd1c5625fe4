// A Dataset's customer ids, by customer index. A large file's ids stay as the UTF-8 bytes the
// parser kept to intern them (ingest/keyArena.ts) and become strings only when one is shown: at
// 10M rows the 1.7M id strings took ~60 MB and ~0.2 s (with the collection they caused) at the
// end of every load, and a report shows a few hundred of them.

/** Customer index → id as written in the file. */
export interface CustomerIds {
  /** Customers (indexes 0 … length − 1). */
  readonly length: number;
  /** Customer u's id as written. */
  at(u: number): string;
  /** Orders customers a and b by id as `<` orders the id strings: negative, 0 or positive. */
  compare(a: number, b: number): number;
}

/** `<` order of two strings: negative, 0 or positive. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids held as strings. */
export function customerIdsOf(ids: readonly string[]): CustomerIds {
  return {
    length: ids.length,
    at: (u) => ids[u],
    compare: (a, b) => compareText(ids[a], ids[b]),
  };
}

/** All the ids as strings (tests, small files). */
export function idStrings(ids: CustomerIds): string[] {
  return Array.from({ length: ids.length }, (_, u) => ids.at(u));
}

// The monthly classic cohort table both engines are reduced to, and the cell-for-cell check the
// benchmark fails on: cohort label, size and every count (null = past the data end).

/** One cohort row: 'YYYY-MM', its size, and counts by offset k (null when the cell is absent). */
export interface CohortRowLite {
  cohort: string;
  size: number;
  counts: (number | null)[];
}

/** A cohort table reduced to what both engines must agree on. */
export interface CohortTable {
  cohorts: CohortRowLite[];
}

/** 'YYYY-MM' of a month index (year × 12 + month − 1), as Retention Lens labels months. */
export function monthLabel(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** Up to `limit` differences between two tables, as readable lines; empty when identical. */
export function tableDifferences(a: CohortTable, b: CohortTable, names: [string, string], limit = 10): string[] {
  const out: string[] = [];
  const [na, nb] = names;
  const add = (line: string): boolean => out.push(line) >= limit;
  if (a.cohorts.length !== b.cohorts.length) add(`cohort count: ${na} ${a.cohorts.length}, ${nb} ${b.cohorts.length}`);
  const rows = Math.max(a.cohorts.length, b.cohorts.length);
  for (let i = 0; i < rows && out.length < limit; i++) {
    const ra = a.cohorts[i];
    const rb = b.cohorts[i];
    if (!ra || !rb) {
      add(`row ${i}: ${na} ${ra?.cohort ?? '(none)'}, ${nb} ${rb?.cohort ?? '(none)'}`);
      continue;
    }
    if (ra.cohort !== rb.cohort && add(`row ${i}: cohort ${na} ${ra.cohort}, ${nb} ${rb.cohort}`)) break;
    if (ra.size !== rb.size && add(`${ra.cohort} size: ${na} ${ra.size}, ${nb} ${rb.size}`)) break;
    const width = Math.max(ra.counts.length, rb.counts.length);
    for (let k = 0; k < width; k++) {
      const ca = ra.counts[k];
      const cb = rb.counts[k];
      if (ca !== cb && add(`${ra.cohort} M${k}: ${na} ${fmt(ca)}, ${nb} ${fmt(cb)}`)) break;
    }
  }
  return out;
}

const fmt = (v: number | null | undefined): string => (v === undefined ? '(no cell)' : String(v));

/** Cells with a count (not null) in the table. */
export function presentCells(t: CohortTable): number {
  return t.cohorts.reduce((n, r) => n + r.counts.filter((c) => c !== null).length, 0);
}

/**
 * The dense table from sparse (cohort month, offset, count) cells, as Retention Lens lays it out
 * (DESIGN.md §4, grid.ts/windows.ts): columns run from offset 0 to the month of the last
 * qualifying row minus the first cohort; a cell whose month is after the month of the data end
 * (the latest kept row, qualifying or not) is null; a present cell nobody returned in is 0.
 */
export function denseTable(cells: { c: number; k: number; n: number }[], lastQualifyingMonth: number, lastDataMonth: number): CohortTable {
  const byCohort = new Map<number, Map<number, number>>();
  for (const { c, k, n } of cells) {
    if (!byCohort.has(c)) byCohort.set(c, new Map());
    byCohort.get(c)!.set(k, n);
  }
  const months = [...byCohort.keys()].sort((x, y) => x - y);
  if (months.length === 0) return { cohorts: [] };
  const width = lastQualifyingMonth - months[0] + 1;
  return {
    cohorts: months.map((c) => {
      const row = byCohort.get(c)!;
      const counts = Array.from({ length: width }, (_, k) => (c + k > lastDataMonth ? null : row.get(k) ?? 0));
      return { cohort: monthLabel(c), size: row.get(0) ?? 0, counts };
    }),
  };
}

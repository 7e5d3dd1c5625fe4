// Reference lists for the engine's per-customer period lists (periodActivity.ts, periodsFromRows.ts).
import type { Dataset } from '../../../src/shared/dataset';
import type { Period, WeekStart } from '../../../src/shared/options';
import { periodIndex } from '../../../src/engine/periods';

/** Each customer's distinct purchase periods, computed row by row with the calendar itself. */
export function expectedLists(ds: Dataset, period: Period, weekStart: WeekStart): number[][] {
  const lists: Set<number>[] = Array.from({ length: ds.customerIds.length }, () => new Set<number>());
  for (let r = 0; r < ds.rowCount; r++) {
    if (ds.amount && !(ds.amount[r] > 0)) continue;
    lists[ds.customer[r]].add(periodIndex(ds.time[r], period, weekStart));
  }
  return lists.map((s) => [...s].sort((a, b) => a - b));
}

// What each cell of the cohort heatmap shows, as plain data, so the rules can be tested in Node
// and render/cohortTable.ts only turns them into elements.
import type { CellDisplay } from '../shared/protocol';
import type { CohortRow, RetentionTable } from '../shared/report';
import { formatCellPercent, formatInteger, formatPercent1 } from './format';
import { heatClass } from './heat';
import { offsetLabel } from './periods';

/** One heatmap cell: its text, tooltip and classes (always "cell", plus absent / partial / heat-n). */
export interface CellView {
  offset: number;
  text: string;
  title: string | null;
  classes: string[];
}

/** The number of offset columns: the longest row of any cohort or of the average. */
export function offsetCount(table: RetentionTable): number {
  return Math.max(table.average.rates.length, ...table.cohorts.map((c) => Math.max(c.rates.length, c.counts.length)));
}

/** Context for a row's cells. `dataEnd` is the human last covered date, for partial-cell tooltips. */
export interface CellContext {
  table: RetentionTable;
  display: CellDisplay;
  dataEnd: string | null;
}

/** The cells of one cohort row, padded with absent cells up to offsetCount. */
export function cohortCells(row: CohortRow, ctx: CellContext): CellView[] {
  const cells: CellView[] = [];
  for (let k = 0; k < offsetCount(ctx.table); k++) {
    const count = row.counts[k] ?? null;
    const rate = row.rates[k] ?? null;
    if (count === null || rate === null) {
      cells.push({ offset: k, text: '', title: null, classes: ['cell', 'absent'] });
      continue;
    }
    const partial = row.partial[k] === true;
    const heat = heatClass(rate);
    const lines = [`${row.cohort} · ${offsetLabel(ctx.table.period, k)}: ${formatInteger(count)} of ${formatInteger(row.size)} (${formatPercent1(rate)})`];
    if (partial) lines.push(partialNote(ctx.dataEnd));
    cells.push({
      offset: k,
      text: ctx.display === 'count' ? formatInteger(count) : formatCellPercent(rate),
      title: lines.join('\n'),
      classes: ['cell', ...(heat ? [heat] : []), ...(partial ? ['partial'] : [])],
    });
  }
  return cells;
}

/** Tooltip line of a partial cell. */
export function partialNote(dataEnd: string | null): string {
  return dataEnd ? `Period not complete: data ends ${dataEnd}` : 'Period not complete';
}

/** Cohorts whose cell k is complete (the ones the pooled average uses), with their totals. */
export function pooledTotals(table: RetentionTable, k: number): { cohorts: number; retained: number; size: number } {
  let cohorts = 0, retained = 0, size = 0;
  for (const row of table.cohorts) {
    const count = row.counts[k] ?? null;
    if (count === null || row.partial[k] === true) continue;
    cohorts++;
    retained += count;
    size += row.size;
  }
  return { cohorts, retained, size };
}

/**
 * The average row's cells. Always percentages (also in count mode: a sum of counts over a varying
 * set of cohorts is not a number anyone reads); the tooltip gives the pooled totals behind it.
 */
export function averageCells(table: RetentionTable): CellView[] {
  const cells: CellView[] = [];
  for (let k = 0; k < offsetCount(table); k++) {
    const rate = table.average.rates[k] ?? null;
    if (rate === null) {
      cells.push({ offset: k, text: '', title: null, classes: ['cell', 'absent'] });
      continue;
    }
    const t = pooledTotals(table, k);
    const cohortWord = t.cohorts === 1 ? 'cohort' : 'cohorts';
    const title = `Average (${table.average.method}) · ${offsetLabel(table.period, k)}: ${formatPercent1(rate)}\n`
      + `${formatInteger(t.retained)} of ${formatInteger(t.size)} customers in ${t.cohorts} ${cohortWord} whose period is complete`;
    const heat = heatClass(rate);
    cells.push({ offset: k, text: formatCellPercent(rate), title, classes: ['cell', ...(heat ? [heat] : [])] });
  }
  return cells;
}

/** Label of the average row's header cell: "Average (pooled)". */
export function averageLabel(table: RetentionTable): string {
  return `Average (${table.average.method})`;
}

/** Whether any cell is partial (then the table explains the marker). */
export function hasPartialCells(table: RetentionTable): boolean {
  return table.cohorts.some((c) => c.partial.some((p, k) => p && c.counts[k] !== null && c.counts[k] !== undefined));
}

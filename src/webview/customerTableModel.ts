// The predicted-value customer table as plain data: its columns, the click-to-sort model (stable,
// numbers compared as numbers, unknowns last), the cell texts, the "showing N of M" line and the
// CSV export. Tested in Node; render/customerTable.ts wires headers and "line N" buttons.
import type { PredictiveCustomerRow, PredictiveReport } from '../shared/predictiveReport';
import { toCsv } from '../shared/exportTable';
import { formatInteger, formatMoney, formatPercent1 } from './format';
import { UNIT_WORDS } from './predictModel';

/** A sortable column. */
export type CustomerSortKey = 'id' | 'x' | 'tx' | 'T' | 'pAlive' | 'expectedPurchases' | 'expectedSpend' | 'clv';

/** The table's order: a column and a direction; null = the report's order (highest CLV first). */
export interface CustomerSort {
  key: CustomerSortKey;
  direction: 'ascending' | 'descending';
}

/** One column header. */
export interface CustomerColumn {
  key: CustomerSortKey;
  label: string;
  title: string;
  numeric: boolean;
}

/** The columns, in order; labels name the report's time unit. */
export function customerColumns(report: PredictiveReport): CustomerColumn[] {
  const unit = UNIT_WORDS[report.units.timeUnit];
  const months = `${report.options.horizonMonths} months`;
  return [
    { key: 'id', label: 'Customer', title: 'Customer id as written in the file', numeric: false },
    { key: 'x', label: 'x', title: 'Repeat purchase days in the calibration period', numeric: true },
    { key: 'tx', label: 't_x', title: `Recency: last − first purchase day, in ${unit}`, numeric: true },
    { key: 'T', label: 'T', title: `Age: calibration end − first purchase day, in ${unit}`, numeric: true },
    { key: 'pAlive', label: 'P(alive)', title: 'Probability the customer is still active at the calibration end', numeric: true },
    { key: 'expectedPurchases', label: 'Expected purchases', title: `Expected purchase days in the next ${months}`, numeric: true },
    { key: 'expectedSpend', label: 'Expected spend', title: 'Gamma-Gamma expected mean spend per purchase', numeric: true },
    { key: 'clv', label: 'CLV', title: `Discounted customer value over the next ${months}`, numeric: true },
  ];
}

/** A header click: the same column flips direction; a new one starts high-to-low (ids A→Z). */
export function nextSort(current: CustomerSort | null, key: CustomerSortKey): CustomerSort {
  if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'id' ? 'ascending' : 'descending' };
}

const ID_ORDER = new Intl.Collator('en', { numeric: true });

/**
 * The rows in `sort` order: numbers as numbers, ids in natural order ("c2" before "c10"), unknown
 * values (null) last in both directions, ties in the report's order (stable). A new array.
 */
export function sortCustomers(rows: readonly PredictiveCustomerRow[], sort: CustomerSort | null): PredictiveCustomerRow[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (sort === null) return rows.slice();
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const key = sort.key;
  indexed.sort((a, b) => {
    const va = a.row[key];
    const vb = b.row[key];
    if (va === null || vb === null) return va === vb ? a.index - b.index : va === null ? 1 : -1;
    const c = typeof va === 'string' ? ID_ORDER.compare(va, vb as string) : (va as number) - (vb as number);
    return c !== 0 ? sign * c : a.index - b.index;
  });
  return indexed.map((e) => e.row);
}

/** One row as the table shows it; `line` is what its "line N" button opens. */
export interface CustomerCells {
  id: string;
  cells: string[];     // x, t_x, T, P(alive), expected purchases, expected spend, CLV
  line: number;
  lineText: string;
}

const TWO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The texts of one row. */
export function customerCells(row: PredictiveCustomerRow): CustomerCells {
  return {
    id: row.id,
    cells: [formatInteger(row.x), TWO.format(row.tx), TWO.format(row.T), formatPercent1(row.pAlive), TWO.format(row.expectedPurchases), formatMoney(row.expectedSpend), formatMoney(row.clv)],
    line: row.firstLine,
    lineText: `line ${row.firstLine}`,
  };
}

/** "Showing 500 of 2,357 modelled customers, highest CLV first." (or the chosen order). */
export function showingLine(report: PredictiveReport, sort: CustomerSort | null): string {
  const shown = report.customers.length;
  const total = report.data.modelled;
  const count = shown < total ? `Showing ${formatInteger(shown)} of ${formatInteger(total)} modelled customers` : `${formatInteger(shown)} ${shown === 1 ? 'customer' : 'customers'}`;
  const ranked = report.totals === null || report.totals.clv === null ? 'expected purchases' : 'CLV';
  if (sort === null) return `${count}, highest ${ranked} first.`;
  const label = customerColumns(report).find((c) => c.key === sort.key)?.label ?? sort.key;
  const top = shown < total ? ` (the top ${formatInteger(shown)} by ${ranked})` : '';
  return `${count}${top}, sorted by ${label}, ${sort.direction}.`;
}

/** The table as CSV rows: plain numbers (no grouping, fixed decimals) so a spreadsheet reads them. */
export function customerCsvRows(report: PredictiveReport, rows: readonly PredictiveCustomerRow[]): string[][] {
  const unit = UNIT_WORDS[report.units.timeUnit];
  const months = `${report.options.horizonMonths} months`;
  const opt = (v: number | null, digits: number): string => (v === null ? '' : v.toFixed(digits));
  return [
    ['Customer', 'First line', 'x', `t_x (${unit})`, `T (${unit})`, 'P(alive)', `Expected purchases (${months})`, 'Expected spend', `CLV (${months})`],
    ...rows.map((r) => [r.id, String(r.firstLine), String(r.x), r.tx.toFixed(4), r.T.toFixed(4), r.pAlive.toFixed(4),
      r.expectedPurchases.toFixed(4), opt(r.expectedSpend, 2), opt(r.clv, 2)]),
  ];
}

/** The CSV of the rows in their shown order (RFC 4180, every cell neutralised against formula injection). */
export function customerCsv(report: PredictiveReport, rows: readonly PredictiveCustomerRow[]): string {
  return toCsv(customerCsvRows(report, rows));
}

/** "data/orders.csv" → "orders-clv.csv". */
export function clvExportName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'report';
  return `${base}-clv.csv`;
}

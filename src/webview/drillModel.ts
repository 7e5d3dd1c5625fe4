// The drill-down list under the table (the customers behind a clicked cell) as plain data.
import type { TimePrecision } from '../shared/dataset';
import type { CellCustomer } from '../shared/report';
import type { DrillState } from './controller';
import { formatCivil } from './dates';
import { formatInteger, formatMoney } from './format';

/** One customer row; `line` is what the "line N" button opens. */
export interface DrillRow {
  id: string;
  first: string;
  last: string;
  orders: string;
  revenue: string;
  line: number;
  lineText: string;
}

/** The drill-down section: heading, a status line (loading / error / empty), rows and the count line. */
export interface DrillView {
  heading: string;
  status: string | null;
  rows: DrillRow[];
  footer: string | null;
}

function row(c: CellCustomer, precision: TimePrecision): DrillRow {
  return {
    id: c.id,
    first: formatCivil(c.firstActivity, precision) ?? c.firstActivity,
    last: formatCivil(c.lastActivity, precision) ?? c.lastActivity,
    orders: formatInteger(c.orders),
    revenue: formatMoney(c.revenue),
    line: c.line,
    lineText: `line ${c.line}`,
  };
}

/** What the section shows for a drill state; `columnLabel` is the clicked column's header. */
export function drillView(drill: DrillState, columnLabel: string, precision: TimePrecision): DrillView {
  const heading = `Customers of ${drill.cohort} retained at ${columnLabel}`;
  if (drill.error !== null) return { heading, status: drill.error, rows: [], footer: null };
  if (drill.customers === null) return { heading, status: 'Listing customers…', rows: [], footer: null };
  if (drill.customers.length === 0) return { heading, status: 'No customers in this cell.', rows: [], footer: null };
  const shown = drill.customers.length;
  const footer = drill.total > shown
    ? `Showing ${formatInteger(shown)} of ${formatInteger(drill.total)} customers.`
    : `${formatInteger(shown)} ${shown === 1 ? 'customer' : 'customers'}.`;
  return { heading, status: null, rows: drill.customers.map((c) => row(c, precision)), footer };
}

// The Segments section as plain data: one row per segment value (customers, plateau, rate per
// column with its interval) and the χ² test per column, from report.segments.
import type { CurveShape, RetentionTable, SegmentReport, SegmentTest } from '../shared/report';
import { formatCellPercent, formatInteger, formatPercent1 } from './format';
import { ciText, columnCount, columnLabel } from './tableModel';

/** A rate cell of the segment table. */
export interface SegmentCell {
  text: string;
  title: string | null;
}

/** One segment value. */
export interface SegmentRowView {
  value: string;
  customers: string;
  plateau: string;
  plateauTitle: string;
  cells: SegmentCell[];
}

/** The whole section. */
export interface SegmentView {
  column: string;
  columns: string[];
  rows: SegmentRowView[];
  verdict: string;
  tests: string[];
}

/** A p-value as people read it: "p = 0.004", "p < 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** "M3: χ² = 12.41, df = 2, p = 0.002". */
export function testLine(test: SegmentTest, table: RetentionTable): string {
  return `${columnLabel(table, test.column)}: χ² = ${test.chiSquare.toFixed(2)}, df = ${test.df}, ${formatP(test.p)}`;
}

const points = (drop: number): string => `${(drop * 100).toFixed(1)} points`;

/** Plateau cell text: "21.0% from M4", or "none" when the curve never flattens. */
export function plateauText(shape: CurveShape, table: RetentionTable): string {
  if (shape.plateauOffset === null || shape.plateauLevel === null) return 'none';
  return `${formatPercent1(shape.plateauLevel)} from ${columnLabel(table, shape.plateauOffset)}`;
}

/** Plateau tooltip: the early, mid and late drops that make the curve's shape. */
export function shapeTitle(shape: CurveShape): string {
  const parts: string[] = [];
  if (shape.early !== null) parts.push(`first drop ${points(shape.early)}`);
  if (shape.mid !== null) parts.push(`then ${points(shape.mid)} per period to the plateau`);
  if (shape.late !== null) parts.push(`${points(shape.late)} per period after it`);
  return parts.length ? `Curve shape: ${parts.join(', ')}` : 'Not enough complete periods to describe the curve';
}

/** Columns worth showing: up to the last one where some segment has a rate (segment curves end where their data does). */
export function segmentWidth(segments: SegmentReport, table: RetentionTable): number {
  let last = -1;
  for (const g of segments.groups) g.rates.forEach((r, j) => { if (r !== null) last = Math.max(last, j); });
  return Math.min(columnCount(table), last + 1);
}

/** The segment section's rows and test lines. */
export function segmentView(segments: SegmentReport, table: RetentionTable): SegmentView {
  const n = segmentWidth(segments, table);
  const columns = Array.from({ length: n }, (_, j) => columnLabel(table, j));
  const rows = segments.groups.map((g): SegmentRowView => ({
    value: g.value,
    customers: formatInteger(g.customers),
    plateau: plateauText(g.shape, table),
    plateauTitle: shapeTitle(g.shape),
    cells: columns.map((label, j) => {
      const rate = g.rates[j] ?? null;
      if (rate === null) return { text: '', title: null };
      const ci = ciText(g.lower[j], g.upper[j]);
      return { text: formatCellPercent(rate), title: `${g.value} · ${label}: ${formatPercent1(rate)}${ci ? ` (${ci})` : ''}` };
    }),
  }));
  const tests = [...segments.tests].sort((a, b) => a.column - b.column).map((t) => testLine(t, table));
  return { column: segments.column, columns, rows, verdict: segments.verdict, tests };
}

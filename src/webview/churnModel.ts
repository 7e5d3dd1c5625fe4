// The churn tables as plain data (CRR per period, churn rate per period, churn by segment) and
// the churn window in words, so render/churn*.ts only turns them into elements. Tested in Node.
import type { ChurnRateRow, ChurnReport, ChurnWindow, CrrRow, GapBin, InactivityReport, SegmentChurn } from '../shared/churnReport';
import { formatDays, formatInteger, formatPoints, ordinal } from './format';
import { periodWords } from './periods';

/** A column header with its tooltip; numeric columns are right-aligned. */
export interface ColumnHead {
  text: string;
  title: string;
  num: boolean;
}

/** The CRR table's columns, in order. */
export const CRR_COLUMNS: ColumnHead[] = [
  { text: 'Period', title: 'The period [start, next period\'s start)', num: false },
  { text: 'S', title: 'Customers at the period\'s start: a purchase in the churn window before it', num: true },
  { text: 'E', title: 'Customers at the period\'s end', num: true },
  { text: 'N', title: 'New: first purchase in the period, and a customer at its end', num: true },
  { text: 'CRR', title: 'Customer retention rate: (E − N) ÷ S', num: true },
  { text: 'Churn', title: '100% − CRR', num: true },
  { text: 'Retained share', title: 'Exact: customers at the start who are still customers at the end, ÷ S', num: true },
  { text: 'Reactivated', title: 'Customers at the end who were neither customers at the start nor new (E − N − retained)', num: true },
  { text: 'Note', title: 'Why CRR and the exact retained share differ', num: false },
];

/** One row of the CRR table: its cells as text, and whether it is a greyed warm-up row. */
export interface CrrRowView {
  cells: string[];        // in CRR_COLUMNS order
  warmUp: boolean;
  title: string | null;   // why a warm-up row is greyed
}

/** Tooltip of a warm-up row. */
export function warmUpTitle(windowDays: number, start: string): string {
  return `Warm-up: the ${formatInteger(windowDays)} days before ${start} reach back before the first purchase in the file, so S and E undercount`;
}

/** The CRR table's rows. */
export function crrRows(churn: ChurnReport): CrrRowView[] {
  return churn.crr.map((r: CrrRow) => ({
    cells: [r.period, formatInteger(r.S), formatInteger(r.E), formatInteger(r.N), formatPoints(r.crr), formatPoints(r.churn),
      formatPoints(r.exactShare), formatInteger(r.reactivated), r.note ?? ''],
    warmUp: r.warmUp,
    title: r.warmUp ? warmUpTitle(churn.window.days, r.start) : null,
  }));
}

/** The line above the CRR table: the granularity and what "customer at t" means here. */
export function crrHeading(churn: ChurnReport): string {
  const w = periodWords(churn.period);
  return `Per ${w.one}: CRR = (E − N) ÷ S × 100, where a customer at a time t made a purchase in the ${formatInteger(churn.window.days)} days (W) before t.`;
}

/** The churn-rate table's columns. */
export const CHURN_RATE_COLUMNS: ColumnHead[] = [
  { text: 'Period', title: 'A complete period', num: false },
  { text: 'Customers at start', title: 'S of the CRR table', num: true },
  { text: 'Churned', title: 'Of those, customers whose silence reached the churn window during the period', num: true },
  { text: 'Churn rate', title: 'Churned ÷ customers at start', num: true },
];

/** The churn rate per period, warm-up rows greyed like the CRR table's. */
export function churnRateRows(churn: ChurnReport): CrrRowView[] {
  const starts = new Map(churn.crr.map((r) => [r.period, r.start]));
  return churn.churnRates.map((r: ChurnRateRow) => ({
    cells: [r.period, formatInteger(r.customersAtStart), formatInteger(r.churned), formatPoints(r.rate)],
    warmUp: r.warmUp,
    title: r.warmUp ? warmUpTitle(churn.window.days, starts.get(r.period) ?? r.period) : null,
  }));
}

/** Churn at the data end for one segment column: a heading and text rows (value, customers, churned, at risk, rate). */
export interface SegmentChurnView {
  column: string;
  rows: string[][];
}

/** Headers of a segment churn table (the first is the column's name). */
export const SEGMENT_CHURN_HEADS = ['Customers', 'Churned', 'At risk', 'Churn rate'];

/** One table per categorical column. */
export function segmentChurnViews(segments: readonly SegmentChurn[]): SegmentChurnView[] {
  return segments.map((s) => ({
    column: s.column,
    rows: s.values.map((v) => [v.value, formatInteger(v.customers), formatInteger(v.churned), formatInteger(v.atRisk), formatPoints(v.rate)]),
  }));
}

/** Churn at the data end in a sentence: "At the data end (2011-12-09): 1,290 of 4,338 customers have churned, …". */
export function dataEndSummary(w: InactivityReport): string {
  const are = (n: number): string => (n === 1 ? 'is' : 'are');
  const have = w.churned.total === 1 ? 'has' : 'have';
  return `At the data end (${w.lastDay}): ${formatInteger(w.churned.total)} of ${formatInteger(w.customers)} ${w.customers === 1 ? 'customer' : 'customers'} ${have} churned, `
    + `${formatInteger(w.atRisk.total)} ${are(w.atRisk.total)} at risk, ${formatInteger(w.active)} ${are(w.active)} active.`;
}

/** How W was chosen, in one line: "auto: 90th percentile of 12,425 gaps between purchases = 110 days". */
export function windowSource(w: ChurnWindow): string {
  const days = `${formatInteger(w.days)} ${w.days === 1 ? 'day' : 'days'}`;
  switch (w.source) {
    case 'auto':
      return `auto: ${ordinal(w.percentile ?? 0)} percentile of ${formatInteger(w.gaps)} ${w.gaps === 1 ? 'gap' : 'gaps'} between purchases = ${days}`;
    case 'setting':
      return `set: ${days} (the churn window setting)`;
    case 'fallback':
      return `auto asked, but no customer bought on two different days: ${days} (fallback)`;
  }
}

/** The gap distribution in a sentence, or null when there is no gap. */
export function gapSummary(w: ChurnWindow): string | null {
  if (w.gaps === 0 || w.medianGap === null) return null;
  return `Gaps between a customer's consecutive purchase days: median ${formatDays(w.medianGap)} days, 90th percentile ${formatDays(w.p90Gap)}, 99th percentile ${formatDays(w.p99Gap)}.`;
}

/** Label of a histogram bin: "29", "8–14", "267+". */
export function binLabel(bin: GapBin): string {
  if (bin.to === null) return `${formatInteger(bin.from)}+`;
  return bin.from === bin.to ? formatInteger(bin.from) : `${formatInteger(bin.from)}–${formatInteger(bin.to)}`;
}

/** The gap histogram for a bar chart: one bar per bin; the bin holding W drawn apart. */
export interface HistogramModel {
  labels: string[];
  counts: number[];
  windowBin: number | null;   // index of the bin W falls in
  xLabel: string;
  note: string;
}

/** The histogram's bars, or null when there is no gap to draw. */
export function histogramModel(w: ChurnWindow): HistogramModel | null {
  if (w.histogram.length === 0 || w.gaps === 0) return null;
  const at = w.histogram.findIndex((b) => b.from <= w.days && (b.to === null || w.days <= b.to));
  const per = w.binDays === 1 ? '' : ` (bins of ${w.binDays} days)`;
  return {
    labels: w.histogram.map(binLabel),
    counts: w.histogram.map((b) => b.count),
    windowBin: at < 0 ? null : at,
    xLabel: `Days between purchases${per}`,
    note: at < 0 ? `W = ${formatInteger(w.days)} days lies outside the bins shown.` : `The highlighted bar holds W = ${formatInteger(w.days)} days.`,
  };
}

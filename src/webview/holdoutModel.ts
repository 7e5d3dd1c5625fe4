// The calibration/holdout check as plain data: the two charts' series (cumulative and per-week
// repeat purchases, actual vs predicted), the summary sentence and the by-frequency table.
// Tested in Node; render/holdout.ts draws them with uPlot.
import type { HoldoutReport } from '../shared/predictiveReport';
import { formatInteger } from './format';

/** One holdout chart: x = week numbers 1..n, two lines. */
export interface HoldoutChartModel {
  xs: number[];
  actual: number[];
  predicted: number[];
  yLabel: string;
}

/** Both charts and a note about a short last week (or null). */
export interface HoldoutCharts {
  cumulative: HoldoutChartModel;
  incremental: HoldoutChartModel;
  note: string | null;
}

/** Two decimals, so hover values read cleanly. */
const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The series of both charts, week by week. */
export function holdoutCharts(h: HoldoutReport): HoldoutCharts {
  const xs = h.weeks.map((w) => w.week);
  const last = h.weeks[h.weeks.length - 1];
  const note = last !== undefined && last.days < 7
    ? `Week ${last.week} has only ${last.days} ${last.days === 1 ? 'day' : 'days'} of data, so its weekly counts are lower.`
    : null;
  return {
    cumulative: {
      xs, yLabel: 'Cumulative repeat purchases',
      actual: h.weeks.map((w) => w.actualCumulative), predicted: h.weeks.map((w) => round2(w.expectedCumulative)),
    },
    incremental: {
      xs, yLabel: 'Repeat purchases per week',
      actual: h.weeks.map((w) => w.actual), predicted: h.weeks.map((w) => round2(w.expected)),
    },
    note,
  };
}

const ONE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const TWO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Predicted relative to actual: "+3.2%", "−12.1%" (a true minus sign), "0.0%"; "—" when nothing happened. */
export function relativeDifference(actual: number, predicted: number): string {
  if (!(actual > 0)) return '—';
  const pct = ((predicted - actual) / actual) * 100;
  const text = ONE.format(Math.abs(pct));
  return text === '0.0' ? '0.0%' : `${pct > 0 ? '+' : '−'}${text}%`;
}

/** "Over the holdout (39 weeks): 1,882 repeat purchases happened, the model predicted 1,653.4 (−12.1%)." */
export function holdoutSummary(h: HoldoutReport): string {
  const weeks = `${formatInteger(h.weeks.length)} ${h.weeks.length === 1 ? 'week' : 'weeks'}`;
  return `Over the holdout (${weeks}): ${formatInteger(h.actualTotal)} repeat purchases happened; the model predicted ${ONE.format(h.expectedTotal)} (${relativeDifference(h.actualTotal, h.expectedTotal)}).`;
}

/** One row of the by-frequency table (means per customer). */
export interface FrequencyRow {
  label: string;
  customers: string;
  actual: string;
  predicted: string;
  difference: string;
}

/** Mean holdout purchases per customer by calibration frequency, actual vs predicted. */
export function frequencyRows(h: HoldoutReport): FrequencyRow[] {
  return h.byFrequency.map((f) => ({
    label: f.label,
    customers: formatInteger(f.customers),
    actual: TWO.format(f.actual),
    predicted: TWO.format(f.expected),
    difference: f.customers === 0 ? '—' : relativeDifference(f.actual, f.expected),
  }));
}

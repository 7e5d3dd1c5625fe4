// The retention-curve chart as plain data (which series, which values), kept apart from uPlot so
// the selection rules can be tested in Node.
import type { CohortRow, RetentionTable } from '../shared/report';
import { offsetCount } from './tableModel';

/** Above this many cohorts the chart shows only the average and the most recent cohorts. */
export const MAX_COHORT_SERIES = 50;
/** How many recent cohorts are drawn when there are too many. */
export const RECENT_COHORTS = 12;

/** One line of the chart: y values in percent, null = no point (absent, or an incomplete period). */
export interface ChartSeries {
  label: string;
  kind: 'cohort' | 'average';
  values: (number | null)[];
}

/** Everything the chart draws: x = offsets 0..n-1, cohort series oldest first, the average last. */
export interface ChartModel {
  xs: number[];
  series: ChartSeries[];
  note: string | null;    // said under the chart when cohorts were left out
}

/** The cohorts to draw: all of them, or the last RECENT_COHORTS when there are more than MAX_COHORT_SERIES. */
export function selectChartCohorts(cohorts: readonly CohortRow[]): { shown: CohortRow[]; note: string | null } {
  if (cohorts.length <= MAX_COHORT_SERIES) return { shown: [...cohorts], note: null };
  return {
    shown: cohorts.slice(-RECENT_COHORTS),
    note: `${cohorts.length} cohorts: showing the average and the ${RECENT_COHORTS} most recent cohorts.`,
  };
}

/** Percent with 2 decimals, so hover values match the table's rounding. */
function pct(rate: number): number {
  return Math.round(rate * 10000) / 100;
}

/**
 * A cohort's curve. Incomplete periods (k > 0) are left out: their rate is still rising, and
 * drawing it would show every young cohort crashing at its last point. k = 0 is 100 % anyway.
 */
export function cohortValues(row: CohortRow, n: number): (number | null)[] {
  const values: (number | null)[] = [];
  for (let k = 0; k < n; k++) {
    const rate = row.rates[k] ?? null;
    values.push(rate === null || (k > 0 && row.partial[k] === true) ? null : pct(rate));
  }
  return values;
}

/** The chart's data for a retention table. */
export function chartModel(table: RetentionTable): ChartModel {
  const n = offsetCount(table);
  const xs = Array.from({ length: n }, (_, k) => k);
  const { shown, note } = selectChartCohorts(table.cohorts);
  const series: ChartSeries[] = shown.map((row) => ({ label: row.cohort, kind: 'cohort', values: cohortValues(row, n) }));
  const average = xs.map((k) => {
    const rate = table.average.rates[k] ?? null;
    return rate === null ? null : pct(rate);
  });
  series.push({ label: `Average (${table.average.method})`, kind: 'average', values: average });
  return { xs, series, note };
}

/**
 * A CSS colour with its alpha multiplied by `alpha` (canvas needs a concrete colour, and theme
 * colours arrive as #rgb, #rrggbb, #rrggbbaa or rgb()/rgba()). Anything else is returned as is.
 */
export function withAlpha(color: string, alpha: number): string {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c);
  if (hex) {
    let h = hex[1];
    if (h.length <= 4) h = [...h].map((ch) => ch + ch).join('');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
    const a = h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1;
    return `rgba(${r}, ${g}, ${b}, ${round3(a * alpha)})`;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(c);
  if (rgb) {
    const a0 = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${round3(a0 * alpha)})`;
  }
  return c;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Alpha of cohort line i of n: older cohorts fainter (0.3), the newest clearer (0.75). */
export function cohortAlpha(i: number, n: number): number {
  return n <= 1 ? 0.75 : round3(0.3 + (0.45 * i) / (n - 1));
}

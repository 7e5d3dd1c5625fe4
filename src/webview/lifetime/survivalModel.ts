// The survival section as plain data (tested in Node): which Kaplan–Meier curves are drawn, their
// step values aligned on one time axis with the confidence band and the censoring marks, the
// legend (subjects, events, median with its interval), the number-at-risk table under the chart
// and the log-rank line. render/survivalChart.ts and lifetime/survivalSection.ts only draw this.
import type { KmMedian, LogRankResult, SurvivalCurve, SurvivalReport } from '../../shared/survivalReport';
import { formatDays, formatInteger } from '../format';

/** Survival drawn as a percentage with 2 decimals (hover matches the tables). */
const pct = (s: number | null): number | null => (s === null ? null : Math.round(s * 10000) / 100);

/** The curves the chart draws: one per segment value when the report is split, else the overall one. */
export function shownCurves(s: SurvivalReport): SurvivalCurve[] {
  return s.segmentColumn !== null && s.segments.length > 0 ? s.segments : [s.overall];
}

/** A time on the chart's axis: up to one decimal, thousands grouped ("1,095", "2.5"). */
export function formatTime(t: number | null): string {
  return formatDays(t);
}

/** "95%" for a confidence of 0.95. */
export function confidenceLabel(confidence: number): string {
  return `${Math.round(confidence * 1000) / 10}%`;
}

/**
 * The median with its interval: "35 months (95% CI 33–38)"; "not reached" when the curve stays
 * above 50%; an interval whose upper edge the band never reaches is open ("33–not reached").
 */
export function medianText(m: KmMedian, unit: string, confidence: number): string {
  if (m.time === null) return 'not reached';
  const lower = m.lower === null ? '—' : formatTime(m.lower);
  const upper = m.upper === null ? 'not reached' : formatTime(m.upper);
  return `${formatTime(m.time)} ${unit} (${confidenceLabel(confidence)} CI ${lower}–${upper})`;
}

/** A p-value for people: "p < 0.001", "p = 0.043" (3 decimals below 0.1, near the 5% line), "p = 0.14", "p > 0.99". */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'p = —';
  if (p < 0.001) return 'p < 0.001';
  if (p > 0.99) return 'p > 0.99';
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "χ² = 812.3, df = 2, p < 0.001 — the curves differ" (at the 5% level), or "— no evidence the curves differ". */
export function logRankLine(lr: LogRankResult): string {
  const verdict = lr.p < 0.05 ? 'the curves differ' : 'no evidence the curves differ (at the 5% level)';
  return `Log-rank test: χ² = ${ONE_DECIMAL.format(lr.chiSquare)}, df = ${lr.df}, ${formatP(lr.p)} — ${verdict}`;
}

/** The observed-vs-expected table of the log-rank test: group, subjects, observed, expected, O/E. */
export function logRankRows(lr: LogRankResult): string[][] {
  return lr.groups.map((g) => [
    g.label, formatInteger(g.subjects), formatInteger(g.observed), ONE_DECIMAL.format(g.expected),
    g.expected > 0 ? (g.observed / g.expected).toFixed(2) : '—',
  ]);
}

/** One row of the legend under the chart. */
export interface LegendRow {
  label: string;
  color: number;       // index into the chart's series colours (.series-N in CSS)
  subjects: string;
  events: string;
  censored: string;
  median: string;
}

/** The legend: per drawn curve, subjects, events (churned), censored and the median with its interval. */
export function legendRows(s: SurvivalReport): LegendRow[] {
  return shownCurves(s).map((c, i) => ({
    label: c.label, color: i, subjects: formatInteger(c.subjects), events: formatInteger(c.events),
    censored: formatInteger(c.subjects - c.events), median: medianText(c.median, s.timeUnit, s.confidence),
  }));
}

/** The number-at-risk table: one column per tick of the chart, one row per drawn curve. */
export interface AtRiskLayout {
  times: number[];
  heads: string[];
  rows: { label: string; color: number; cells: string[] }[];
}

/** Lays out the number-at-risk table at the overall curve's ticks (every curve's table uses the same ticks). */
export function atRiskLayout(s: SurvivalReport): AtRiskLayout {
  const times = s.overall.atRiskTable.map((c) => c.time);
  const rows = shownCurves(s).map((c, i) => {
    const byTime = new Map(c.atRiskTable.map((cell) => [cell.time, cell.atRisk]));
    return { label: c.label, color: i, cells: times.map((t) => formatInteger(byTime.get(t) ?? null)) };
  });
  return { times, heads: times.map(formatTime), rows };
}

/** One drawn curve on the shared time axis (values in percent; null = beyond the curve's last time). */
export interface ChartCurve {
  label: string;
  survival: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  censored: (number | null)[];   // S at times where subjects were censored (the tick marks), else null
}

/** What the survival chart draws: x = time, one stepped curve with its band per shown curve. */
export interface SurvivalChartModel {
  xs: number[];
  curves: ChartCurve[];
  ticks: number[];     // the number-at-risk table's times, so the table lines up with the axis
  xLabel: string;
}

/** A curve's step values at every x: S = 1 before its first point, carried forward, null after its last time. */
function alignCurve(c: SurvivalCurve, xs: readonly number[]): ChartCurve {
  const out: ChartCurve = { label: c.label, survival: [], lower: [], upper: [], censored: [] };
  const last = c.points.length ? c.points[c.points.length - 1].time : 0;
  let j = -1;
  for (const x of xs) {
    while (j + 1 < c.points.length && c.points[j + 1].time <= x) j++;
    const p = j >= 0 ? c.points[j] : null;
    const beyond = x > last;
    out.survival.push(beyond ? null : pct(p ? p.survival : 1));
    out.lower.push(beyond ? null : pct(p ? p.lower : 1));
    out.upper.push(beyond ? null : pct(p ? p.upper : 1));
    out.censored.push(p && p.time === x && p.censored > 0 ? pct(p.survival) : null);
  }
  return out;
}

/** The chart's model: every curve's times merged (from 0) so uPlot gets one aligned x array. */
export function survivalChartModel(s: SurvivalReport): SurvivalChartModel {
  const curves = shownCurves(s);
  const times = new Set<number>([0]);
  for (const c of curves) for (const p of c.points) times.add(p.time);
  const xs = [...times].sort((a, b) => a - b);
  return { xs, curves: curves.map((c) => alignCurve(c, xs)), ticks: s.overall.atRiskTable.map((c) => c.time), xLabel: `Time since start (${s.timeUnit})` };
}

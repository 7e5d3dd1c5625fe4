// The churn window W (DESIGN.md §4, churn): a fixed number of days, or 'auto' = the p-th
// percentile of the gaps between a customer's consecutive purchase days, pooled over all
// customers. Gaps are whole days ≥ 1, so one counting array replaces a sort of every gap.
import type { ChurnWindow, GapBin } from '../../shared/churnReport';
import type { CustomerDays } from './customerDays';

/** W when 'auto' finds no gap at all (no customer bought on two different days). */
export const FALLBACK_WINDOW = 90;

/** Bin widths the histogram may use, in days: the first giving ≤ MAX_BINS bins up to the 99th percentile. */
const BIN_WIDTHS = [1, 2, 7, 14, 30, 91, 365];
const MAX_BINS = 40;

/** How many gaps of each length (index = days); index 0 is unused since purchase days are distinct. */
export function gapCounts(cd: CustomerDays): { counts: Float64Array; total: number } {
  const span = Number.isFinite(cd.firstDay) ? cd.lastPurchaseDay - cd.firstDay : 0;
  const counts = new Float64Array(span + 1);
  let total = 0;
  const { start, days } = cd;
  for (let u = 0; u + 1 < start.length; u++) {
    const e = start[u + 1];
    for (let i = start[u] + 1; i < e; i++) counts[days[i] - days[i - 1]]++;
    if (e > start[u]) total += e - start[u] - 1;
  }
  return { counts, total };
}

/**
 * Nearest-rank percentile: the smallest gap g such that at least p % of all gaps are ≤ g
 * (rank ⌈p/100 · n⌉). Gaps are whole days, so this is already "rounded up to whole days".
 * Null when there is no gap.
 */
export function gapPercentile(counts: Float64Array, total: number, p: number): number | null {
  // 0.9 × 10 is 9.000000000000002 in floating point: without the nudge the rank would be 10.
  return total === 0 ? null : gapAtRank(counts, Math.max(1, Math.ceil((p / 100) * total - 1e-9)));
}

/** Median gap in days (mean of the two middle gaps when their number is even); null without gaps. */
export function gapMedian(counts: Float64Array, total: number): number | null {
  if (total === 0) return null;
  const lo = gapAtRank(counts, Math.floor((total + 1) / 2));
  const hi = gapAtRank(counts, Math.floor(total / 2) + 1);
  return (lo + hi) / 2;
}

/** The gap of the given 1-based rank in ascending order. */
function gapAtRank(counts: Float64Array, rank: number): number {
  let seen = 0;
  for (let g = 0; g < counts.length; g++) {
    seen += counts[g];
    if (seen >= rank) return g;
  }
  return counts.length - 1;
}

/**
 * Fixed-width bins from 1 day up to the 99th percentile gap (so a few very long gaps do not
 * squash the shape into one bar), then one open-ended bin holding every longer gap.
 */
export function gapHistogram(counts: Float64Array, total: number): { binDays: number; bins: GapBin[] } {
  const p99 = gapPercentile(counts, total, 99);
  if (p99 === null) return { binDays: 1, bins: [] };
  const binDays = BIN_WIDTHS.find((w) => Math.ceil(p99 / w) <= MAX_BINS) ?? BIN_WIDTHS[BIN_WIDTHS.length - 1];
  const closed = Math.ceil(p99 / binDays);
  const bins: GapBin[] = [];
  for (let b = 0; b < closed; b++) bins.push({ from: b * binDays + 1, to: (b + 1) * binDays, count: 0 });
  const open: GapBin = { from: closed * binDays + 1, to: null, count: 0 };
  for (let g = 1; g < counts.length; g++) {
    if (counts[g] === 0) continue;
    const b = Math.floor((g - 1) / binDays);
    (b < closed ? bins[b] : open).count += counts[g];
  }
  if (open.count > 0) bins.push(open);
  return { binDays, bins };
}

/** Resolves W from the setting ('auto' or whole days ≥ 1) and describes the gap distribution behind it. */
export function churnWindow(cd: CustomerDays, setting: number | 'auto', percentile: number): ChurnWindow {
  const { counts, total } = gapCounts(cd);
  const auto = setting === 'auto' ? gapPercentile(counts, total, percentile) : null;
  const source: ChurnWindow['source'] = setting !== 'auto' ? 'setting' : auto === null ? 'fallback' : 'auto';
  const days = setting !== 'auto' ? Math.max(1, Math.ceil(setting)) : auto ?? FALLBACK_WINDOW;
  const { binDays, bins } = gapHistogram(counts, total);
  return {
    days,
    source,
    percentile: setting === 'auto' ? percentile : null,
    gaps: total,
    medianGap: gapMedian(counts, total),
    p90Gap: gapPercentile(counts, total, 90),
    p99Gap: gapPercentile(counts, total, 99),
    binDays,
    histogram: bins,
  };
}

// Number formatting for the report. One fixed locale (en-US: "," groups thousands, "." is the
// decimal mark) so the panel, the standalone HTML and the CLI print the same strings, which keeps
// reports diffable and the integration tests deterministic.

/** Shown where a number is unknown (e.g. revenue without an amount column). */
export const DASH = '—';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12345 → "12,345"; null → "—". */
export function formatInteger(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : INTEGER.format(n);
}

/** Money and other 2-decimal values: 1234.5 → "1,234.50"; null → "—". No currency sign: the CSV does not say which. */
export function formatMoney(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : TWO_DECIMALS.format(n);
}

/** A ratio shown as a percentage with one decimal: 0.6 → "60.0%" (KPI cards, tooltips). */
export function formatPercent1(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? DASH : `${ONE_DECIMAL.format(rate * 100)}%`;
}

/**
 * A retention rate in a heatmap cell. Whole percent ("100%", "67%") where that is precise
 * enough; below 10 % one decimal ("4.2%"), because late-period retention in shops is often a few
 * percent and "4%" vs "5%" would hide real differences; a tiny non-zero rate is "<0.1%" (never
 * "0.0%", which would read as nobody). The 9.95 threshold keeps 9.96 % from printing "10.0%".
 */
export function formatCellPercent(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '';
  const pct = rate * 100;
  if (pct === 0) return '0%';
  if (pct < 0.05) return '<0.1%';
  if (pct < 9.95) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

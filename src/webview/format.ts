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

/** A percentage already on the 0–100 scale (churn report), one decimal: 66.67 → "66.7%"; null → "—". */
export function formatPoints(pct: number | null): string {
  return pct === null || !Number.isFinite(pct) ? DASH : `${ONE_DECIMAL.format(pct)}%`;
}

const UP_TO_ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Days or other counts that may be halves (a median gap): 30 → "30", 7.5 → "7.5", 1234 → "1,234". */
export function formatDays(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : UP_TO_ONE_DECIMAL.format(n);
}

/** The English ordinal of a percentile: 90 → "90th", 1 → "1st", 22 → "22nd", 99.5 → "99.5th". */
export function ordinal(n: number): string {
  const text = UP_TO_ONE_DECIMAL.format(n).replace(/,/g, '');
  if (!Number.isInteger(n)) return `${text}th`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${text}th`;
  return text + ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
}

const UP_TO_FOUR = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A ratio as stored in the report (up to 4 decimals): 7.2247 → "7.2247", 12 → "12", 1234.5 → "1,234.5". */
export function formatUpTo4(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : UP_TO_FOUR.format(n);
}

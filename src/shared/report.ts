import type { ColumnMapping, DateFormat } from './mapping';
import type { Period, WeekStart } from './options';
import type { RowProblem, SkipReason, TimePrecision } from './dataset';

/** Bump when a field of the stable core (DESIGN.md §6) changes meaning. */
export const SCHEMA_VERSION = 1;

/** One cohort row of the retention table. Arrays are indexed by offset k (k = 0 is the cohort period). */
export interface CohortRow {
  cohort: string;              // ISO period label: 2024-03, 2024-W11, 2024-Q1, 2024-03-05, 2024
  size: number;
  counts: (number | null)[];   // null = the cell's period starts after the data end (absent)
  rates: (number | null)[];    // counts / size, rounded to 4 decimals
  partial: boolean[];          // the cell's period ends after the data end
}

/** How the average row was computed (the UI names it). */
export type AverageMethod = 'pooled';

/** The cohort retention table (DESIGN.md §4). */
export interface RetentionTable {
  period: Period;
  mode: 'classic';
  cohorts: CohortRow[];
  average: {
    rates: (number | null)[];  // pooled over cohorts whose cell is complete; null when none is
    method: AverageMethod;
  };
}

/** Headline numbers (DESIGN.md §4, KPIs). Money rounded to 2 decimals, ratios to 4. */
export interface Kpis {
  customers: number;           // customers with at least one purchase
  orders: number;              // purchase rows, or distinct order ids when an order column is mapped
  revenue: number | null;      // net of returns; null when no amount is known
  aov: number | null;          // revenue / orders
  purchaseFrequency: number;   // orders / customers
  repeatPurchaseRate: number;  // share of customers with ≥ 2 orders
}

/** What the parse found, for the data-quality section. */
export interface QualityReport {
  rowsRead: number;
  rowsUsed: number;
  skipped: Partial<Record<SkipReason, number>>;
  examples: Partial<Record<SkipReason, RowProblem[]>>;
  returns: number;
  zeroAmount: number;
  dateFormat: DateFormat;
  timePrecision: TimePrecision;
  firstActivity: string | null;  // ISO date-time (civil) of the first purchase
  dataEnd: string | null;        // ISO date-time (civil), exclusive
}

/** Settings the report was computed with, so a reader knows what the numbers mean. */
export interface ReportSettings {
  timeZone: string;
  weekStart: WeekStart;
}

/** The report: JSON-serialisable, aggregates only (never raw rows). Stable core per DESIGN.md §6. */
export interface ReportModel {
  schemaVersion: number;
  input: { file: string; rows: number; skipped: Partial<Record<SkipReason, number>> };
  mapping: Pick<ColumnMapping, 'customerId' | 'timestamp' | 'amount'> & Partial<ColumnMapping>;
  retention: RetentionTable;
  kpis: Kpis;
  quality: QualityReport;
  settings: ReportSettings;
}

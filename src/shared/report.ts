import type { ColumnMapping, DateFormat } from './mapping';
import type { AverageMethod, CohortKind, OffsetRange, Period, PresetName, RateBase, RetentionMode, WeekStart, WindowKind } from './options';
import type { RowProblem, SkipReason, TimePrecision } from './dataset';
import type { ChurnReport } from './churnReport';
import type { PredictiveReport } from './predictiveReport';
import type { SurvivalReport } from './survivalReport';
import type { SubscriptionReport } from './subscriptionReport';

/** Bump when a field of the stable core (DESIGN.md §6) changes meaning. */
export const SCHEMA_VERSION = 1;

/** One cohort row of the retention table. Arrays are indexed by column j (offset k, or bracket j). */
export interface CohortRow {
  cohort: string;              // ISO period label: 2024-03, 2024-W11, 2024-Q1, 2024-03-05, 2024
  size: number;
  counts: (number | null)[];   // retained customers; null = the cell's window starts after the data end (absent)
  rates: (number | null)[];    // counts / base (cohort size, or the previous cell's count), rounded to 4 decimals
  partial: boolean[];          // the cell's window ends after the data end
  lower: (number | null)[];    // 95% Wilson interval of each rate, rounded to 4 decimals
  upper: (number | null)[];
  small: boolean;              // size < the smallCohort option
}

/** The average row and how it was computed (the UI names the method). */
export interface AverageRow {
  rates: (number | null)[];    // null when no cohort's cell is complete
  method: AverageMethod;
  counts: (number | null)[];   // Σ retained over the cohorts the average uses (pooled numerator)
  sizes: (number | null)[];    // Σ bases over those cohorts (pooled denominator)
  lower: (number | null)[];    // Wilson interval of the pooled proportion counts/sizes
  upper: (number | null)[];
}

/** The retention definition a table was computed with, echoed so readers know what the numbers mean. */
export interface RetentionDefinition {
  window: WindowKind;
  cohorts: CohortKind;
  rateBase: RateBase;
  brackets: OffsetRange[];     // empty unless mode = 'bracket'
  minOccurrences: number;
  cohortEvent: string | null;
  returnEvent: string | null;
  smallCohort: number;
}

/** The cohort retention table (DESIGN.md §4). */
export interface RetentionTable {
  period: Period;
  mode: RetentionMode;
  cohorts: CohortRow[];
  average: AverageRow;
  columns: string[];           // column headers: 'M0', 'M1'… (classic/unbounded/streak) or bracket labels 'D0', 'D1–3'…
  atRisk: (number | null)[];   // number at risk per column: customers in cohorts whose cell is present
  definition: RetentionDefinition;
}

/** Revenue by cohort and offset (DESIGN.md §4, revenue), same cohorts and columns as the table. */
export interface RevenueRow {
  cohort: string;
  size: number;
  revenue: (number | null)[];               // Σ amount in the cell's window by the cohort's customers (net of returns)
  revenuePerCustomer: (number | null)[];    // revenue / cohort size
  cumulativePerCustomer: (number | null)[]; // Σ_{j ≤ k} revenue / cohort size (the LTV curve)
  revenueRetention: (number | null)[];      // revenue / revenue at offset 0
}

/** Revenue tables; null in the report when the file has no amounts. */
export interface RevenueTable {
  cohorts: RevenueRow[];
  average: {                                // pooled over cohorts whose cell is complete
    revenuePerCustomer: (number | null)[];
    cumulativePerCustomer: (number | null)[];
    revenueRetention: (number | null)[];
  };
}

/** Where a retention curve flattens (DESIGN.md §4, curve shape). */
export interface CurveShape {
  plateauOffset: number | null;  // first offset after which the curve drops by < 1 point per period; null if it never does
  plateauLevel: number | null;   // the rate at that offset
  early: number | null;          // drop from offset 0 to 1 (points, 0–1 scale)
  mid: number | null;            // average drop per period from offset 1 to the plateau
  late: number | null;           // average drop per period after the plateau
}

/** One value of a segment column (or "Other": the values beyond the top N). */
export interface SegmentGroup {
  value: string;
  customers: number;
  rates: (number | null)[];      // pooled average curve of the group's customers, per column
  lower: (number | null)[];
  upper: (number | null)[];
  shape: CurveShape;
}

/** A χ² test of independence between segment and retained, at one column. */
export interface SegmentTest {
  column: number;                // column index j
  chiSquare: number;
  df: number;
  p: number;
}

/** Segment comparison (DESIGN.md §4, segments). */
export interface SegmentReport {
  column: string;
  groups: SegmentGroup[];
  tests: SegmentTest[];
  verdict: string;               // plain language: "ads retains better than organic at M3 (41% vs 28%; p = 0.004)"
}

/** One sentence per option saying why another setting gives a different number on this file. */
export interface ExplainLine {
  option: string;                // e.g. 'mode', 'window', 'average'
  text: string;
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

/** What the file offers the lab's controls: event names for the filters, columns for segments. */
export interface ReportChoices {
  eventNames: string[];        // distinct values of the event column (empty when none is mapped)
  segmentColumns: string[];    // categorical columns
  presets: PresetName[];
}

/** The report: JSON-serialisable, aggregates only (never raw rows). Stable core per DESIGN.md §6. */
export interface ReportModel {
  schemaVersion: number;
  shape: 'events';
  input: { file: string; rows: number; skipped: Partial<Record<SkipReason, number>> };
  mapping: Pick<ColumnMapping, 'customerId' | 'timestamp' | 'amount'> & Partial<ColumnMapping>;
  retention: RetentionTable;
  kpis: Kpis;
  revenue: RevenueTable | null;
  segments: SegmentReport | null;
  explain: ExplainLine[];
  churn: ChurnReport;
  predictive: PredictiveReport | null;   // BG/NBD + Gamma-Gamma: computed on request (panel button, CLI --predict)
  choices: ReportChoices;
  quality: QualityReport;
  settings: ReportSettings;
}

/** A customer behind a table cell (drill-down). */
export interface CellCustomer {
  id: string;
  firstActivity: string;       // ISO civil date-time
  lastActivity: string;
  orders: number;
  revenue: number | null;
  line: number;                // the customer's first line in the file
}

/** What the parse of a subscriptions or customers file found, for the data-quality section. */
export interface LifetimeQualityReport {
  rowsRead: number;
  rowsUsed: number;
  skipped: Partial<Record<SkipReason, number>>;
  examples: Partial<Record<SkipReason, RowProblem[]>>;
  dateFormat: DateFormat | null;   // null for a customers table read from a tenure column
  firstStart: string | null;       // ISO civil date-time of the earliest start (subscriptions, or customers with a start column)
  dataEnd: string | null;          // ISO civil date-time, exclusive; active subscriptions are censored here
  active: number;                  // subjects still active (censored)
}

/**
 * The report of a subscriptions or customers file (issue 6): survival for both shapes, MRR and
 * logo metrics for subscriptions. Same conventions as ReportModel (JSON, aggregates only).
 */
export interface LifetimeReportModel {
  schemaVersion: number;
  shape: 'subscriptions' | 'customers';
  input: { file: string; rows: number; skipped: Partial<Record<SkipReason, number>> };
  mapping: Partial<ColumnMapping>;               // the roles this shape mapped (others absent)
  survival: SurvivalReport;
  subscriptions: SubscriptionReport | null;      // null for the customers shape
  choices: { segmentColumns: string[] };         // categorical columns the survival curves can be split by
  quality: LifetimeQualityReport;
  settings: ReportSettings;
}

/** Any report the engine produces; `shape` tells them apart. */
export type AnyReport = ReportModel | LifetimeReportModel;

/** True for the events report (cohort tables, churn, value). */
export function isEventsReport(report: AnyReport): report is ReportModel {
  return report.shape === 'events';
}

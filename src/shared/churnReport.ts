// The churn report's JSON (issue 4: churn, CRR, lifecycle, customer value). Aggregates and
// capped customer lists only, never raw rows. Every rate here is a PERCENTAGE (0–100, 2
// decimals), as the CRR formula is written; counts are whole customers; money has 2 decimals
// and no currency (the file does not say which). Dates are civil ISO dates in the configured zone.
import type { Period, WeekStart } from './options';

/** Inputs of the churn analyses; omitted fields take the defaults in DEFAULT_CHURN. */
export interface ChurnOptions {
  period: Period;
  weekStart: WeekStart;
  window?: number | 'auto';      // churn window W in whole days (≥ 1), or derived from the purchase gaps
  percentile?: number;           // gap percentile that 'auto' uses (0 < p ≤ 100)
  listLimit?: number;            // customers kept per list (totals always cover everyone)
  segmentLimit?: number;         // values shown per segment column (largest first; the rest pooled as "Other")
}

/** Defaults of the optional churn options. */
export const DEFAULT_CHURN = { window: 'auto', percentile: 90, listLimit: 100, segmentLimit: 20 } as const;

/** One bin of the gap histogram: gaps of `from`…`to` days (inclusive); `to` null = `from` or more. */
export interface GapBin {
  from: number;
  to: number | null;
  count: number;
}

/** The churn window W and how it was chosen. */
export interface ChurnWindow {
  days: number;                  // W: churned = no purchase in the last W days of data
  source: 'setting' | 'auto' | 'fallback';  // fallback: 'auto' asked but no customer bought on two days (W = 90)
  percentile: number | null;     // the percentile 'auto' used (null for a fixed setting)
  gaps: number;                  // gaps counted: consecutive purchase days of one customer (same-day purchases merged)
  medianGap: number | null;      // days; null when there is no gap
  p90Gap: number | null;
  p99Gap: number | null;
  binDays: number;               // width of the histogram's bins (1, 2, 7, 14, 30, 91 or 365 days)
  histogram: GapBin[];           // bins from 1 day up to the 99th percentile, then one open-ended bin
}

/** A CRR row: one complete period [start, end), DESIGN.md §4 (customer retention rate). */
export interface CrrRow {
  period: string;                // ISO period label (2024-03, 2024-W11…)
  start: string;                 // t0, the period's first day
  end: string;                   // t1, the next period's first day (exclusive)
  S: number;                     // customers at t0: a purchase in the W days before t0
  E: number;                     // customers at t1
  N: number;                     // first purchase in [t0, t1) and a customer at t1
  retained: number;              // |A(t0) ∩ A(t1)|
  reactivated: number;           // customers at t1 who were neither customers at t0 nor new: E − N − retained
  crr: number | null;            // (E − N) / S × 100; null when S = 0
  churn: number | null;          // 100 − crr
  exactShare: number | null;     // retained / S × 100
  warmUp: boolean;               // the W days before t0 reach back before the first purchase in the file: S and E undercount
  note: string | null;           // why crr and exactShare differ, when by ≥ 0.5 points
}

/** Churn events per complete period: customers at the period's start whose silence reaches W days during it. */
export interface ChurnRateRow {
  period: string;
  customersAtStart: number;      // S of the CRR row
  churned: number;               // of those, customers whose W-th silent day falls in the period
  rate: number | null;           // churned / customersAtStart × 100; null when no customer at the start
  warmUp: boolean;
}

/** A customer in a churn list. */
export interface ChurnCustomer {
  id: string;
  lastPurchase: string;          // ISO civil date of the last purchase
  daysSilent: number;            // last day of data − last purchase day (0 = bought on the last day)
  orders: number;                // distinct order ids among purchase rows, or purchase rows without an order column
  revenue: number | null;        // net of returns, all time; null without amounts
  usualGap: number | null;       // median gap in days between their purchase days; the global median with < 2 gaps
  lastLine: number;              // the customer's last row in the file (1-based physical line), to open in the editor
}

/** A capped, ranked list; the totals cover every customer in the set, not only those shown. */
export interface ChurnList {
  total: number;                 // customers in the set
  revenue: number | null;        // their past revenue, summed
  customers: ChurnCustomer[];    // the first listLimit, in the list's order
}

/** Churn by inactivity at the data end (DESIGN.md §4, churn (non-contractual)). */
export interface InactivityReport {
  lastDay: string;               // last day of data (the day holding the latest timestamp)
  customers: number;             // customers with a purchase
  active: number;                // purchased in the last W days (not churned, not at risk)
  churned: ChurnList;            // silent ≥ W days; most recently churned first, then id
  atRisk: ChurnList;             // silent longer than their usual gap but < W days; by past revenue desc (orders without amounts), then id
  winBack: ChurnList;            // the churned, by past revenue desc (orders without amounts), then id
  churnRate: number | null;      // churned / customers × 100
}

/** Churn at the data end for one value of a segment column. */
export interface SegmentChurnValue {
  value: string;                 // as written; 'Other' pools the values beyond segmentLimit
  customers: number;
  churned: number;
  atRisk: number;
  rate: number | null;           // churned / customers × 100
}

/** Churn by the values of one categorical column (each customer's first-row value). */
export interface SegmentChurn {
  column: string;
  values: SegmentChurnValue[];   // largest first
}

/** Lifecycle of one calendar period (DESIGN.md §4). Churned is a positive count; charts draw it below zero. */
export interface LifecycleRow {
  period: string;
  new: number;                   // first purchase in this period
  retained: number;              // active in this period and the previous one
  resurrected: number;           // active now, not in the previous period, but before it
  churned: number;               // active in the previous period, not in this one
  quickRatio: number | null;     // (new + resurrected) / churned, 2 decimals; null when churned = 0
  partial: boolean;              // the period ends after the data end
}

/** A value with the inputs it is computed from, so a reader can redo the arithmetic. */
export interface CustomerValue {
  customers: number;             // customers with a purchase
  orders: number;                // as in the KPIs
  revenue: number | null;        // net, all time
  aov: number | null;            // revenue / orders
  years: number;                 // observation span: first purchase → data end, in years of 365.25 days
  ordersPerCustomer: number;     // orders / customers
  frequencyPerYear: number | null; // ordersPerCustomer / years
  repeatCustomers: number;       // customers with ≥ 2 orders
  repeatPurchaseRate: number | null; // repeatCustomers / customers × 100
  lifespanDays: number | null;   // mean of (last − first purchase day) over customers; one-time buyers count 0
  lifespanYears: number | null;  // lifespanDays / 365.25
  historicClv: number | null;    // revenue / customers
  churnPerPeriod: number | null; // pooled churn rate of the complete, non-warm-up periods: Σ churned / Σ customers at start × 100
  churnPeriods: number;          // how many periods that pools
  periodsPerYear: number;        // 365.25, 365.25/7, 12, 4 or 1
  churnPerYear: number | null;   // (1 − (1 − churnPerPeriod/100)^periodsPerYear) × 100
  expectedLifespanYears: number | null; // 100 / churnPerYear
  formulaClv: number | null;     // aov × frequencyPerYear × expectedLifespanYears
}

/** The churn section of the report. */
export interface ChurnReport {
  period: Period;
  window: ChurnWindow;
  crr: CrrRow[];
  churnRates: ChurnRateRow[];
  inactivity: InactivityReport;
  segments: SegmentChurn[];      // one per categorical column of the file
  lifecycle: LifecycleRow[];
  value: CustomerValue;
  insight: string[];             // 0–3 sentences, every number taken from the fields above
}

/** The CRR calculator's answer: percentages rounded to 2 decimals, or why the input is not valid. */
export type CrrFormulaResult = { crr: number; churn: number; warning?: string } | { error: string };

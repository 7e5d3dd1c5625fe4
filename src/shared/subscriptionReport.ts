// The subscriptions section of a report (issue 6; DESIGN.md §4 "Subscriptions"): MRR over time,
// MRR movements, logo churn, GRR/NRR per period and per cohort, quick ratio. Money is rounded to
// 2 decimals, rates are proportions (0–1) rounded to 4; a value that cannot be computed (no MRR
// column, a zero denominator) is null, never NaN.
import type { Period } from './options';

/** A signup that churns within its first period: counted as new and churned, or left out of both. */
export type SamePeriodChurnPolicy = 'count' | 'ignore';
/** A cancellation is booked in the period of its end date, or at the end of that period (booked in the next one). */
export type CancelAtPolicy = 'date' | 'period-end';
/** A customer who comes back stays in their original cohort, or joins the cohort of the period they return in. */
export type ReactivationPolicy = 'original-cohort' | 'new-cohort';

/** The policy options, each with a stated default (DEFAULT_SUBSCRIPTION_POLICIES). */
export interface SubscriptionPolicies {
  samePeriodChurn: SamePeriodChurnPolicy;
  cancelAt: CancelAtPolicy;
  reactivation: ReactivationPolicy;
}

export const SAME_PERIOD_CHURN_POLICIES: readonly SamePeriodChurnPolicy[] = ['count', 'ignore'];
export const CANCEL_AT_POLICIES: readonly CancelAtPolicy[] = ['date', 'period-end'];
export const REACTIVATION_POLICIES: readonly ReactivationPolicy[] = ['original-cohort', 'new-cohort'];

/** ChartMogul's conventions: same-period signups that churn count, churn at the end date, returners keep their cohort. */
export const DEFAULT_SUBSCRIPTION_POLICIES: SubscriptionPolicies = { samePeriodChurn: 'count', cancelAt: 'date', reactivation: 'original-cohort' };

/** MRR moved in one period, every amount ≥ 0 (churn and contraction are losses). */
export interface MrrMovements {
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
}

/** One calendar period of the subscriptions table. */
export interface SubscriptionPeriodRow {
  period: string;                  // ISO period label: 2024-03, 2024-W11, 2024-Q1, 2024-03-05, 2024
  partial: boolean;                // the period ends after the data end
  startCustomers: number;          // customers with MRR (or an active subscription) at the start of the period
  newCustomers: number;
  reactivatedCustomers: number;
  churnedCustomers: number;
  endCustomers: number;            // start + new + reactivated − churned
  logoChurnRate: number | null;    // churnedCustomers / startCustomers
  startMrr: number | null;         // null when the file has no MRR column
  endMrr: number | null;
  movements: MrrMovements | null;
  netNewMrr: number | null;        // new + expansion + reactivation − contraction − churn
  grossMrrChurnRate: number | null; // (churn + contraction) / startMrr
  grr: number | null;              // (startMrr − churn − contraction) / startMrr
  nrr: number | null;              // (startMrr − churn − contraction + expansion) / startMrr
  quickRatio: number | null;       // (new + expansion + reactivation) / (churn + contraction)
}

/** One signup cohort followed over its periods (offset k = cohort period + k). */
export interface SubscriptionCohortRow {
  cohort: string;                  // ISO period label of the cohort's first subscription start
  customers: number;
  startMrr: number | null;         // the cohort's MRR at the end of its first period
  logoRetention: (number | null)[]; // share of the cohort's customers with MRR at offset k; null = after the data end
  nrr: (number | null)[];          // cohort MRR at offset k / startMrr
  grr: (number | null)[];          // Σ min(customer MRR at k, their MRR at offset 0) / startMrr
  partial: boolean[];              // the offset's period ends after the data end
}

/** The subscriptions section: per-period movements, per-cohort retention, and the policies used. */
export interface SubscriptionReport {
  period: Period;
  policies: SubscriptionPolicies;
  hasMrr: boolean;                 // false: logo metrics only
  periods: SubscriptionPeriodRow[];
  cohorts: SubscriptionCohortRow[];
  columns: string[];               // cohort column headers: 'M0', 'M1'… (period letter + offset)
  current: { customers: number; mrr: number | null; arpa: number | null };  // at the data end; ARPA = MRR / customers
}

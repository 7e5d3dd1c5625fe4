// Turns the tally into the report's rows: money rounded to cents first, then every rate computed
// from the rounded amounts, so a reader recomputing a rate from the table gets the same 4 decimals.
// Without an MRR column every money field and MRR rate is null (logo counts only).
import type { MrrMovements, SubscriptionCohortRow, SubscriptionPeriodRow } from '../../shared/subscriptionReport';
import { round2, round4 } from '../rounding';
import { CHURN, CHURNED_LOGOS, CONTRACTION, EXPANSION, NEW, NEW_LOGOS, REACTIVATED_LOGOS, REACTIVATION, runningSums, type Tally } from './tally';

/** How the periods are labelled and which are partial. */
export interface RowSetup {
  hasMrr: boolean;
  labels: string[];              // label of period p (relative index)
  lastPartial: boolean;          // the last period ends after the data end
}

/** x / d to 4 decimals, or null when d is 0 (the rate is undefined, not 0). */
function ratio(x: number, d: number): number | null {
  return d > 0 ? round4(x / d) : null;
}

/** Per-period rows; t.snapMrr and t.snapCustomers must already hold running totals (snapshot p at index p). */
export function periodRows(t: Tally, setup: RowSetup): SubscriptionPeriodRow[] {
  const P = t.periods;
  const rows: SubscriptionPeriodRow[] = [];
  for (let p = 0; p < P; p++) {
    const startCustomers = p > 0 ? t.snapCustomers[p - 1] : 0;
    const churnedCustomers = t.logos[CHURNED_LOGOS * P + p];
    rows.push({
      period: setup.labels[p],
      partial: p === P - 1 && setup.lastPartial,
      startCustomers,
      newCustomers: t.logos[NEW_LOGOS * P + p],
      reactivatedCustomers: t.logos[REACTIVATED_LOGOS * P + p],
      churnedCustomers,
      endCustomers: t.snapCustomers[p],
      logoChurnRate: ratio(churnedCustomers, startCustomers),
      ...moneyFields(t, p, setup.hasMrr),
    });
  }
  return rows;
}

type MoneyFields = Pick<SubscriptionPeriodRow, 'startMrr' | 'endMrr' | 'movements' | 'netNewMrr' | 'grossMrrChurnRate' | 'grr' | 'nrr' | 'quickRatio'>;

const NO_MONEY: MoneyFields = { startMrr: null, endMrr: null, movements: null, netNewMrr: null, grossMrrChurnRate: null, grr: null, nrr: null, quickRatio: null };

/** The MRR columns of period p (null without an MRR column). */
function moneyFields(t: Tally, p: number, hasMrr: boolean): MoneyFields {
  if (!hasMrr) return { ...NO_MONEY };
  const P = t.periods;
  const startMrr = p > 0 ? round2(t.snapMrr[p - 1]) : 0;
  const m: MrrMovements = {
    new: round2(t.moves[NEW * P + p]),
    expansion: round2(t.moves[EXPANSION * P + p]),
    contraction: round2(t.moves[CONTRACTION * P + p]),
    churn: round2(t.moves[CHURN * P + p]),
    reactivation: round2(t.moves[REACTIVATION * P + p]),
  };
  const gained = m.new + m.expansion + m.reactivation;
  const lost = m.churn + m.contraction;
  return {
    startMrr,
    endMrr: round2(t.snapMrr[p]),
    movements: m,
    netNewMrr: round2(gained - lost),
    grossMrrChurnRate: ratio(lost, startMrr),
    grr: ratio(startMrr - lost, startMrr),
    nrr: ratio(startMrr - lost + m.expansion, startMrr),
    quickRatio: ratio(gained, lost),
  };
}

/** Cohort rows for the cohorts with members, each with one cell per column (null past the data end). */
export function cohortRows(t: Tally, setup: RowSetup): SubscriptionCohortRow[] {
  const rows: SubscriptionCohortRow[] = [];
  for (let c = 0; c < t.periods; c++) {
    if (t.cohortSize[c] > 0) rows.push(cohortRow(t, c, setup));
  }
  return rows;
}

function cohortRow(t: Tally, c: number, setup: RowSetup): SubscriptionCohortRow {
  const P = t.periods;
  const base = t.cohortBase[c];
  const reach = P - c;                       // offsets 0 … P − 1 − c are inside the data
  runningSums(t.cohortMrr, base, base + reach);
  runningSums(t.cohortGrr, base, base + reach);
  runningSums(t.cohortLogos, base, base + reach);
  const size = t.cohortSize[c];
  const startMrr = setup.hasMrr ? round2(t.cohortMrr[base]) : null;
  const row: SubscriptionCohortRow = { cohort: setup.labels[c], customers: size, startMrr, logoRetention: [], nrr: [], grr: [], partial: [] };
  for (let k = 0; k < P; k++) {
    const inside = k < reach;
    row.logoRetention.push(inside ? round4(t.cohortLogos[base + k] / size) : null);
    row.nrr.push(inside && startMrr !== null ? ratio(round2(t.cohortMrr[base + k]), startMrr) : null);
    row.grr.push(inside && startMrr !== null ? ratio(round2(t.cohortGrr[base + k]), startMrr) : null);
    row.partial.push(k === reach - 1 && setup.lastPartial);
  }
  return row;
}

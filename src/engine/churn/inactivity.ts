// Churn by inactivity at the data end (DESIGN.md §4, churn (non-contractual)), in whole days:
//   days silent = last day of data − last purchase day (0 = bought on the last day);
//   churned     ⇔ days silent ≥ W (no purchase in the last W days of data, the same rule as
//                 "not a customer at t" in windowCounts.ts, with t = the data end);
//   at risk     ⇔ usual gap < days silent < W, usual gap = the median of the customer's own
//                 gaps, or the median gap of everyone when they have fewer than 2 gaps;
//   active      = every other customer with a purchase.
import type { ChurnCustomer, ChurnList, InactivityReport } from '../../shared/churnReport';
import type { Dataset } from '../../shared/dataset';
import { isoDate } from '../civil';
import { round2 } from '../rounding';
import { medianGapOf, type CustomerDays } from './customerDays';
import { topK, type Rank } from './topK';

/** Status code: the customer has no purchase (only returns or zero lines). */
export const NO_PURCHASE = 0;
/** Status code: bought within their usual gap (or without a usual gap to compare with). */
export const ACTIVE = 1;
/** Status code: silent longer than their usual gap, under W days. */
export const AT_RISK = 2;
/** Status code: silent W days or more. */
export const CHURNED = 3;

/** Each customer's status at the data end, plus the lists' members. */
export interface CustomerStatus {
  status: Uint8Array;            // customer index → NO_PURCHASE | ACTIVE | AT_RISK | CHURNED
  churned: Int32Array;           // customer indexes
  atRisk: Int32Array;
}

/** What classification needs besides the per-customer facts. */
export interface InactivityOptions {
  windowDays: number;
  medianGap: number | null;      // global median gap in days (null when nobody bought twice)
  listLimit: number;
}

/** Classifies every customer at the data end. */
export function customerStatus(cd: CustomerDays, o: InactivityOptions): CustomerStatus {
  const customers = cd.start.length - 1;
  const status = new Uint8Array(customers);
  const churned: number[] = [];
  const atRisk: number[] = [];
  const scratch = new Int32Array(maxDays(cd.start));
  for (let u = 0; u < customers; u++) {
    const s = cd.start[u];
    const e = cd.start[u + 1];
    if (s === e) continue;
    const silent = cd.lastDay - cd.days[e - 1];
    if (silent >= o.windowDays) {
      status[u] = CHURNED;
      churned.push(u);
      continue;
    }
    status[u] = silentTooLong(cd, s, e, silent, o.medianGap, scratch) ? AT_RISK : ACTIVE;
    if (status[u] === AT_RISK) atRisk.push(u);
  }
  return { status, churned: Int32Array.from(churned), atRisk: Int32Array.from(atRisk) };
}

/**
 * silent > the customer's usual gap. The median lies between the smallest and the largest gap,
 * so one linear pass settles most customers and only the rest pay for sorting their gaps.
 */
function silentTooLong(cd: CustomerDays, s: number, e: number, silent: number, medianGap: number | null, scratch: Int32Array): boolean {
  if (e - s < 3) return medianGap !== null && silent > medianGap;
  let min = Infinity;
  let max = 0;
  for (let i = s + 1; i < e; i++) {
    const gap = cd.days[i] - cd.days[i - 1];
    if (gap < min) min = gap;
    if (gap > max) max = gap;
  }
  if (silent <= min) return false;
  if (silent > max) return true;
  return silent > medianGapOf(cd.days, s, e, scratch);
}

function maxDays(start: Uint32Array): number {
  let max = 0;
  for (let u = 0; u + 1 < start.length; u++) max = Math.max(max, start[u + 1] - start[u]);
  return max;
}

/** The inactivity section: counts and the three ranked, capped lists. */
export function inactivityReport(ds: Dataset, cd: CustomerDays, cs: CustomerStatus, o: InactivityOptions): InactivityReport {
  const byId: Rank = (a, b) => ds.customerIds.compare(a, b);
  const lastDayOf = (u: number): number => cd.days[cd.start[u + 1] - 1];
  const recentFirst: Rank = (a, b) => lastDayOf(b) - lastDayOf(a) || byId(a, b);
  const revenue = cd.revenue;
  const valueFirst: Rank = revenue
    ? (a, b) => revenue[b] - revenue[a] || byId(a, b)
    : (a, b) => cd.orders[b] - cd.orders[a] || byId(a, b);
  const list = (members: Int32Array, rank: Rank): ChurnList => ({
    total: members.length,
    revenue: cd.revenue ? round2(sumOf(cd.revenue, members)) : null,
    customers: topK(members, o.listLimit, rank).map((u) => churnCustomer(ds, cd, u, o.medianGap)),
  });
  const churned = cs.churned.length;
  return {
    lastDay: Number.isFinite(cd.firstDay) ? isoDate(cd.lastDay) : '',
    customers: cd.purchasers,
    active: cd.purchasers - churned - cs.atRisk.length,
    churned: list(cs.churned, recentFirst),
    atRisk: list(cs.atRisk, valueFirst),
    winBack: list(cs.churned, valueFirst),
    churnRate: cd.purchasers === 0 ? null : round2((churned / cd.purchasers) * 100),
  };
}

function sumOf(values: Float64Array, members: Int32Array): number {
  let sum = 0;
  for (const u of members) sum += values[u];
  return sum;
}

/** One list entry (the usual gap is recomputed here for the few customers shown). */
function churnCustomer(ds: Dataset, cd: CustomerDays, u: number, medianGap: number | null): ChurnCustomer {
  const s = cd.start[u];
  const e = cd.start[u + 1];
  const last = cd.days[e - 1];
  return {
    id: ds.customerIds.at(u),
    lastPurchase: isoDate(last),
    daysSilent: cd.lastDay - last,
    orders: cd.orders[u],
    revenue: cd.revenue ? round2(cd.revenue[u]) : null,
    usualGap: e - s >= 3 ? medianGapOf(cd.days, s, e, new Int32Array(e - s - 1)) : medianGap,
    lastLine: ds.customerLastLine[u],
  };
}

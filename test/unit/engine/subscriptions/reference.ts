// A slow, literal reading of the definitions (docs/DESIGN-subscriptions.md) to check the engine
// against on random data: every customer's MRR at every snapshot by summing their subscriptions
// at that instant, then movements and cohorts straight from consecutive snapshots. It does not
// book spells that fall between two snapshots, so it matches the engine under samePeriodChurn 'ignore'.
import type { SubscriptionDataset } from '../../../../src/shared/lifetimes';
import type { SubscriptionOptions } from '../../../../src/engine/subscriptions/report';
import { periodEnd, periodIndex } from '../../../../src/engine/periods';
import { random } from '../makeDataset';
import type { SubRow } from './makeSubscriptions';

/** MRR of customer u at instant t: Σ MRR of subscriptions with start ≤ t < end, in cents, never below 0. */
function mrrAt(ds: SubscriptionDataset, u: number, t: number): number {
  let sum = 0;
  for (let s = 0; s < ds.rowCount; s++) {
    if (ds.customer[s] !== u || !(ds.start[s] <= t) || ds.end[s] <= t) continue;
    sum += ds.mrr ? ds.mrr[s] : 1;
  }
  return Math.max(0, Math.round(sum * 100) / 100);
}

/** 'period-end': at t with nothing active, the customer still counts at their last MRR until the end of the period of their last end. */
function extendedAt(ds: SubscriptionDataset, u: number, t: number, o: SubscriptionOptions): number {
  let last = -Infinity;
  for (let s = 0; s < ds.rowCount; s++) if (ds.customer[s] === u && ds.end[s] <= t && ds.end[s] > last) last = ds.end[s];
  if (last === -Infinity || t >= periodEnd(periodIndex(last - 1, o.period, o.weekStart), o.period, o.weekStart)) return 0;
  return mrrAt(ds, u, last - 1);
}

/** snap[u][p]: customer u's MRR at the snapshot of period p (p = 0 is the first start's period). */
export function referenceSnapshots(ds: SubscriptionDataset, o: SubscriptionOptions): number[][] {
  const first = periodIndex(Math.min(...ds.start), o.period, o.weekStart);
  const last = periodIndex(ds.dataEnd - 1, o.period, o.weekStart);
  return ds.customerIds.map((_, u) => {
    const row: number[] = [];
    for (let p = first; p <= last; p++) {
      const t = Math.min(periodEnd(p, o.period, o.weekStart), ds.dataEnd) - 1;
      const now = mrrAt(ds, u, t);
      row.push(now > 0 || o.cancelAt === 'date' ? now : extendedAt(ds, u, t, o));
    }
    return row;
  });
}

/** Movements of period p from the snapshots alone: [new, expansion, contraction, churn, reactivation] and logo counts. */
export function referenceMoves(snap: number[][], p: number): { mrr: number[]; logos: number[] } {
  const mrr = [0, 0, 0, 0, 0];
  const logos = [0, 0, 0];
  for (const row of snap) {
    const a = p > 0 ? row[p - 1] : 0;
    const b = row[p];
    const before = row.slice(0, p).some((v) => v > 0);
    if (a === 0 && b > 0) {
      mrr[before ? 4 : 0] += b;
      logos[before ? 1 : 0]++;
    } else if (a > 0 && b === 0) {
      mrr[3] += a;
      logos[2]++;
    } else if (b > a) mrr[1] += b - a;
    else mrr[2] += a - b;
  }
  return { mrr, logos };
}

/** Cohort c's members' [MRR, GRR numerator, logos] at each offset, straight from the snapshots. */
export function referenceCohort(snap: number[][], c: number, newCohort: boolean): { size: number; cells: number[][] } {
  const P = snap[0].length;
  const cells = Array.from({ length: P - c }, () => [0, 0, 0]);
  let size = 0;
  for (const row of snap) {
    const arrivals = row.flatMap((v, p) => (v > 0 && (p === 0 || row[p - 1] === 0) ? [p] : []));
    const j = arrivals.indexOf(c);
    if (j < 0 || (!newCohort && j > 0)) continue;
    const until = newCohort && j + 1 < arrivals.length ? arrivals[j + 1] : P;
    size++;
    for (let p = c; p < until; p++) {
      cells[p - c][0] += row[p];
      cells[p - c][1] += Math.min(row[p], row[c]);
      cells[p - c][2] += row[p] > 0 ? 1 : 0;
    }
  }
  return { size, cells };
}

/** Random subscriptions over 2023-01-01 … 2024-06-30 (data end 2024-07-01): renewals back to back, plan switches on one date, overlaps, gaps. */
export function randomRows(seed: number, customers: number): SubRow[] {
  const rnd = random(seed);
  const day = (d: number): string => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const prices = [10, 20, 49.99, 99, 0.1, 250];
  const rows: SubRow[] = [];
  for (let u = 0; u < customers; u++) {
    let t = Math.floor(rnd() * 540);
    for (let k = 0; k < 1 + Math.floor(rnd() * 4) && t < 546; k++) {
      const length = 1 + Math.floor(rnd() * 120);
      const active = rnd() < 0.2 || t + length >= 546;
      rows.push([`u${u}`, day(t), active ? '' : day(t + length), prices[Math.floor(rnd() * prices.length)]]);
      const extra = t + Math.floor(rnd() * length);
      const extraEnd = rnd() < 0.5 || t + length + 3 >= 546 ? '' : day(t + length + 3);
      if (rnd() < 0.3 && extra < 546) rows.push([`u${u}`, day(extra), extraEnd, prices[Math.floor(rnd() * 3)]]);
      if (active) break;
      t += length + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 90));   // half the time the next row starts the day this one ends
    }
  }
  return rows;
}

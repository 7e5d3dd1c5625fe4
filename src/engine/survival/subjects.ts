// Survival subjects from the two lifetime shapes. A customers table is already one subject per
// row. For subscriptions the subject is the customer (as ChartMogul counts logos): their lifetime
// runs from their first start until the first moment they hold no subscription — overlapping or
// back-to-back subscriptions (an upgrade that replaces a plan the same day) continue it; a gap
// ends it (a later return is a reactivation, not the same lifetime). Customers still subscribed
// at the data end are censored there.
import type { CustomerTableDataset, SubscriptionDataset } from '../../shared/lifetimes';
import type { SurvivalSubjects } from './survivalReport';

const DAY_MS = 86_400_000;

/** One subject per row of a customers table, in its tenure unit. */
export function customerTableSubjects(ds: CustomerTableDataset): SurvivalSubjects {
  return { durations: ds.duration, events: ds.churned, segments: ds.segments, timeUnit: ds.timeUnit };
}

/** One subject per customer of a subscriptions file: days from first start to the end of their first unbroken spell. */
export function subscriptionSubjects(ds: SubscriptionDataset): SurvivalSubjects {
  const customers = ds.customerIds.length;
  const order = Uint32Array.from({ length: ds.rowCount }, (_, i) => i)
    .sort((a, b) => ds.customer[a] - ds.customer[b] || ds.start[a] - ds.start[b]);
  const durations = new Float64Array(customers);
  const events = new Uint8Array(customers);
  for (let k = 0; k < order.length;) {
    const u = ds.customer[order[k]];
    const first = ds.start[order[k]];
    let spellEnd = endOf(ds, order[k]);
    // Subscriptions in start order: one starting at or before the spell's end extends the spell.
    for (k++; k < order.length && ds.customer[order[k]] === u; k++) {
      if (ds.start[order[k]] <= spellEnd) spellEnd = Math.max(spellEnd, endOf(ds, order[k]));
      else { for (; k < order.length && ds.customer[order[k]] === u; k++); break; }
    }
    const churned = spellEnd < ds.dataEnd;
    durations[u] = (Math.min(spellEnd, ds.dataEnd) - first) / DAY_MS;
    events[u] = churned ? 1 : 0;
  }
  return { durations, events, segments: ds.segments, timeUnit: 'days' };
}

/** A subscription's end; an active one (NaN) never ends. */
function endOf(ds: SubscriptionDataset, i: number): number {
  const end = ds.end[i];
  return Number.isNaN(end) ? Infinity : end;
}

// Survival subjects from the two lifetime shapes. A customers table is already one subject per
// row. For subscriptions the subject is the customer (as ChartMogul counts logos): their lifetime
// runs from their first start until the first moment they hold no subscription — overlapping or
// back-to-back subscriptions (an upgrade that replaces a plan the same day) continue it; a gap
// ends it (a later return is a reactivation, not the same lifetime). Customers still subscribed
// at the data end are censored there.
import type { CustomerTableDataset, SubscriptionDataset } from '../../shared/lifetimes';
import { perDataset } from '../memo';
import { subscriptionsByCustomer } from '../subscriptions/timeline';
import type { SurvivalSubjects } from './survivalReport';

const DAY_MS = 86_400_000;

/** One subject per row of a customers table, in its tenure unit. */
export function customerTableSubjects(ds: CustomerTableDataset): SurvivalSubjects {
  return { durations: ds.duration, events: ds.churned, segments: ds.segments, timeUnit: ds.timeUnit };
}

/** One subject per customer of a subscriptions file: days from first start to the end of their first unbroken spell (once per Dataset). */
export function subscriptionSubjects(ds: SubscriptionDataset): SurvivalSubjects {
  return perDataset(ds, 'subscriptionSubjects', () => firstSpells(ds));
}

function firstSpells(ds: SubscriptionDataset): SurvivalSubjects {
  const customers = ds.customerIds.length;
  const { order, first } = subscriptionsByCustomer(ds);
  const durations = new Float64Array(customers);
  const events = new Uint8Array(customers);
  for (let u = 0; u < customers; u++) {
    if (first[u] === first[u + 1]) continue;
    // A customer's few subscriptions in start order: one starting at or before the spell's end extends it.
    const subs = order.slice(first[u], first[u + 1]).sort((a, b) => ds.start[a] - ds.start[b]);
    const start = ds.start[subs[0]];
    let spellEnd = endOf(ds, subs[0]);
    for (let k = 1; k < subs.length && ds.start[subs[k]] <= spellEnd; k++) spellEnd = Math.max(spellEnd, endOf(ds, subs[k]));
    durations[u] = (Math.min(spellEnd, ds.dataEnd) - start) / DAY_MS;
    events[u] = spellEnd < ds.dataEnd ? 1 : 0;
  }
  return { durations, events, segments: ds.segments, timeUnit: 'days' };
}

/** A subscription's end; an active one (NaN) never ends. */
function endOf(ds: SubscriptionDataset, i: number): number {
  const end = ds.end[i];
  return Number.isNaN(end) ? Infinity : end;
}

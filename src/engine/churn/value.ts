// Customer value (DESIGN.md §4, KPIs), each number with the inputs it is made of so the panel
// can show the arithmetic ("AOV 446.71 × 4.27 orders/yr × 2.3 yr"). Orders, customers and
// revenue are the KPIs' own, so the two sections never disagree.
import type { ChurnRateRow, CustomerValue } from '../../shared/churnReport';
import type { Dataset } from '../../shared/dataset';
import { assertNever } from '../../shared/assertNever';
import type { Period } from '../../shared/options';
import { MS_PER_DAY } from '../civil';
import { datasetKpis } from '../kpis';
import { perDataset } from '../memo';
import { round2, round4 } from '../rounding';
import type { CustomerDays } from './customerDays';

/** Days in a year (Gregorian average), for lifespans and the observation span. */
export const DAYS_PER_YEAR = 365.25;

/** Calendar periods in a year, to turn a per-period churn rate into a yearly one. */
export function periodsPerYear(period: Period): number {
  switch (period) {
    case 'day': return DAYS_PER_YEAR;
    case 'week': return DAYS_PER_YEAR / 7;
    case 'month': return 12;
    case 'quarter': return 4;
    case 'year': return 1;
    default: return assertNever(period);
  }
}

/** AOV, yearly frequency, repeat rate, lifespans, historic and formula CLV, with their inputs. */
export function customerValue(ds: Dataset, cd: CustomerDays, churnRates: ChurnRateRow[], period: Period): CustomerValue {
  const kpis = datasetKpis(ds);
  const { customers, orders, revenue } = kpis;
  const years = Number.isFinite(cd.firstDay) ? (ds.dataEnd / MS_PER_DAY - cd.firstDay) / DAYS_PER_YEAR : 0;
  const aov = revenue === null || orders === 0 ? null : revenue / orders;
  const ordersPerCustomer = customers === 0 ? 0 : orders / customers;
  const frequencyPerYear = years > 0 && customers > 0 ? ordersPerCustomer / years : null;
  const { lifespanDays, repeatCustomers } = perDataset(ds, 'lifespanAndRepeats', () => lifespanAndRepeats(cd));
  const { fields: churn, perYear } = yearlyChurn(churnRates, period);
  const expected = perYear === null || perYear === 0 ? null : 1 / perYear;
  return {
    customers, orders, revenue,
    aov: aov === null ? null : round2(aov),
    years: round4(years),
    ordersPerCustomer: round4(ordersPerCustomer),
    frequencyPerYear: frequencyPerYear === null ? null : round4(frequencyPerYear),
    repeatCustomers,
    repeatPurchaseRate: customers === 0 ? null : round2((repeatCustomers / customers) * 100),
    lifespanDays: lifespanDays === null ? null : round2(lifespanDays),
    lifespanYears: lifespanDays === null ? null : round4(lifespanDays / DAYS_PER_YEAR),
    historicClv: revenue === null || customers === 0 ? null : round2(revenue / customers),
    ...churn,
    expectedLifespanYears: expected === null ? null : round4(expected),
    formulaClv: aov === null || frequencyPerYear === null || expected === null ? null : round2(aov * frequencyPerYear * expected),
  };
}

/** Mean of (last − first purchase day) over customers with a purchase, and customers with ≥ 2 orders. */
function lifespanAndRepeats(cd: CustomerDays): { lifespanDays: number | null; repeatCustomers: number } {
  let sum = 0;
  let repeatCustomers = 0;
  for (let u = 0; u + 1 < cd.start.length; u++) {
    const s = cd.start[u];
    const e = cd.start[u + 1];
    if (s === e) continue;
    sum += cd.days[e - 1] - cd.days[s];
    if (cd.orders[u] >= 2) repeatCustomers++;
  }
  return { lifespanDays: cd.purchasers === 0 ? null : sum / cd.purchasers, repeatCustomers };
}

/**
 * Pooled churn over the complete periods whose S is not undercounted (not warm-up):
 * Σ churned / Σ customers at start, compounded to a year: 1 − (1 − c)^(periods per year).
 */
function yearlyChurn(rows: ChurnRateRow[], period: Period): { fields: YearlyChurnFields; perYear: number | null } {
  const used = rows.filter((r) => !r.warmUp && r.customersAtStart > 0);
  const atStart = used.reduce((sum, r) => sum + r.customersAtStart, 0);
  const churned = used.reduce((sum, r) => sum + r.churned, 0);
  const perYear = periodsPerYear(period);
  const c = atStart === 0 ? null : churned / atStart;
  const yearly = c === null ? null : 1 - (1 - c) ** perYear;
  return {
    fields: {
      churnPerPeriod: c === null ? null : round2(c * 100),
      churnPeriods: used.length,
      periodsPerYear: round4(perYear),
      churnPerYear: yearly === null ? null : round2(yearly * 100),
    },
    perYear: yearly,
  };
}

type YearlyChurnFields = Pick<CustomerValue, 'churnPerPeriod' | 'churnPeriods' | 'periodsPerYear' | 'churnPerYear'>;

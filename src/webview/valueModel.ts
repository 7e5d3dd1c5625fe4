// The customer-value block as plain data: each figure with the arithmetic that produces it, in the
// numbers the report holds, so a reader can redo it ("446.71 × 4.1773 orders/yr × 1.2454 yr =
// 2,324.06"). Where the shown inputs are rounded and their product misses the stored result, the
// line says "≈" instead of "=". Tested in Node.
import type { CustomerValue } from '../shared/churnReport';
import type { Period } from '../shared/options';
import { formatDays, formatInteger, formatMoney, formatPoints, formatUpTo4 } from './format';
import { periodWords } from './periods';

/** One figure: label, value, the arithmetic lines behind it and what it means. */
export interface ValueItem {
  key: 'aov' | 'frequency' | 'repeat' | 'lifespan' | 'historicClv' | 'formulaClv';
  label: string;
  value: string;
  lines: string[];
  hint: string;
}

/** "=" when `computed` rounds to `stored` at `decimals`, else "≈" (the inputs shown are rounded). */
export function relation(computed: number, stored: number, decimals: number): '=' | '≈' {
  const f = 10 ** decimals;
  return Math.round(computed * f) === Math.round(stored * f) ? '=' : '≈';
}

/** A percentage on the 0–100 scale with 2 decimals: 42.86 → "42.86%". */
const pct2 = (p: number): string => `${formatMoney(p)}%`;
const customers = (n: number): string => `${formatInteger(n)} ${n === 1 ? 'customer' : 'customers'}`;
const NO_AMOUNT = 'No amount column is mapped: revenue is unknown';

function aov(v: CustomerValue): ValueItem {
  const lines = v.revenue === null || v.aov === null ? [NO_AMOUNT]
    : [`${formatMoney(v.revenue)} revenue ÷ ${formatInteger(v.orders)} orders ${relation(v.revenue / v.orders, v.aov, 2)} ${formatMoney(v.aov)}`];
  return { key: 'aov', label: 'Average order value', value: formatMoney(v.aov), lines, hint: 'Revenue (net of returns) ÷ orders' };
}

function frequency(v: CustomerValue): ValueItem {
  const perCustomer = `${formatInteger(v.orders)} orders ÷ ${customers(v.customers)} = ${formatUpTo4(v.ordersPerCustomer)} orders per customer`;
  const lines = v.frequencyPerYear === null ? [perCustomer, 'The data spans less than a day: no yearly rate']
    : [perCustomer, `${formatUpTo4(v.ordersPerCustomer)} ÷ ${formatUpTo4(v.years)} yr (first purchase to data end) ${relation(v.ordersPerCustomer / v.years, v.frequencyPerYear, 4)} ${formatUpTo4(v.frequencyPerYear)} orders/yr`];
  return { key: 'frequency', label: 'Purchase frequency', value: v.frequencyPerYear === null ? '—' : `${formatMoney(v.frequencyPerYear)} / yr`, lines, hint: 'Orders per customer per year of data' };
}

function repeat(v: CustomerValue): ValueItem {
  return {
    key: 'repeat', label: 'Repeat purchase rate', value: formatPoints(v.repeatPurchaseRate),
    lines: v.repeatPurchaseRate === null ? ['No customer'] : [`${formatInteger(v.repeatCustomers)} of ${customers(v.customers)} ordered twice or more = ${pct2(v.repeatPurchaseRate)}`],
    hint: 'Share of customers with 2 or more orders',
  };
}

function lifespan(v: CustomerValue): ValueItem {
  const lines = v.lifespanDays === null || v.lifespanYears === null ? ['No customer']
    : [`Mean of (last − first purchase day) over ${customers(v.customers)}, one-time buyers counting 0 = ${formatUpTo4(v.lifespanDays)} days`,
      `${formatUpTo4(v.lifespanDays)} ÷ 365.25 ${relation(v.lifespanDays / 365.25, v.lifespanYears, 4)} ${formatUpTo4(v.lifespanYears)} yr`];
  return { key: 'lifespan', label: 'Average lifespan', value: v.lifespanDays === null ? '—' : `${formatDays(v.lifespanDays)} days`, lines, hint: 'Observed so far: it grows as the data gets longer' };
}

function historic(v: CustomerValue): ValueItem {
  const lines = v.revenue === null || v.historicClv === null ? [NO_AMOUNT]
    : [`${formatMoney(v.revenue)} revenue ÷ ${customers(v.customers)} ${relation(v.revenue / v.customers, v.historicClv, 2)} ${formatMoney(v.historicClv)}`];
  return { key: 'historicClv', label: 'Historic CLV', value: formatMoney(v.historicClv), lines, hint: 'Revenue per customer to date' };
}

/** The inputs of the expected lifespan: yearly churn from the pooled per-period churn. */
function churnLines(v: CustomerValue, period: Period): string[] {
  if (v.churnPerPeriod === null || v.churnPerYear === null) return ['No complete period after the warm-up has customers at its start: no churn rate to project'];
  const w = periodWords(period);
  const pooled = `${w.adjective.charAt(0).toUpperCase()}${w.adjective.slice(1)} churn ${pct2(v.churnPerPeriod)}, pooled over ${formatInteger(v.churnPeriods)} complete ${v.churnPeriods === 1 ? w.one : w.many}`;
  const yearly = 100 * (1 - (1 - v.churnPerPeriod / 100) ** v.periodsPerYear);
  const lines = [pooled, `Yearly churn: 1 − (1 − ${pct2(v.churnPerPeriod)})^${formatUpTo4(v.periodsPerYear)} ${relation(yearly, v.churnPerYear, 2)} ${pct2(v.churnPerYear)}`];
  lines.push(v.expectedLifespanYears === null ? 'Nobody churned in those periods: the expected lifespan is unbounded'
    : `Expected lifespan: 1 ÷ ${pct2(v.churnPerYear)} ${relation(100 / v.churnPerYear, v.expectedLifespanYears, 4)} ${formatUpTo4(v.expectedLifespanYears)} yr`);
  return lines;
}

function formula(v: CustomerValue, period: Period): ValueItem {
  const inputs = churnLines(v, period);
  let main: string;
  if (v.aov === null) main = NO_AMOUNT;
  else if (v.frequencyPerYear === null || v.expectedLifespanYears === null || v.formulaClv === null) main = 'Not computable: an input is missing (see below)';
  else {
    const product = v.aov * v.frequencyPerYear * v.expectedLifespanYears;
    main = `${formatMoney(v.aov)} × ${formatUpTo4(v.frequencyPerYear)} orders/yr × ${formatUpTo4(v.expectedLifespanYears)} yr ${relation(product, v.formulaClv, 2)} ${formatMoney(v.formulaClv)}`;
  }
  return { key: 'formulaClv', label: 'Formula CLV', value: formatMoney(v.formulaClv), lines: [main, ...inputs], hint: 'AOV × yearly purchase frequency × expected lifespan (1 ÷ yearly churn)' };
}

/** The six figures, in display order. */
export function valueItems(v: CustomerValue, period: Period): ValueItem[] {
  return [aov(v), frequency(v), repeat(v), lifespan(v), historic(v), formula(v, period)];
}

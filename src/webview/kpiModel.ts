import type { Kpis } from '../shared/report';
import { formatInteger, formatMoney, formatPercent1 } from './format';

/** One KPI card: data-kpi key, label, formatted value and a tooltip saying what it means. */
export interface KpiCard {
  key: keyof Kpis;
  label: string;
  value: string;
  hint: string;
}

/** The six headline cards, in display order (DESIGN.md §4, KPIs). */
export function kpiCards(k: Kpis): KpiCard[] {
  return [
    { key: 'customers', label: 'Customers', value: formatInteger(k.customers), hint: 'Customers with at least one purchase' },
    { key: 'orders', label: 'Orders', value: formatInteger(k.orders), hint: 'Purchase rows, or distinct order ids when an order column is mapped' },
    { key: 'revenue', label: 'Revenue', value: formatMoney(k.revenue), hint: k.revenue === null ? 'No amount column is mapped' : 'Net of returns' },
    { key: 'aov', label: 'Average order value', value: formatMoney(k.aov), hint: k.aov === null ? 'No amount column is mapped' : 'Revenue ÷ orders' },
    { key: 'purchaseFrequency', label: 'Purchase frequency', value: formatMoney(k.purchaseFrequency), hint: 'Orders ÷ customers' },
    { key: 'repeatPurchaseRate', label: 'Repeat purchase rate', value: formatPercent1(k.repeatPurchaseRate), hint: 'Share of customers with 2 or more orders' },
  ];
}

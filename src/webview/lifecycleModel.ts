// The lifecycle chart as plain data: per period new, retained and resurrected stacked above zero
// and churned below it, and the quick ratio beneath. Kept apart from uPlot so the signs and
// stacking can be tested in Node.
import type { LifecycleRow } from '../shared/churnReport';
import type { BarLayer, BarModel, ChartColor } from './barModel';
import { formatInteger, formatMoney } from './format';

const STACK: { key: 'retained' | 'new' | 'resurrected'; label: string; color: ChartColor }[] = [
  { key: 'retained', label: 'Retained', color: 'green' },
  { key: 'new', label: 'New', color: 'blue' },
  { key: 'resurrected', label: 'Resurrected', color: 'purple' },
];

/** A period label, marked "*" when the period ends after the data end. */
export function lifecycleLabel(row: LifecycleRow): string {
  return row.partial ? `${row.period}*` : row.period;
}

/**
 * The stacked chart: retained at the bottom, then new, then resurrected (tops are running sums),
 * churned as a negative bar below zero. Layers come tallest first so each paints over the next.
 */
export function lifecycleChart(rows: readonly LifecycleRow[]): BarModel {
  const ups: BarLayer[] = [];
  const running = rows.map(() => 0);
  for (const s of STACK) {
    const values = rows.map((r) => r[s.key]);
    values.forEach((v, i) => { running[i] += v; });
    ups.push({ key: s.key, label: s.label, color: s.color, values, tops: [...running] });
  }
  const churned = rows.map((r) => r.churned);
  return {
    labels: rows.map(lifecycleLabel),
    layers: [...ups.reverse(), { key: 'churned', label: 'Churned', color: 'red', values: churned, tops: churned.map((c) => (c === 0 ? 0 : -c)) }],
    xName: 'Period',
    xLabel: 'Period',
    yLabel: 'Customers (churned below 0)',
    note: rows.some((r) => r.partial) ? '* The period is not complete: it ends after the data does, so its counts are still low.' : null,
  };
}

/** The quick-ratio row: one cell per period, with its arithmetic as a tooltip. */
export interface QuickRatioCell {
  period: string;
  text: string;
  title: string;
}

/** (new + resurrected) / churned per period; "—" when nobody churned. */
export function quickRatioCells(rows: readonly LifecycleRow[]): QuickRatioCell[] {
  return rows.map((r) => ({
    period: lifecycleLabel(r),
    text: r.quickRatio === null ? '—' : formatMoney(r.quickRatio),
    title: r.quickRatio === null
      ? `${r.period}: nobody churned, so there is no quick ratio`
      : `${r.period}: (${formatInteger(r.new)} new + ${formatInteger(r.resurrected)} resurrected) ÷ ${formatInteger(r.churned)} churned = ${formatMoney(r.quickRatio)}`,
  }));
}

/** The counts beneath the chart, one row per kind (churned as the positive count it is), periods as columns. */
export function lifecycleCountRows(rows: readonly LifecycleRow[]): string[][] {
  const kinds: [string, (r: LifecycleRow) => number][] = [['New', (r) => r.new], ['Retained', (r) => r.retained], ['Resurrected', (r) => r.resurrected], ['Churned', (r) => r.churned]];
  return kinds.map(([label, pick]) => [label, ...rows.map((r) => formatInteger(pick(r)))]);
}

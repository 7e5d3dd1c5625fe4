import { strict as assert } from 'node:assert';
import type { SubscriptionReport } from '../../../../src/shared/subscriptionReport';
import {
  cohortHeatRows, cohortMetrics, formatRatio, lastCompletePeriod, movementsModel, mrrLineModel, periodTable, subscriptionTiles,
} from '../../../../src/webview/lifetime/subscriptionModel';
import { subscriptionSection } from '../sampleLifetimeReports';
import { XSS_LABEL } from '../sampleReports';

/** The same periods without an MRR column: logo metrics only. */
function logoOnly(): SubscriptionReport {
  const r = subscriptionSection();
  return {
    ...r, hasMrr: false, current: { customers: 3, mrr: null, arpa: null },
    periods: r.periods.map((p) => ({ ...p, startMrr: null, endMrr: null, movements: null, netNewMrr: null, grossMrrChurnRate: null, grr: null, nrr: null, quickRatio: null })),
  };
}

describe('webview/lifetime/subscriptionModel', () => {
  it('stacks gains up and losses down, outermost first, with signed values and the net new line', () => {
    const m = movementsModel(subscriptionSection());
    assert.deepEqual(m.labels, ['2024-01', '2024-02', '2024-03', '2024-04']);
    assert.deepEqual(m.layers.map((l) => l.key), ['reactivation', 'expansion', 'new', 'churn', 'contraction']);
    const layer = (key: string) => m.layers.find((l) => l.key === key)!;
    assert.deepEqual(layer('new').tops, [300, 1000, 0, 0]);
    assert.deepEqual(layer('expansion').tops, [300, 1150.5, 0, 0]);
    assert.deepEqual(layer('reactivation').tops, [300, 1150.5, 100.5, 0]);
    assert.deepEqual(layer('expansion').values, [0, 150.5, 0, 0], 'hover shows the movement, not the stack');
    assert.deepEqual(layer('contraction').values, [0, 0, -50, 0], 'losses are negative; a zero loss is +0, not −0');
    assert.ok(layer('contraction').values.every((v) => !Object.is(v, -0)));
    assert.deepEqual(layer('contraction').tops, [0, 0, -50, 0]);
    assert.deepEqual(layer('churn').tops, [0, -100, -200.5, 0]);
    assert.deepEqual(m.net, [300, 1050.5, -100, 0]);
    assert.deepEqual(m.partial, [false, false, false, true]);
    assert.deepEqual(m.layers.map((l) => l.color), ['purple', 'blue', 'green', 'red', 'orange']);
  });

  it('leaves periods without movements (no MRR) empty rather than zero', () => {
    const m = movementsModel(logoOnly());
    assert.ok(m.layers.every((l) => l.tops.every((v) => v === null) && l.values.every((v) => v === null)));
  });

  it('tabulates every period: money with 2 decimals, losses negative, rates in percent, partial flagged, nulls as dashes', () => {
    const t = periodTable(subscriptionSection());
    assert.deepEqual(t.heads.map((h) => h.text), ['Period', 'Start MRR', 'New', 'Expansion', 'Reactivation', 'Contraction', 'Churn', 'Net new', 'End MRR',
      'Customers', 'Logo churn', 'Gross MRR churn', 'GRR', 'NRR', 'Quick ratio']);
    assert.deepEqual(t.rows[0].cells, ['2024-01', '0.00', '300.00', '0.00', '0.00', '0.00', '0.00', '300.00', '300.00', '3', '—', '—', '—', '—', '—']);
    assert.deepEqual(t.rows[1].cells, ['2024-02', '300.00', '1,000.00', '150.50', '0.00', '0.00', '-100.00', '1,050.50', '1,350.50', '3', '33.3%', '33.3%', '66.7%', '116.8%', '11.51']);
    assert.deepEqual(t.rows[2].cells.slice(5, 8), ['-50.00', '-150.50', '-100.00']);
    assert.equal(t.rows[3].cells[0], '2024-04*');
    assert.deepEqual(t.rows.map((r) => r.partial), [false, false, false, true]);
    assert.equal(t.rows[3].cells[14], '—', 'no losses: no quick ratio');
  });

  it('shows only the customer columns without an MRR column', () => {
    const t = periodTable(logoOnly());
    assert.deepEqual(t.heads.map((h) => h.text), ['Period', 'Start customers', 'New', 'Reactivated', 'Churned', 'End customers', 'Logo churn']);
    assert.deepEqual(t.rows[2].cells, ['2024-03', '3', '0', '1', '1', '3', '33.3%']);
  });

  it('fills the KPI tiles from the current state and the last complete period', () => {
    assert.equal(lastCompletePeriod(subscriptionSection())?.period, '2024-03');
    const tiles = subscriptionTiles(subscriptionSection());
    assert.deepEqual(tiles.map((t) => [t.key, t.label, t.value]), [
      ['mrr', 'Current MRR', '1,250.50'], ['customers', 'Customers', '3'], ['arpa', 'ARPA', '416.83'],
      ['nrr', 'NRR (2024-03)', '85.2%'], ['grr', 'GRR (2024-03)', '85.2%'], ['logoChurn', 'Logo churn (2024-03)', '33.3%'], ['quickRatio', 'Quick ratio (2024-03)', '0.50'],
    ]);
    const young = { ...subscriptionSection(), periods: subscriptionSection().periods.map((p) => ({ ...p, partial: true })) };
    assert.equal(lastCompletePeriod(young), null);
    assert.deepEqual(subscriptionTiles(young).slice(3).map((t) => [t.label, t.value]), [['NRR', '—'], ['GRR', '—'], ['Logo churn', '—'], ['Quick ratio', '—']]);
    assert.deepEqual(subscriptionTiles(logoOnly()).map((t) => t.key), ['customers', 'logoChurn']);
  });

  it('formats ratios with 2 decimals and null as a dash', () => {
    assert.equal(formatRatio(11.505), '11.51');
    assert.equal(formatRatio(null), '—');
    assert.equal(formatRatio(Number.POSITIVE_INFINITY), '—');
  });

  it('draws end MRR per period as a money line, noting a partial last period', () => {
    const m = mrrLineModel(subscriptionSection());
    assert.deepEqual(m.xs, [0, 1, 2, 3]);
    assert.deepEqual(m.columns, ['2024-01', '2024-02', '2024-03', '2024-04']);
    assert.deepEqual(m.series, [{ label: 'End MRR', kind: 'average', values: [300, 1350.5, 1250.5, 1250.5] }]);
    assert.equal(m.unit, 'money');
    assert.equal(m.xName, 'Period');
    assert.match(m.note ?? '', /last month is not over yet/);
  });

  it('builds cohort heat cells per metric: percent text, heat class, partial and absent cells', () => {
    const nrr = cohortHeatRows(subscriptionSection(), 'nrr');
    assert.deepEqual(nrr[0].cells.map((c) => c.text), ['100.0%', '116.8%', '105.0%', '105.0%']);
    assert.deepEqual(nrr[0].cells.map((c) => c.heat), ['heat-10', 'heat-10', 'heat-10', 'heat-10'], 'NRR above 100% is full tint');
    assert.deepEqual(nrr[0].cells.map((c) => c.partial), [false, false, false, true]);
    assert.deepEqual([nrr[0].customers, nrr[0].startMrr], ['3', '300.00']);
    assert.equal(nrr[1].cohort, XSS_LABEL);
    assert.deepEqual(nrr[1].cells[3], { text: '', heat: null, partial: false }, 'after the data end: absent');
    assert.deepEqual(nrr[1].cells[2], { text: '95.0%', heat: 'heat-10', partial: true });
    const logos = cohortHeatRows(subscriptionSection(), 'logoRetention');
    assert.deepEqual(logos[0].cells.map((c) => [c.text, c.heat]), [['100.0%', 'heat-10'], ['66.7%', 'heat-8'], ['66.7%', 'heat-8'], ['66.7%', 'heat-8']]);
    assert.deepEqual(cohortMetrics(subscriptionSection()), ['nrr', 'grr', 'logoRetention']);
    assert.deepEqual(cohortMetrics(logoOnly()), ['logoRetention']);
  });
});

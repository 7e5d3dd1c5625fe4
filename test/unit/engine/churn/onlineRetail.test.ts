// The churn report on the real UCI Online Retail file, checked against a deliberately naive
// reimplementation (sets of purchase days, per-boundary scans) over the same parsed Dataset.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCsv } from '../loadCsv';
import { churnReport } from '../../../../src/engine/churn/report';
import type { Dataset } from '../../../../src/shared/dataset';
import type { ChurnReport } from '../../../../src/shared/churnReport';

const file = resolve(__dirname, '../../../../../shared/data/online_retail/online_retail.csv');
const DAY = 86_400_000;
const dayOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Each customer's sorted distinct purchase days, the obvious way. */
function purchaseDays(ds: Dataset): number[][] {
  const sets = Array.from({ length: ds.customerIds.length }, () => new Set<number>());
  for (let r = 0; r < ds.rowCount; r++) if (!ds.amount || ds.amount[r] > 0) sets[ds.customer[r]].add(Math.floor(ds.time[r] / DAY));
  return sets.map((s) => [...s].sort((a, b) => a - b));
}

const isCustomerAt = (days: number[], D: number, W: number): boolean => days.some((d) => d >= D - W && d <= D - 1);

describe('engine/churn on online_retail.csv', function () {
  this.timeout(120000);
  let ds: Dataset;
  let days: number[][];
  let report: ChurnReport;

  before(async () => {
    assert.ok(existsSync(file), `missing ${file} (shared/ must sit beside the checkout)`);
    ds = await loadCsv(file);
    days = purchaseDays(ds);
    report = churnReport(ds, { period: 'month', weekStart: 'monday' });
  });

  it('auto W is the 90th percentile of all gaps, by sorting them', () => {
    const gaps = days.flatMap((d) => d.slice(1).map((x, i) => x - d[i])).sort((a, b) => a - b);
    assert.equal(report.window.gaps, gaps.length);
    assert.equal(report.window.days, gaps[Math.ceil(0.9 * gaps.length) - 1]);
    assert.equal(report.window.histogram.reduce((s, b) => s + b.count, 0), gaps.length);
  });

  /** S, E, N, retained and churn events of every CRR row, counted naively. */
  function checkCrr(r: ChurnReport): void {
    const W = r.window.days;
    r.crr.forEach((row, k) => {
      const D0 = dayOfIso(row.start);
      const D1 = dayOfIso(row.end);
      let S = 0, E = 0, N = 0, retained = 0, churned = 0;
      days.forEach((d) => {
        if (d.length === 0) return;
        const at0 = isCustomerAt(d, D0, W);
        const at1 = isCustomerAt(d, D1, W);
        S += +at0; E += +at1; retained += +(at0 && at1);
        N += +(at1 && d[0] >= D0 && d[0] < D1);
        let left = false;
        for (let c = D0; c < D1 && at0 && !left; c++) left = !isCustomerAt(d, c + 1, W);
        churned += +left;
      });
      assert.deepEqual([row.S, row.E, row.N, row.retained], [S, E, N, retained], row.period);
      assert.equal(r.churnRates[k].churned, churned, row.period);
    });
  }

  it('S, E, N, retained and churn events of every complete month match a brute-force count', () => {
    assert.equal(report.crr.length, 12);               // 2010-12 … 2011-11 (the file ends on 2011-12-09)
    checkCrr(report);
  });

  it('and of every complete Sunday week with W = 30 days', () => {
    const weekly = churnReport(ds, { period: 'week', weekStart: 'sunday', window: 30 });
    assert.equal(weekly.crr.length, 53);
    assert.ok(weekly.crr.some((r) => r.reactivated > 0));
    checkCrr(weekly);
  });

  it('churned and at-risk customers at the data end match a brute-force classification', () => {
    const W = report.window.days;
    const last = dayOfIso(report.inactivity.lastDay);
    const allGaps = days.flatMap((d) => d.slice(1).map((x, i) => x - d[i])).sort((a, b) => a - b);
    const median = (g: number[]): number => (g[Math.floor((g.length - 1) / 2)] + g[Math.floor(g.length / 2)]) / 2;
    let churned = 0, atRisk = 0;
    days.forEach((d) => {
      if (d.length === 0) return;
      const silent = last - d[d.length - 1];
      const own = d.slice(1).map((x, i) => x - d[i]).sort((a, b) => a - b);
      const usual = own.length >= 2 ? median(own) : median(allGaps);
      if (silent >= W) churned++;
      else if (silent > usual) atRisk++;
    });
    assert.deepEqual([report.inactivity.churned.total, report.inactivity.atRisk.total], [churned, atRisk]);
    const top = report.inactivity.winBack.customers;
    for (let i = 1; i < top.length; i++) assert.ok(top[i - 1].revenue! >= top[i].revenue!);
  });

  it('lifecycle counts match per-month sets', () => {
    const month = (d: number): string => new Date(d * DAY).toISOString().slice(0, 7);
    const active = new Map<string, Set<number>>();
    days.forEach((d, u) => d.forEach((x) => (active.get(month(x)) ?? active.set(month(x), new Set()).get(month(x))!).add(u)));
    const labels = [...active.keys()].sort();
    report.lifecycle.forEach((row, k) => {
      assert.equal(row.period, labels[k]);
      const now = active.get(labels[k])!;
      const before = k > 0 ? active.get(labels[k - 1])! : new Set<number>();
      const fresh = [...now].filter((u) => month(days[u][0]) === labels[k]).length;
      const retained = [...now].filter((u) => before.has(u)).length;
      const churned = [...before].filter((u) => !now.has(u)).length;
      assert.deepEqual([row.new, row.retained, row.resurrected, row.churned], [fresh, retained, now.size - fresh - retained, churned], row.period);
    });
  });

  it('the CRR identity holds and value numbers are consistent with the KPIs', () => {
    for (const r of report.crr) assert.equal(r.E - r.N - r.retained, r.reactivated);
    const v = report.value;
    assert.equal(v.customers, 4338);
    assert.equal(v.aov, Math.round((v.revenue! / v.orders) * 100) / 100);
    const lifespan = days.filter((d) => d.length).reduce((s, d) => s + d[d.length - 1] - d[0], 0) / v.customers;
    assert.equal(v.lifespanDays, Math.round(lifespan * 100) / 100);
    assert.equal(report.insight.length, 3);
  });
});

// The assembled report: CLV arithmetic, holdout totals, ordering, units and edge cases.
import { strict as assert } from 'node:assert';
import { predictiveReport } from '../../../../src/engine/clv/predictive';
import { annualRate, DAYS_PER_MONTH, forecastPurchases } from '../../../../src/engine/clv/clvValue';
import { expectedPurchases, pAlive } from '../../../../src/engine/clv/bgnbd';
import { makeDataset } from '../makeDataset';
import { cdnowSampleDataset } from './cdnow';
import { simulatedDataset } from './simulate';
import { idStrings } from '../../../../src/shared/customerIds';

const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('engine/clv/clvValue', () => {
  it('without discounting, discounted purchases are the horizon expectation; with it, each month is discounted', () => {
    const one = (v: number): Float64Array => Float64Array.of(v);
    const plain = forecastPurchases(P, one(2), one(30.43), one(38.86), { horizonMonths: 12, monthlyDiscountRate: 0, unitDays: 7 });
    const horizon = (12 * DAYS_PER_MONTH) / 7;
    assert.ok(Math.abs(plain.discounted[0] - expectedPurchases(P, 2, 30.43, 38.86, horizon)) < 1e-12);
    assert.equal(plain.pAlive[0], pAlive(P, 2, 30.43, 38.86));
    const d = forecastPurchases(P, one(2), one(30.43), one(38.86), { horizonMonths: 3, monthlyDiscountRate: 0.01, unitDays: 7 });
    const month = DAYS_PER_MONTH / 7;
    const e = [0, 1, 2, 3].map((m) => expectedPurchases(P, 2, 30.43, 38.86, m * month));
    const byHand = (e[1] - e[0]) / 1.01 + (e[2] - e[1]) / 1.01 ** 2 + (e[3] - e[2]) / 1.01 ** 3;
    assert.ok(Math.abs(d.discounted[0] - byHand) < 1e-12);
    assert.ok(Math.abs(annualRate(0.01) - 0.12682503013196977) < 1e-15);
  });

  it('gives the same CLV whatever the time unit (the model rescales α)', function () {
    this.timeout(30000);
    const ds = cdnowSampleDataset();
    const base = { calibrationEnd: '1997-09-30', zeroAmountPurchases: true, topCustomers: 1 };
    const weeks = predictiveReport(ds, { ...base, timeUnit: 'week' });
    const days = predictiveReport(ds, { ...base, timeUnit: 'day' });
    assert.ok(Math.abs(days.bgnbd!.params[1].value / weeks.bgnbd!.params[1].value - 7) < 1e-4);
    assert.ok(Math.abs(days.totals!.clv! / weeks.totals!.clv! - 1) < 1e-5);
  });
});

describe('engine/clv/predictive on CDNOW', function () {
  this.timeout(60000);
  const ds = cdnowSampleDataset();
  const report = predictiveReport(ds, { calibrationEnd: '1997-09-30', zeroAmountPurchases: true, topCustomers: 50 });

  it('reports both fits with the published values, and their units', () => {
    const values = report.bgnbd!.params.map((p) => Math.round(p.value * 1000) / 1000);
    assert.deepEqual(values, [0.243, 4.414, 0.793, 2.426]);
    assert.equal(Math.round(report.bgnbd!.logLikelihood * 10) / 10, -9582.4);
    assert.deepEqual(report.gammaGamma!.params.map((p) => Math.round(p.value * 100) / 100), [6.25, 3.74, 15.44]);
    assert.equal(report.gammaGamma!.warning, null);
    assert.deepEqual([report.units.timeUnit, report.units.daysPerUnit, report.units.calibrationEnd], ['week', 7, '1997-09-30']);
    assert.deepEqual(report.data, { customers: 2357, modelled: 2357, bornAfterCalibration: 0, withoutPurchases: 0, purchaseDays: 4814, repeatPurchases: 2457, repeatCustomers: 946 });
  });

  it('holdout: 1,882 actual repeat purchases over 39 weeks; expected totals add up', () => {
    const h = report.holdout!;
    assert.deepEqual([h.start, h.end, h.days, h.weeks.length], ['1997-10-01', '1998-06-30', 273, 39]);
    assert.equal(h.actualTotal, 1882);
    assert.equal(h.weeks.reduce((a, w) => a + w.actual, 0), 1882);
    const byFrequency = h.byFrequency.reduce((a, f) => a + f.expected * f.customers, 0);
    assert.ok(Math.abs(byFrequency - h.expectedTotal) < 1e-6);
    assert.ok(Math.abs(h.byFrequency.reduce((a, f) => a + f.actual * f.customers, 0) - 1882) < 1e-9);
    assert.deepEqual(h.byFrequency.map((f) => f.customers), [1411, 439, 214, 100, 62, 38, 29, 64]);
    assert.ok(Math.abs(h.expectedTotal / h.actualTotal - 1) < 0.15);
  });

  it('lists the top customers by CLV, capped, with the line that opens them', () => {
    assert.equal(report.customers.length, 50);
    const clv = report.customers.map((c) => c.clv!);
    assert.ok(clv.every((v, i) => i === 0 || v <= clv[i - 1]));
    const top = report.customers[0];
    assert.equal(ds.customerFirstLine[idStrings(ds.customerIds).indexOf(top.id)], top.firstLine);
    assert.ok(report.totals!.clv! > clv.reduce((a, b) => a + b, 0));
  });

  it('by default (DESIGN.md §3) the 8 customers with only a $0.00 order are not purchasers', () => {
    const strict = predictiveReport(ds, { calibrationEnd: '1997-09-30', topCustomers: 0 });
    assert.equal(strict.data.modelled, 2349);
    assert.equal(strict.data.withoutPurchases, 8);
  });
});

describe('engine/clv/predictive edge cases', () => {
  it('without amounts: no spend model, no CLV, customers ranked by expected purchases', () => {
    const ds = simulatedDataset({ customers: 300, seed: 3, r: 0.5, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15, birthDays: 60, days: 365 });
    const report = predictiveReport({ ...ds, amount: null }, { topCustomers: 5 });
    assert.equal(report.gammaGamma, null);
    assert.equal(report.totals!.clv, null);
    assert.equal(report.holdout, null);
    const e = report.customers.map((c) => c.expectedPurchases);
    assert.ok(e.every((v, i) => i === 0 || v <= e[i - 1]));
    assert.ok(report.customers.every((c) => c.clv === null && c.expectedSpend === null));
  });

  it('no repeat purchase: a warning and no fit', () => {
    const report = predictiveReport(makeDataset([['a', '2024-01-01', 5], ['b', '2024-01-03', 6]]));
    assert.equal(report.bgnbd, null);
    assert.match(report.warnings[0], /bought again/);
  });

  it('recovers simulated parameters (20,000 customers)', function () {
    this.timeout(60000);
    const ds = simulatedDataset({ customers: 20000, seed: 11, r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15, birthDays: 84, days: 546 });
    const report = predictiveReport(ds, { calibrationEnd: '1997-09-30', topCustomers: 0 });
    const [r, alpha, a, b] = report.bgnbd!.params;
    for (const [est, truth] of [[r, 0.25], [alpha, 4], [a, 0.8], [b, 2.5]] as const) {
      assert.ok(Math.abs(est.value - truth) < 4 * est.se!, `${est.name} = ${est.value} ± ${est.se}, true ${truth}`);
    }
    assert.ok(report.bgnbd!.converged && report.gammaGamma!.converged);
  });
});

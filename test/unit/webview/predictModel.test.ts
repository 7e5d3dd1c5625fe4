import { strict as assert } from 'node:assert';
import { dataLine, fitFacts, formatEstimate, formatFitTime, parameterRows, periodLine, totalCards, unitsLine, warningLines } from '../../../src/webview/predictModel';
import { samplePredictive } from './samplePredictive';

describe('webview/predictModel', () => {
  it('prints the parameter tables with symbols, 3 decimals and standard errors', () => {
    const p = samplePredictive();
    assert.deepEqual(parameterRows(p.bgnbd!).map((r) => [r.symbol, r.value, r.se]), [
      ['r', '0.243', '0.013'], ['α', '4.414', '0.378'], ['a', '0.793', '0.186'], ['b', '2.426', '0.705'],
    ]);
    assert.deepEqual(parameterRows(p.gammaGamma!).map((r) => [r.symbol, r.value, r.se]), [['p', '6.250', '1.190'], ['q', '3.744', '0.289'], ['γ', '15.444', '—']]);
    assert.equal(parameterRows(p.bgnbd!)[1].meaning, 'scale of the purchase-rate distribution (time units)');
    assert.equal(formatEstimate(0.000123456), '0.000123');
    assert.equal(formatEstimate(1234.5), '1,234.500');
    assert.equal(formatEstimate(0), '0.000');
    assert.equal(formatEstimate(Number.NaN), '—');
  });

  it('states log-likelihood, customers, fit time and convergence, flagging a fit that did not converge', () => {
    const p = samplePredictive();
    assert.deepEqual(fitFacts(p.bgnbd!), [
      { label: 'Log-likelihood', value: '-9,582.43' },
      { label: 'Customers', value: '2,357' },
      { label: 'Fit time', value: '51 ms' },
      { label: 'Status', value: 'converged (Newton; 309 evaluations, max |gradient| 5.8e-10)', bad: false },
    ]);
    assert.deepEqual(fitFacts(p.gammaGamma!), [
      { label: 'Log-likelihood', value: '-4,055.92' },
      { label: 'Customers', value: '946' },
      { label: 'Fit time', value: '1.53 s' },
      { label: 'Status', value: 'Not converged: stopped after 2000 evaluations (max |gradient| 0.3)', bad: true },
      { label: 'Spend–frequency correlation', value: 'ρ = 0.11' },
    ]);
    assert.equal(formatFitTime(0.2), '1 ms');
  });

  it('states the units so the horizon and discount cannot be read in the wrong unit', () => {
    const p = samplePredictive();
    assert.equal(unitsLine(p), 't_x and T in weeks; horizon 12 months = 52.18 weeks; discount 1%/month = 12.68%/year');
    const days = { ...p, options: { ...p.options, timeUnit: 'day' as const, horizonMonths: 1, monthlyDiscountRate: 0.005 },
      units: { ...p.units, timeUnit: 'day' as const, daysPerUnit: 1, horizonUnits: 30.4375, annualDiscountRate: 1.005 ** 12 - 1 } };
    assert.equal(unitsLine(days), 't_x and T in days; horizon 1 month = 30.44 days; discount 0.5%/month = 6.17%/year');
    const months = { ...p, options: { ...p.options, timeUnit: 'month' as const, monthlyDiscountRate: 0 }, units: { ...p.units, timeUnit: 'month' as const, horizonUnits: 12, annualDiscountRate: 0 } };
    assert.equal(unitsLine(months), 't_x and T in months; horizon 12 months; discount 0%/month = 0%/year');
  });

  it('says the periods and who was modelled', () => {
    const p = samplePredictive();
    assert.equal(periodLine(p), 'Calibration 1997-01-01 to 1997-09-30; holdout 1997-10-01 to 1997-10-17 (17 days).');
    assert.equal(periodLine({ ...p, holdout: null }), 'Calibration 1997-01-01 to 1997-09-30 (the data\'s end: no holdout to check the model on).');
    assert.equal(dataLine(p), '2,357 customers modelled; 946 bought again (2,457 repeat purchases). Zero-amount rows count as purchases.');
    const later = { ...p, options: { ...p.options, zeroAmountPurchases: false }, data: { ...p.data, bornAfterCalibration: 120, withoutPurchases: 3 } };
    assert.equal(dataLine(later), '2,357 customers modelled; 946 bought again (2,457 repeat purchases); 120 first bought after the calibration end (not modelled); 3 without a purchase row.');
  });

  it('makes the totals cards and lists each warning once', () => {
    const p = samplePredictive();
    assert.deepEqual(totalCards(p).map((c) => [c.label, c.value]), [
      ['Expected purchases, next 12 months', '2,095.1'], ['Total CLV, next 12 months', '71,449.18'], ['Mean P(alive)', '81.3%'], ['Likely active', '1,964'],
    ]);
    assert.equal(totalCards(p)[3].hint, 'Customers with P(alive) ≥ 50%, of 2,357 modelled');
    assert.equal(totalCards({ ...p, totals: { ...p.totals!, clv: null } })[1].value, '—');
    assert.deepEqual(totalCards({ ...p, totals: null }), []);
    assert.deepEqual(warningLines(p), ['Spend and frequency are correlated (ρ = 0.41): the Gamma-Gamma model assumes they are independent.']);
  });
});

import { strict as assert } from 'node:assert';
import { DEFAULT_PREDICTIVE_OPTIONS } from '../../../src/shared/predictiveReport';
import { isPredictiveOptions } from '../../../src/shared/protocol';
import { dateBounds, formValues, initialFormValues, parsePredictForm, type PredictFormValues } from '../../../src/webview/predictFormModel';
import { bigReport, ordersReport } from './sampleReports';
import { samplePredictive } from './samplePredictive';

const BOUNDS = { first: '1997-01-01', last: '1998-06-30' };
const DEFAULTS: PredictFormValues = { calibrationEnd: '', timeUnit: 'week', horizonMonths: '12', discountPercent: '1', penalizer: '0', zeroAmountPurchases: false };

describe('webview/predictFormModel', () => {
  it('starts from the defaults, or from the options a fit was made with', () => {
    assert.deepEqual(initialFormValues(null), DEFAULTS);
    assert.deepEqual(initialFormValues(samplePredictive()), { ...DEFAULTS, calibrationEnd: '1997-09-30', zeroAmountPurchases: true });
    // Without a holdout the resolved calibration end is the data's end: the input stays empty.
    assert.equal(formValues({ ...DEFAULT_PREDICTIVE_OPTIONS, calibrationEnd: '1998-06-30' }, false).calibrationEnd, '');
    assert.equal(formValues({ ...DEFAULT_PREDICTIVE_OPTIONS, monthlyDiscountRate: 0.015, horizonMonths: 6.5 }, false).discountPercent, '1.5');
  });

  it('turns a valid form into every option, discount as a monthly rate', () => {
    const r = parsePredictForm({ calibrationEnd: ' 1997-09-30 ', timeUnit: 'day', horizonMonths: '24', discountPercent: '0.5', penalizer: '0.001', zeroAmountPurchases: true }, BOUNDS);
    assert.deepEqual(r, { ok: true, options: {
      calibrationEnd: '1997-09-30', timeUnit: 'day', horizonMonths: 24, monthlyDiscountRate: 0.005, penalizer: 0.001, topCustomers: 500, zeroAmountPurchases: true,
    } });
    assert.ok(r.ok && isPredictiveOptions(r.options), 'the host\'s guard accepts it');
    const d = parsePredictForm(DEFAULTS, BOUNDS);
    assert.deepEqual(d, { ok: true, options: { ...DEFAULT_PREDICTIVE_OPTIONS } });
    assert.ok(d.ok && d.options.calibrationEnd === null);
    assert.ok(parsePredictForm({ ...DEFAULTS, calibrationEnd: '1998-06-30' }, BOUNDS).ok, 'the last day is allowed');
  });

  it('says what is wrong next to each invalid input', () => {
    const r = parsePredictForm({ calibrationEnd: '1997-02-30', timeUnit: 'year', horizonMonths: '0', discountPercent: '-1', penalizer: 'lots', zeroAmountPurchases: false }, BOUNDS);
    assert.deepEqual(r, { ok: false, errors: {
      calibrationEnd: 'a date YYYY-MM-DD, or empty for the data\'s end',
      timeUnit: 'days, weeks or months',
      horizonMonths: 'months from 1 to 600',
      discountPercent: 'a percentage from 0 to 100',
      penalizer: 'a number from 0 to 100',
    } });
    assert.deepEqual(parsePredictForm({ ...DEFAULTS, calibrationEnd: '1997-01-01' }, BOUNDS), { ok: false, errors: { calibrationEnd: 'after the first purchase day, 1997-01-01' } });
    assert.deepEqual(parsePredictForm({ ...DEFAULTS, calibrationEnd: '1998-07-01' }, BOUNDS), { ok: false, errors: { calibrationEnd: 'not after the data\'s last day, 1998-06-30' } });
    assert.deepEqual(parsePredictForm({ ...DEFAULTS, horizonMonths: '601', discountPercent: '101', penalizer: '1e3' }, BOUNDS), { ok: false, errors: {
      horizonMonths: 'months from 1 to 600', discountPercent: 'a percentage from 0 to 100', penalizer: 'a number from 0 to 100',
    } });
    assert.ok(!parsePredictForm({ ...DEFAULTS, horizonMonths: '' }, BOUNDS).ok);
  });

  it('reads the date bounds from the report (its data end is exclusive)', () => {
    assert.deepEqual(dateBounds(ordersReport()), { first: '2024-01-01', last: '2024-03-31' });
    assert.deepEqual(dateBounds(bigReport()), { first: '2023-01-02', last: '2024-03-15' });
    assert.deepEqual(dateBounds({ ...bigReport(), quality: { ...bigReport().quality, dataEnd: '2024-03-15T10:30:00' } }), { first: '2023-01-02', last: '2024-03-15' });
    assert.deepEqual(dateBounds(null), { first: null, last: null });
  });
});

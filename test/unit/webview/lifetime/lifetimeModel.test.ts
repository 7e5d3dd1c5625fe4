import { strict as assert } from 'node:assert';
import { CANCEL_AT_POLICIES, DEFAULT_SUBSCRIPTION_POLICIES, REACTIVATION_POLICIES, SAME_PERIOD_CHURN_POLICIES } from '../../../../src/shared/subscriptionReport';
import {
  lifetimeMappingSummary, lifetimeQualityFacts, lifetimeReportOptions, lifetimeViewOptions, POLICY_FIELDS, rowsLine, shapeLabel, subjectWord,
} from '../../../../src/webview/lifetime/lifetimeModel';
import { headerSummary } from '../../../../src/webview/render/header';
import { subscriptionsReport, telcoReport } from '../sampleLifetimeReports';
import { ordersReport, XSS_IMG } from '../sampleReports';

describe('webview/lifetime/lifetimeModel', () => {
  it('names the shape and lists the mapped roles of that shape', () => {
    assert.equal(shapeLabel('customers'), 'Customers file (one row per customer)');
    assert.equal(subjectWord('subscriptions'), 'customers');   // a subscriptions file's subjects are its customers
    assert.equal(lifetimeMappingSummary(telcoReport()), 'customer id: customerID · tenure: tenure · churned flag: Churn');
    assert.equal(lifetimeMappingSummary(subscriptionsReport()), `customer id: account · start date: started_at · end / cancel date: canceled_at · amount: mrr ${XSS_IMG} · plan: plan`);
  });

  it('puts the shape and mapping in the header line, and keeps the events header as it was', () => {
    assert.equal(headerSummary(telcoReport()), 'Customers file (one row per customer) · customer id: customerID · tenure: tenure · churned flag: Churn');
    assert.equal(headerSummary(ordersReport()), 'customer id: customer_id · timestamp: month · amount: amount');
  });

  it('says how many rows were used and skipped, and how many subjects are censored', () => {
    assert.equal(rowsLine(subscriptionsReport()), '11 of 12 rows used · 1 skipped · 2 customers still active (censored)');
    assert.equal(rowsLine(telcoReport()), '7,043 of 7,043 rows used · 0 skipped · 5,174 customers still active (censored)');
  });

  it('lists the data-quality facts of a lifetime file', () => {
    const r = subscriptionsReport();
    assert.deepEqual(lifetimeQualityFacts(r.quality, r.shape, 'UTC'), [
      ['Rows read', '12'], ['Rows used', '11'], ['Rows skipped', '1'],
      ['Still active (censored)', '2 customers — counted as survivors up to their last known time'],
      ['Date format', 'ISO 8601 (2024-03-05)'], ['Data range', '2024-01-03 to 2024-04-15'], ['Time zone', 'UTC'],
    ]);
    const t = telcoReport();
    const facts = lifetimeQualityFacts(t.quality, t.shape, 'Europe/Berlin');
    assert.deepEqual(facts.find(([k]) => k === 'Date format'), ['Date format', '— (read from a tenure column)']);
    assert.equal(facts.find(([k]) => k === 'Data range'), undefined, 'a tenure column has no dates');
    assert.deepEqual(facts.at(-1), ['Time zone', 'Europe/Berlin']);
  });

  it('offers every policy value, names exactly the default, and explains each in one line', () => {
    const lists: Record<string, readonly string[]> = { samePeriodChurn: SAME_PERIOD_CHURN_POLICIES, cancelAt: CANCEL_AT_POLICIES, reactivation: REACTIVATION_POLICIES };
    assert.deepEqual(POLICY_FIELDS.map((f) => f.key), ['samePeriodChurn', 'cancelAt', 'reactivation']);
    for (const f of POLICY_FIELDS) {
      assert.deepEqual(f.choices.map((c) => c.value), [...lists[f.key]]);
      const defaults = f.choices.filter((c) => c.text.endsWith('(default)'));
      assert.deepEqual(defaults.map((c) => c.value), [DEFAULT_SUBSCRIPTION_POLICIES[f.key]]);
      assert.ok(f.caption.length > 20 && !f.caption.includes('\n'));
    }
  });

  it('reads back the options a lifetime report was computed with', () => {
    assert.deepEqual(lifetimeReportOptions(subscriptionsReport()), { period: 'month', segment: null, samePeriodChurn: 'count', cancelAt: 'date', reactivation: 'original-cohort' });
    assert.deepEqual(lifetimeReportOptions(telcoReport()), { period: 'month', segment: 'Contract', ...DEFAULT_SUBSCRIPTION_POLICIES });
    const r = subscriptionsReport();
    r.subscriptions = { ...r.subscriptions!, period: 'quarter', policies: { samePeriodChurn: 'ignore', cancelAt: 'period-end', reactivation: 'new-cohort' } };
    assert.deepEqual(lifetimeReportOptions(r), { period: 'quarter', segment: null, samePeriodChurn: 'ignore', cancelAt: 'period-end', reactivation: 'new-cohort' });
  });

  it('fills the options the panel leaves unset from the report (the engine\'s split and policies)', () => {
    const telco = telcoReport();
    assert.deepEqual(lifetimeViewOptions({ period: 'month' }, telco), { period: 'month', segment: 'Contract', ...DEFAULT_SUBSCRIPTION_POLICIES });
    assert.equal(lifetimeViewOptions({ period: 'month', segment: null }, telco).segment, null, 'an explicit None stays None');
    assert.equal(lifetimeViewOptions({ period: 'week', segment: 'gender', cancelAt: undefined }, telco).segment, 'gender');
    assert.equal(lifetimeViewOptions({ period: 'week' }, subscriptionsReport()).period, 'week', 'the selected period wins while its report is computed');
  });
});

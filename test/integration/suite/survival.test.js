// Subscriptions and customers files in the extension host (issue 6): the Telco customers table
// (workspace/survival/telco-churn.csv, a copy of ../shared/data/telco) is recognised as the
// customers shape without a question, and its survival section carries the published facts of the
// file (7,043 customers, 1,869 churned; 11 with tenure 0) and the Kaplan–Meier values computed
// independently in test/unit/engine/survival/survivalReport.test.ts.
const assert = require('node:assert/strict');
const { analyze, api, workspaceFile } = require('./helpers');

describe('survival (extension host)', function () {
  this.timeout(120000);

  it('reads the Telco export as a customers table: tenure in months, Churn as the flag', async () => {
    const report = await analyze(workspaceFile('survival/telco-churn.csv'));
    assert.ok(report, `analyze failed: ${(await api()).lastError()}`);
    assert.equal(report.shape, 'customers');
    assert.deepEqual(report.mapping, { customerId: 'customerID', tenure: 'tenure', churned: 'Churn' });
    const { overall, timeUnit } = report.survival;
    assert.equal(timeUnit, 'months');
    assert.deepEqual([overall.subjects, overall.events, report.quality.active], [7043, 1869, 5174]);
    const at12 = overall.points.find((p) => p.time === 12);
    assert.ok(at12 && Math.abs(at12.survival - 0.843199554) < 1e-8, `S(12) = ${at12 && at12.survival}`);
    assert.ok(report.choices.segmentColumns.includes('Contract'));
    assert.equal(report.subscriptions, null);
  });

  it('reads a subscriptions export: MRR movements of March 2024 as computed by hand', async () => {
    // By hand (test/unit/cli/lifetime.test.ts): start MRR 421.00 from 8 customers; c1 upgrades 10 → 50
    // (expansion 40), c15 cancels (churn 120.50), c16 and c17 start (new 60) → end MRR 400.50.
    const report = await analyze(workspaceFile('survival/subscriptions.csv'));
    assert.ok(report, `analyze failed: ${(await api()).lastError()}`);
    assert.equal(report.shape, 'subscriptions');
    const march = report.subscriptions.periods.find((p) => p.period === '2024-03');
    assert.deepEqual([march.startMrr, march.endMrr, march.startCustomers], [421, 400.5, 8]);
    assert.deepEqual(march.movements, { new: 60, expansion: 40, contraction: 0, churn: 120.5, reactivation: 0 });
    assert.deepEqual(report.subscriptions.current, { customers: 9, mrr: 511, arpa: 56.78 });
    assert.equal(report.survival.timeUnit, 'days');
    assert.equal(report.survival.overall.subjects, 13);
  });
});

// The CRR calculator command and the churn section of the report, in the extension host
// (hand-computed values: see ui/churn.test.mjs for churn-orders.csv).
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { analyze, api, workspaceFile } = require('./helpers');

describe('churn (extension host)', function () {
  this.timeout(120000);

  it('the calculator command computes CRR = ((E − N) / S) × 100 from its arguments', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('retentionLens.crrCalculator', 1000, 900, 200), { crr: 70, churn: 30 });
    const refused = await vscode.commands.executeCommand('retentionLens.crrCalculator', 0, 5, 1);
    assert.match(refused.error, /S \(customers at the start\) is 0/);
  });

  it('reports W = 45 days, b and e at risk, c churned for churn/churn-orders.csv', async () => {
    const report = await analyze(workspaceFile('churn/churn-orders.csv'));
    assert.ok(report, `analyze failed: ${(await api()).lastError()}`);
    const { window, inactivity } = report.churn;
    assert.deepEqual([window.days, window.source, window.gaps, window.medianGap], [45, 'auto', 12, 10]);
    assert.deepEqual(inactivity.atRisk.customers.map((c) => [c.id, c.daysSilent, c.revenue, c.lastLine]), [['b', 40, 60, 11], ['e', 21, 15, 18]]);
    assert.deepEqual(inactivity.churned.customers.map((c) => [c.id, c.daysSilent, c.lastLine]), [['c', 91, 14]]);
  });
});

// retentionLens.analyze on real files of the workspace, through the command VS Code runs.
const assert = require('assert');
const vscode = require('vscode');
const { api, workspaceFile, sha256, waitFor, analyze, tabLabels, closeAll } = require('./helpers');

/** The expected table of orders.csv (DESIGN.md §6). */
function assertOrdersReport(report, file) {
  assert.ok(report, `analyze(${file}) returned ${report}`);
  assert.strictEqual(report.input.file, file);
  const cohorts = report.retention.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, counts: c.counts }));
  assert.deepStrictEqual(cohorts, [
    { cohort: '2024-01', size: 3, counts: [3, 2, 1] },
    { cohort: '2024-02', size: 2, counts: [2, 1, null] },
  ]);
  assert.deepStrictEqual(report.retention.cohorts[0].rates, [1, 0.6667, 0.3333]);
  assert.deepStrictEqual(report.retention.average.rates, [1, 0.6, 0.3333]);
  assert.strictEqual(report.kpis.customers, 5);
  assert.strictEqual(report.retention.period, 'month');
}

describe('Analyze Retention (extension host)', function () {
  let testApi;
  before(async () => { testApi = await api(); });
  beforeEach(closeAll);

  it('analyzes orders.csv (uri argument): report, API and a "Retention: orders.csv" tab', async () => {
    const uri = workspaceFile('orders.csv');
    const report = await analyze(uri);
    assertOrdersReport(report, 'orders.csv');
    assert.deepStrictEqual(testApi.lastReport(), report, 'lastReport() is not the returned report');
    assert.strictEqual(testApi.lastError(), undefined);
    await waitFor(() => tabLabels().includes('Retention: orders.csv'), `a "Retention: orders.csv" tab (tabs: ${tabLabels()})`);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Retention: orders.csv');
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the report tab is not a webview');
    assert.match(tab.input.viewType, /retentionLens\.report$/);
    assert.ok(testApi.panelCount() >= 1, `panelCount() = ${testApi.panelCount()}`);
  });

  it('analyzes the active editor\'s CSV when called without arguments', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('orders.csv'));
    await vscode.window.showTextDocument(doc);
    assertOrdersReport(await analyze(undefined), 'orders.csv');
  });

  it('analyzes UPPER.CSV (upper-case extension)', async () => {
    const report = await analyze(workspaceFile('UPPER.CSV'));
    assertOrdersReport(report, 'UPPER.CSV');
    await waitFor(() => tabLabels().includes('Retention: UPPER.CSV'), `a "Retention: UPPER.CSV" tab (tabs: ${tabLabels()})`);
  });

  it('analyzes orders.tsv (tab-separated)', async () => {
    assertOrdersReport(await analyze(workspaceFile('orders.tsv')), 'orders.tsv');
  });

  it('reuses the file\'s panel when the same file is analyzed again', async () => {
    await analyze(workspaceFile('orders.csv'));
    await waitFor(() => tabLabels().includes('Retention: orders.csv'), `a "Retention: orders.csv" tab (tabs: ${tabLabels()})`);
    const before = testApi.panelCount();
    assert.ok(await analyze(workspaceFile('orders.csv')), `second analysis failed: ${testApi.lastError()}`);
    assert.strictEqual(testApi.panelCount(), before);
    // the tab model updates asynchronously: give a second panel the time to show up
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(tabLabels().filter((l) => l === 'Retention: orders.csv').length, 1, `tabs: ${tabLabels()}`);
  });

  it('returns undefined for a CSV without a date column, and lastError() names the file', async () => {
    const report = await analyze(workspaceFile('no-date.csv'));
    assert.strictEqual(report, undefined);
    const error = testApi.lastError();
    assert.ok(error, 'lastError() is empty');
    assert.ok(error.startsWith('no-date.csv'), `lastError() should start with the file name: ${error}`);
    assert.ok(!tabLabels().includes('Retention: no-date.csv'), 'a report panel opened for a failed analysis');
  });

  it('returns undefined for an empty file, and lastError() names the file', async () => {
    assert.strictEqual(await analyze(workspaceFile('empty.csv')), undefined);
    const error = testApi.lastError();
    assert.ok(error && error.startsWith('empty.csv'), `lastError() should start with the file name: ${error}`);
  });

  it('never writes the CSV: the bytes are identical after an analysis', async () => {
    for (const name of ['orders.csv', 'xss.csv']) {
      const uri = workspaceFile(name);
      const before = sha256(uri);
      const { mtimeMs } = require('fs').statSync(uri.fsPath);
      assert.ok(await analyze(uri), `analyze(${name}) failed: ${testApi.lastError()}`);
      assert.strictEqual(sha256(uri), before, `${name} changed on disk`);
      assert.strictEqual(require('fs').statSync(uri.fsPath).mtimeMs, mtimeMs, `${name} was rewritten (mtime changed)`);
    }
  });
});

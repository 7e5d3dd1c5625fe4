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
  // 9 rows, every amount > 0: 9 orders; 10+20+15+12+8+30+5+9+11 = 120; c1, c2, c4 bought twice or more (3 of 5)
  assert.strictEqual(report.kpis.customers, 5);
  assert.strictEqual(report.kpis.orders, 9);
  assert.strictEqual(report.kpis.revenue, 120);
  assert.strictEqual(report.kpis.repeatPurchaseRate, 0.6);
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
    assert.ok(error.startsWith('no-date.csv: no column looks like a date'), `lastError() should name the file and the problem: ${error}`);
    assert.ok(!tabLabels().includes('Retention: no-date.csv'), 'a report panel opened for a failed analysis');
  });

  it('returns undefined for an empty file, and lastError() names the file', async () => {
    assert.strictEqual(await analyze(workspaceFile('empty.csv')), undefined);
    const error = testApi.lastError();
    assert.ok(error && error.startsWith('empty.csv'), `lastError() should start with the file name: ${error}`);
  });

  it('analyzes xss.csv: markup is just data (2 rows with markup as the date are skipped, not parsed)', async () => {
    const report = await analyze(workspaceFile('xss.csv'));
    assert.ok(report, `analyze(xss.csv) failed: ${testApi.lastError()}`);
    // customers "<img …>" (Jan, Feb, Mar) and "<script>…" (Jan, Feb) start in 2024-01, c3 (Feb, Mar) in
    // 2024-02, c6 (Mar 31, so March is complete) in 2024-03; c4 and c5 have markup as their date
    assert.deepStrictEqual(report.retention.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, counts: c.counts })), [
      { cohort: '2024-01', size: 2, counts: [2, 2, 1] },
      { cohort: '2024-02', size: 1, counts: [1, 1, null] },
      { cohort: '2024-03', size: 1, counts: [1, null, null] },
    ]);
    assert.strictEqual(report.kpis.customers, 4);
    assert.strictEqual(report.kpis.orders, 10);
    assert.strictEqual(report.kpis.revenue, 58);
    assert.strictEqual(report.quality.rowsRead, 12);
    assert.deepStrictEqual(report.quality.skipped, { 'invalid timestamp': 2 });
    assert.deepStrictEqual(report.quality.examples['invalid timestamp'].map((e) => [e.line, e.value]),
      [[6, '<img src=x onerror="window.__xss=3">'], [7, '<script>window.__xss=4</script>']]);
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

  it('opens the panel while the report is computed; closed before it arrives, it goes without an error', async function () {
    this.timeout(120000);
    // 300,000 rows (~13 MB): the first report takes long enough to close the panel meanwhile.
    const uri = workspaceFile('while-loading.csv');
    const lines = ['customer_id,created_at,amount'];
    for (let i = 0; i < 300000; i++) lines.push(`c${(i * 7919) % 40000},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(i % 90) + 1}.5`);
    require('fs').writeFileSync(uri.fsPath, lines.join('\n') + '\n');
    const before = testApi.panelCount();
    const run = analyze(uri, 90000);
    await waitFor(() => testApi.panelCount() > before, 'the panel to open', 60000);
    const openedWithoutReport = testApi.lastReport()?.input.file !== 'while-loading.csv';
    await closeAll();
    const report = await run;
    assert.ok(report, `analyze failed: ${testApi.lastError()}`);
    assert.strictEqual(report.kpis.customers, 40000);
    assert.strictEqual(testApi.lastError(), undefined);
    assert.strictEqual(testApi.panelCount(), before);
    // The panel was there before its report: closing it raced the report, not the other way round.
    assert.ok(openedWithoutReport, 'the panel opened only with its report');
  });
});

// Foundation points not covered by analyze.test.js: editor text (untitled, unsaved edits),
// the retentionLens.* settings, and the restricted-mode declaration. Expected values are worked
// out by hand from the fixtures in test/integration/workspace/ (comments show the working).
const assert = require('assert');
const vscode = require('vscode');
const { EXT_ID, api, workspaceFile, sha256, waitFor, analyze, tabLabels, closeAll } = require('./helpers');

/** cohort, size, counts of every row: the part of a report a hand calculation gives. */
const cohortsOf = (report) => report.retention.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, counts: c.counts }));

/** Closes the editor of `doc` without saving: reverts it first (closing a dirty editor would ask). */
async function revertAndClose(doc) {
  if (doc.isClosed) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await waitFor(() => !doc.isDirty || doc.isClosed, `${doc.uri} reverted`);
}

/** Every editor and report panel closed, and the extension knows its panels are gone. */
async function closeEverything(testApi) {
  await closeAll();
  await waitFor(() => testApi.panelCount() === 0, `panelCount() = 0 (is ${testApi.panelCount()}; tabs: ${tabLabels()})`);
}

describe('Foundation: editor text, settings, restricted mode (extension host)', function () {
  let testApi;
  before(async () => { testApi = await api(); });

  describe('analyses the editor\'s current text', () => {
    const opened = [];
    beforeEach(() => closeEverything(testApi));
    afterEach(async () => {
      for (const doc of opened.splice(0)) await revertAndClose(doc);
      await closeAll();
    });

    it('an untitled CSV editor (openTextDocument({ language: \'csv\', content })), before and after an edit', async () => {
      // u1 buys in March and April, u2 only in March: one cohort 2024-03 of 2, 1 of them back in April
      const content = 'customer_id,order_date,amount\nu1,2024-03-01,10\nu2,2024-03-15,20\nu1,2024-04-02,5\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'csv', content });
      opened.push(doc);
      assert.strictEqual(doc.isUntitled, true);
      await vscode.window.showTextDocument(doc);

      const report = await analyze(undefined);   // no argument: the active (untitled) editor
      assert.ok(report, `analysing the untitled editor failed: ${testApi.lastError()}`);
      const label = doc.uri.path.split('/').pop();
      assert.match(label, /^Untitled-\d+$/);
      assert.strictEqual(report.input.file, label);
      assert.deepStrictEqual(cohortsOf(report), [{ cohort: '2024-03', size: 2, counts: [2, 1] }]);
      assert.deepStrictEqual(report.retention.cohorts[0].rates, [1, 0.5]);
      // 3 rows; 10 + 20 + 5 = 35; u1 bought twice: 1 of 2 customers
      assert.deepStrictEqual([report.kpis.customers, report.kpis.orders, report.kpis.revenue, report.kpis.repeatPurchaseRate], [2, 3, 35, 0.5]);
      await waitFor(() => tabLabels().includes(`Retention: ${label}`), `a "Retention: ${label}" tab (tabs: ${tabLabels()})`);

      // a new customer u3 in April: a second cohort 2024-04 of 1, and the text is what counts
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'u3,2024-04-10,9\n')), 'the edit was not applied');
      const again = await analyze(doc.uri);
      assert.ok(again, `second analysis failed: ${testApi.lastError()}`);
      assert.deepStrictEqual(cohortsOf(again), [
        { cohort: '2024-03', size: 2, counts: [2, 1] },
        { cohort: '2024-04', size: 1, counts: [1, null] },
      ]);
      assert.deepStrictEqual([again.kpis.customers, again.kpis.orders, again.kpis.revenue], [3, 4, 44]);
      assert.strictEqual(again.input.rows, 4);
    });

    it('a saved file with unsaved edits (edited.csv): the report counts the edit, the file on disk is unchanged', async () => {
      const uri = workspaceFile('edited.csv');   // a copy of orders.csv: 2024-01 has c1, c2, c3
      const before = sha256(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      opened.push(doc);
      const editor = await vscode.window.showTextDocument(doc);
      // a fourth January customer, c6, who never comes back
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'c6,2024-01,7\n')), 'the edit was not applied');
      assert.strictEqual(doc.isDirty, true);

      const report = await analyze(uri);
      assert.ok(report, `analysing edited.csv failed: ${testApi.lastError()}`);
      assert.strictEqual(report.input.file, 'edited.csv');
      assert.strictEqual(report.input.rows, 10);
      // orders.csv's 2024-01 row was 3 customers [3, 2, 1]; with c6 it is 4: [4, 2, 1] = 100%, 50%, 25%
      assert.deepStrictEqual(cohortsOf(report), [
        { cohort: '2024-01', size: 4, counts: [4, 2, 1] },
        { cohort: '2024-02', size: 2, counts: [2, 1, null] },
      ]);
      assert.deepStrictEqual(report.retention.cohorts[0].rates, [1, 0.5, 0.25]);
      // 120 + 7 = 127 over 10 orders; 6 customers, still 3 repeat buyers (c1, c2, c4): 0.5
      assert.deepStrictEqual([report.kpis.customers, report.kpis.orders, report.kpis.revenue, report.kpis.repeatPurchaseRate], [6, 10, 127, 0.5]);

      assert.strictEqual(doc.isDirty, true, 'the analysis saved the editor');
      assert.strictEqual(sha256(uri), before, 'edited.csv changed on disk');
      assert.ok(!require('fs').readFileSync(uri.fsPath, 'utf8').includes('c6,'), 'the edit reached the disk');
    });
  });

  describe('honours the retentionLens.* settings', () => {
    // Both targets work in code-server 4.100 (checked): Global writes the throw-away profile's user
    // settings; Workspace would leave a .vscode/settings.json in the workspace the UI tests open next.
    const TARGET = vscode.ConfigurationTarget.Global;
    const DEFAULTS = { timeZone: 'UTC', weekStart: 'monday', defaultPeriod: 'month' };
    const read = (key) => vscode.workspace.getConfiguration('retentionLens').get(key);

    /** Sets (or with undefined, removes) settings and waits until the extension host reads them. */
    async function setSettings(values) {
      for (const [key, value] of Object.entries(values)) {
        await vscode.workspace.getConfiguration('retentionLens').update(key, value, TARGET);
      }
      await waitFor(() => Object.entries(values).every(([key, value]) => read(key) === (value === undefined ? DEFAULTS[key] : value)),
        `the settings ${JSON.stringify(values)} to apply (now ${JSON.stringify(Object.fromEntries(Object.keys(DEFAULTS).map((k) => [k, read(k)])))})`);
    }

    beforeEach(() => closeEverything(testApi));
    afterEach(async () => {
      await closeEverything(testApi);   // no open panel re-runs while the settings are restored
      await setSettings({ timeZone: undefined, weekStart: undefined, defaultPeriod: undefined });
    });

    it('timeZone: 2024-01-31T23:30:00Z is January in UTC and February in Europe/Berlin', async () => {
      // timezone.csv: a 2024-01-31T23:30Z, b 2024-01-15T12:00Z, c 2024-02-10T12:00Z, b again 2024-02-20T12:00Z
      const uri = workspaceFile('timezone.csv');
      const utc = await analyze(uri);
      assert.ok(utc, `analyze(timezone.csv) failed: ${testApi.lastError()}`);
      assert.strictEqual(utc.settings.timeZone, 'UTC');
      // UTC: a and b start in January (b returns in February), c in February
      assert.deepStrictEqual(cohortsOf(utc), [
        { cohort: '2024-01', size: 2, counts: [2, 1] },
        { cohort: '2024-02', size: 1, counts: [1, null] },
      ]);

      await closeEverything(testApi);
      await setSettings({ timeZone: 'Europe/Berlin' });
      const berlin = await analyze(uri);
      assert.ok(berlin, `analyze(timezone.csv) in Europe/Berlin failed: ${testApi.lastError()}`);
      assert.strictEqual(berlin.settings.timeZone, 'Europe/Berlin');
      // Berlin is UTC+1 in winter: a's order is 2024-02-01 00:30 there, so a joins c in February
      assert.deepStrictEqual(cohortsOf(berlin), [
        { cohort: '2024-01', size: 1, counts: [1, 1] },
        { cohort: '2024-02', size: 2, counts: [2, null] },
      ]);
      assert.strictEqual(berlin.quality.firstActivity, '2024-01-15T13:00:00', 'b\'s 12:00Z is 13:00 civil time in Berlin');
      assert.strictEqual(berlin.kpis.revenue, 42);
    });

    it('weekStart + defaultPeriod: Sunday weeks are labelled by their first day, Monday weeks are ISO weeks', async () => {
      // weeks.csv: a Sun 2024-01-07 and Sun 01-14; b Mon 01-08 and Tue 01-16; c Mon 01-15
      const uri = workspaceFile('weeks.csv');
      await setSettings({ defaultPeriod: 'week', weekStart: 'sunday' });
      const sunday = await analyze(uri);
      assert.ok(sunday, `analyze(weeks.csv) with Sunday weeks failed: ${testApi.lastError()}`);
      assert.strictEqual(sunday.retention.period, 'week');
      assert.strictEqual(sunday.settings.weekStart, 'sunday');
      // weeks Sun 01-07..Sat 01-13 (a, b) and Sun 01-14..Sat 01-20 (a, b again; c new)
      assert.deepStrictEqual(cohortsOf(sunday), [
        { cohort: '2024-01-07', size: 2, counts: [2, 2] },
        { cohort: '2024-01-14', size: 1, counts: [1, null] },
      ]);

      await closeEverything(testApi);
      await setSettings({ weekStart: 'monday' });
      const monday = await analyze(uri);
      assert.ok(monday, `analyze(weeks.csv) with Monday weeks failed: ${testApi.lastError()}`);
      assert.strictEqual(monday.retention.period, 'week');
      assert.strictEqual(monday.settings.weekStart, 'monday');
      // ISO weeks: W01 = Mon 01-01..Sun 01-07 (a), W02 = 01-08..01-14 (b; a again), W03 = 01-15..01-21 (c; b again)
      assert.deepStrictEqual(cohortsOf(monday), [
        { cohort: '2024-W01', size: 1, counts: [1, 1, 0] },
        { cohort: '2024-W02', size: 1, counts: [1, 1, null] },
        { cohort: '2024-W03', size: 1, counts: [1, null, null] },
      ]);
    });

    it('defaultPeriod back to its default: weeks.csv opens by month again', async () => {
      const report = await analyze(workspaceFile('weeks.csv'));
      assert.ok(report, `analyze(weeks.csv) failed: ${testApi.lastError()}`);
      assert.strictEqual(report.retention.period, 'month');
      assert.deepStrictEqual(cohortsOf(report), [{ cohort: '2024-01', size: 3, counts: [3] }]);
    });
  });

  it('declares restricted-mode support (capabilities.untrustedWorkspaces.supported === true)', () => {
    const pkg = vscode.extensions.getExtension(EXT_ID).packageJSON;
    assert.ok(pkg.capabilities && pkg.capabilities.untrustedWorkspaces, `no capabilities.untrustedWorkspaces in ${JSON.stringify(pkg.capabilities)}`);
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, true);
  });
});

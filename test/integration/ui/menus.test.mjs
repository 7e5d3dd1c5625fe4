// The editor's title bar (graph button) and context menu offer the command for CSV files in any
// letter case, and not for other files — what package.json's `when` clauses promise, as the workbench shows it.
import assert from 'node:assert/strict';
import { T, useWorkbench } from './workbench.mjs';

describe('editor title and context menus (UI)', function () {
  const ctx = useWorkbench();
  afterEach(async () => { await ctx.wb.page.keyboard.press('Escape'); });

  it('shows the "Analyze Retention" button in the editor title of UPPER.CSV and runs it', async () => {
    const { wb } = ctx;
    await wb.quickOpen('UPPER.CSV');
    const button = wb.editorTitleAction('Analyze Retention');
    await button.waitFor({ timeout: T.ui });
    await button.click();
    await wb.webviewFrame('table#cohort-table tr[data-cohort="2024-02"]');
    assert.ok((await wb.tabLabels()).some((l) => l.includes('Retention: UPPER.CSV')), `tabs: ${await wb.tabLabels()}`);
  });

  it('offers "Analyze Retention" in the editor context menu of orders.csv', async () => {
    await ctx.wb.quickOpen('orders.csv');
    const labels = await ctx.wb.editorContextMenu();
    assert.ok(labels.includes('Analyze Retention'), `menu: ${labels.join(' | ')}`);
  });

  it('offers neither for notes.txt', async () => {
    const { wb } = ctx;
    await wb.quickOpen('notes.txt');
    const labels = await wb.editorContextMenu();
    assert.ok(labels.length > 3 && !labels.includes('Analyze Retention'), `menu: ${labels.join(' | ')}`);
    await wb.page.keyboard.press('Escape');
    // the title bar of the active group is re-rendered for notes.txt by now (the context menu opened on it)
    assert.equal(await wb.editorTitleAction('Analyze Retention').count(), 0, 'the editor title offers Analyze Retention for notes.txt');
  });
});

// The Explorer's context menu offers the command on CSV files (any case) and runs it on that file.
import assert from 'node:assert/strict';
import { useWorkbench } from './workbench.mjs';

describe('Explorer context menu (UI)', function () {
  const ctx = useWorkbench();
  afterEach(async () => { await ctx.wb.page.keyboard.press('Escape'); });

  it('offers "Analyze Retention" on orders.csv', async () => {
    const labels = await ctx.wb.explorerContextMenu('orders.csv');
    assert.ok(labels.includes('Analyze Retention'), `menu: ${labels.join(' | ')}`);
  });

  it('does not offer it on notes.txt', async () => {
    const labels = await ctx.wb.explorerContextMenu('notes.txt');
    assert.ok(labels.length > 3 && !labels.includes('Analyze Retention'), `menu: ${labels.join(' | ')}`);
  });

  it('analyzes UPPER.CSV from its context menu', async () => {
    const labels = await ctx.wb.explorerContextMenu('UPPER.CSV');
    assert.ok(labels.includes('Analyze Retention'), `menu: ${labels.join(' | ')}`);
    await ctx.wb.clickMenuItem('Analyze Retention');
    await ctx.wb.webviewFrame('table#cohort-table tr[data-cohort="2024-01"]');
    assert.ok((await ctx.wb.tabLabels()).some((l) => l.includes('Retention: UPPER.CSV')), `tabs: ${await ctx.wb.tabLabels()}`);
  });
});

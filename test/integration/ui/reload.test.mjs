// A report panel survives "Developer: Reload Window": VS Code restores it through the extension's
// WebviewPanelSerializer, and the webview shows its saved report at once.
import assert from 'node:assert/strict';
import { runPaletteCommand } from './palette.mjs';
import { COMMAND_TITLE, readCohortTable, T, useWorkbench } from './workbench.mjs';

// orders.csv (DESIGN.md §6): 2024-01 = c1, c2, c3 → Feb 2 of 3 (c1, c2), Mar 1 of 3 (c1);
// 2024-02 = c4, c5 → Mar 1 of 2 (c4)
const ORDERS_TABLE = {
  '2024-01': { label: '2024-01', size: '3', cells: ['100%', '67%', '33%'] },
  '2024-02': { label: '2024-02', size: '2', cells: ['100%', '50%', null] },
};

describe('report panel after a window reload (UI)', function () {
  const ctx = useWorkbench();
  let restored;

  it('restores the orders.csv panel with the same table after workbench.action.reloadWindow', async () => {
    const { wb } = ctx;
    const { page } = wb;
    await wb.quickOpen('orders.csv');
    await wb.runCommand(COMMAND_TITLE);
    const before = await wb.webviewFrame('table#cohort-table tr[data-cohort="2024-01"]');
    assert.deepEqual((await readCohortTable(before)).cohorts, ORDERS_TABLE);
    // a mark in the old page, so the check below cannot read a frame from before the reload
    await page.evaluate(() => { window.__rlBeforeReload = true; });

    await runPaletteCommand(page, 'Developer: Reload Window');   // the report panel has the focus
    await page.waitForFunction(() => !window.__rlBeforeReload, null, { timeout: T.workbench });
    await page.waitForSelector('.monaco-workbench', { timeout: T.workbench });

    await page.locator('.tabs-container .tab', { hasText: 'Retention: orders.csv' }).first().waitFor({ timeout: T.workbench });
    restored = await wb.webviewFrame('table#cohort-table tr[data-cohort="2024-01"]', { timeout: T.workbench });
    const table = await readCohortTable(restored);
    assert.deepEqual(table.cohorts, ORDERS_TABLE);
    assert.deepEqual(table.average, ['100%', '60%', '33%']);
    assert.equal((await restored.locator('#kpis .kpi[data-kpi="customers"] .kpi-value').textContent()).trim(), '5');
    assert.equal((await restored.locator('#kpis .kpi[data-kpi="revenue"] .kpi-value').textContent()).trim(), '120.00');
  });

  it('the restored panel still works: re-cut by quarter reads the file again (2024-Q1, 5 customers)', async () => {
    if (!restored) throw new Error('the panel was not restored (see the first failure)');
    await restored.selectOption('select#period-select', 'quarter');
    await restored.waitForSelector('tr[data-cohort="2024-Q1"]', { timeout: T.report });
    const table = await readCohortTable(restored);
    assert.deepEqual(Object.keys(table.cohorts), ['2024-Q1']);
    assert.equal(table.cohorts['2024-Q1'].size, '5');
    assert.deepEqual(table.cohorts['2024-Q1'].cells, ['100%']);
  });
});

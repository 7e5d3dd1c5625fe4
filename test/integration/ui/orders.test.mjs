// The main path a user takes: open orders.csv, run the command from the palette, read the panel.
import assert from 'node:assert/strict';
import { readCohortTable, T, useWorkbench } from './workbench.mjs';

describe('orders.csv report panel (UI)', function () {
  const ctx = useWorkbench();
  let frame;
  const needFrame = () => { if (!frame) throw new Error('the report panel did not open (see the first failure)'); return frame; };

  it('opens orders.csv with Quick Open and runs "Retention Lens: Analyze Retention" from F1', async () => {
    await ctx.wb.quickOpen('orders.csv');
    await ctx.wb.runCommand('Retention Lens: Analyze Retention');
    frame = await ctx.wb.webviewFrame('table#cohort-table tr[data-cohort]');
    assert.ok((await ctx.wb.tabLabels()).some((l) => l.includes('Retention: orders.csv')), `tabs: ${await ctx.wb.tabLabels()}`);
  });

  it('shows the cohort table as percentages, with an empty absent cell and the average row', async () => {
    const table = await readCohortTable(needFrame());
    assert.deepEqual(Object.keys(table.cohorts), ['2024-01', '2024-02']);
    assert.deepEqual(table.cohorts['2024-01'], { label: '2024-01', size: '3', cells: ['100%', '67%', '33%'] });
    assert.deepEqual(table.cohorts['2024-02'], { label: '2024-02', size: '2', cells: ['100%', '50%', null] });
    assert.equal(await frame.locator('tr[data-cohort="2024-02"] td.cell.absent').textContent().then((s) => s.trim()), '');
    assert.deepEqual(table.average, ['100%', '60%', '33%']);
  });

  it('shows the KPIs (5 customers, 9 orders, revenue 120), the chart, the period selector and the display toggle', async () => {
    const f = needFrame();
    const kpis = Object.fromEntries(await f.locator('#kpis .kpi').evaluateAll((cards) => cards.map((c) => [c.dataset.kpi, c.querySelector('.kpi-value')?.textContent.trim()])));
    // 120 / 9 = 13.33 per order; 9 / 5 = 1.8 orders per customer; c1, c2 and c4 bought more than once: 3 of 5
    assert.deepEqual(kpis, { customers: '5', orders: '9', revenue: '120.00', aov: '13.33', purchaseFrequency: '1.80', repeatPurchaseRate: '60.0%' });
    for (const sel of ['#app', '#retention-chart', '#quality', 'select#period-select', 'button[data-display="count"]', 'button[data-display="percent"]']) {
      assert.equal(await f.locator(sel).count(), 1, `${sel} is missing`);
    }
    const box = await f.locator('#retention-chart').boundingBox();
    assert.ok(box && box.width > 100 && box.height > 50, `the chart has no size: ${JSON.stringify(box)}`);
  });

  it('saves the README screenshot (docs/screenshot.png)', async function () {
    if (!ctx.config.screenshot) this.skip();   // taken once, from the installed VSIX (no "Extension Development Host" title)
    const { wb } = ctx;
    // a wider report: move the split between the CSV and the panel to the left, then let the chart re-layout
    if (await wb.widenReportPanel()) {
      await needFrame().waitForFunction(() => (document.getElementById('retention-chart')?.getBoundingClientRect().width ?? 0) > 600, null, { timeout: 5000 }).catch(() => {});
    }
    await needFrame().locator('#retention-chart canvas, #retention-chart svg').first().waitFor({ timeout: T.ui }).catch(() => {});
    await wb.page.mouse.move(700, 880);   // no hover highlight or tooltip in the picture
    await wb.page.waitForTimeout(300);    // let a resize-triggered chart redraw finish
    await wb.screenshot(ctx.config.screenshot);
  });

  it('shows counts after clicking the count toggle', async () => {
    const f = needFrame();
    await f.click('button[data-display="count"]');
    await f.waitForFunction(() => document.querySelector('tr[data-cohort="2024-01"] td.cell[data-offset="0"]')?.textContent.trim() === '3', null, { timeout: T.ui });
    const table = await readCohortTable(f);
    assert.deepEqual(table.cohorts['2024-01'].cells, ['3', '2', '1']);
    assert.deepEqual(table.cohorts['2024-02'].cells, ['2', '1', null]);
  });

  it('re-cuts the table by quarter: one cohort 2024-Q1 with 5 customers', async () => {
    const f = needFrame();
    await f.selectOption('select#period-select', 'quarter');
    await f.waitForSelector('tr[data-cohort="2024-Q1"]', { timeout: T.report });
    const table = await readCohortTable(f);
    assert.deepEqual(Object.keys(table.cohorts), ['2024-Q1']);
    assert.equal(table.cohorts['2024-Q1'].size, '5');
    assert.ok(['5', '100%'].includes(table.cohorts['2024-Q1'].cells[0]), `first cell: ${table.cohorts['2024-Q1'].cells[0]}`);
  });
});

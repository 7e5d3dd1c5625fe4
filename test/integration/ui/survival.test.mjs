// Issue 6's check in the real VS Code: right-click the Telco CSV (a customers table: tenure in
// months, Churn Yes/No) → survival curve, then split by Contract → three curves and the log-rank
// test. Expected values come from an independent Kaplan–Meier / log-rank computation (see
// test/unit/engine/survival/survivalReport.test.ts): 7,043 customers, 1,869 churned; by contract
// Month-to-month 3,875 / 1,655 with median 35 months, One year 1,473 / 166, Two year 1,695 / 48;
// χ² = 2352.87 on 2 df.
import assert from 'node:assert/strict';
import path from 'node:path';
import { closeAllEditors } from './palette.mjs';
import { T, useWorkbench } from './workbench.mjs';

const FILE = 'telco-churn.csv';

/** Rows of a table in the panel as arrays of cell texts. */
const tableRows = (frame, selector) => frame.locator(`${selector} tbody tr`).evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));

describe('Telco customers table: survival by contract (UI)', function () {
  after(async () => { if (ctx.wb) await closeAllEditors(ctx.wb.page).catch(() => {}); });
  const ctx = useWorkbench();
  let frame;
  const needFrame = () => { if (!frame) throw new Error('the report panel did not open (see the first failure)'); return frame; };

  it('right-click → Analyze Retention reads it as customers and draws the survival curve', async () => {
    const { wb } = ctx;
    await wb.explorerRow('survival').click();            // expand the folder
    await wb.explorerContextMenu(FILE);
    await wb.clickMenuItem('Analyze Retention');
    frame = await wb.webviewFrame('main.report-body[data-shape="customers"] #survival-legend', { timeout: T.report });
    await frame.locator('#survival-chart canvas').first().waitFor({ timeout: T.ui });
    const legend = await tableRows(frame, '#survival-legend');
    assert.equal(legend.length, 1);
    assert.ok(legend[0].includes('7,043') && legend[0].includes('1,869'), `legend: ${legend[0].join(' | ')}`);
    const box = await frame.locator('#survival-chart').boundingBox();
    assert.ok(box && box.width > 100 && box.height > 50, `the chart has no size: ${JSON.stringify(box)}`);
  });

  it('split by Contract: three curves, the number at risk and the log-rank test', async () => {
    const f = needFrame();
    await f.selectOption('#survival-segment-select', 'Contract');
    await f.waitForFunction(() => /χ²/.test(document.getElementById('logrank')?.textContent ?? ''), null, { timeout: T.report });
    const line = (await f.locator('#logrank').textContent()).trim();
    assert.match(line, /χ² = 2,352\.9, df = 2, p < 0\.001/);
    const legend = Object.fromEntries((await tableRows(f, '#survival-legend')).map((cells) => [cells[0], cells.slice(1)]));
    assert.deepEqual(Object.keys(legend).sort(), ['Month-to-month', 'One year', 'Two year']);
    assert.deepEqual(legend['Month-to-month'].slice(0, 2), ['3,875', '1,655']);
    assert.match(legend['Month-to-month'].join(' '), /35 months/);
    assert.deepEqual(legend['Two year'].slice(0, 2), ['1,695', '48']);
    const atRisk = Object.fromEntries((await tableRows(f, '#at-risk-table')).map((cells) => [cells[0], cells.slice(1)]));
    assert.equal(atRisk['Month-to-month'][0], '3,875');   // everyone is at risk at t = 0
    const observed = await tableRows(f, '#logrank-table');
    assert.ok(observed.some((r) => r[0] === 'One year' && r.includes('166')), `log-rank table: ${JSON.stringify(observed)}`);
  });

  it('saves the survival screenshot (docs/screenshot-survival.png)', async function () {
    if (!ctx.config.screenshot) this.skip();   // taken from the installed VSIX, like the README's main screenshot
    const { wb } = ctx;
    if (await wb.widenReportPanel()) {
      await needFrame().waitForFunction(() => (document.getElementById('survival-chart')?.getBoundingClientRect().width ?? 0) > 600, null, { timeout: 5000 }).catch(() => {});
    }
    await wb.page.mouse.move(700, 880);
    await wb.page.waitForTimeout(300);
    await wb.screenshot(path.join(path.dirname(ctx.config.screenshot), 'screenshot-survival.png'));
  });
});

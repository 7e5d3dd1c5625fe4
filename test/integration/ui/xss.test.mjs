// CSV values are untrusted: markup in ids, dates or headers must show as text and never run.
import assert from 'node:assert/strict';
import { readCohortTable, useWorkbench } from './workbench.mjs';

const PAYLOADS = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>',
  '<img src=x onerror="window.__xss=3">', '<script>window.__xss=4</script>'];

describe('xss.csv: markup in the data stays text (UI)', function () {
  const ctx = useWorkbench();
  let frame;
  const needFrame = () => { if (!frame) throw new Error('the report panel did not open (see the first failure)'); return frame; };

  it('renders a report for xss.csv', async () => {
    await ctx.wb.quickOpen('xss.csv');
    await ctx.wb.runCommand('Retention Lens: Analyze Retention');
    frame = await ctx.wb.webviewFrame('table#cohort-table tr[data-cohort]', {
      accept: async (f) => (await f.locator('tr[data-cohort="2024-01"] td.size').textContent().catch(() => '')).trim() === '2',
    });
    // hand-checked: "<img …>" buys in Jan, Feb, Mar; "<script>…" in Jan, Feb; c3 in Feb, Mar; c6 on Mar 31
    const table = await readCohortTable(frame);
    assert.deepEqual(table.cohorts, {
      '2024-01': { label: '2024-01', size: '2', cells: ['100%', '100%', '50%'] },
      '2024-02': { label: '2024-02', size: '1', cells: ['100%', '100%', null] },
      '2024-03': { label: '2024-03', size: '1', cells: ['100%', null, null] },
    });
    assert.equal((await frame.locator('#kpis .kpi[data-kpi="customers"] .kpi-value').textContent()).trim(), '4');
  });

  it('runs no script from the data: window.__xss is undefined in every frame', async () => {
    needFrame();
    // onerror/onload handlers would fire asynchronously; there is nothing to wait *for*, so give them a moment
    await ctx.wb.page.waitForTimeout(1500);
    const hits = (await ctx.wb.evaluateEveryFrame(() => window.__xss)).filter((r) => r.value !== undefined);
    assert.deepEqual(hits, []);
  });

  it('creates no elements or handlers from the data', async () => {
    const found = await needFrame().evaluate(() => ({
      imgInTable: document.querySelectorAll('#cohort-table img').length,
      handlers: [...document.querySelectorAll('[onerror], [onload], [onmouseover]')].map((e) => e.outerHTML.slice(0, 80)),
      // (VS Code injects its own inline acquireVsCodeApi script; look for scripts that came from the data)
      dataScripts: [...document.querySelectorAll('script')].filter((s) => /__xss/.test(s.textContent + s.src)).length + document.querySelectorAll('#app script').length,
      dataElements: [...document.querySelectorAll('#app img[src="x"], #app b, #app svg[onload]')].length,
    }));
    assert.deepEqual(found, { imgInTable: 0, handlers: [], dataScripts: 0, dataElements: 0 });
  });

  it('shows the rejected values as literal text (skipped-row examples)', async () => {
    // the two dates that are markup are skipped rows; the data-quality section quotes them verbatim
    const examples = await needFrame().evaluate(() => [...document.querySelectorAll('#quality tr[data-reason="invalid timestamp"] ul.examples li')].map((li) => li.textContent));
    assert.deepEqual(examples, [`line 6, column 'order_date': '${PAYLOADS[2]}'`, `line 7, column 'order_date': '${PAYLOADS[3]}'`],
      `#quality says: ${await frame.evaluate(() => document.getElementById('quality')?.textContent.trim().slice(0, 400))}`);
  });
});

// Churn in the real panel and the CRR calculator command (issue 4): the at-risk list computed by
// hand from workspace/churn/churn-orders.csv, and its "line N" button opening the CSV on that line.
//
// ── churn-orders.csv by hand (line 1 is the header; the data's last day is 2024-06-30) ──────────
//   a lines 2–8   every 10 days 05-01 … 06-30 (7 × 10)  → gaps 10 ×6, last 06-30, silent 0
//   b lines 9–11  05-01, 05-11, 05-21 (3 × 20)          → gaps 10, 10, last 05-21, silent 40
//   c lines 12–14 01-01, 02-15, 03-31 (3 × 7)           → gaps 45, 45, last 03-31, silent 91
//   d line 15     06-25 (9)                             → no gap, silent 5
//   e lines 16–18 06-01, 06-05, 06-09 (3 × 5)           → gaps 4, 4, last 06-09, silent 21
// Gaps (same-day merged) sorted: 4 4 10 10 10 10 10 10 10 10 45 45 (12): the 90th percentile (nearest
// rank ⌈0.9 · 12⌉ = 11th) is 45 → W = 45 days; the median gap is 10.
// Churned: silent ≥ 45 → c. At risk: usual gap < silent < 45 → b (10 < 40), e (4 < 21); d's usual gap
// is the median 10 > 5. By past revenue: b 60, e 15. Last lines: b 11, e 18.
import assert from 'node:assert/strict';
import { answerInputs, closeAllEditors, runPaletteCommand } from './palette.mjs';
import { T, useWorkbench } from './workbench.mjs';

const FILE = 'churn-orders.csv';

describe('churn lists and the CRR calculator (UI)', function () {
  after(async () => { if (ctx.wb) await closeAllEditors(ctx.wb.page).catch(() => {}); });
  const ctx = useWorkbench();

  it('the calculator: S 1000, E 900, N 200 → CRR 70%, churn 30%; E < N is refused with a reason', async () => {
    const { page } = ctx.wb;
    await runPaletteCommand(page, 'Retention Lens: Customer Retention Rate Calculator');
    await answerInputs(page, ['1000', '900', '200']);
    await page.waitForFunction(() => [...document.querySelectorAll('.notifications-toasts .notification-list-item-message')]
      .some((m) => /Customer retention rate: 70% · churn rate: 30%/.test(m.textContent)), null, { timeout: T.ui });
    await runPaletteCommand(page, 'Retention Lens: Customer Retention Rate Calculator');
    await answerInputs(page, ['100', '50', '80']);
    await page.waitForFunction(() => [...document.querySelectorAll('.notifications-toasts .notification-list-item-message')]
      .some((m) => /E \(50\) is smaller than N \(80\)/.test(m.textContent)), null, { timeout: T.ui });
  });

  it('lists b and e as at risk with W = 45 days, and "line 11" opens the CSV on b\'s last row', async () => {
    const { wb } = ctx;
    await wb.quickOpen(FILE);
    await wb.runCommand('Retention Lens: Analyze Retention');
    const frame = await wb.webviewFrame('button[data-show-list="atRisk"]');
    await frame.click('button[data-show-list="atRisk"]');
    const view = await frame.evaluate(() => ({
      ids: [...document.querySelectorAll('div[data-list="atRisk"] table tbody tr .customer-id')].map((c) => c.textContent.trim()),
      lines: [...document.querySelectorAll('div[data-list="atRisk"] button[data-line]')].map((b) => b.dataset.line),
      rows: [...document.querySelectorAll('div[data-list="atRisk"] table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())),
      page: document.body.textContent,
    }));
    assert.deepEqual(view.ids, ['b', 'e']);
    assert.deepEqual(view.lines, ['11', '18']);
    assert.ok(view.rows[0].includes('40') && view.rows[0].includes('2024-05-21'), `b's row: ${view.rows[0].join(' | ')}`);
    assert.ok(view.rows[1].includes('21') && view.rows[1].includes('2024-06-09'), `e's row: ${view.rows[1].join(' | ')}`);
    assert.match(view.page, /90th percentile of 12 gaps between purchases = 45 days/);

    await frame.click('div[data-list="atRisk"] button[data-line="11"]');
    await wb.page.locator(`.tab.active[data-resource-name="${FILE}"]`).waitFor({ timeout: T.ui });
    const status = wb.page.locator('[id="status.editor.selection"]');
    await wb.page.waitForFunction(() => /^Ln 11, Col 1\b/.test(document.querySelector('[id="status.editor.selection"]')?.textContent.trim() ?? ''), null, { timeout: T.ui })
      .catch(async () => { throw new Error(`status bar shows "${(await status.textContent().catch(() => '?')).trim()}", not "Ln 11, Col 1"`); });
  });
});

// Daily cohorts over three years in the real panel (issue 5: "the panel's table and chart stay
// fast with 1,000+ cohorts; render time measured"). A seeded generator writes ~1,100 days of
// first purchases into the workspace; switching the period to Day gives a ~1,100 × 1,100 table,
// which the panel renders windowed (only the cells in view exist). Times are PRINTED, never
// asserted; asserted: the table is windowed, holds every cohort, and scrolling brings the last
// cohort and the last column into view with the right values.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { closeAllEditors } from './palette.mjs';
import { config, T, useWorkbench } from './workbench.mjs';

const FILE = 'daily-three-years.csv';
const DAYS = 1096;                               // 2022-01-01 … 2024-12-31

/** Writes the file; returns the first-purchase day of every customer (the daily cohorts), as ISO dates. */
function writeDailyFile(file) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const iso = (day) => new Date(Date.UTC(2022, 0, 1 + day)).toISOString().slice(0, 10);
  const lines = ['customer_id,order_date,amount'];
  const firsts = new Set();
  for (let c = 0; c < 8000; c++) {
    // Every day gets a first purchase: customer c starts on day c mod DAYS, the rest at random.
    let day = c < DAYS ? c : Math.floor(random() * DAYS);
    firsts.add(iso(day));
    while (day < DAYS) {
      lines.push(`c${c},${iso(day)},${(5 + Math.floor(random() * 200)).toFixed(2)}`);
      day += 1 + Math.floor(-Math.log(1 - random()) * 60);
      if (random() < 0.2) break;
    }
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return [...firsts].sort();
}

describe('daily cohorts over three years: the windowed table (UI; times printed)', function () {
  let cohorts;
  let file;
  before(() => {
    file = path.join(config().folder, FILE);
    cohorts = writeDailyFile(file);
  });
  after(async () => { if (ctx.wb) await closeAllEditors(ctx.wb.page).catch(() => {}); });
  const ctx = useWorkbench();
  after(() => { if (file) fs.rmSync(file, { force: true }); });

  it(`switches to Day: ${DAYS} cohorts × ${DAYS} columns, rendered windowed`, async () => {
    const { wb } = ctx;
    await wb.explorerContextMenu(FILE);
    await wb.clickMenuItem('Analyze Retention');
    const frame = await wb.webviewFrame('table#cohort-table tr[data-cohort]', { timeout: T.report });
    await frame.waitForSelector('main.report-body[aria-busy="false"]', { state: 'attached', timeout: T.report });
    const timing = await frame.evaluate((expected) => new Promise((resolve, reject) => {
      const t0 = performance.now();
      const timer = setTimeout(() => reject(new Error('no windowed daily table after 120 s')), 120000);
      const observer = new MutationObserver(() => {
        const table = document.querySelector('table#cohort-table[data-windowed="true"]');
        if (!table || table.getAttribute('data-rows') !== String(expected) || document.querySelector('main.report-body')?.getAttribute('aria-busy') !== 'false') return;
        observer.disconnect();
        clearTimeout(timer);
        const dom = performance.now() - t0;
        requestAnimationFrame(() => resolve({ dom, painted: performance.now() - t0, cells: table.querySelectorAll('td.cell').length }));
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      const select = document.getElementById('period-select');
      select.value = 'day';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }), cohorts.length);
    console.log(`      ${cohorts.length} daily cohorts: period → Day, table shown in ${timing.dom.toFixed(0)} ms (painted ${timing.painted.toFixed(0)} ms), ${timing.cells} cells in the DOM`);
    assert.equal(cohorts.length, DAYS);
    assert.ok(timing.cells < 6000, `${timing.cells} cells rendered: the table is not windowed`);

    // Scroll to the bottom right: the last cohort (day 1096, only its D0) and the last column's header appear.
    const last = cohorts[cohorts.length - 1];
    const seen = await frame.evaluate(async (lastCohort) => {
      const scroller = document.querySelector('table#cohort-table').parentElement;
      scroller.scrollTop = scroller.scrollHeight;
      scroller.scrollLeft = scroller.scrollWidth;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const table = document.querySelector('table#cohort-table');
      const row = table.querySelector(`tbody tr[data-cohort="${lastCohort}"]`);
      const heads = [...table.querySelectorAll('thead th.column')].map((th) => th.textContent.trim());
      scroller.scrollLeft = 0;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const first = table.querySelector(`tbody tr[data-cohort="${lastCohort}"] td.cell[data-column="0"]`);
      return { row: row !== null, lastHead: heads[heads.length - 1], columns: table.getAttribute('data-columns'), firstCell: first?.textContent.trim() ?? null };
    }, last);
    assert.equal(last, '2024-12-31');
    assert.ok(seen.row, `no row for ${last} after scrolling to the bottom`);
    assert.equal(seen.columns, String(DAYS));
    assert.equal(seen.lastHead, `D${DAYS - 1}`);
    assert.equal(seen.firstCell, '100%');
  });
});

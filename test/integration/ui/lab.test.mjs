// The retention lab in the real panel (issue 3): the controls change the table as computed by
// hand, a cell lists exactly its customers and "line N" opens the CSV on that line, the exports
// (through code-server's save dialog) write the expected files, and "Compare by" shows the
// segments. Fixture: workspace/lab/lab-orders.csv (16 rows, line 1 is the header).
//
// ── lab-orders.csv by hand ─────────────────────────────────────────────────────────────────────
// customer (line of first row, channel on it): purchase dates → amounts
//   a (2, ads)    Jan 02 10 · Feb 10 7 · Mar 15 11 · Apr 20 −3 (a refund: never activity, but net revenue)
//   b (3, email)  Jan 03 20 · Mar 15 25 (that row says "ads": only the first row's channel counts)
//   c (4, ads)    Jan 04 15 · Feb 10 9
//   d (5, email)  Jan 05 5
//   e (6, ads)    Feb 01 12 · Mar 10 6 · Apr 10 4
//   f (7, email)  Feb 02 8 · Apr 10 14
//   g (10, ads)   Mar 01 30
//   h (17, email) Apr 30 18          → the data ends with April 30: every calendar month is complete.
// Cohorts (calendar months, first purchase): 2024-01 = {a,b,c,d}, 2024-02 = {e,f}, 2024-03 = {g}, 2024-04 = {h}.
// Active months: a Jan Feb Mar; b Jan Mar (M0 and M2 only); c Jan Feb; d Jan; e Feb Mar Apr; f Feb Apr; g Mar; h Apr.
//
// Classic ("on" Mk): 2024-01: M1 {a,c} 2/4 = 50%, M2 {a,b} 2/4 = 50%, M3 {} 0/4 = 0%
//                    2024-02: M1 {e} 1/2 = 50%, M2 {e,f} 2/2 = 100%;  2024-03: M1 {} 0/1 = 0%;  2024-04: M0 only
//   average pooled: M1 (2+1+0)/(4+2+1) = 3/7 = 42.9% → 43%; M2 (2+2)/(4+2) = 4/6 → 67%; M3 0/4 → 0%
//   simple mean:    M1 (.5+.5+0)/3 = 33.3% → 33%;  M2 (.5+1)/2 = 75%;  M3 0%
//   Mixpanel (Σ base·count / Σ base²): M1 (4·2+2·1+1·0)/(16+4+1) = 10/21 = 47.6% → 48%;
//                                      M2 (4·2+2·2)/(16+4) = 12/20 = 60%; M3 0%
//   number at risk: M0 4+2+1+1 = 8, M1 4+2+1 = 7, M2 4+2 = 6, M3 4
// Unbounded ("on or after" Mk = last active offset ≥ k): last offsets a 2, b 2, c 1, d 0, e 2, f 2, g 0
//   2024-01: M1 {a,b,c} 3/4 = 75% (was 50%: b, active in M2, now counts in M1), M2 2/4 = 50%, M3 0%
//   2024-02: M1 {e,f} 2/2 = 100%, M2 100%;  2024-03: M1 0%;  pooled M1 (3+2+0)/7 = 71.4% → 71%, M2 4/6 → 67%
// Brackets 0,1-2 → columns M0 and M1–2 (active in M1 or M2):
//   2024-01 {a,b,c} 3/4 = 75%; 2024-02 {e,f} 2/2 = 100%; 2024-03 0/1 = 0% (partial: M2 would be May);
//   2024-04 absent (M1 is May). Pooled M1–2 over complete cells (3+2)/(4+2) = 5/6 = 83.3% → 83%.
// Relative to the previous period (classic counts 2024-01 [4,2,2,0], 2024-02 [2,1,2], 2024-03 [1,0]):
//   2024-01: M1 2/4 = 50%, M2 2/2 = 100% (was 50%), M3 0/2 = 0%;  2024-02: M1 1/2 = 50%, M2 2/1 = 200%
//   (docs/DESIGN-lab.md §3: classic counts can rise, so such a rate can exceed 1);  2024-03: M1 0/1 = 0%
//   pooled M1 (2+1+0)/(4+2+1) = 43%, M2 (2+2)/(2+1) = 133%, M3 0/2 = 0%
// "Like Mixpanel" (src/engine/presets.ts): unbounded, rolling, first-time, cohort size, Mixpanel average,
// min occurrences 1. Rolling 30-day windows from each customer's first purchase:
//   a Jan 02 → Feb 10 = 39 d (k 1), → Mar 15 = 73 d (k 2), refund Apr 20 = 109 d (k 3, not activity)
//   b Jan 03 → Mar 15 = 72 d (k 2);  c Jan 04 → Feb 10 = 37 d (k 1);  e Feb 01 → Mar 10 = 38 d (k 1), → Apr 10 = 69 d (k 2)
//   f Feb 02 → Apr 10 = 68 d (k 2);  d, g, h: nothing after their first purchase
//   width: (Apr 30 − Jan 01) = 120 d → floor(120/30) + 1 = 5 columns M0..M4; data end = May 1 00:00
//   coverage (DESIGN-lab §2; present if S + from·30d < May 1, partial if E + (to+1)·30d > May 1):
//     2024-01 (S Jan 1, E Feb 1): M0–M2 complete (Feb 1 + 90 d = May 1), M3, M4 partial
//     2024-02 (S Feb 1, E Mar 1): M0, M1 complete (Mar 1 + 60 d = Apr 30), M2 partial, M3 absent (Feb 1 + 90 d = May 1)
//     2024-03 (S Mar 1, E Apr 1): M0 complete, M1 and M2 partial (Mar 1 + 60 d = Apr 30 < May 1), M3 absent
//     2024-04: M0 partial, M1 absent
//   unbounded counts: 2024-01 [4, 3 (a,b,c), 2 (a,b), 0, 0], 2024-02 [2, 2, 2], 2024-03 [1, 0, 0], 2024-04 [1]
//   Mixpanel average over complete cells: M0 (16+4+1)/(16+4+1) = 100%; M1 (4·3 + 2·2)/(16+4) = 16/20 = 80%;
//     M2 4·2/16 = 50%; M3, M4: no complete cell → empty
//   revenue (net) per rolling offset: 2024-01 M0 10+20+15+5 = 50, M1 7+9 = 16, M2 11+25 = 36, M3 −3 (a's refund), M4 0
//     2024-02 M0 12+8 = 20, M1 6, M2 4+14 = 18;  2024-03 M0 30, M1 0, M2 0;  2024-04 M0 18
// Segments by channel (first row's value; curves are the pooled average row of each group, classic):
//   ads = {a,c,e,g} (4): 2024-01 {a,c} M1 2/2, M2 1/2, M3 0/2; 2024-02 {e} M1 1/1, M2 1/1; 2024-03 {g} M1 0/1
//     → M1 (2+1+0)/(2+1+1) = 3/4 = 75%, M2 (1+1)/(2+1) = 2/3 → 67%, M3 0/2 = 0%
//   email = {b,d,f,h} (4): 2024-01 {b,d} M1 0/2, M2 1/2 (b), M3 0/2; 2024-02 {f} M1 0/1, M2 1/1
//     → M1 0/3 = 0%, M2 2/3 → 67%, M3 0%
//   χ² at M1 on [[3,1],[0,3]]: n(ad − bc)²/(r1 r2 c1 c2) = 7·(3·3 − 1·0)²/(4·3·3·4) = 567/144 = 3.9375, df 1,
//     p = erfc(√(3.9375/2)) = erfc(1.4031) = 0.0472;  M2 on [[2,1],[2,1]]: χ² 0, p 1;  M3: nobody retained, df 0, no test
//   Holm over 2 tests: min(1, 2·0.0472) = 0.0944, then max(0.0944, 1·1) = 1 → nothing below 0.05; smallest 0.094 at M1.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeAllEditors } from './palette.mjs';
import { T, useWorkbench } from './workbench.mjs';

const FILE = 'lab-orders.csv';

// ── expected views (cells as the heatmap prints them; null = absent cell) ─────────────────────
const CLASSIC = {
  columns: ['M0', 'M1', 'M2', 'M3'],
  cohorts: {
    '2024-01': ['100%', '50%', '50%', '0%'],
    '2024-02': ['100%', '50%', '100%', null],
    '2024-03': ['100%', '0%', null, null],
    '2024-04': ['100%', null, null, null],
  },
  average: ['Average (pooled)', '100%', '43%', '67%', '0%'],
};
const SIZES = { '2024-01': '4', '2024-02': '2', '2024-03': '1', '2024-04': '1' };
const UNBOUNDED = {
  columns: ['M0', 'M1', 'M2', 'M3'],
  cohorts: {
    '2024-01': ['100%', '75%', '50%', '0%'],
    '2024-02': ['100%', '100%', '100%', null],
    '2024-03': ['100%', '0%', null, null],
    '2024-04': ['100%', null, null, null],
  },
  average: ['Average (pooled)', '100%', '71%', '67%', '0%'],
};
const BRACKETS = {
  columns: ['M0', 'M1–2'],
  cohorts: { '2024-01': ['100%', '75%'], '2024-02': ['100%', '100%'], '2024-03': ['100%', '0%'], '2024-04': ['100%', null] },
  average: ['Average (pooled)', '100%', '83%'],
};
const MIXPANEL = {
  columns: ['M0', 'M1', 'M2', 'M3', 'M4'],
  cohorts: {
    '2024-01': ['100%', '75%', '50%', '0%', '0%'],
    '2024-02': ['100%', '100%', '100%', null, null],
    '2024-03': ['100%', '0%', '0%', null, null],
    '2024-04': ['100%', null, null, null, null],
  },
  average: ['Average (Mixpanel-compatible)', '100%', '80%', '50%', null, null],
};
const PREVIOUS = {
  columns: ['M0', 'M1', 'M2', 'M3'],
  cohorts: {
    '2024-01': ['100%', '50%', '100%', '0%'],
    '2024-02': ['100%', '50%', '200%', null],
    '2024-03': ['100%', '0%', null, null],
    '2024-04': ['100%', null, null, null],
  },
  average: ['Average (pooled)', '100%', '43%', '133%', '0%'],
};
const withAverage = (average) => ({ ...CLASSIC, average });

/** The heatmap as { columns, cohorts: {label: cells}, average: [label, ...cells], sizes, caption, busy }. */
async function readView(frame) {
  return frame.evaluate(() => {
    const table = document.querySelector('table#cohort-table');
    const busy = document.querySelector('main.report-body')?.getAttribute('aria-busy') !== 'false';
    if (!table) return { busy, columns: null };
    const cells = (tr) => [...tr.querySelectorAll('td.cell')].map((td) => (td.classList.contains('absent') ? null : td.textContent.trim()));
    const cohorts = {};
    const sizes = {};
    for (const tr of table.querySelectorAll('tbody tr[data-cohort]')) {
      cohorts[tr.dataset.cohort] = cells(tr);
      sizes[tr.dataset.cohort] = tr.querySelector('td.size')?.textContent.trim();
    }
    const avg = table.querySelector('tr.average-row');
    return {
      busy,
      columns: [...table.querySelectorAll('thead th.column')].map((th) => th.textContent.trim()),
      cohorts,
      average: avg ? [avg.querySelector('th')?.textContent.trim(), ...cells(avg)] : null,
      sizes,
      atRisk: [...(table.querySelector('tr.at-risk-row')?.querySelectorAll('td.cell') ?? [])].map((td) => td.textContent.trim()),
      caption: table.querySelector('caption')?.textContent.trim(),
    };
  });
}

/** Polls `fn` until it returns a truthy value (or throws after `timeout` with `what`). */
async function until(fn, what, timeout = T.report) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${typeof what === 'function' ? await what() : what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the panel is idle and shows `expected` (columns, cohorts, average); returns the whole view. */
async function expectTable(frame, expected, what) {
  const pick = (v) => ({ columns: v.columns, cohorts: v.cohorts, average: v.average });
  let last;
  try {
    await until(async () => {
      last = await readView(frame);
      return !last.busy && JSON.stringify(pick(last)) === JSON.stringify(expected);
    }, what);
  } catch {
    assert.deepEqual(last && pick(last), expected, `${what}: the table never showed the expected values (busy: ${last?.busy})`);
  }
  return last;
}

/** The panel is idle: no request of the webview is outstanding. */
const idle = (frame) => frame.waitForSelector('main.report-body[aria-busy="false"]', { state: 'attached', timeout: T.report });

/** Values of the lab's controls. */
const controlValues = (frame) => frame.evaluate(() => Object.fromEntries(
  ['mode-select', 'window-select', 'cohorts-select', 'rate-base-select', 'average-select', 'min-occurrences-input'].map((id) => [id, document.getElementById(id)?.value])));

const DEFAULT_CONTROLS = { 'mode-select': 'classic', 'window-select': 'calendar', 'cohorts-select': 'first', 'rate-base-select': 'cohort', 'average-select': 'pooled', 'min-occurrences-input': '1' };

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('retention lab: controls, drill-down, exports, segments (UI)', function () {
  // before the window closes (useWorkbench's own after hook): close the panel, so the extension
  // host, which outlives the browser window, frees the panel's worker and Dataset
  after(async () => { if (ctx.wb) await closeAllEditors(ctx.wb.page).catch((e) => console.log(`      (closing the editors: ${e.message})`)); });
  const ctx = useWorkbench();
  let frame;
  let csvPath;
  let csvHash;
  let exportDir;
  const needFrame = () => { if (!frame) throw new Error('the report panel did not open (see the first failure)'); return frame; };

  before(() => {
    csvPath = path.join(ctx.config.folder, 'lab', FILE);
    csvHash = sha256(csvPath);
    // outside the workspace: the exports must not show up in the Explorer or touch the fixture
    exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-lab-exports-'));
  });
  after(() => { if (exportDir) fs.rmSync(exportDir, { recursive: true, force: true }); });

  /** Back to the default definition ("Like GA4" = classic, calendar, first-time, cohort size, pooled), customers in percent. */
  async function reset() {
    const f = needFrame();
    await f.selectOption('select#metric-select', 'customers');
    await f.click('button[data-display="percent"]');
    await f.click('button[data-preset="ga4"]');
    await idle(f);
    await expectTable(f, CLASSIC, 'the default (classic) table after "Like GA4"');
    assert.deepEqual(await controlValues(f), DEFAULT_CONTROLS);
  }

  it('opens lab/lab-orders.csv: the classic table, sizes, average and number at risk as computed', async () => {
    await ctx.wb.quickOpen(FILE);
    await ctx.wb.runCommand('Retention Lens: Analyze Retention');
    frame = await ctx.wb.webviewFrame('table#cohort-table tr[data-cohort="2024-01"]');
    const view = await expectTable(frame, CLASSIC, 'the classic table');
    assert.deepEqual(view.sizes, SIZES);
    assert.deepEqual(view.atRisk, ['8', '7', '6', '4']);
    assert.deepEqual(await controlValues(frame), DEFAULT_CONTROLS);
    assert.equal(await frame.locator('div[data-field="brackets-input"]').isHidden(), true, 'the brackets field shows in classic mode');
  });

  it('Mode "Unbounded": 2024-01 · M1 goes from 50% to 75% (b, active in M0 and M2 only, now counts)', async () => {
    const f = needFrame();
    assert.equal((await readView(f)).cohorts['2024-01'][1], '50%');
    await f.selectOption('select#mode-select', 'unbounded');
    const view = await expectTable(f, UNBOUNDED, 'the unbounded table');
    assert.equal(view.cohorts['2024-01'][1], '75%');
    assert.match(view.caption, /Unbounded \("on or after"\)/);
  });

  it('Mode "Brackets" with 0,1-2: columns M0 and M1–2 with the bracket rates', async () => {
    const f = needFrame();
    await f.selectOption('select#mode-select', 'bracket');
    await idle(f);
    const input = f.locator('input#brackets-input');
    await input.waitFor({ state: 'visible', timeout: T.ui });
    await input.fill('0,1-2');
    await input.press('Enter');
    const view = await expectTable(f, BRACKETS, 'the bracket table');
    // 2024-03's M1–2 reaches May, after the data: partial, and left out of the average
    assert.equal(await f.locator('tr[data-cohort="2024-03"] td.cell[data-column="1"]').getAttribute('class').then((c) => c.split(' ').includes('partial')), true);
    assert.deepEqual(view.atRisk, ['8', '7']);
    assert.equal(await input.inputValue(), '0,1-2');
  });

  it('preset "Like Mixpanel": the controls become unbounded / rolling / first-time / cohort size / Mixpanel-compatible, and the table follows', async () => {
    const f = needFrame();
    await f.click('button[data-preset="mixpanel"]');
    // src/engine/presets.ts: { mode: 'unbounded', window: 'rolling', cohorts: 'first', rateBase: 'cohort', average: 'mixpanel', minOccurrences: 1 }
    assert.deepEqual(await controlValues(f), {
      'mode-select': 'unbounded', 'window-select': 'rolling', 'cohorts-select': 'first', 'rate-base-select': 'cohort', 'average-select': 'mixpanel', 'min-occurrences-input': '1',
    });
    const view = await expectTable(f, MIXPANEL, 'the "Like Mixpanel" table');
    assert.deepEqual(view.atRisk, ['8', '7', '7', '4', '4']);
    assert.match(view.caption, /rolling windows/);
    await reset();
  });

  it('Relative to "Previous period": 2024-01 · M2 goes from 50% to 100% (2 of the 2 retained at M1)', async () => {
    const f = needFrame();
    await f.selectOption('select#rate-base-select', 'previous');
    const view = await expectTable(f, PREVIOUS, 'the previous-period table');
    assert.equal(view.cohorts['2024-01'][2], '100%');
    assert.match(view.caption, /relative to previous period\.$/);
    await f.selectOption('select#rate-base-select', 'cohort');
    await expectTable(f, CLASSIC, 'the classic table again');
  });

  it('Average: "(simple mean)" 33% / 75%, "(Mixpanel-compatible)" 48% / 60%, back to "(pooled)" 43% / 67%', async () => {
    const f = needFrame();
    await f.selectOption('select#average-select', 'simple');
    await expectTable(f, withAverage(['Average (simple mean)', '100%', '33%', '75%', '0%']), 'the simple-mean average');
    await f.selectOption('select#average-select', 'mixpanel');
    await expectTable(f, withAverage(['Average (Mixpanel-compatible)', '100%', '48%', '60%', '0%']), 'the Mixpanel-compatible average');
    await f.selectOption('select#average-select', 'pooled');
    await expectTable(f, CLASSIC, 'the pooled average');
  });

  it('drill-down: 2024-01 · M2 lists exactly b and a; "line 3" opens the CSV with the cursor on line 3', async () => {
    const { wb } = ctx;
    const f = needFrame();
    await reset();
    await f.click('tr[data-cohort="2024-01"] td.cell[data-column="2"]');
    await f.locator('#drill-down table.drill-table tbody tr').first().waitFor({ timeout: T.report });
    const drill = await f.evaluate(() => ({
      heading: document.querySelector('#drill-down h3')?.textContent.trim(),
      rows: [...document.querySelectorAll('#drill-down table.drill-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())),
      footer: document.querySelector('#drill-down .drill-footer')?.textContent.trim(),
    }));
    // classic M2 = active in March: a and b. By revenue: b 20 + 25 = 45, a 10 + 7 + 11 − 3 = 25 (the refund is
    // not a purchase, so a's last activity stays Mar 15; a bought 3 times, b twice). First rows: b line 3, a line 2.
    assert.deepEqual(drill, {
      heading: 'Customers of 2024-01 retained at M2',
      rows: [
        ['b', '2024-01-03', '2024-03-15', '2', '45.00', 'line 3'],
        ['a', '2024-01-02', '2024-03-15', '3', '25.00', 'line 2'],
      ],
      footer: '2 customers.',
    });

    await f.click('#drill-down button[data-line="3"]');
    await wb.page.locator(`.tab.active[data-resource-name="${FILE}"]`).waitFor({ timeout: T.ui });
    const status = wb.page.locator('[id="status.editor.selection"]');
    await until(async () => /^Ln 3, Col 1\b/.test((await status.textContent().catch(() => '')).trim()),
      async () => `the status bar to show "Ln 3, Col 1" (shows "${(await status.textContent().catch(() => '?')).trim()}")`, T.ui);
  });

  /** Export → `format` from the panel, saving through code-server's quick-input save dialog as `name` in exportDir. */
  async function exportAs(format, name) {
    const { wb } = ctx;
    const { page } = wb;
    const f = needFrame();
    const target = path.join(exportDir, name);
    await f.click('#export-menu summary');
    await f.click(`#export-menu button[data-export="${format}"]`);
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Export retention report' }).waitFor({ timeout: T.ui });
    const input = widget.locator('input');
    // the simple dialog proposes <csv folder>/lab-orders-retention.<ext> (it fills the folder first, then the name)
    const proposed = new RegExp(`/lab/lab-orders-retention\\.${path.extname(name).slice(1)}$`);
    await until(async () => proposed.test(await input.inputValue()), async () => `the save dialog to propose ${proposed} (shows "${await input.inputValue()}")`, T.ui);
    await input.fill(target);
    // Enter while the dialog still lists the CSV's folder only moves the listing to the typed folder
    // (and leaves the dialog open): wait for the listing to leave lab/ first, and press Enter again if
    // the dialog still did not accept, a few times at most
    await until(async () => !(await widget.locator('.quick-input-list .monaco-list-row').allTextContents()).some((t) => t.includes(FILE)),
      'the save dialog to list the export folder', T.ui).catch(() => {});
    for (let attempt = 1; ; attempt++) {
      await input.press('Enter');
      if (await widget.waitFor({ state: 'hidden', timeout: 3000 }).then(() => true, () => false)) {
        if (attempt > 1) console.log(`      (the save dialog accepted ${name} on Enter #${attempt})`);
        break;
      }
      const value = await input.inputValue();
      const message = await widget.locator('.quick-input-message').textContent().catch(() => '');
      if (attempt === 4 || value !== target) throw new Error(`the save dialog did not accept ${target} after ${attempt} Enter (value "${value}", message "${message}")`);
    }
    await wb.toast(`saved ${name}`).waitFor({ timeout: T.ui });
    await until(() => fs.existsSync(target) && fs.statSync(target).size > 0, `${target} to be written`, T.ui);
    return target;
  }

  it('Export → Table as CSV writes the table exactly (RFC 4180, CRLF, one decimal)', async () => {
    await reset();
    const file = await exportAs('csv', 'table.csv');
    // the classic table again, percentages with one decimal (4/7 = 42.857… → 42.9%, 4/6 → 66.7%)
    assert.equal(fs.readFileSync(file, 'utf8'), [
      'Cohort,Customers,M0,M1,M2,M3',
      '2024-01,4,100.0%,50.0%,50.0%,0.0%',
      '2024-02,2,100.0%,50.0%,100.0%,',
      '2024-03,1,100.0%,0.0%,,',
      '2024-04,1,100.0%,,,',
      'Average (pooled),8,100.0%,42.9%,66.7%,0.0%',
      'Number at risk,,8,7,6,4',
    ].map((l) => `${l}\r\n`).join(''));
  });

  it('Export → Table as Markdown writes the same table as a GitHub table', async () => {
    const file = await exportAs('markdown', 'markdown.md');
    assert.equal(fs.readFileSync(file, 'utf8'), [
      '| Cohort | Customers | M0 | M1 | M2 | M3 |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      '| 2024-01 | 4 | 100.0% | 50.0% | 50.0% | 0.0% |',
      '| 2024-02 | 2 | 100.0% | 50.0% | 100.0% |  |',
      '| 2024-03 | 1 | 100.0% | 0.0% |  |  |',
      '| 2024-04 | 1 | 100.0% |  |  |  |',
      '| Average (pooled) | 8 | 100.0% | 42.9% | 66.7% | 0.0% |',
      '| Number at risk |  | 8 | 7 | 6 | 4 |',
    ].map((l) => `${l}\n`).join(''));
  });

  it('Export → Chart as SVG: one <polyline> per cohort + the average (4 + 1)', async () => {
    const svg = fs.readFileSync(await exportAs('svg', 'chart.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/<polyline\b/g) ?? []).length, 5);
    for (const label of ['2024-01', '2024-02', '2024-03', '2024-04', 'Average (pooled)']) assert.ok(svg.includes(`<title>${label}</title>`), `no curve titled ${label}`);
    assert.doesNotMatch(svg, /<script/i);
  });

  it('Export → Chart as PNG: a PNG file', async () => {
    const png = fs.readFileSync(await exportAs('png', 'image.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.length > 1000, `only ${png.length} bytes`);
  });

  it('Export → Report as HTML: a standalone page holding the report JSON', async () => {
    const html = fs.readFileSync(await exportAs('html', 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    const json = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
    assert.ok(json, 'no report-data block');
    const data = JSON.parse(json[1]);
    assert.equal(data.period, 'month');
    const report = data.reports.month;
    assert.equal(report.input.file, FILE);
    assert.deepEqual(report.retention.cohorts.map((c) => [c.cohort, c.size, c.counts]), [
      ['2024-01', 4, [4, 2, 2, 0]], ['2024-02', 2, [2, 1, 2, null]], ['2024-03', 1, [1, 0, null, null]], ['2024-04', 1, [1, null, null, null]],
    ]);
    assert.deepEqual(report.retention.average.rates, [1, 0.4286, 0.6667, 0]);
    // 16 rows, 15 purchases; 10+20+15+5+12+8+7+9+30+6+11+25+4+14−3+18 = 191
    assert.deepEqual([report.kpis.customers, report.kpis.orders, report.kpis.revenue], [8, 15, 191]);
  });

  it('Export → CSV of revenue under "Like Mixpanel": a partial −3.00 cell is neutralised as \'-3.00*', async () => {
    const f = needFrame();
    await f.click('button[data-preset="mixpanel"]');
    await expectTable(f, MIXPANEL, 'the "Like Mixpanel" table');
    await f.selectOption('select#metric-select', 'revenue');
    await f.waitForSelector('table#cohort-table[data-metric="revenue"]', { timeout: T.ui });
    const file = await exportAs('csv', 'revenue.csv');
    // money with 2 decimals, '*' on partial cells; the −3.00* cell would start a formula in a spreadsheet.
    // The summary row (line 6) is left out: the panel shows it as "Total" with the column sums, the
    // export as an empty "Average (mixpanel)" row (a product inconsistency, reported, not asserted).
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    assert.equal(lines.length, 8, `expected 7 CRLF-terminated rows:\n${lines.join('\n')}`);
    assert.deepEqual([...lines.slice(0, 5), ...lines.slice(6)], [
      'Cohort,Customers,M0,M1,M2,M3,M4',
      "2024-01,4,50.00,16.00,36.00,'-3.00*,0.00*",
      '2024-02,2,20.00,6.00,18.00*,,',
      '2024-03,1,30.00,0.00*,0.00*,,',
      '2024-04,1,18.00*,,,,',
      'Number at risk,,8,7,7,4,4',
      '',
    ]);
    await reset();
  });

  it('Compare by "channel": one row per channel with its customers and rates, and the verdict', async () => {
    const f = needFrame();
    await reset();
    const options = await f.locator('select#segment-select option').allTextContents();
    assert.deepEqual(options.map((s) => s.trim()), ['None', 'channel']);
    await f.selectOption('select#segment-select', '=channel');
    await f.locator('#segment-verdict').waitFor({ timeout: T.report });
    await idle(f);
    const seg = await f.evaluate(() => ({
      head: [...document.querySelectorAll('#segment-table thead th')].map((th) => th.textContent.trim()),
      rows: [...document.querySelectorAll('#segment-table tbody tr')].map((tr) => {
        const cells = [...tr.children].map((c) => c.textContent.trim());
        return [cells[0], cells[1], ...cells.slice(3)];   // value, customers, rates (the plateau column is skipped)
      }),
      verdict: document.querySelector('#segment-verdict')?.textContent.trim(),
      tests: [...document.querySelectorAll('#segment-tests li')].map((li) => li.textContent.trim()),
    }));
    assert.deepEqual(seg.head, ['channel', 'Customers', 'Plateau', 'M0', 'M1', 'M2', 'M3']);
    assert.deepEqual(seg.rows, [
      ['ads', '4', '100%', '75%', '67%', '0%'],
      ['email', '4', '100%', '0%', '67%', '0%'],
    ]);
    assert.equal(seg.verdict, 'No significant difference between channel values at any offset (smallest p = 0.094 at M1, after Holm adjustment for 2 offsets).');
    assert.deepEqual(seg.tests, ['M1: χ² = 3.94, df = 1, p = 0.047', 'M2: χ² = 0.00, df = 1, p = 1.000']);
    // the main table is unchanged by the comparison
    await expectTable(f, CLASSIC, 'the classic table with segments on');
    await f.selectOption('select#segment-select', '');
    await f.locator('#segment-verdict').waitFor({ state: 'detached', timeout: T.report });
  });

  it('leaves lab-orders.csv byte for byte as it was', () => {
    assert.equal(sha256(csvPath), csvHash, `${csvPath} changed`);
    assert.deepEqual(fs.readdirSync(path.dirname(csvPath)), [FILE], 'something was written next to the CSV');
  });
});

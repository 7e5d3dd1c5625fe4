// The column-mapping quick pick: mapping.csv's header (who, when, paid) names no customer column,
// so the first analysis asks what a row is (events, detected, first), then customer id, timestamp
// and amount, showing example values; the answer is remembered (workspaceState) and "Change
// Column Mapping" asks again.
//
// mapping.csv, by hand: u1 buys Jan 5, Feb 3, Mar 20; u2 Jan 20, Mar 1; u3 Feb 10, Mar 15.
// 2024-01 = {u1, u2}: Feb 1 of 2 (u1), Mar 2 of 2 → 100%, 50%, 100%; 2024-02 = {u3}: 100%, 100%.
// 7 orders, 10 + 20 + 15 + 5 + 8 + 12 + 7 = 77; every customer bought more than once.
import assert from 'node:assert/strict';
import { runPaletteCommand } from './palette.mjs';
import { readCohortTable, T, useWorkbench } from './workbench.mjs';

const FILE = 'mapping.csv';
const EXPECTED_TABLE = {
  '2024-01': { label: '2024-01', size: '2', cells: ['100%', '50%', '100%'] },
  '2024-02': { label: '2024-02', size: '1', cells: ['100%', '100%', null] },
};
// the description of each column in the picker: up to four distinct values of the first rows
const EXAMPLES = {
  who: 'e.g. u1, u2, u3',
  when: 'e.g. 2024-01-05, 2024-01-20, 2024-02-03, 2024-02-10',
  paid: 'e.g. 10, 20, 15, 5',
};

/** The visible quick input: { title, rows: [{ label, description, detail }] }. */
async function quickInput(page) {
  return page.locator('.quick-input-widget').evaluate((w) => ({
    title: w.querySelector('.quick-input-title')?.textContent.trim() ?? '',
    rows: [...w.querySelectorAll('.quick-input-list .monaco-list-row')]
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((r) => ({
        label: r.querySelector('.label-name')?.textContent.trim() ?? '',
        description: r.querySelector('.label-description')?.textContent.trim() ?? '',
        detail: r.querySelector('.quick-input-list-label-meta')?.textContent.trim() ?? '',
      })),
  }));
}

/** Waits for the mapping step whose title starts with `title` and lists exactly `labels`; returns its rows. */
async function waitForStep(page, title, labels) {
  const deadline = Date.now() + T.ui;
  let seen;
  for (;;) {
    seen = await page.locator('.quick-input-widget:visible').count() ? await quickInput(page).catch(() => undefined) : undefined;
    if (seen && seen.title.startsWith(title) && seen.rows.map((r) => r.label).join('|') === labels.join('|')) return seen;
    if (Date.now() > deadline) throw new Error(`no quick pick "${title}" listing ${labels.join(', ')}; showing: ${JSON.stringify(seen)}`);
    await page.waitForTimeout(100);
  }
}

// The shape picker's rows (SHAPE_LABELS in src/shared/mapping.ts), the detected shape first.
const SHAPES = [
  'events / orders (one row per purchase or event)',
  'subscriptions (one row per subscription: start, end, MRR)',
  'customers (one row per customer: tenure, churned flag)',
];

/** Waits for the shape picker with events detected and first, and accepts events. */
async function chooseEvents(page) {
  const shape = await waitForStep(page, 'What is one row of this file?', SHAPES);
  assert.match(shape.rows[0].detail, /detected/);
  await page.locator('.quick-input-widget input').fill('events');
  await page.waitForFunction(() => document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row').length === 1, null, { timeout: T.ui });
  await page.keyboard.press('Enter');
}

/** Types `label` into the quick pick, waits until it is the only row, and accepts it. */
async function choose(page, label) {
  await page.locator('.quick-input-widget input').fill(label);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await page.waitForFunction((l) => {
    const names = [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')]
      .map((row) => row.querySelector('.label-name')?.textContent.trim());
    return names.length === 1 && names[0] === l;
  }, label, { timeout: T.ui });
  assert.equal(await rows.count(), 1);
  await page.keyboard.press('Enter');
}

describe(`column mapping quick pick: ${FILE} (UI)`, function () {
  const ctx = useWorkbench();
  let frame;
  const needFrame = () => { if (!frame) throw new Error('the report panel did not open (see the first failure)'); return frame; };

  it('asks for customer id, timestamp and amount with example values, then shows the report', async () => {
    const { wb } = ctx;
    const { page } = wb;
    await wb.explorerContextMenu(FILE);
    await wb.clickMenuItem('Analyze Retention');

    // step 0: what one row is; events is detected and offered first
    await chooseEvents(page);
    // step 1: no column is named like a customer id; the columns in file order, each with examples
    const customer = await waitForStep(page, 'Customer id', ['who', 'when', 'paid']);
    assert.match(customer.title, /^Customer id\b.*1\s*\/\s*3/, `title: ${customer.title}`);
    assert.deepEqual(Object.fromEntries(customer.rows.map((r) => [r.label, r.description])), EXAMPLES);
    await choose(page, 'who');

    // step 2: 'when' is detected as the timestamp and offered first
    const time = await waitForStep(page, 'Timestamp', ['when', 'who', 'paid']);
    assert.match(time.title, /2\s*\/\s*3/, `title: ${time.title}`);
    assert.equal(time.rows[0].description, EXAMPLES.when);
    assert.match(time.rows[0].detail, /detected/);
    await choose(page, 'when');

    // step 3: 'paid' is detected as the amount; "None" is offered too
    const amount = await waitForStep(page, 'Amount', ['paid', 'who', 'when', 'None']);
    assert.match(amount.title, /3\s*\/\s*3/, `title: ${amount.title}`);
    assert.equal(amount.rows[0].description, EXAMPLES.paid);
    await choose(page, 'paid');

    frame = await wb.webviewFrame('table#cohort-table tr[data-cohort="2024-01"]');
    assert.deepEqual((await readCohortTable(frame)).cohorts, EXPECTED_TABLE);
    assert.equal((await frame.locator('#kpis .kpi[data-kpi="customers"] .kpi-value').textContent()).trim(), '3');
    assert.equal((await frame.locator('#kpis .kpi[data-kpi="revenue"] .kpi-value').textContent()).trim(), '77.00');
    assert.ok((await wb.tabLabels()).some((l) => l.includes(`Retention: ${FILE}`)), `tabs: ${await wb.tabLabels()}`);
  });

  it('asks nothing when the same file is analysed again (the mapping is remembered)', async () => {
    const { wb } = ctx;
    const { page } = wb;
    needFrame();
    await wb.runCommand('View: Close All Editors');
    await page.waitForFunction(() => ![...document.querySelectorAll('.tabs-container .tab')].length, null, { timeout: T.ui });
    frame = undefined;

    await wb.explorerContextMenu(FILE);
    await wb.clickMenuItem('Analyze Retention');
    // until the new panel shows its table, the quick input must never open
    const deadline = Date.now() + T.report;
    for (;;) {
      assert.equal(await page.locator('.quick-input-widget:visible').count(), 0,
        `a quick pick opened on the second analysis: ${JSON.stringify(await quickInput(page).catch(() => null))}`);
      frame = await wb.webviewFrame('table#cohort-table tr[data-cohort="2024-01"]', { timeout: 200 }).catch(() => undefined);
      if (frame) break;
      if (Date.now() > deadline) throw new Error(`no report for ${FILE} after ${T.report / 1000} s`);
    }
    assert.deepEqual((await readCohortTable(frame)).cohorts, EXPECTED_TABLE);
    assert.equal(await page.locator('.quick-input-widget:visible').count(), 0);
  });

  it('"Retention Lens: Change Column Mapping" asks again, starting from the remembered mapping', async () => {
    const { wb } = ctx;
    const { page } = wb;
    const f = needFrame();
    // the command is offered while the report panel is the active editor
    await page.locator('.tabs-container .tab', { hasText: `Retention: ${FILE}` }).first().click();
    await runPaletteCommand(page, 'Retention Lens: Change Column Mapping');

    await chooseEvents(page);
    const customer = await waitForStep(page, 'Customer id', ['who', 'when', 'paid']);   // 'who' (remembered) first
    assert.equal(customer.rows[0].description, EXAMPLES.who);
    assert.match(customer.rows[0].detail, /detected/);
    await choose(page, 'who');
    await waitForStep(page, 'Timestamp', ['when', 'who', 'paid']);
    await choose(page, 'when');
    await waitForStep(page, 'Amount', ['paid', 'who', 'when', 'None']);
    await choose(page, 'None');   // no amount: every row is activity, revenue is unknown

    await f.waitForFunction(() => document.querySelector('#kpis .kpi[data-kpi="revenue"] .kpi-value')?.textContent.trim() === '—', null, { timeout: T.report });
    // all amounts were positive, so the table is the same without them; 7 rows are still 7 orders
    assert.deepEqual((await readCohortTable(f)).cohorts, EXPECTED_TABLE);
    assert.equal((await f.locator('#kpis .kpi[data-kpi="orders"] .kpi-value').textContent()).trim(), '7');
    assert.equal(await page.locator('.quick-input-widget:visible').count(), 0);
  });
});

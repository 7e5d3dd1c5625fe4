// Cancelling a long read: a large CSV (hundreds of MB, written into the throw-away workspace);
// while it reads, a command of this extension still answers (the parse is not on the extension
// host's thread); Cancel in the progress notification → no report panel, a "cancelled" message.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { answerInputs, runPaletteCommand } from './palette.mjs';
import { T, useWorkbench } from './workbench.mjs';

const BIG = 'big.csv';
const MB = Number(process.env.RL_IT_BIG_MB || 400);

/** Streams ~`mb` MB of valid orders (customer_id,order_date,amount) to `file`, with backpressure. */
async function writeBigCsv(file, mb) {
  const out = fs.createWriteStream(file, { highWaterMark: 4 << 20 });
  out.write('customer_id,order_date,amount\n');
  const dates = Array.from({ length: 730 }, (_, d) => new Date(Date.UTC(2023, 0, 1) + d * 86400000).toISOString().slice(0, 10));
  let seed = 42, written = 0;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  while (written < mb * 1048576) {
    let chunk = '';
    for (let i = 0; i < 40000; i++) chunk += `c${rand(200000)},${dates[rand(730)]},${rand(20000) / 100}\n`;
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return written;
}

describe(`cancelling the read of a ${MB} MB CSV (UI)`, function () {
  let file;
  before(async function () {
    this.timeout(300000);
    const { folder } = (await import('./workbench.mjs')).config();
    file = path.join(folder, BIG);
    const t0 = Date.now();
    const bytes = await writeBigCsv(file, MB);
    console.log(`      wrote ${BIG}: ${(bytes / 1048576).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
  const ctx = useWorkbench();
  after(() => { if (file) fs.rmSync(file, { force: true }); });

  it('cancels from the progress notification: no report panel, a "cancelled" message', async () => {
    const { wb } = ctx;
    const labels = await wb.explorerContextMenu(BIG);
    assert.ok(labels.includes('Analyze Retention'), `menu: ${labels.join(' | ')}`);
    await wb.clickMenuItem('Analyze Retention');

    // the progress toast: "Retention Lens: reading big.csv… N% · R rows" with a Cancel button
    const progress = wb.progressToast(`reading ${BIG}`);
    await progress.waitFor({ timeout: T.report });
    await progress.locator('.notification-list-item-message', { hasText: /\d+%/ }).waitFor({ timeout: T.report });
    // The extension host is not the thread that parses: a command of this extension answers meanwhile.
    await runPaletteCommand(wb.page, 'Retention Lens: Customer Retention Rate Calculator');
    await answerInputs(wb.page, ['1000', '900', '200']);
    await wb.toast(/Customer retention rate: 70% · churn rate: 30%/).waitFor({ timeout: T.ui });
    const during = (await progress.locator('.notification-list-item-message').textContent()).trim();
    console.log(`      the calculator answered while reading: ${during}`);
    assert.ok(!/\b100%/.test(during), `the read had finished before the calculator answered: ${during}`);

    const before = (await progress.locator('.notification-list-item-message').textContent()).trim();
    await progress.locator('.notification-list-item-buttons-container .monaco-button', { hasText: 'Cancel' }).click();
    console.log(`      cancelled at: ${before}`);
    assert.ok(!/\b100%/.test(before), `the read had already finished: ${before}`);

    const cancelled = wb.toast(/cancel/i);
    await cancelled.waitFor({ timeout: T.ui });
    assert.match(await cancelled.textContent(), new RegExp(BIG.replace('.', '\\.')));

    // nothing may show up afterwards: watch for a report tab or table for a few seconds
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      assert.ok(!(await wb.tabLabels()).some((l) => l.includes(`Retention: ${BIG}`)), 'a report tab opened after Cancel');
      const tables = (await wb.evaluateEveryFrame(() => !!document.querySelector('table#cohort-table'))).filter((r) => r.value);
      assert.deepEqual(tables, [], 'a cohort table rendered after Cancel');
      await wb.page.waitForTimeout(250);
    }
    assert.equal(await progress.isVisible(), false, 'the progress notification is still showing');
  });
});

// The command palette when a webview may have the focus (a report panel just opened or its tab
// was clicked): focus moves into the webview's iframes a moment later, and an F1 pressed during
// that move is lost. These helpers press F1 again until the palette opens.
import { T } from './workbench.mjs';

/** Opens the command palette (F1), retrying a lost key press; resolves with its input. */
export async function openPalette(page) {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + T.ui;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    if (await input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) return input;
    if (Date.now() > deadline) throw new Error(`F1 did not open the command palette after ${attempt} tries`);
  }
}

/**
 * Runs a command by its palette title. Does not wait for the palette to close: the command may
 * open a quick pick of its own at once (Change Column Mapping) or reload the page (Reload Window).
 */
export async function runPaletteCommand(page, title) {
  const input = await openPalette(page);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T.ui });
  await page.keyboard.press('Enter');
}

/** "View: Close All Editors" (report panels included) and waits until no tab is left. */
export async function closeAllEditors(page) {
  await runPaletteCommand(page, 'View: Close All Editors');
  await page.waitForFunction(() => document.querySelectorAll('.tabs-container .tab').length === 0, null, { timeout: T.ui });
}

/** Answers a command's input boxes in turn (the CRR calculator asks three), one value each. */
export async function answerInputs(page, values) {
  const input = page.locator('.quick-input-widget input');
  for (const value of values) {
    await input.waitFor({ state: 'visible', timeout: T.ui });
    await input.fill(value);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);   // the next box replaces this one
  }
}

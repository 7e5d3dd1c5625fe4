// The one place that knows how to drive code-server's web workbench with playwright-core and
// Debian's Chromium: launch, open a workspace (optionally as an Extension Development Host),
// Quick Open, the command palette, notifications, context menus and the webview's DOM.
// Used by run.mjs (the extension-host mocha run) and by every ui/*.test.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where the tools (code-server, playwright-core) live; run.mjs passes it on in RL_TEST_TOOLS. */
export const TOOLS = path.resolve(process.env.RL_TEST_TOOLS || path.join(ROOT, '.test-tools'));
export const CHROMIUM = process.env.RL_CHROMIUM || '/usr/bin/chromium';

// playwright-core is installed in the tools folder, not in the project (ESM ignores NODE_PATH)
const { chromium } = createRequire(path.join(TOOLS, 'node_modules', '/'))('playwright-core');

/** The command under test, as the palette shows it. */
export const COMMAND_TITLE = 'Retention Lens: Analyze Retention';

/** Generous but bounded waits (ms). */
export const T = { workbench: 90000, ui: 30000, report: 60000 };

/** Launches headless Chromium; each test gets its own context (a fresh browser profile). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * The workbench URL for `folder`. With `devPath` the window is an Extension Development Host
 * (code-server rejects --extensionDevelopmentPath on its command line; the workbench reads it
 * from the URL payload, as VS Code does), and with `testsPath` it also runs that mocha entry.
 */
export function workbenchUrl(baseUrl, { folder, devPath, testsPath }) {
  const host = new URL(baseUrl).host;
  const payload = [];
  if (devPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${testsPath}`]);
  let url = `${baseUrl}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** One workbench window in a fresh browser context; close() ends both. */
export class Workbench {
  constructor(context, page, options) {
    this.context = context;
    this.page = page;
    this.options = options;
    this.consoleErrors = [];
  }

  /** Opens the workspace folder and waits until the explorer lists it. */
  static async open(browser, { baseUrl, folder, devPath, viewport = { width: 1400, height: 900 } }) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const wb = new Workbench(context, page, { baseUrl, folder, devPath });
    page.on('console', (m) => { if (m.type() === 'error') wb.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => wb.consoleErrors.push(`pageerror: ${e.message}`));
    await page.goto(workbenchUrl(baseUrl, { folder, devPath }));
    await page.waitForSelector('.monaco-workbench', { timeout: T.workbench });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: T.workbench });
    return wb;
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), waiting for its own result row before Enter. */
  async quickOpen(fileName) {
    const { page } = this;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: T.ui });
    await input.fill(fileName);
    await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`).first().waitFor({ timeout: T.ui });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${fileName}"]`).waitFor({ timeout: T.ui });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: T.ui });
  }

  /** Runs a command by its palette title (F1, type, wait for the row, Enter). */
  async runCommand(title) {
    const { page } = this;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: T.ui });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: T.ui });
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: T.ui });
  }

  /**
   * Waits until the palette offers `title`: the extension's contributions (commands *and* menus)
   * reach the workbench only once its extension host has scanned it, a moment after the window opens.
   */
  async waitForCommand(title) {
    const { page } = this;
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    const deadline = Date.now() + T.workbench;
    // the palette lists the commands known when it opens: reopen it until the command is there
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: T.ui });
      await input.fill(`>${title}`);
      const found = await row.waitFor({ timeout: 5000 }).then(() => true, () => false);
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: T.ui });
      if (found) return;
      if (Date.now() > deadline) throw new Error(`the command palette does not offer "${title}" after ${attempt} tries: is the extension loaded?`);
    }
  }

  /**
   * Drags the vertical sash nearest to `fromX` to `toX` (cosmetic: layout for the README
   * screenshot). Best effort: false if no sash is there.
   */
  async dragSash(fromX, toX) {
    const sashes = await this.page.locator('.monaco-sash.vertical').evaluateAll((els) => els
      .map((e) => { const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2, h: r.height }; })
      .filter((r) => r.h > 100));
    const sash = sashes.sort((a, b) => Math.abs(a.x - fromX) - Math.abs(b.x - fromX))[0];
    if (!sash || Math.abs(sash.x - fromX) > 12) return false;
    await this.page.mouse.move(sash.x, sash.y);
    await this.page.mouse.down();
    await this.page.mouse.move(toX, sash.y, { steps: 10 });
    await this.page.mouse.up();
    return true;
  }

  /** Screenshot layout: a narrower side bar and CSV editor, so the report panel gets most of the width. */
  async widenReportPanel({ sidebarRight = 250, editorSplit = 600 } = {}) {
    const sidebar = await this.page.locator('.part.sidebar').boundingBox().catch(() => null);
    if (sidebar) await this.dragSash(sidebar.x + sidebar.width, sidebarRight);
    const groups = this.page.locator('.part.editor .editor-group-container');
    if (await groups.count() < 2) return false;
    const second = await groups.nth(1).boundingBox();
    return second ? this.dragSash(second.x, editorSplit) : false;
  }

  /** The explorer row of a file (top-level files of the workspace). */
  explorerRow(fileName) {
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`).first();
  }

  /** Right-clicks a file in the explorer; returns the labels of the context menu that opens. */
  async explorerContextMenu(fileName) {
    const row = this.explorerRow(fileName);
    await row.waitFor({ timeout: T.ui });
    await row.click({ button: 'right' });
    const items = this.page.locator('.context-view .monaco-menu .action-item .action-label');
    await items.first().waitFor({ timeout: T.ui });
    return (await items.allTextContents()).map((s) => s.trim()).filter(Boolean);
  }

  /**
   * Runs an entry of the open context menu. Hover, wait for the menu to focus it, then Enter: the
   * menu ignores a click that lands too soon after it opened, the keyboard path is deterministic.
   */
  async clickMenuItem(label) {
    const item = this.page.locator('.context-view .monaco-menu .action-item', { has: this.page.locator('.action-label', { hasText: label }) }).first();
    await item.hover();
    await this.page.locator('.context-view .monaco-menu .action-item.focused', { hasText: label }).waitFor({ timeout: T.ui });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'detached', timeout: T.ui });
  }

  /** A button in the active editor group's title bar (its aria-label starts with `label`). */
  editorTitleAction(label) {
    return this.page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label^="${label}"]`).first();
  }

  /** Right-clicks the active editor's text; returns the labels of the context menu that opens. */
  async editorContextMenu() {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await lines.waitFor({ timeout: T.ui });
    await lines.click({ button: 'right', position: { x: 40, y: 8 } });
    const items = this.page.locator('.context-view .monaco-menu .action-item .action-label');
    await items.first().waitFor({ timeout: T.ui });
    return (await items.allTextContents()).map((s) => s.trim()).filter(Boolean);
  }

  /** The notification toast whose message contains `text` (string or RegExp). */
  toast(text) {
    return this.page.locator('.notifications-toasts .notification-toast', {
      has: this.page.locator('.notification-list-item-message', { hasText: text }),
    }).first();
  }

  /** The progress toast (one with a Cancel button) whose message contains `text`. */
  progressToast(text) {
    return this.page.locator('.notifications-toasts .notification-toast', {
      has: this.page.locator('.notification-list-item-message', { hasText: text }),
    }).filter({ has: this.page.locator('.notification-list-item-buttons-container .monaco-button', { hasText: 'Cancel' }) }).first();
  }

  /** Messages of every notification toast on screen. */
  async toastMessages() {
    return (await this.page.locator('.notifications-toasts .notification-list-item-message').allTextContents()).map((s) => s.trim());
  }

  /** Labels of all editor tabs. */
  async tabLabels() {
    return (await this.page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') || t.textContent || ''))).map((s) => s.trim());
  }

  /**
   * The webview frame whose document matches `selector` (webviews are nested iframes served
   * same-origin by code-server: loop over page.frames()). `accept(frame)` may narrow the match.
   */
  async webviewFrame(selector, { timeout = T.report, accept } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        try {
          if (await frame.$(selector) && (!accept || await accept(frame))) return frame;
        } catch { /* frame detached or still loading */ }
      }
      if (Date.now() > deadline) {
        throw new Error(`no webview frame has ${selector} after ${timeout / 1000} s; frames:\n  ${this.page.frames().map((f) => f.url().slice(0, 120)).join('\n  ')}`);
      }
      await this.page.waitForTimeout(200);
    }
  }

  /** Evaluates `fn` in every frame (main page and webviews); detached frames are skipped. */
  async evaluateEveryFrame(fn) {
    const out = [];
    for (const frame of this.page.frames()) {
      try { out.push({ url: frame.url(), value: await frame.evaluate(fn) }); } catch { /* detached */ }
    }
    return out;
  }

  /** Screenshot of the whole window. */
  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }

  async close() {
    await this.context.close().catch(() => {});
  }
}

/** Reads the cohort table of a webview frame: { cohorts: {label: {size, cells[]}}, average: cells[] }. */
export async function readCohortTable(frame) {
  return frame.evaluate(() => {
    const table = document.querySelector('table#cohort-table');
    if (!table) return null;
    const cellsOf = (tr) => [...tr.querySelectorAll('td.cell')].sort((a, b) => Number(a.dataset.offset ?? 0) - Number(b.dataset.offset ?? 0))
      .map((td) => (td.classList.contains('absent') ? null : td.textContent.trim()));
    const cohorts = {};
    for (const tr of table.querySelectorAll('tr[data-cohort]')) {
      cohorts[tr.dataset.cohort] = {
        label: tr.querySelector('th.cohort')?.textContent.trim(),
        size: tr.querySelector('td.size')?.textContent.trim(),
        cells: cellsOf(tr),
      };
    }
    const avg = table.querySelector('tr.average-row');
    return { cohorts, average: avg ? [...avg.querySelectorAll('td.cell')].map((td) => td.textContent.trim()) : null };
  });
}

/** What run.mjs tells the UI tests (environment variables, so a test file can also run alone). */
export function config() {
  const need = (name) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set: run the UI tests through test/integration/run.mjs`);
    return v;
  };
  return {
    baseUrl: need('RL_IT_URL'),
    folder: need('RL_IT_WORKSPACE'),
    devPath: process.env.RL_IT_DEV_PATH || undefined,   // unset: the extension installed from the VSIX
    mode: process.env.RL_IT_MODE || 'dev',
    out: process.env.RL_IT_OUT || path.join(ROOT, 'test-results', 'integration'),
    screenshot: process.env.RL_IT_SCREENSHOT || '',     // where the README screenshot goes ('' = don't)
  };
}

let browserPromise;
/** The browser shared by every UI test of this process. */
export function sharedBrowser() {
  browserPromise ??= launchBrowser();
  return browserPromise;
}
/** Closes the shared browser (run-ui.mjs, after the last test). */
export async function closeSharedBrowser() {
  if (browserPromise) await (await browserPromise).close().catch(() => {});
  browserPromise = undefined;
}

/**
 * Mocha hooks for a describe(): a fresh workbench window (own browser context) before its tests,
 * a screenshot + notifications + console errors under test-results/ for each failed test, and
 * closing the window afterwards. Returns a holder whose `.wb` is the Workbench.
 */
export function useWorkbench() {
  const holder = { wb: undefined, config: config() };
  const capture = async (title) => {
    if (!holder.wb) return;
    const base = path.join(holder.config.out, 'failures', `${holder.config.mode}-${title.replace(/[^\w.-]+/g, '_').slice(0, 100)}`);
    await holder.wb.screenshot(`${base}.png`).catch((e) => console.log(`      (no failure screenshot: ${e.message})`));
    const toasts = await holder.wb.toastMessages().catch(() => []);
    const tabs = await holder.wb.tabLabels().catch(() => []);
    fs.writeFileSync(`${base}.txt`, [`test: ${title}`, `tabs: ${tabs.join(' | ')}`,
      'notifications:', ...toasts.map((t) => `  ${t}`), 'browser console errors:', ...holder.wb.consoleErrors.slice(-30).map((t) => `  ${t}`)].join('\n') + '\n');
    console.log(`      failure screenshot: ${path.relative(process.cwd(), base)}.png  notifications: ${JSON.stringify(toasts)}`);
  };
  before(async function () {
    this.timeout(T.workbench + 60000);
    const { baseUrl, folder, devPath } = holder.config;
    try {
      holder.wb = await Workbench.open(await sharedBrowser(), { baseUrl, folder, devPath });
      await holder.wb.waitForCommand(COMMAND_TITLE);
    } catch (e) {
      await capture(`${this.test.parent.fullTitle()} before all`);
      throw e;
    }
  });
  afterEach(async function () {
    if (this.currentTest.state === 'failed') await capture(this.currentTest.fullTitle());
  });
  after(async () => { await holder.wb?.close(); });
  return holder;
}

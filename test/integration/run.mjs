#!/usr/bin/env node
// Integration tests inside a real VS Code (npm run test:integration; run `npm run build` first).
//
// code-server (the VS Code server + web workbench, from npm) runs on 127.0.0.1 with a throw-away
// profile and a throw-away copy of test/integration/workspace/, then:
//   1. exthost: the mocha suite in suite/ runs inside VS Code's Node extension host, with this repo
//      as the Extension Development Host's extension (URL payload, as test-electron does on desktop);
//   2. ui:      Playwright drives the workbench in Debian's Chromium (ui/*.test.mjs);
//   3. vsix:    `vsce package`, `code-server --install-extension`, a server without the development
//      extension, and the orders.csv UI check against the installed extension.
// Prints `N passed, N failed`, writes test-results/integration/summary.json, exits non-zero on any
// failure. Logs, failure screenshots and notifications land in test-results/integration/.
//
// Options: --only exthost,ui,vsix   --keep (keep the temp dirs)
// Env: RL_EXTENSION_PATH (extension folder, default this repo), RL_TEST_TOOLS (default .test-tools),
//      RL_IT_UI_GREP / RL_IT_EXTHOST_GREP (filter by title), RL_IT_BIG_MB (cancel test file size),
//      RL_IT_TOTAL_MIN (whole-run bound, default 19).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { codeServerCli, makeProfile, startCodeServer, tail } from './lib/codeServer.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const EXT = path.resolve(process.env.RL_EXTENSION_PATH || ROOT);
const TOOLS = path.resolve(process.env.RL_TEST_TOOLS || path.join(ROOT, '.test-tools'));
const CHROMIUM = process.env.RL_CHROMIUM || '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-results', 'integration');
const EXT_ID = 'retention-lens.retention-lens';
const args = process.argv.slice(2);
const only = new Set((argValue('--only') || 'exthost,ui,vsix').split(','));
const keep = args.includes('--keep') || !!process.env.RL_IT_KEEP;

// Per-phase bounds, generous (a normal run takes ~1.5 min in all) and together well under 20 min.
const LIMIT = { exthost: 4 * 60000, uiDev: 8 * 60000, uiVsix: 3 * 60000, vsce: 2 * 60000 };
const results = [];   // { phase, title, state, error? }
const timings = [];   // [phase, seconds]
const cleanups = [];  // run in reverse on exit, also on SIGINT/SIGTERM
const t0 = Date.now();

function argValue(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const secs = (since) => ((Date.now() - since) / 1000).toFixed(1);
const log = (...a) => console.log(`[integration ${secs(t0).padStart(5)}s]`, ...a);
function fail(message) {
  console.error(`\nintegration tests cannot run: ${message}`);
  process.exit(2);
}
async function timed(phase, fn) {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([phase, (Date.now() - start) / 1000]);
    log(`${phase}: ${secs(start)} s`);
  }
}
function record(phase, title, error) {
  results.push(error ? { phase, title, state: 'failed', error: String(error?.stack ?? error) } : { phase, title, state: 'passed' });
  if (error) console.log(`  ✗ [${phase}] ${title}\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
}
/** Adds a mocha run's JSON summary to the results (or one failure if it wrote none). */
function collect(phase, file, fallbackError) {
  if (!fs.existsSync(file)) return record(phase, `${phase} test run`, fallbackError || new Error(`no results written to ${file}`));
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const t of r.tests) results.push({ phase, ...t });
  if (fallbackError && r.failures === 0) record(phase, `${phase} test run`, fallbackError);
}
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((e) => console.error('cleanup:', e.message));
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { void cleanup().then(() => process.exit(130)); });
// Whole-run bound: the phase limits above should end a hung run first; this is the last resort,
// and still writes the summary (with the failure) that scripts/test-summary.mjs reads.
const TOTAL_MS = Number(process.env.RL_IT_TOTAL_MIN || 19) * 60000;
setTimeout(() => {
  record('harness', 'the whole integration run', new Error(`exceeded ${TOTAL_MS / 60000} min: stopped`));
  void cleanup().finally(finish);
}, TOTAL_MS).unref();

// ── preflight ────────────────────────────────────────────────────────────────────────────────
if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing. Install it with: apt-get install chromium libkrb5-dev ripgrep`);
const pkg = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8'));
if (`${pkg.publisher}.${pkg.name}` !== EXT_ID) fail(`${EXT}/package.json is ${pkg.publisher}.${pkg.name}, expected ${EXT_ID}`);
if (!fs.existsSync(path.join(EXT, pkg.main))) fail(`${path.join(EXT, pkg.main)} does not exist: run \`npm run build\` first`);
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
log(`extension ${EXT_ID}@${pkg.version} from ${EXT}`);

await timed('tools', async () => {
  // idempotent: a no-op when the marker matches the wanted versions, a (re)install otherwise
  if (!fs.existsSync(path.join(TOOLS, '.installed'))) log(`installing code-server + playwright-core into ${TOOLS} (first run)…`);
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-test-tools.sh'), TOOLS], { stdio: 'inherit', timeout: 10 * 60000 });
  if (r.status !== 0) fail(`scripts/install-test-tools.sh failed (exit ${r.status}); it needs: apt-get install chromium libkrb5-dev ripgrep`);
});
process.env.RL_TEST_TOOLS = TOOLS;   // for ui/workbench.mjs, here and in the UI child processes
const { launchBrowser, workbenchUrl } = await import('./ui/workbench.mjs');

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-it-'));
cleanups.push(async () => { if (!keep) fs.rmSync(TMP, { recursive: true, force: true }); else log(`kept ${TMP}`); });
// Chromium (here and in the UI child processes) would otherwise write ~/.config/chromium and ~/.cache/dconf
Object.assign(process.env, { XDG_CONFIG_HOME: path.join(TMP, 'xdg', 'config'), XDG_CACHE_HOME: path.join(TMP, 'xdg', 'cache') });

/** The flags of `npm run package` (`vsce package …` in package.json), so the test packs the VSIX the same way. */
function vsceFlags() {
  const script = /\bvsce\s+package\b([^&|;]*)/.exec(pkg.scripts?.package ?? '')?.[1] ?? ' --no-dependencies';
  const flags = script.trim().split(/\s+/).filter(Boolean);
  const out = flags.indexOf('-o') >= 0 ? flags.indexOf('-o') : flags.indexOf('--out');
  if (out >= 0) flags.splice(out, 2);
  return flags;
}

/** A fresh copy of the test workspace: tests may create files in it, never in the fixtures. */
function copyWorkspace(name) {
  const dir = path.join(TMP, name, 'sample-data');   // the folder name shows in the explorer and the screenshot
  fs.cpSync(path.join(HERE, 'workspace'), dir, { recursive: true });
  return dir;
}

/** Starts code-server with a fresh profile; the returned handle stops it and keeps its logs on failure. */
async function server(name, { install, extraEnv } = {}) {
  const profile = makeProfile(TMP, name);
  if (install) {
    const out = await timed(`${name}: install the VSIX`, async () => codeServerCli(TOOLS, profile, ['--install-extension', install]));
    process.stdout.write(out.split('\n').filter((l) => /install|success/i.test(l)).map((l) => `  ${l}\n`).join(''));
  }
  const logFile = path.join(OUT, `code-server-${name}.log`);
  const cs = await timed(`${name}: start code-server`, () => startCodeServer({ tools: TOOLS, profile, logFile, extraEnv }));
  log(`code-server (${name}) pid ${cs.pid} at ${cs.url}`);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await cs.stop();
    const failed = results.some((r) => r.state === 'failed' && r.phase.includes(name));
    if (failed) {
      fs.cpSync(path.join(profile.userData, 'logs'), path.join(OUT, `logs-${name}`), { recursive: true });
      console.log(`\n── code-server (${name}) log, last 40 lines (${path.relative(ROOT, logFile)}; VS Code logs in ${path.relative(ROOT, OUT)}/logs-${name}) ──\n${tail(logFile, 40)}\n`);
    }
    if (!keep) profile.remove();
  };
  cleanups.push(stop);
  return { ...cs, profile, stop };
}

/** The extension-host mocha suite: a workbench window whose URL names the development extension and the suite. */
async function runExthostSuite(cs, folder) {
  fs.mkdirSync(path.join(OUT, 'failures'), { recursive: true });
  const consoleLog = fs.createWriteStream(path.join(OUT, 'exthost-console.log'));
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    // the extension host's console reaches the page console as ('%c INFO', 'color: …', format, ...args)
    const pending = [];
    page.on('console', (m) => pending.push((async () => {
      const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
      const line = typeof args[0] === 'string' && args[0].startsWith('%c') ? util.format(...args.slice(2)) : m.text();
      consoleLog.write(`${m.type()}: ${line}\n`);
      if (m.type() === 'log' && args[0] === '%c INFO' && !/^(\[|Resolv|Creating a socket|Updating additional|ChatSession|Extension host)/.test(line)) {
        console.log(`  exthost| ${line}`);
      }
    })().catch(() => {})));
    await page.goto(workbenchUrl(cs.url, { folder, devPath: EXT, testsPath: path.join(HERE, 'suite', 'index.js') }));
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), LIMIT.exthost))]);
    await Promise.allSettled(pending);
    if (code !== 0) await page.screenshot({ path: path.join(OUT, 'failures', 'exthost.png') }).catch(() => {});
    return code === 'timeout' ? new Error(`the extension-host suite did not finish within ${LIMIT.exthost / 60000} min`)
      : code === 0 ? null : new Error(`the extension-host suite exited with ${code}`);
  } finally {
    await browser.close().catch(() => {});
    consoleLog.end();
  }
}

/** The Playwright UI tests, in a child process (mocha caches ESM test files per process). */
function runUiTests(cs, folder, mode, devPath, limitMs) {
  const resultsFile = path.join(OUT, `ui-${mode}-results.json`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(HERE, 'ui', 'run-ui.mjs')], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env, RL_IT_URL: cs.url, RL_IT_WORKSPACE: folder, RL_IT_DEV_PATH: devPath ?? '', RL_IT_MODE: mode,
        RL_IT_OUT: OUT, RL_IT_RESULTS: resultsFile,
        RL_IT_SCREENSHOT: mode === 'vsix' ? path.join(ROOT, 'docs', 'screenshot.png') : '',
      },
    });
    const timer = setTimeout(() => { log(`UI tests (${mode}) exceeded ${limitMs / 60000} min: stopping them`); child.kill('SIGKILL'); }, limitMs);
    const kill = async () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
    cleanups.push(kill);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      cleanups.splice(cleanups.indexOf(kill), 1);
      collect(`ui:${mode}`, resultsFile, code === 0 ? null : new Error(`UI tests (${mode}) exited with ${code ?? signal}`));
      resolve();
    });
  });
}

try {
  // ── 1+2: development extension (this repo's dist/) ─────────────────────────────────────────
  if (only.has('exthost') || only.has('ui')) {
    const folder = copyWorkspace('workspace-dev');
    const resultsFile = path.join(OUT, 'exthost-results.json');
    const cs = await server('dev', { extraEnv: { RL_IT_EXTHOST_RESULTS: resultsFile } });
    if (only.has('exthost')) {
      log('extension-host mocha suite (test/integration/suite)…');
      const error = await timed('exthost: mocha suite in the extension host', () => runExthostSuite(cs, folder)).catch((e) => e);
      collect('dev:exthost', resultsFile, error);
    }
    if (only.has('ui')) {
      log('UI tests against the development extension (test/integration/ui)…');
      await timed('ui: Playwright tests (development extension)', () => runUiTests(cs, folder, 'dev', EXT, LIMIT.uiDev));
    }
    await cs.stop();
    const orig = fs.readFileSync(path.join(HERE, 'workspace', 'orders.csv'));
    if (!orig.equals(fs.readFileSync(path.join(folder, 'orders.csv')))) record('dev', 'orders.csv in the workspace copy is unchanged', new Error('orders.csv changed on disk'));
  }

  // ── 3: the packaged extension ───────────────────────────────────────────────────────────────
  if (only.has('vsix')) {
    const vsix = path.join(TMP, 'retention-lens.vsix');
    const packaged = await timed('vsix: vsce package', async () => {
      const local = path.join(ROOT, 'node_modules', '.bin', 'vsce');
      const [cmd, pre] = fs.existsSync(local) ? [local, []] : ['npx', ['--no', 'vsce']];
      const r = spawnSync(cmd, [...pre, 'package', ...vsceFlags(), '-o', vsix],
        { cwd: EXT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: LIMIT.vsce });
      const output = `${r.stdout}${r.stderr}`.trim();
      if (r.status !== 0 || !fs.existsSync(vsix)) { record('vsix', `vsce package ${vsceFlags().join(' ')}`, new Error(`vsce failed (${r.error?.message ?? `exit ${r.status}`}):\n${output}`)); return false; }
      const kb = (fs.statSync(vsix).size / 1024).toFixed(1);
      const list = spawnSync(cmd, [...pre, 'ls', '--no-dependencies'], { cwd: EXT, encoding: 'utf8', timeout: LIMIT.vsce });
      log(`VSIX ${kb} KB; files: ${(list.stdout || '').trim().split('\n').join(', ')}`);
      record('vsix', `vsce package ${vsceFlags().join(' ')} (${kb} KB)`);
      return true;
    });
    if (packaged) {
      let cs;
      try {
        cs = await server('vsix', { install: vsix });
        const listed = codeServerCli(TOOLS, cs.profile, ['--list-extensions', '--show-versions']);
        if (!listed.includes(`${EXT_ID}@${pkg.version}`)) throw new Error(`--list-extensions does not show ${EXT_ID}@${pkg.version}:\n${listed}`);
        record('vsix', `code-server --install-extension installs ${EXT_ID}@${pkg.version}`);
      } catch (e) {
        record('vsix', `code-server --install-extension installs ${EXT_ID}@${pkg.version}`, e);
      }
      if (cs) {
        log('UI check against the installed VSIX (no extensionDevelopmentPath)…');
        await timed('vsix: Playwright orders.csv check', () => runUiTests(cs, copyWorkspace('workspace-vsix'), 'vsix', undefined, LIMIT.uiVsix));
        await cs.stop();
      }
    }
  }
} catch (e) {
  record('harness', 'integration harness', e);
} finally {
  await cleanup();
}

finish();

// ── summary ──────────────────────────────────────────────────────────────────────────────────
/** Writes summary.json, prints the summary (last line `N passed, N failed`) and exits. */
function finish() {
  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.length - passed;
  fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify({ passed, failed, seconds: (Date.now() - t0) / 1000, timings, results }, null, 1));
  console.log('\n── integration summary ──');
  for (const [phase, s] of timings) console.log(`  ${s.toFixed(1).padStart(6)} s  ${phase}`);
  for (const r of results.filter((x) => x.state === 'failed')) console.log(`  FAILED [${r.phase}] ${r.title}\n    ${r.error.split('\n').slice(0, 6).join('\n    ')}`);
  if (failed) console.log(`  artifacts: ${path.relative(process.cwd(), OUT) || OUT}/ (code-server logs, failures/*.png|txt, exthost-console.log)`);
  console.log(`integration: ${passed} passed, ${failed} failed in ${secs(t0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed || !results.length ? 1 : 0);
}

// Starts and stops code-server (the real VS Code server + web workbench) for the integration tests,
// with a throw-away profile: its own user-data-dir, extensions-dir, XDG dirs and a short TMPDIR,
// so nothing lands in $HOME or the shared /tmp and every run starts from the same clean state.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** User settings that keep the workbench quiet and deterministic (no welcome page, trust prompt, tips). */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
};

/** Path of code-server's entry script inside the tools folder. */
export function codeServerEntry(tools) {
  return path.join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/**
 * A fresh profile: { root, userData, extensions, env }. `tmp` is a short TMPDIR (VS Code's unix
 * sockets must stay under 107 bytes), so it lives in /tmp rather than under `baseDir`.
 */
export function makeProfile(baseDir, name) {
  const root = fs.mkdtempSync(path.join(baseDir, `${name}-`));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-cs-'));
  const userData = path.join(root, 'ud');
  const extensions = path.join(root, 'ext');
  const xdg = path.join(root, 'xdg');
  for (const d of [path.join(userData, 'User'), extensions, xdg]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const env = {
    ...process.env,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    XDG_RUNTIME_DIR: tmp,
  };
  return {
    root, tmp, userData, extensions, env,
    /** Removes the profile (keep `logs` first if a test failed). */
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Common flags: no config file (else it writes ~/.config/code-server/config.yaml), this profile. */
function baseArgs(profile) {
  return ['--config', '/dev/null', '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

/** Runs code-server's CLI once (e.g. --install-extension); throws with its output on failure. */
export function codeServerCli(tools, profile, args, { timeoutMs = 120000 } = {}) {
  const r = spawnSync(process.execPath, [codeServerEntry(tools), ...baseArgs(profile), ...args],
    { env: profile.env, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${output}`);
  return output;
}

/**
 * Starts the server on 127.0.0.1 (a free port) and resolves once /healthz answers:
 * { url, pid, logFile, stop() }. The server runs in its own process group so stop() also ends
 * the extension hosts, pty host and file watcher it spawned.
 */
export async function startCodeServer({ tools, profile, logFile, extraEnv = {}, timeoutMs = 60000 }) {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [codeServerEntry(tools), ...baseArgs(profile),
    '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...smokeTestDriver(tools)],
  { env: { ...profile.env, ...extraEnv }, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10000);
    await exit;
    clearTimeout(timer);
    // the group may outlive its leader for a moment (extension hosts shutting down)
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* all gone */ }
  };

  const deadline = Date.now() + timeoutMs;
  let url = null;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited during startup (${JSON.stringify(exited)}):\n${tail(logFile, 40)}`);
    url ??= /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(fs.readFileSync(logFile, 'utf8'))?.[1] ?? null;
    if (url && await healthy(url)) return { url, pid: child.pid, logFile, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`code-server did not answer within ${timeoutMs / 1000} s:\n${tail(logFile, 40)}`);
}

/**
 * Newer code-server builds (those with --vscode-option) honour the URL payload's
 * extensionDevelopmentPath / extensionTestsPath only with VS Code's smoke-test driver enabled;
 * 4.100.x has no such option and needs nothing.
 */
function smokeTestDriver(tools) {
  const cli = path.join(tools, 'node_modules', 'code-server', 'out', 'node', 'cli.js');
  return fs.existsSync(cli) && fs.readFileSync(cli, 'utf8').includes('"vscode-option"') ? ['--vscode-option', 'enable-smoke-test-driver'] : [];
}

async function healthy(url) {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The last `lines` lines of a text file ('' if it does not exist). */
export function tail(file, lines) {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

// Shared helpers for the tests that run inside the extension host.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const vscode = require('vscode');

const EXT_ID = 'retention-lens.retention-lens';

/** The activated extension's test API ({ lastReport, lastError, panelCount }). */
async function api() {
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `extension ${EXT_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** A file of the (throw-away copy of the) test workspace. */
function workspaceFile(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** sha256 of a file on disk (hex). */
function sha256(uri) {
  return crypto.createHash('sha256').update(fs.readFileSync(uri.fsPath)).digest('hex');
}

/** Polls `fn` until it returns a truthy value; resolves with it, or rejects after `timeoutMs`. */
async function waitFor(fn, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs retentionLens.analyze(uri). The command must settle by itself; if it is still pending after
 * `timeoutMs` something is waiting for the user (e.g. a quick pick), which a test treats as a failure:
 * the quick input is closed so the suite can go on, and the error says so.
 */
async function analyze(uri, timeoutMs = 45000) {
  const run = Promise.resolve(vscode.commands.executeCommand('retentionLens.analyze', uri));
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(timeoutMarker), timeoutMs); });
  const result = await Promise.race([run, timeout]);
  clearTimeout(timer);
  if (result !== timeoutMarker) return result;
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await Promise.race([run, new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
  throw new Error(`retentionLens.analyze(${uri.path.split('/').pop()}) did not settle within ${timeoutMs / 1000} s ` +
    '(waiting for user input such as a quick pick?)');
}
const timeoutMarker = Symbol('timeout');

/** Labels of every open tab. */
function tabLabels() {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
}

/** Closes every editor and panel, so each test starts from an empty window. */
async function closeAll() {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = { EXT_ID, api, workspaceFile, sha256, waitFor, analyze, tabLabels, closeAll };

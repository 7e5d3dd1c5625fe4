// The extension as VS Code sees it: present, activates, contributes its command and menus.
const assert = require('assert');
const vscode = require('vscode');
const { EXT_ID, api } = require('./helpers');

describe('Retention Lens in VS Code (extension host)', () => {
  it('is installed and activates, returning the test API', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} not found among ${vscode.extensions.all.length} extensions`);
    const testApi = await api();
    assert.strictEqual(ext.isActive, true);
    for (const fn of ['lastReport', 'lastError', 'panelCount']) assert.strictEqual(typeof testApi[fn], 'function', `test API lacks ${fn}()`);
    console.log(`    (VS Code ${vscode.version}, ${vscode.env.appName}, Node ${process.version}, extension host uiKind=${vscode.env.uiKind})`);
  });

  it('registers retentionLens.analyze and retentionLens.changeMapping', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('retentionLens.analyze'), 'retentionLens.analyze is not registered');
    assert.ok(commands.includes('retentionLens.changeMapping'), 'retentionLens.changeMapping is not registered');
  });

  it('titles the command "Retention Lens: Analyze Retention" and activates on its webview panel', () => {
    const pkg = vscode.extensions.getExtension(EXT_ID).packageJSON;
    const cmd = pkg.contributes.commands.find((c) => c.command === 'retentionLens.analyze');
    assert.ok(cmd, 'retentionLens.analyze is not in contributes.commands');
    assert.strictEqual(cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title, 'Retention Lens: Analyze Retention');
    assert.ok((pkg.activationEvents || []).includes('onWebviewPanel:retentionLens.report'), 'no onWebviewPanel:retentionLens.report activation event');
  });

  for (const menu of ['explorer/context', 'editor/title', 'editor/context']) {
    it(`offers Analyze in ${menu} for .csv/.tsv files in any letter case`, () => {
      const pkg = vscode.extensions.getExtension(EXT_ID).packageJSON;
      const entries = ((pkg.contributes.menus || {})[menu] || []).filter((m) => m.command === 'retentionLens.analyze');
      assert.strictEqual(entries.length, 1, `${menu} should have one retentionLens.analyze entry`);
      const when = entries[0].when || '';
      const m = /resourceExtname\s*=~\s*\/(.+?)\/([a-z]*)/.exec(when);
      assert.ok(m, `${menu}: the when clause does not match resourceExtname with a regex: ${when}`);
      const re = new RegExp(m[1].replace(/\\\\/g, '\\'), m[2]);
      for (const ext of ['.csv', '.CSV', '.Csv', '.tsv', '.TSV']) assert.ok(re.test(ext), `${menu}: ${when} does not accept ${ext}`);
      for (const ext of ['.txt', '.json', '.csvx', '.xcsv']) assert.ok(!re.test(ext), `${menu}: ${when} accepts ${ext}`);
    });
  }
});

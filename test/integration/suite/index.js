// Entry point the extension host loads (extensionTestsPath): exports run(): Promise<void>, the same
// contract as under @vscode/test-electron. run.mjs opens a workbench window whose URL payload names
// this file; when run() settles, the workbench calls codeAutomationExit(0|1) and run.mjs reads
// the JSON summary written to $RL_IT_EXTHOST_RESULTS (the extension host inherits code-server's env).
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const only = process.env.RL_IT_EXTHOST_GREP;
  if (only) mocha.grep(only);
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const tests = [];
    const runner = mocha.run((failures) => {
      const out = process.env.RL_IT_EXTHOST_RESULTS;
      const passes = tests.filter((t) => t.state === 'passed').length;
      if (out) fs.writeFileSync(out, JSON.stringify({ passes, failures, tests }, null, 1));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', error: String((err && err.stack) || err) }));
  });
};

// Runs the Playwright UI tests (ui/*.test.mjs) with mocha in this process and writes a JSON summary
// to $RL_IT_RESULTS. Started by run.mjs as a child process (once per server: dev and VSIX).
// RL_IT_MODE=vsix runs only the orders.csv and Telco survival checks (and their screenshots); RL_IT_UI_GREP narrows by test title.
import Mocha from 'mocha';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeSharedBrowser, config } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { mode } = config();
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort()
  .filter((f) => mode !== 'vsix' || f === 'orders.test.mjs' || f === 'survival.test.mjs');

const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120000, color: process.stdout.isTTY });
if (process.env.RL_IT_UI_GREP) mocha.grep(process.env.RL_IT_UI_GREP);
for (const f of files) mocha.addFile(path.join(here, f));
await mocha.loadFilesAsync();

const tests = [];
const failures = await new Promise((resolve) => {
  const runner = mocha.run(resolve);
  runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
  runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
});
await closeSharedBrowser();
const summary = { passes: tests.filter((t) => t.state === 'passed').length, failures, tests };
if (process.env.RL_IT_RESULTS) fs.writeFileSync(process.env.RL_IT_RESULTS, JSON.stringify(summary, null, 1));
process.exit(failures ? 1 : 0);

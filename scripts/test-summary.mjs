#!/usr/bin/env node
// Totals the unit and integration test counts of one `npm test` run and prints them, ending with a
// single plain line `N passed, N failed` (what .ci/run reports).
//   unit:        mocha's spec summary ("N passing", "N failing") in the captured `npm test` output,
//                before the integration runner's first "[integration" line
//   integration: test-results/integration/summary.json, written by test/integration/run.mjs — counted
//                only when the output shows the runner ran (else the file is from an earlier run)
// A part that did not run (e.g. the build failed) counts as one failure, so a broken run can never
// print "0 failed". Exit code: 0 only if both parts ran and nothing failed.
// usage: node scripts/test-summary.mjs <npm-test.log> [integration-summary.json]
import fs from 'node:fs';

const [logFile, integrationFile = 'test-results/integration/summary.json'] = process.argv.slice(2);
if (!logFile) {
  console.error('usage: node scripts/test-summary.mjs <npm-test.log> [integration-summary.json]');
  process.exit(2);
}

// eslint-disable-next-line no-control-regex
const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '') : '';
const [unitPart, ...integrationParts] = log.split(/^\[integration\s/m);
// the integration runner logs `[integration …]` lines: without them it did not run in this log, and a
// summary.json on disk is left over from an earlier run
const integrationRan = integrationParts.length > 0;
const count = (word) => {
  const m = [...unitPart.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b(?: \\((\\S+)\\))?`, 'gm'))].pop();
  return m ? { n: Number(m[1]), time: m[2] } : null;
};

const parts = [];
const passing = count('passing');
const failing = count('failing');
if (passing || failing) {
  const pending = count('pending');
  parts.push({ name: 'unit', passed: passing?.n ?? 0, failed: failing?.n ?? 0,
    note: `${pending ? `, ${pending.n} pending` : ''}${passing?.time ? ` in ${passing.time}` : ''}` });
} else {
  parts.push({ name: 'unit', passed: 0, failed: 1, note: ' — did not run or crashed (no mocha summary in the output)' });
}

if (integrationRan && fs.existsSync(integrationFile)) {
  const s = JSON.parse(fs.readFileSync(integrationFile, 'utf8'));
  parts.push({ name: 'integration', passed: s.passed, failed: s.failed, note: ` in ${Math.round(s.seconds)}s` });
} else {
  parts.push({ name: 'integration', passed: 0, failed: 1,
    note: integrationRan ? ` — no ${integrationFile} (the runner crashed or could not start)` : ' — did not run (no "[integration" lines in the output)' });
}

for (const p of parts) console.log(`${p.name}: ${p.passed} passed, ${p.failed} failed${p.note}`);
const passed = parts.reduce((a, p) => a + p.passed, 0);
const failed = parts.reduce((a, p) => a + p.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

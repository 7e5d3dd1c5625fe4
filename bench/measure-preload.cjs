// Preloaded into a measured process (node --require): on exit, writes its wall time since start
// and peak resident memory to $RL_MEASURE_OUT, so the benchmark needs no external `time`.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.RL_MEASURE_OUT) return;
  writeFileSync(process.env.RL_MEASURE_OUT, JSON.stringify({ ms: performance.now(), maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
});

// node --max-old-space-size=8192 --import tsx bench/predictive.ts [--customers 1000000]:
// time the predictive report (BG/NBD + Gamma-Gamma + CLV + holdout) on the CDNOW sample and
// master files and on a simulated file of BG/NBD customers. Figures, never assertions.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { predictiveReport } from '../src/engine/clv/predictive';
import type { PredictiveOptions } from '../src/shared/predictiveReport';
import type { Dataset } from '../src/shared/dataset';
import { CDNOW_DIR, cdnowSampleDataset } from '../test/unit/engine/clv/cdnow';
import { simulatedDataset } from '../test/unit/engine/clv/simulate';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '1000000' } } });
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

function run(label: string, ds: Dataset, options: Partial<PredictiveOptions>): void {
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const report = predictiveReport(ds, options);
  const total = performance.now() - t0;
  const fmt = (f: typeof report.bgnbd): string => (f
    ? `${f.params.map((p) => `${p.name} ${p.value.toFixed(4)} ± ${p.se?.toFixed(4) ?? '—'}`).join(', ')}; LL ${f.logLikelihood.toFixed(4)}; ${f.fitMs.toFixed(0)} ms; ${f.status}`
    : 'not fitted');
  console.log(`\n${label}: ${ds.rowCount.toLocaleString('en-US')} rows, ${report.data.modelled.toLocaleString('en-US')} customers modelled`);
  console.log(`  BG/NBD       ${fmt(report.bgnbd)}`);
  console.log(`  Gamma-Gamma  ${fmt(report.gammaGamma)}`);
  console.log(`  holdout      actual ${report.holdout?.actualTotal ?? '—'}, expected ${report.holdout?.expectedTotal.toFixed(1) ?? '—'}`);
  console.log(`  whole report ${total.toFixed(0)} ms; heap +${mb(process.memoryUsage().heapUsed - heapBefore)} after; peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

function main(): void {
  const cdnow = { calibrationEnd: '1997-09-30', zeroAmountPurchases: true };
  run('CDNOW sample (published: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4; p 6.25, q 3.74, γ 15.44, LL −4055.9177)', cdnowSampleDataset(), cdnow);
  run('CDNOW master', cdnowSampleDataset(resolve(CDNOW_DIR, 'CDNOW_master.txt'), 0), cdnow);
  const customers = Number(values.customers);
  const t0 = performance.now();
  const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };
  const ds = simulatedDataset({ customers, seed: 7, ...truth, birthDays: 84, days: 546 });
  console.log(`\nsimulated ${customers.toLocaleString('en-US')} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s; true ${JSON.stringify(truth)}`);
  run(`simulated ${customers.toLocaleString('en-US')}`, ds, { calibrationEnd: '1997-09-30' });
}

main();

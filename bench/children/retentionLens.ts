// Benchmark child: `node retentionLens.cjs OUT.json table|reanalysis FILE`. `table`: parse →
// Dataset → monthly cohort table; `reanalysis`: control changes timed on the cached Dataset.
import { reanalysisTimes, retentionLensCohortTable } from '../engines/retentionLens';
import { runChild, writeChildResult } from './report';

runChild(async () => {
  const [out, mode, file] = process.argv.slice(2);
  if (mode === 'reanalysis') return writeChildResult(out, await reanalysisTimes(file));
  const { table, dataset } = await retentionLensCohortTable(file);
  const q = dataset.quality;
  writeChildResult(out, { table, rowsRead: q.rowsRead, rowsUsed: q.rowsUsed, skipped: q.skipped, customers: dataset.customerIds.length });
});

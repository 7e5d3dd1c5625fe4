// Benchmark child: `node duckdb.cjs OUT.json FILE [THREADS]`: read_csv + the cohort query.
import { duckdbRun } from '../engines/duckdb';
import { runChild, writeChildResult } from './report';

runChild(async () => {
  const [out, file, threads] = process.argv.slice(2);
  writeChildResult(out, await duckdbRun(file, { threads: threads ? Number(threads) : null }));
});

// DuckDB's side of the benchmark: read_csv and one SQL query giving the same monthly classic
// cohort table as Retention Lens (DESIGN.md §3/§4), in UTC.
//
// Same rules as the engine: a row needs a customer id and a timestamp; with an amount column a
// row is activity only when amount > 0; the cohort is the month of a customer's first qualifying
// row; cell (c, k) counts the cohort's customers with a qualifying row in month c + k. Exact
// duplicate rows are dropped by Retention Lens, but a duplicate repeats a customer, a time and an
// amount already there, so it cannot change a distinct-customer count (minimum occurrences 1):
// the query does not spend a DISTINCT over every column on it. Columns run to the month of the
// last qualifying row; cells after the month of the data end (latest kept row) are null.
// Timestamps: the generator writes UTC stamps only ('…Z'), which DuckDB's plain TIMESTAMP reads
// as UTC wall time (it drops an offset rather than applying it, so a file with other offsets would
// need TIMESTAMPTZ); year()/month() on TIMESTAMPTZ go through ICU's calendar per row and made the
// query ~1.5× slower at 1M rows. TimeZone is pinned to UTC all the same.
import { DuckDBInstance } from '@duckdb/node-api';
import { denseTable, type CohortTable } from '../cohortTable';

/** How DuckDB runs: null threads = its default (one per core). */
export interface DuckOptions {
  threads?: number | null;
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The cohort query over `file` (this generator's columns: customer_id, created_at, amount). */
export function cohortSql(file: string): string {
  return `
WITH kept AS MATERIALIZED (
  SELECT customer_id AS cid, year(created_at) * 12 + month(created_at) - 1 AS m, bool_or(amount > 0) AS q
  FROM read_csv(${sqlString(file)}, header = true, delim = ',', quote = '"', escape = '"',
    columns = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'created_at': 'TIMESTAMP', 'amount': 'DOUBLE',
               'segment': 'VARCHAR', 'country': 'VARCHAR', 'note': 'VARCHAR'})
  WHERE customer_id IS NOT NULL AND created_at IS NOT NULL
  GROUP BY ALL
),
active AS (SELECT cid, m FROM kept WHERE q),
cohort AS (SELECT cid, min(m) AS c FROM active GROUP BY cid),
cells AS (SELECT c, m - c AS k, count(*) AS n FROM active JOIN cohort USING (cid) GROUP BY ALL)
SELECT c, k, n, (SELECT max(m) FROM active) AS last_q, (SELECT max(m) FROM kept) AS last_data
FROM cells ORDER BY c, k`;
}

/** The table and what ran it. */
export interface DuckRun {
  table: CohortTable;
  version: string;
  threads: number;
}

/** Runs the cohort query on `file` and lays the result out as Retention Lens does. */
export async function duckdbRun(file: string, options: DuckOptions = {}): Promise<DuckRun> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    if (options.threads) await connection.run(`SET threads = ${Math.floor(options.threads)}`);
    const info = (await connection.runAndReadAll(`SELECT version() AS v, current_setting('threads') AS t`)).getRowObjectsJS()[0];
    const reader = await connection.runAndReadAll(cohortSql(file));
    const rows = reader.getRowObjectsJS() as { c: number; k: number; n: number | bigint; last_q: number; last_data: number }[];
    const cells = rows.map((r) => ({ c: Number(r.c), k: Number(r.k), n: Number(r.n) }));
    const table = rows.length ? denseTable(cells, Number(rows[0].last_q), Number(rows[0].last_data)) : { cohorts: [] };
    return { table, version: String(info.v), threads: Number(info.t) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The DuckDB cohort table of `file`. */
export async function duckdbCohortTable(file: string, options: DuckOptions = {}): Promise<CohortTable> {
  return (await duckdbRun(file, options)).table;
}

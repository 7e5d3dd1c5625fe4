// The CDNOW 1/10th sample (../shared/data/cdnow/CDNOW_sample.txt) as a Dataset, built directly:
// see the comment on cdnowSampleDataset for why not through src/ingest.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset } from '../../../../src/shared/dataset';
import { customerIdsOf } from '../../../../src/shared/customerIds';

/** Folder of the shared reference data (CI has shared/ beside the checkout). */
export const CDNOW_DIR = resolve(__dirname, '../../../../../shared/data/cdnow');

/** Civil ms of a compact YYYYMMDD date. */
function compactDate(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(4, 6)) - 1, Number(text.slice(6, 8)));
}

/**
 * CDNOW_sample.txt (`master_id sample_id YYYYMMDD cds dollars`, space-aligned, no header) as the
 * columnar Dataset ingest would produce, customer = sample id. Built here rather than through
 * src/ingest because (1) this branch's sniffer does not read space-aligned text, and (2) the
 * CSV twin (cdnowElog_BTYD.csv) holds 21 exact repeated rows — real, separate same-day purchases
 * in CDNOW — which ingest drops as duplicates (DESIGN.md §7), changing the summed dollars of
 * those days and so Gamma-Gamma's mean repeat spend.
 */
export function cdnowSampleDataset(file = resolve(CDNOW_DIR, 'CDNOW_sample.txt'), idColumn = 1): Dataset {
  assert.ok(existsSync(file), `missing ${file} (shared/ must sit beside the checkout)`);
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => /^\d/.test(l));
  const ids = new Map<string, number>();
  const customer = new Uint32Array(lines.length);
  const time = new Float64Array(lines.length);
  const amount = new Float64Array(lines.length);
  const firstLine: number[] = [];
  const lastLine: number[] = [];
  lines.forEach((line, r) => {
    const f = line.split(/\s+/);
    const id = String(Number(f[idColumn]));
    if (!ids.has(id)) {
      ids.set(id, ids.size);
      firstLine.push(r + 1);
    }
    customer[r] = ids.get(id)!;
    lastLine[customer[r]] = r + 1;
    time[r] = compactDate(f[idColumn + 1]);
    amount[r] = Number(f[f.length - 1]);
  });
  const latest = time.reduce((a, b) => Math.max(a, b), -Infinity);
  return {
    file: 'CDNOW_sample.txt', rowCount: lines.length, customer, time, amount, order: null,
    customerIds: customerIdsOf([...ids.keys()]), customerFirstLine: Uint32Array.from(firstLine),
    customerLastLine: Uint32Array.from(lastLine), orderIdCount: 0,
    event: null, eventNames: [], segments: [], timePrecision: 'day', dataEnd: latest + 86_400_000,
    quality: { rowsRead: lines.length, rowsUsed: lines.length, skipped: {}, examples: {}, returns: 0, zeroAmount: 0 },
  };
}

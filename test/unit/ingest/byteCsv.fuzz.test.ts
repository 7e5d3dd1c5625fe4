// Seeded random CSVs through both paths: the byte path (cut into random chunks) must give the
// text path's outcome or give up with IrregularCsvError; and irregular quoting does make it give
// up, and loadCsvFile then reads the file as text.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeRng, type Rng } from '../../../bench/rng';
import { loadCsvFile, type LoadPath } from '../../../src/host/parallelLoad';
import type { IngestPlan } from '../../../src/shared/mapping';
import { bothWays, byteOutcome, bytesOf, datasetOf, newlineOf, textOutcome } from './byteHelpers';
import { plain, plan } from './helpers';
import { idStrings } from '../../../src/shared/customerIds';

const pick = <T>(rng: Rng, a: readonly T[]): T => a[Math.floor(rng() * a.length)];

// 'xÃ©x' after 'xéx' is left to byteCsv.test.ts, so that a failure here is a new finding.
const IDS = ['c1', 'c2', 'c3', ' c1 ', 'c1 ', '"c1"', 'é', ' é', '中文', '😀', '\u00a0c2', 'c2\u3000', '\ufeffc3', '\u2028c3', 'ä', 'a\u0308', '', '  ', 'a,b', 'a;b', 'a\tb', 'two\nlines', 'cr\rid', 'crlf\r\nid', 'q"x', '""'];
const GOOD_TS = ['2024-01-01', '2024-02-29', '2024-01-02T10:00:00', '2024-01-02 10:00:00Z', '2024-01-02T10:00:00.5', '2024-01-02T10:00:00.1234567z', '2024-01-03T01:00:00+02:00', '2024-1-4', ' 2024-01-05 ', '\u00a02024-01-06', '2024-01-07T23:59:60', '2024-01-08 9:05'];
const BAD_TS = ['2023-02-29', 'x', '', '2024-01-01T24:00:00', '2024-01-01T23:60:00', '2024-01-01T10:00:00.', '2024-13-01', '2024-01-01Z'];
const AMOUNTS = ['1', '-2.5', '0', '1,234.50', '(3)', '$4', 'abc', '', ' 5 ', '1e3', '.5', '5.', '+1', '-0', '1.234,50', '12,5', '1234567890123456', '0012', '\u00a07', '1 000'];
const ORDERS = ['A1', '007', ' 3 ', '中', '', '10', '9', 'o"1'];
const EVENTS = ['buy', 'sell', 'büy', '', 'e,1', ' buy', 'buy\n'];
const SEGS = ['a', 'b', 'ü', '', 'x\ny', 'say "hi"', ' a ', '\u3000a', 'a\r'];
const HEADER = ['order', 'id', 'ts', 'amount', 'event', 'seg'];

interface RandomCsv { bytes: Uint8Array; plan: IngestPlan; irregularOnPurpose: boolean }

/** One random small CSV with its plan. */
function randomCsv(rng: Rng): RandomCsv {
  const delimiter = pick(rng, [',', ',', ';', '\t']);
  const decimalComma = delimiter === ';' && rng() < 0.5;
  const crlf = rng() < 0.4;
  const nl = crlf ? '\r\n' : '\n';
  const p = plan(HEADER, { customerId: 'id', timestamp: 'ts', amount: rng() < 0.8 ? 'amount' : null, orderId: rng() < 0.6 ? 'order' : null, eventName: rng() < 0.4 ? 'event' : null },
    { delimiter, decimalComma, timeZone: pick(rng, ['UTC', 'America/New_York']) });
  const field = (v: string): string => {
    const special = v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r');
    // CRLF files may carry a lone CR or LF in a bare field; a quote may stand inside a bare field.
    const bareOk = !v.includes(delimiter) && !v.startsWith('"') && !v.includes('\r\n') && (crlf || !v.includes('\n'));
    return (special && !(bareOk && rng() < 0.3)) || rng() < 0.25 ? `"${v.replace(/"/g, '""')}"` : v;
  };
  let order = 0;
  const rows: string[][] = [];
  const lines: string[] = [HEADER.map(field).join(delimiter)];
  const n = 2 + Math.floor(rng() * 12);
  for (let r = 0; r < n; r++) {
    const u = rng();
    if (u < 0.06) { lines.push(pick(rng, ['', ' ', '\t', '""', '\u00a0'])); continue; }
    let values: string[];
    if (u < 0.14 && rows.length > 0) values = pick(rng, rows);
    else {
      order += rng() < 0.3 ? 0 : 1;
      values = [rng() < 0.8 ? String(order) : pick(rng, ORDERS), pick(rng, IDS), rng() < 0.9 ? pick(rng, GOOD_TS) : pick(rng, BAD_TS), pick(rng, AMOUNTS), pick(rng, EVENTS), pick(rng, SEGS)];
      const width = rng();
      if (width < 0.05) values = values.slice(0, 4);
      else if (width < 0.1) values = [...values, 'extra'];
      rows.push(values);
    }
    lines.push(values.map(field).join(delimiter));
  }
  let irregularOnPurpose = false;
  if (rng() < 0.04) {
    irregularOnPurpose = true;
    lines.push(rng() < 0.5 ? `1${delimiter}"ab"c${delimiter}2024-01-01${delimiter}1${delimiter}e${delimiter}s` : `1${delimiter}c1${delimiter}2024-01-01${delimiter}1${delimiter}e${delimiter}"never closed`);
  }
  const text = (rng() < 0.2 ? '\uFEFF' : '') + lines.join(nl) + (irregularOnPurpose || rng() < 0.3 ? '' : nl);
  return { bytes: bytesOf(text), plan: p, irregularOnPurpose };
}

/** Random ascending cut offsets in (0, n). */
function randomCuts(rng: Rng, n: number): number[] {
  const k = Math.floor(rng() * 5);
  return [...new Set(Array.from({ length: k }, () => 1 + Math.floor(rng() * Math.max(1, n - 1))))].sort((a, b) => a - b);
}

describe('ingest/byteCsv fuzz', function () {
  this.timeout(120_000);

  it('random small CSVs: the byte path gives the text path\'s outcome or gives up', async () => {
    const rng = makeRng(20240601);
    const N = 600;
    let irregular = 0;
    let datasets = 0;
    let onPurpose = 0;
    for (let k = 0; k < N; k++) {
      const { bytes, plan: p, irregularOnPurpose } = randomCsv(rng);
      const whole = await bothWays(bytes, p, [], `#${k}`);
      const cut = await bothWays(bytes, p, randomCuts(rng, bytes.length), `#${k}`);
      if (irregularOnPurpose) {
        onPurpose++;
        assert.ok(whole.irregular && cut.irregular, `#${k}: irregular quoting must make the byte path give up`);
      }
      if (whole.irregular) irregular++;
      if ('dataset' in whole.text) datasets++;
    }
    // Not vacuous: the inputs were mostly regular, mostly gave a Dataset, and some were irregular on purpose.
    assert.ok(irregular < N * 0.15, `${irregular} of ${N} irregular`);
    assert.ok(irregular >= onPurpose && onPurpose > 0, `${irregular} irregular, ${onPurpose} on purpose`);
    assert.ok(datasets > N / 2, `${datasets} of ${N} gave a Dataset`);
  });
});

describe('ingest/byteCsv irregular quoting', () => {
  const P = plan(['id', 'ts', 'amount'], { customerId: 'id', timestamp: 'ts', amount: 'amount' });
  // Five good rows first, so that the text path still has a Dataset to give.
  const good = (nl: string): string => ['id,ts,amount', 'c1,2024-01-01,1', 'c2,2024-01-02,2', 'c3,2024-01-03,3', 'c4,2024-01-04,4', 'c5,2024-01-05,5', ''].join(nl);
  const IRREGULAR = [
    good('\n') + '"ab"c,2024-01-06,6\n',
    good('\n') + '"c6,2024-01-06,6\n',
    good('\n') + 'c6,2024-01-06,"6',
    good('\n') + '"c6" ,2024-01-06,6\n',
    good('\r\n') + '"c6"\n,2024-01-06,6\r\n',
    good('\r\n') + 'c6,2024-01-06,"6"\r',
  ];

  it('throws IrregularCsvError, whole or cut anywhere', async () => {
    for (const text of IRREGULAR) {
      const bytes = bytesOf(text);
      const newline = newlineOf(bytes)!;
      for (let at = 0; at <= bytes.length; at++) {
        const chunks = [bytes.slice(0, at), bytes.slice(at)];
        assert.equal(await byteOutcome(chunks, P, newline), 'irregular', `${JSON.stringify(text)} cut at ${at}`);
      }
    }
  });

  describe('loadCsvFile', () => {
    const workerScript = join(resolve(__dirname, '../../..'), 'dist/parseWorker.js');
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'rl-bytes-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('reads irregular files as text and returns the text path\'s Dataset', async () => {
      for (const [i, text] of IRREGULAR.entries()) {
        const path = join(dir, `irregular${i}.csv`);
        writeFileSync(path, text);
        const paths: LoadPath[] = [];
        const d = await loadCsvFile({ path, encoding: 'utf8', size: Buffer.byteLength(text) }, P, 'f.csv', { workerScript, onPath: (p) => paths.push(p) });
        assert.deepEqual(paths, ['one pass', 'text'], text);
        const expected = datasetOf(await textOutcome(text, P));
        assert.deepEqual(plain(d), expected, text);
        assert.ok((expected.customerIds as string[]).includes('c2'));
      }
    });

    it('reads regular files from their bytes, with the same Dataset', async () => {
      const text = '\uFEFFid,ts,amount\r\n"c,1",2024-01-01,1\r\nc2,2024-01-02,"2\r\n"\r\né,2024-01-03,3';
      const path = join(dir, 'regular.csv');
      writeFileSync(path, text);
      const paths: LoadPath[] = [];
      const d = await loadCsvFile({ path, encoding: 'utf8', size: Buffer.byteLength(text) }, P, 'f.csv', { workerScript, onPath: (p) => paths.push(p) });
      assert.deepEqual(paths, ['one pass']);
      assert.deepEqual(plain(d), datasetOf(await textOutcome(text, P)));
      assert.deepEqual(idStrings(d.customerIds), ['c,1', 'c2', 'é']);
    });
  });
});

// Shared helpers for the byte-path tests: one input through both parsers — the text path
// (parseCsv over the decoded text, papaparse) and the byte path (parseBytes over the UTF-8 bytes,
// cut into chunks) — as comparable outcomes: a plain Dataset, an error, or 'irregular'.
import { strict as assert } from 'node:assert';
import { IrregularCsvError } from '../../../src/ingest/byteCsv';
import { memoryFeed, parseBytes } from '../../../src/ingest/parseBytes';
import { parseCsv } from '../../../src/ingest/parseCsv';
import type { IngestPlan } from '../../../src/shared/mapping';
import { cutAt, plain } from './helpers';

/** What a parse gave: the Dataset as plain data, or the error it threw (class, code and message). */
export type Outcome = { dataset: Record<string, unknown> } | { error: string };

const describeError = (e: unknown): string => {
  const err = e as { name?: string; code?: string; message?: string };
  return `${err.name ?? 'Error'} ${err.code ?? ''}: ${err.message ?? String(e)}`;
};

/** The bytes of an input given as text (UTF-8) or as bytes. */
export const bytesOf = (input: string | Uint8Array): Uint8Array => (typeof input === 'string' ? new Uint8Array(Buffer.from(input, 'utf8')) : input);

/** The line ending as parallelLoad judges a file's: by its first line feed; null when there is none. */
export function newlineOf(bytes: Uint8Array): '\r\n' | '\n' | null {
  const lf = bytes.indexOf(10);
  if (lf < 0) return null;
  return lf > 0 && bytes[lf - 1] === 13 ? '\r\n' : '\n';
}

/** The text path: the bytes decoded as readTextChunks decodes them (BOM dropped, bad bytes → U+FFFD), then papaparse. */
export async function textOutcome(input: string | Uint8Array, plan: IngestPlan, name = 'f.csv'): Promise<Outcome> {
  const text = new TextDecoder('utf-8').decode(bytesOf(input));
  try {
    return { dataset: plain(await parseCsv([text], plan, name)) };
  } catch (e) {
    return { error: describeError(e) };
  }
}

/** The byte path over `chunks`; 'irregular' when the scanner gives up. */
export async function byteOutcome(chunks: readonly Uint8Array[], plan: IngestPlan, newline: '\r\n' | '\n', name = 'f.csv'): Promise<Outcome | 'irregular'> {
  try {
    return { dataset: plain(await parseBytes(memoryFeed(chunks), plan, name, newline)) };
  } catch (e) {
    if (e instanceof IrregularCsvError) return 'irregular';
    return { error: describeError(e) };
  }
}

/** `bytes` cut at the given offsets (ascending). */
export function cutBytes(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  return cutAt(bytes, ...at);
}

/**
 * Parses `input` both ways (the bytes in one chunk, or cut at `cuts`) and asserts the byte path
 * gives the text path's outcome or gives up; returns the text outcome and whether it gave up.
 */
export async function bothWays(input: string | Uint8Array, plan: IngestPlan, cuts: readonly number[] = [], label = ''): Promise<{ text: Outcome; irregular: boolean }> {
  const bytes = bytesOf(input);
  const newline = newlineOf(bytes);
  assert.ok(newline, `${label}: the input needs a line feed to be read as bytes`);
  const text = await textOutcome(bytes, plan);
  const got = await byteOutcome(cutBytes(bytes, cuts), plan, newline);
  if (got === 'irregular') return { text, irregular: true };
  assert.deepEqual(got, text, `${label} ${JSON.stringify(Buffer.from(bytes).toString('utf8'))} cut at ${JSON.stringify(cuts)}`);
  return { text, irregular: false };
}

/** As bothWays, and the byte path must not give up (the input is regular CSV). */
export async function sameBothWays(input: string | Uint8Array, plan: IngestPlan, cuts: readonly number[] = [], label = ''): Promise<Outcome> {
  const { text, irregular } = await bothWays(input, plan, cuts, label);
  assert.equal(irregular, false, `${label}: the byte path gave up on regular CSV ${JSON.stringify(Buffer.from(bytesOf(input)).toString('utf8'))} cut at ${JSON.stringify(cuts)}`);
  return text;
}

/** The Dataset of an outcome (fails when the parse threw). */
export function datasetOf(o: Outcome): Record<string, unknown> {
  assert.ok('dataset' in o, `expected a Dataset, got ${'error' in o ? o.error : ''}`);
  return o.dataset;
}

import { basename } from 'node:path';
import { detectEncoding, decodeHead } from '../ingest/decode';
import { analyzeSample, type SampleAnalysis } from '../ingest/prepare';
import type { ColumnMapping, DataShape, DateFormat, TenureUnit } from '../shared/mapping';
import { readHead, SAMPLE_BYTES } from './readText';
import type { CsvSource } from './workerProtocol';

/** What the user (settings, flags, remembered mapping) already decided before sniffing. */
export interface SampleOverrides {
  shape?: DataShape;          // a flag or a remembered mapping; detected when absent
  tenureUnit?: TenureUnit;
  mapping?: Partial<ColumnMapping>;
  dateFormat?: DateFormat;
  timeZone: string;
  lenient?: boolean;         // a remembered mapping: drop columns the file no longer has
}

/** A CSV ready to parse: where to stream it from, and what its first bytes told us. */
export interface SampledSource {
  file: string;              // base name, for messages
  source: CsvSource;
  analysis: SampleAnalysis;
}

/** Reads only the head of a file on disk and sniffs it (dialect, encoding, roles, dates). */
export async function sampleFile(path: string, overrides: SampleOverrides): Promise<SampledSource> {
  const file = basename(path);
  const head = await readHead(path);
  const { encoding, bomBytes } = detectEncoding(head.bytes, file);
  const sample = decodeHead(head.bytes, encoding, bomBytes, head.isWholeFile);
  return { file, source: { kind: 'file', path, encoding, size: head.size }, analysis: analyzeSample(sample, file, overrides) };
}

/** Sniffs an editor's text (untitled or with unsaved edits). */
export function sampleText(text: string, file: string, overrides: SampleOverrides): SampledSource {
  let sample = text.length > SAMPLE_BYTES ? text.slice(0, SAMPLE_BYTES) : text;
  if (sample.length < text.length) sample = sample.slice(0, sample.lastIndexOf('\n') + 1) || sample;
  const bytes = new TextEncoder().encode(sample.slice(0, 4096));
  detectEncoding(bytes, file); // same binary/empty checks as for files
  return { file, source: { kind: 'text', text }, analysis: analyzeSample(sample.replace(/^\uFEFF/, ''), file, overrides) };
}

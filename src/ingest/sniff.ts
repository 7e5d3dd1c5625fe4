// Dialect and header detection on a file's first rows (DESIGN.md §3).
import Papa from 'papaparse';
import type { CsvDialect } from '../shared/mapping';
import { IngestError } from './errors';
import { detectDateFormat } from './dates';
import { looksNumeric } from './numbers';

/** What the first rows of a file say: dialect, column names and example rows. */
export interface CsvSniff {
  dialect: CsvDialect;
  header: string[];          // column names; "column 1".. when the file has no header row
  sampleRows: string[][];    // data rows from the head of the file (header excluded)
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const SNIFF_ROWS = 1000;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'spaces' };

/** Human name of a delimiter, for messages. */
export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? `'${delimiter}'`;
}

/** Splits `sample` with one delimiter; rows that are entirely blank are dropped. */
function splitRows(sample: string, delimiter: string): string[][] {
  const parsed = Papa.parse<string[]>(sample, { delimiter, preview: SNIFF_ROWS, skipEmptyLines: 'greedy' });
  return parsed.data;
}

/** How well a delimiter explains the sample: the share of rows with the modal field count. */
function score(rows: string[][]): { fields: number; consistency: number } {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let fields = 0;
  let best = 0;
  for (const [n, c] of counts) if (c > best || (c === best && n > fields)) [fields, best] = [n, c];
  return { fields, consistency: rows.length ? best / rows.length : 0 };
}

/**
 * The delimiter value for space-aligned text exports (DESIGN.md §3): fields separated by runs of
 * spaces or tabs, no quoting. parseCsv turns such lines into tab-separated ones before papaparse.
 */
export const WHITESPACE_DELIMITER = ' ';

/** Rows of space-aligned text: each non-blank line trimmed and split on runs of spaces/tabs. */
export function splitOnWhitespace(line: string): string[] {
  return line.trim().split(/[ \t]+/);
}

function whitespaceRows(sample: string): string[][] {
  return sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, SNIFF_ROWS).map(splitOnWhitespace);
}

/**
 * Picks the delimiter whose rows are most consistent (and widest); when none of , ; tab | splits
 * the rows, space-aligned columns; throws when everything gives one column.
 */
function pickDelimiter(sample: string, file: string): { delimiter: string; rows: string[][] } {
  let chosen: { delimiter: string; rows: string[][]; fields: number; consistency: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = splitRows(sample, delimiter);
    const s = score(rows);
    if (s.fields < 2) continue;
    const better = !chosen || s.consistency > chosen.consistency + 0.05 || (Math.abs(s.consistency - chosen.consistency) <= 0.05 && s.fields > chosen.fields);
    if (better) chosen = { delimiter, rows, ...s };
  }
  if (!chosen) {
    const rows = whitespaceRows(sample);
    const s = score(rows);
    // Only a clearly columnar layout: prose with spaces has ragged word counts.
    if (s.fields >= 2 && s.consistency >= 0.9) return { delimiter: WHITESPACE_DELIMITER, rows };
    throw new IngestError('one-column', `${file}: only one column found (tried comma, semicolon, tab, pipe and space-aligned columns); a retention report needs at least a customer id and a date column`);
  }
  return chosen;
}

/** A value that reads as data rather than as a column name. */
function looksLikeValue(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  return looksNumeric(t) || detectDateFormat([t]).matched === 1;
}

/**
 * The first row is a header when none of its cells reads as a number or a date, and none
 * reappears as a value further down its column.
 */
function hasHeaderRow(rows: string[][]): boolean {
  const first = rows[0];
  if (first.some(looksLikeValue)) return false;
  const names = first.map((c) => c.trim());
  if (rows.length === 1) return true;
  return names.every((name, i) => name === '' || !rows.slice(1, 200).some((r) => (r[i] ?? '').trim() === name));
}

/** Unique, non-empty column names: blanks become "column N", repeats get " (2)". */
function columnNames(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    let name = cell.trim() || `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
}

/** Decimal comma when ';' or tab separate fields and comma-decimals outnumber point-decimals. */
function usesDecimalComma(delimiter: string, rows: string[][]): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    for (const cell of row) {
      const t = cell.trim();
      if (/^[-+]?\d{1,3}(\.\d{3})*,\d+$/.test(t) || /^[-+]?\d+,\d+$/.test(t)) comma++;
      else if (/^[-+]?\d+\.\d+$/.test(t)) point++;
    }
  }
  return comma > point;
}

/** Sniffs the decoded head of a file. Throws IngestError for empty, one-column and header-only input. */
export function sniffCsv(sample: string, file: string): CsvSniff {
  if (sample.trim() === '') throw new IngestError('empty', `${file}: the file is empty`);
  const { delimiter, rows } = pickDelimiter(sample, file);
  const hasHeader = hasHeaderRow(rows);
  const width = score(rows).fields;
  const header = hasHeader ? columnNames(rows[0]) : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  const sampleRows = hasHeader ? rows.slice(1) : rows;
  if (sampleRows.length === 0) throw new IngestError('header-only', `${file}: only a header row, no data rows`);
  return { dialect: { delimiter, hasHeader, decimalComma: usesDecimalComma(delimiter, sampleRows) }, header, sampleRows };
}

// Text chunks (streamed from disk or sliced from an editor's text) → papaparse → one callback per
// data row with its physical line number. Shared by every shape's builder; never holds more than
// a chunk of text.
import Papa from 'papaparse';
import type { CsvDialect } from '../shared/mapping';
import { WHITESPACE_DELIMITER } from './sniff';
import { hashRowCountingLines } from './rowHashSet';

/** Line ending of the text: CRLF, LF or a lone CR, judged by the first line break outside quotes' reach. */
export function guessNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** Physical lines a parsed row spans: 1 plus the line breaks inside its quoted fields. */
function linesIn(row: readonly string[]): number {
  let lines = 1;
  for (let i = 0; i < row.length; i++) {
    const f = row[i];
    if (f.length > 0 && f.indexOf('\n') >= 0) {
      for (let k = f.indexOf('\n'); k >= 0; k = f.indexOf('\n', k + 1)) lines++;
    }
  }
  return lines;
}

/** Text buffered before giving up on seeing a line feed (then CR alone ends lines, or there is one line). */
const NEWLINE_SNIFF_LIMIT = 1 << 20;

/**
 * Space-aligned text as tab-separated lines (one tab between fields, none around them), complete
 * lines only: a chunk may end mid-line, where trimming would eat a field separator.
 */
async function* spacesToTabs(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk;
    const end = text.lastIndexOf('\n') + 1;
    carry = text.slice(end);
    if (end > 0) yield text.slice(0, end).replace(/[^\S\r\n]*(\r?\n)[^\S\r\n]*/g, '$1').replace(/^[^\S\r\n]+/, '').replace(/[^\S\r\n]+/g, '\t');
  }
  if (carry) yield carry.trim().replace(/[ \t]+/g, '\t');
}

/** A blank line as papaparse returns it: one empty field. */
const isBlank = (row: readonly string[]): boolean => row.length === 1 && row[0].trim() === '';

/** What streamRows calls: each data row (header and blank lines skipped) and after each chunk. */
export interface RowSink {
  row(fields: string[], line: number): void;
  chunkDone?(): void;
  /** When set, each row's hashRow is written here before `row` is called (sparing a second pass). */
  rowHash?: Uint32Array;
}

/**
 * Parses CSV text chunks with the dialect, calling `sink.row` for every data row. Chunk edges may
 * fall anywhere (inside a quoted field, between CR and LF): the unfinished last row of each chunk
 * is carried into the next, as papaparse's own streamers do. `newline` fixes the line ending
 * (a later part of a file must read it as the first part did). Resolves with whether the text
 * ended exactly at the end of a row, outside quotes, past the header: then a parse of the text
 * that follows, started afresh without a header, reads what one parse of both would
 * (host/parallelLoad relies on it).
 */
export async function streamRows(source: AsyncIterable<string> | Iterable<string>, dialect: CsvDialect, sink: RowSink, newline?: '\r\n' | '\n'): Promise<boolean> {
  const spaced = dialect.delimiter === WHITESPACE_DELIMITER;
  const chunks = spaced ? spacesToTabs(source) : source;
  const delimiter = spaced ? '\t' : dialect.delimiter;
  let parser: Papa.Parser | null = null;
  let carry = '';
  let baseIndex = 0;
  let line = 1;
  let headerPending = dialect.hasHeader;
  const { rowHash } = sink;
  const consume = (rows: string[][]): void => {
    for (const row of rows) {
      const at = line;
      line += rowHash ? 1 + hashRowCountingLines(row, rowHash) : linesIn(row);
      if (isBlank(row)) continue;
      if (headerPending) {
        headerPending = false;
        continue;
      }
      sink.row(row, at);
    }
  };
  const run = (text: string, last: boolean): void => {
    const input = carry + text;
    if (!parser) {
      // The line ending is judged once a line feed is in sight: a chunk may end between CR and LF.
      if (!last && !input.includes('\n') && input.length < NEWLINE_SNIFF_LIMIT) {
        carry = input;
        return;
      }
      parser = new Papa.Parser({ delimiter, newline: newline ?? guessNewline(input), quoteChar: spaced ? '\u0000' : '"' });
    }
    const result = parser.parse(input, baseIndex, !last) as { data: string[][]; meta: { cursor: number } };
    consume(result.data);
    if (!last) {
      carry = input.substring(result.meta.cursor - baseIndex);
      baseIndex = result.meta.cursor;
    }
  };
  for await (const chunk of chunks) {
    if (!chunk) continue;
    run(chunk, false);
    sink.chunkDone?.();
  }
  const endedAtRow = carry === '' && parser !== null && !headerPending;
  if (carry || !parser) run('', true);
  sink.chunkDone?.();
  return endedAtRow;
}

// One data row as the Dataset builder reads it, whichever way it was parsed: fields of text
// (papaparse, ingest/rowStream.ts) or field bounds in a file's bytes (ingest/byteCsv.ts). The
// builder asks only for what it keeps, so the byte row can answer most questions without
// making a string.
import type { ParsedTime, TimeParser } from './dates';
import { parseAmount } from './numbers';
import type { OrderIdTable } from './orderIds';
import type { StringTable } from './stringTable';
import { hashRow } from './rowHashSet';

/** The two time parsers of a plan: of text, and of UTF-8 bytes (which may defer to the text one). */
export interface TimeParsers {
  text: TimeParser;
  bytes: (buf: Uint8Array, start: number, end: number) => ParsedTime | null;
}

/** A data row's fields; every value is read trimmed, as String.prototype.trim trims. */
export interface RowFields {
  /** Number of fields. */
  readonly count: number;
  /** The field whose key is hashed ahead (ByteRow after lookAhead), −1 when none. */
  readonly keyField: number;
  /** Field `i`, trimmed. */
  text(i: number): string;
  /** Whether field `i` is empty once trimmed. */
  isEmpty(i: number): boolean;
  /** Whether field `i`, trimmed, is `s`. */
  equals(i: number, s: string): boolean;
  /** Field `i` as a timestamp, or null when it does not read. */
  time(i: number, parsers: TimeParsers): ParsedTime | null;
  /** Field `i` as an amount (numbers.ts parseAmount), NaN when it does not read. */
  amount(i: number, decimalComma: boolean): number;
  /** Field `i` interned in `table`. */
  intern(i: number, table: StringTable): number;
  /** Field `i` interned as an order id. */
  internOrder(i: number, table: OrderIdTable): number;
  /** The row's 64-bit duplicate hash into `out` (two words, the second never 0). */
  hash(out: Uint32Array): void;
}

/** RowFields over fields of text. */
export class TextFields implements RowFields {
  fields: readonly string[] = [];
  readonly keyField = -1;

  /** This object, now reading `fields` (one object serves every row). */
  of(fields: readonly string[]): this {
    this.fields = fields;
    return this;
  }

  get count(): number {
    return this.fields.length;
  }
  text(i: number): string {
    return this.fields[i].trim();
  }
  isEmpty(i: number): boolean {
    return this.fields[i].trim() === '';
  }
  equals(i: number, s: string): boolean {
    return this.fields[i].trim() === s;
  }
  time(i: number, parsers: TimeParsers): ParsedTime | null {
    return parsers.text(this.fields[i].trim());
  }
  amount(i: number, decimalComma: boolean): number {
    return parseAmount(this.fields[i].trim(), decimalComma);
  }
  intern(i: number, table: StringTable): number {
    return table.intern(this.fields[i].trim());
  }
  internOrder(i: number, table: OrderIdTable): number {
    return table.intern(this.fields[i].trim());
  }
  hash(out: Uint32Array): void {
    hashRow(this.fields, out);
  }
}

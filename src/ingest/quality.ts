// The data-quality account of a parse: every skipped row is counted, the first few located.
import type { DataQuality, RowProblem, SkipReason } from '../shared/dataset';

/** Examples kept per reason. */
export const EXAMPLES_PER_REASON = 5;
const MAX_VALUE_CHARS = 80;

/** Collects skip counts and the first examples per reason while rows stream by. */
export class QualityLog {
  rowsRead = 0;
  rowsUsed = 0;
  returns = 0;
  zeroAmount = 0;
  readonly skipped: Partial<Record<SkipReason, number>> = {};
  readonly examples: Partial<Record<SkipReason, RowProblem[]>> = {};

  /** Counts a skipped row and keeps it as an example while there are fewer than five. */
  skip(reason: SkipReason, line: number, column: string | null, value: string | null): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
    const list = (this.examples[reason] ??= []);
    if (list.length < EXAMPLES_PER_REASON) {
      const shown = value === null ? null : value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS - 1) + '…' : value;
      list.push({ line, column, value: shown });
    }
  }

  /**
   * Adds the account of the part of the file after this one (its lines already made absolute):
   * its examples come after this part's, so the first five per reason stay the first five.
   */
  absorb(later: DataQuality): void {
    this.rowsRead += later.rowsRead;
    this.rowsUsed += later.rowsUsed;
    this.returns += later.returns;
    this.zeroAmount += later.zeroAmount;
    for (const reason of Object.keys(later.skipped) as SkipReason[]) {
      this.skipped[reason] = (this.skipped[reason] ?? 0) + (later.skipped[reason] ?? 0);
      const list = (this.examples[reason] ??= []);
      for (const example of later.examples[reason] ?? []) if (list.length < EXAMPLES_PER_REASON) list.push(example);
    }
  }

  /** Rows skipped for any reason. */
  totalSkipped(): number {
    let n = 0;
    for (const count of Object.values(this.skipped)) n += count ?? 0;
    return n;
  }

  /** "invalid amount: 9 (first at line 2, column 'x': 'c1')" for each reason, for error messages. */
  describe(): string {
    return (Object.keys(this.skipped) as SkipReason[]).map((reason) => {
      const first = this.examples[reason]?.[0];
      const where = first ? ` (first at line ${first.line}${first.column ? `, column '${first.column}'` : ''}${first.value !== null ? `: '${first.value}'` : ''})` : '';
      return `${reason}: ${this.skipped[reason]}${where}`;
    }).join('; ');
  }

  /** The plain-data account stored in the Dataset. */
  toDataQuality(): DataQuality {
    return {
      rowsRead: this.rowsRead, rowsUsed: this.rowsUsed, skipped: { ...this.skipped },
      examples: structuredClone(this.examples), returns: this.returns, zeroAmount: this.zeroAmount,
    };
  }
}

/** Why an input could not be analysed; the host, worker and CLI show the message as it is. */
export type IngestErrorCode =
  | 'empty'
  | 'binary'
  | 'header-only'
  | 'one-column'
  | 'unknown-column'
  | 'no-customer-column'
  | 'no-date-column'
  | 'ambiguous-dates'
  | 'bad-dates'
  | 'bad-values'
  | 'no-usable-rows';

/**
 * A problem with the user's file. The message already names the file (and the line and column
 * when there is one), so callers print it unchanged.
 */
export class IngestError extends Error {
  constructor(readonly code: IngestErrorCode, message: string, readonly line?: number, readonly column?: string) {
    super(message);
    this.name = 'IngestError';
  }
}

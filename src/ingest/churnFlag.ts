// The churned flag of a customers table (DESIGN.md §3): CRM and ML exports write it as Yes/No,
// Y/N, true/false, 1/0 or as words (churned/active). A column named for being active (`active`,
// `is_active`) holds the opposite flag: its yes means "still a customer".

/** Values that say "churned" whatever the column is called. */
const CHURNED_WORDS = new Set(['churned', 'churn', 'cancelled', 'canceled', 'exited', 'left', 'lost', 'inactive', 'attrited', 'terminated', 'ended', 'closed', 'former']);
/** Values that say "still a customer" whatever the column is called. */
const ACTIVE_WORDS = new Set(['active', 'retained', 'stayed', 'current', 'existing', 'live', 'open', 'subscribed', 'renewed']);
/** Polarity-neutral values: yes means churned, unless the column is an "active" flag. */
const YES = new Set(['yes', 'y', 'true', 't', '1', '1.0']);
const NO = new Set(['no', 'n', 'false', 'f', '0', '0.0']);

/** Column names whose yes/no answers "is the customer still active?" (inverted flags). */
const INVERTED_NAME = /^(is[\s_-]*)?(active|retained|current|subscribed)([\s_-]*(flag|customer|status))?$/i;

/** Whether a churned-flag column answers "still active?" rather than "churned?". */
export function isInvertedFlagColumn(name: string): boolean {
  return INVERTED_NAME.test(name.trim());
}

/** Reads one flag value (already trimmed): 1 = churned, 0 = still a customer, −1 = unreadable. */
export function readChurnFlag(text: string, inverted: boolean): 1 | 0 | -1 {
  const v = text.toLowerCase();
  if (CHURNED_WORDS.has(v)) return 1;
  if (ACTIVE_WORDS.has(v)) return 0;
  if (YES.has(v)) return inverted ? 0 : 1;
  if (NO.has(v)) return inverted ? 1 : 0;
  return -1;
}

/** Whether a value is one of the churned/active words (not a neutral yes/no): used to spot status columns. */
export function isChurnWord(text: string): boolean {
  const v = text.toLowerCase();
  return CHURNED_WORDS.has(v) || ACTIVE_WORDS.has(v);
}

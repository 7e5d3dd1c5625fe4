// The report's fixed precisions (DESIGN.md §6): money to cents, ratios to 4 decimals, so the
// JSON is stable to diff and reads the same in the panel, the HTML and the CLI.

/** Rounds to 2 decimals (money). */
export function round2(x: number): number {
  return noNegativeZero(Math.round(x * 100) / 100);
}

/** Rounds to 4 decimals (rates and ratios). */
export function round4(x: number): number {
  return noNegativeZero(Math.round(x * 1e4) / 1e4);
}

// A refund-heavy total of −0.001 rounds to −0, which prints as 0 but fails strict equality checks.
function noNegativeZero(x: number): number {
  return x === 0 ? 0 : x;
}

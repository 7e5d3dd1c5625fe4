// The running totals of the subscriptions report, as flat typed arrays indexed by period
// (0 = the first period with a subscription start). Snapshot totals and cohort cells are kept as
// difference arrays, so a customer whose MRR stays the same for 30 periods costs one update, not 30.

/** Movement kinds, in the order of Tally.moves. */
export const NEW = 0;
export const EXPANSION = 1;
export const CONTRACTION = 2;
export const CHURN = 3;
export const REACTIVATION = 4;

/** Logo counts, in the order of Tally.logos. */
export const NEW_LOGOS = 0;
export const REACTIVATED_LOGOS = 1;
export const CHURNED_LOGOS = 2;

/** Per-period and per-cohort sums for P periods. */
export interface Tally {
  periods: number;
  snapMrr: Float64Array;         // difference array (length P + 1) of Σ customer MRR at each period's snapshot
  snapCustomers: Int32Array;     // difference array of customers with MRR > 0 at each snapshot
  moves: Float64Array;           // moves[kind × P + p], amounts ≥ 0
  logos: Int32Array;             // logos[kind × P + p]
  cohortBase: Int32Array;        // cohort c's cells start at cohortBase[c]; offsets 0 … P − c, plus one for the difference
  cohortSize: Int32Array;
  cohortMrr: Float64Array;       // difference arrays per cohort row: Σ MRR at offset k
  cohortGrr: Float64Array;       // Σ min(MRR at k, MRR at offset 0)
  cohortLogos: Int32Array;       // members with MRR > 0 at offset k
}

/** Empty totals for P periods; the cohort cells form a triangle (cohort c can only reach offset P − 1 − c). */
export function makeTally(periods: number): Tally {
  const cohortBase = new Int32Array(periods + 1);
  for (let c = 0; c < periods; c++) cohortBase[c + 1] = cohortBase[c] + (periods - c) + 1;
  const cells = cohortBase[periods];
  return {
    periods,
    snapMrr: new Float64Array(periods + 1),
    snapCustomers: new Int32Array(periods + 1),
    moves: new Float64Array(5 * periods),
    logos: new Int32Array(3 * periods),
    cohortBase,
    cohortSize: new Int32Array(periods),
    cohortMrr: new Float64Array(cells),
    cohortGrr: new Float64Array(cells),
    cohortLogos: new Int32Array(cells),
  };
}

/** Running sums of a difference array, in place (prefix[i] = Σ diff[0..i]). */
export function runningSums(diff: Float64Array | Int32Array, from = 0, to = diff.length): void {
  for (let i = from + 1; i < to; i++) diff[i] += diff[i - 1];
}

// Where a retention curve flattens (DESIGN.md §4, curve shape): the plateau and the early, mid
// and late phases, so a reader sees "drops 60 points in the first month, then 3 a month until
// month 4, then holds at 22%" instead of reading it off a chart.
//
// Definitions (rates on the 0–1 scale, so "1 point" = 0.01; drops are positive when the curve falls):
// - The curve is the rates up to the first null: a null cell means the data ends there.
// - Plateau = the first offset k with at least one offset after it such that, for every later
//   offset m, the curve has fallen by less than 1 point per period since k:
//   (rate[k] − rate[m]) / (m − k) < 0.01. Measuring from k (rather than step by step) lets a
//   small-segment curve wobble by a point or two without losing its plateau, while still
//   rejecting a curve that keeps falling. The last offset is never the plateau (nothing follows
//   it), so a curve still falling at its end has plateauOffset = null.
// - early = rate[0] − rate[1].
// - mid = mean drop per period from offset 1 to the plateau: (rate[1] − rate[P]) / (P − 1);
//   null when P ≤ 1. With no plateau the curve is in its middle phase to the end, so mid is
//   measured from 1 to the last offset (null when that is offset 1).
// - late = mean drop per period after the plateau: (rate[P] − rate[last]) / (last − P); null
//   without a plateau.
// - Curves shorter than 3 points: there is no later behaviour to call a plateau, so every field
//   is null except early (when there are 2 points).
// - Rising curves (possible with "previous" rate bases, unbounded noise or reactivation): rises
//   are negative drops and are reported as such; a curve that only rises has its plateau at 0.
// Rates arrive rounded to 4 decimals, so comparisons run on integer basis points: a drop of
// exactly 1 point is never mistaken for 0.99999… of one by floating-point subtraction.
import type { CurveShape } from '../shared/report';

/** One point on the 0–1 scale, in basis points. */
const POINT_BP = 100;

/** The plateau and phase drops of a retention curve (rates on the 0–1 scale; a null ends the curve). */
export function curveShape(rates: (number | null)[]): CurveShape {
  const bp = curvePoints(rates);
  const none: CurveShape = { plateauOffset: null, plateauLevel: null, early: null, mid: null, late: null };
  if (bp.length < 2) return none;
  const early = fromBp(bp[0] - bp[1]);
  if (bp.length < 3) return { ...none, early };
  const last = bp.length - 1;
  const plateau = plateauOf(bp);
  if (plateau === null) return { ...none, early, mid: meanDrop(bp, 1, last) };
  return {
    plateauOffset: plateau,
    plateauLevel: fromBp(bp[plateau]),
    early,
    mid: plateau > 1 ? meanDrop(bp, 1, plateau) : null,
    late: meanDrop(bp, plateau, last),
  };
}

/** Rates up to the first null (or non-finite value), as integer basis points. */
function curvePoints(rates: (number | null)[]): number[] {
  const out: number[] = [];
  for (const r of rates) {
    if (r === null || !Number.isFinite(r)) break;
    out.push(Math.round(r * 1e4));
  }
  return out;
}

/** First offset after which the curve never falls 1 point per period or faster, or null. */
function plateauOf(bp: number[]): number | null {
  const last = bp.length - 1;
  for (let k = 0; k < last; k++) {
    let flat = true;
    for (let m = k + 1; m <= last && flat; m++) flat = bp[k] - bp[m] < POINT_BP * (m - k);
    if (flat) return k;
  }
  return null;
}

/** Mean drop per period from offset a to b (b > a), on the 0–1 scale, 4 decimals. */
function meanDrop(bp: number[], a: number, b: number): number | null {
  return b > a ? fromBp((bp[a] - bp[b]) / (b - a)) : null;
}

function fromBp(x: number): number {
  const r = Math.round(x) / 1e4;
  return r === 0 ? 0 : r;   // no −0 in the JSON
}

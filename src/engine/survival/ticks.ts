// Time-axis ticks for survival charts and their number-at-risk table: round steps in the unit an
// analyst reads (months by 3, 6, 12; days by a week, a month, a quarter, a year), at most ~8 of them.

const STEPS: Record<string, number[]> = {
  days: [1, 7, 14, 30, 60, 90, 180, 365, 730, 1825],
  weeks: [1, 2, 4, 13, 26, 52, 104, 260],
  months: [1, 2, 3, 6, 12, 24, 36, 60, 120],
  years: [1, 2, 5, 10, 20, 50],
};

/** Largest number of intervals the axis is split into. */
const MAX_INTERVALS = 8;

/** Ticks 0, step, 2·step, … covering [0, max] with the smallest round step giving ≤ 8 intervals. */
export function axisTicks(max: number, unit: string): number[] {
  if (!(max > 0)) return [0];
  const step = stepFor(max, unit);
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) ticks.push(t);
  return ticks;
}

function stepFor(max: number, unit: string): number {
  const steps = STEPS[unit];
  if (steps) {
    const found = steps.find((s) => max / s <= MAX_INTERVALS);
    if (found !== undefined) return found;
  }
  // Any other unit (or beyond the table): 1, 2 or 5 times a power of ten.
  const raw = max / MAX_INTERVALS;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const nice = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return nice * power;
}

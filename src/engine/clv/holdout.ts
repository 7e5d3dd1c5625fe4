// Calibration/holdout check (FHL 2005 §4): the model fitted on the calibration period predicts
// the purchases of the same customers after it; the report compares them week by week and by
// calibration frequency. Holdout purchases are customer-days, like x.
import type { HoldoutByFrequency, HoldoutReport, HoldoutWeek } from '../../shared/predictiveReport';
import type { BgNbdParams } from './bgnbd';
import { expectedPurchases } from './bgnbd';
import { isoDate } from '../civil';
import type { CalibrationSummary, RfmGroups } from './summary';

/** Frequencies shown one by one in the table; higher ones are pooled into "7+". */
const LAST_FREQUENCY = 7;

/** Model-expected purchase days per holdout week and over the whole holdout, per group, weighted. */
function expectedByWeek(p: BgNbdParams, g: RfmGroups, days: number, unitDays: number): { weekly: Float64Array; perGroup: Float64Array } {
  const weeks = Math.ceil(days / 7);
  const weekly = new Float64Array(weeks);
  const perGroup = new Float64Array(g.x.length);
  for (let i = 0; i < g.x.length; i++) {
    let previous = 0;
    for (let k = 1; k <= weeks; k++) {
      const cumulative = expectedPurchases(p, g.x[i], g.tx[i], g.T[i], Math.min(7 * k, days) / unitDays);
      weekly[k - 1] += g.weight[i] * (cumulative - previous);
      previous = cumulative;
    }
    perGroup[i] = previous;
  }
  return { weekly, perGroup };
}

function weekRows(actual: Float64Array, expected: Float64Array, days: number): HoldoutWeek[] {
  let actualCumulative = 0;
  let expectedCumulative = 0;
  return Array.from(expected, (e, k) => {
    actualCumulative += actual[k];
    expectedCumulative += e;
    return { week: k + 1, days: Math.min(7, days - 7 * k), actual: actual[k], expected: e, actualCumulative, expectedCumulative };
  });
}

function frequencyRows(s: CalibrationSummary, g: RfmGroups, perGroup: Float64Array): HoldoutByFrequency[] {
  const customers = new Float64Array(LAST_FREQUENCY + 1);
  const actual = new Float64Array(LAST_FREQUENCY + 1);
  const expected = new Float64Array(LAST_FREQUENCY + 1);
  for (let i = 0; i < s.x.length; i++) {
    const k = Math.min(s.x[i], LAST_FREQUENCY);
    customers[k]++;
    actual[k] += s.holdout[i];
    expected[k] += perGroup[g.group[i]];
  }
  return Array.from(customers, (n, k) => ({
    x: k,
    label: k === LAST_FREQUENCY ? `${k}+` : String(k),
    customers: n,
    actual: n > 0 ? actual[k] / n : 0,
    expected: n > 0 ? expected[k] / n : 0,
  }));
}

/** The holdout comparison; null when the calibration runs to the data end. */
export function holdoutReport(p: BgNbdParams, s: CalibrationSummary, g: RfmGroups): HoldoutReport | null {
  const days = s.holdoutEnd - s.calibrationEnd;
  if (days <= 0) return null;
  const { weekly, perGroup } = expectedByWeek(p, g, days, s.unitDays);
  const weeks = weekRows(s.holdoutWeekly, weekly, days);
  return {
    start: isoDate(s.calibrationEnd + 1),
    end: isoDate(s.holdoutEnd),
    days,
    weeks,
    byFrequency: frequencyRows(s, g, perGroup),
    actualTotal: weeks.length ? weeks[weeks.length - 1].actualCumulative : 0,
    expectedTotal: weeks.length ? weeks[weeks.length - 1].expectedCumulative : 0,
  };
}

// The churn report's one entry point (issue 4): CRR, churn rates, inactivity lists, churn by
// segment, lifecycle, customer value and the insight lines, from one Dataset. The per-customer
// facts (customerDays) and the window counts are computed once and shared by every section.
import { DEFAULT_CHURN, type ChurnOptions, type ChurnReport } from '../../shared/churnReport';
import type { Dataset } from '../../shared/dataset';
import { churnRateRows, crrRows } from './crr';
import { customerDays } from './customerDays';
import { memoIn } from '../memo';
import { periodMoves } from '../periodMoves';
import { customerStatus, inactivityReport } from './inactivity';
import { insightLines } from './insight';
import { lifecycleRows } from './lifecycle';
import { segmentChurn } from './segments';
import { customerValue } from './value';
import { churnWindow } from './window';
import { purchaseRuns, windowCounts, type PurchaseRuns } from './windowCounts';

/** Every churn analysis of a Dataset (pure; throws RangeError on an invalid option). */
export function churnReport(ds: Dataset, options: ChurnOptions): ChurnReport {
  const o = { ...DEFAULT_CHURN, ...definedOnly(options) };
  validate(o);
  const cd = customerDays(ds);
  const { window, inactivity, segments, runs } = atDataEnd(ds, o);
  const spec = { period: o.period, weekStart: o.weekStart, windowDays: window.days };
  const counts = windowCounts(cd, { ...spec, dataEnd: ds.dataEnd }, runs);
  const churnRates = churnRateRows(counts, cd, spec);
  const report: Omit<ChurnReport, 'insight'> = {
    period: o.period,
    window,
    crr: crrRows(counts, cd, spec),
    churnRates,
    inactivity,
    segments,
    lifecycle: lifecycleRows(cd, { period: o.period, weekStart: o.weekStart, dataEnd: ds.dataEnd }, periodMoves(ds, o.period, o.weekStart)),
    value: customerValue(ds, cd, churnRates, o.period),
  };
  return { ...report, insight: insightLines(report) };
}

/**
 * The sections judged at the data end, which no period reads (the window, the inactivity lists,
 * churn by segment), and each customer's purchase runs for the window: remembered per churn
 * setting, so a period change recomputes only the per-period counts.
 */
function atDataEnd(ds: Dataset, o: Required<ChurnOptions>): Pick<ChurnReport, 'window' | 'inactivity' | 'segments'> & { runs: PurchaseRuns } {
  const key = JSON.stringify([o.window, o.percentile, o.listLimit, o.segmentLimit]);
  return memoIn(ds, 'churn at data end', 4, key, () => {
    const cd = customerDays(ds);
    const window = churnWindow(cd, o.window, o.percentile);
    const inactivityOptions = { windowDays: window.days, medianGap: window.medianGap, listLimit: o.listLimit };
    const status = customerStatus(cd, inactivityOptions);
    const segments = segmentChurn(ds, status.status, o.segmentLimit);
    return { window, inactivity: inactivityReport(ds, cd, status, inactivityOptions), segments, runs: purchaseRuns(cd, window.days) };
  });
}

// Spreading { window: undefined } over the defaults would erase them.
function definedOnly(options: ChurnOptions): ChurnOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as unknown as ChurnOptions;
}

function validate(o: Required<ChurnOptions>): void {
  if (o.window !== 'auto' && !(Number.isFinite(o.window) && o.window >= 1)) {
    throw new RangeError(`churn window must be 'auto' or a number of days ≥ 1, not ${JSON.stringify(o.window)}`);
  }
  if (!(o.percentile > 0 && o.percentile <= 100)) throw new RangeError(`churn window percentile must be in (0, 100], not ${o.percentile}`);
  if (!(Number.isInteger(o.listLimit) && o.listLimit >= 0)) throw new RangeError(`list limit must be a whole number ≥ 0, not ${o.listLimit}`);
  if (!(Number.isInteger(o.segmentLimit) && o.segmentLimit >= 1)) throw new RangeError(`segment limit must be a whole number ≥ 1, not ${o.segmentLimit}`);
}

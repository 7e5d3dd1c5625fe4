// The survival report's JSON (issue 6: Kaplan–Meier curves by segment and the log-rank test).
// Aggregates only, never raw rows. Survival probabilities are PROPORTIONS (0–1, unrounded: the
// view rounds), times are in the report's `timeUnit` (the tenure unit of the file, e.g. months
// for Telco's `tenure`, or days from start to end for subscriptions). A value the estimator
// cannot give (a band where S = 0, a median the curve never reaches) is null, never NaN, so the
// JSON survives JSON.stringify unchanged.

/** One step of a Kaplan–Meier curve: the state just after every subject with this duration left. */
export interface KmPoint {
  time: number;                  // a distinct observed duration (event or censoring)
  atRisk: number;                // subjects with duration ≥ time (censored at `time` count: they were still there)
  events: number;                // subjects whose event happened at `time`
  censored: number;              // subjects censored at `time`
  survival: number;              // S(time), the product-limit estimate
  lower: number | null;          // confidence band (log-log / exponential Greenwood); null where S = 0
  upper: number | null;
}

/** The median survival time and its confidence interval, read off the curve and its band. */
export interface KmMedian {
  time: number | null;           // first time with S ≤ 0.5 (lifelines); null = the curve never gets there
  lower: number | null;          // first time the band's lower edge is ≤ 0.5
  upper: number | null;          // first time the band's upper edge is ≤ 0.5; null = not reached (open interval)
}

/** One row of the number-at-risk table printed under the chart. */
export interface AtRiskCell {
  time: number;                  // a tick of the chart's time axis
  atRisk: number;                // subjects with duration ≥ time
}

/** A Kaplan–Meier curve for all subjects or for one segment value. */
export interface SurvivalCurve {
  label: string;                 // "All" or the segment value (e.g. "Month-to-month")
  subjects: number;              // subjects in this curve
  events: number;                // subjects with the event (churned); the rest are censored
  median: KmMedian;
  points: KmPoint[];             // in increasing time; S = 1 before the first point
  atRiskTable: AtRiskCell[];     // at the chart's ticks
}

/** Observed and expected events of one group in the log-rank test. */
export interface LogRankGroup {
  label: string;
  subjects: number;
  observed: number;              // events in this group
  expected: number;              // events expected if every group had the pooled hazard
}

/** The k-group log-rank test of "these curves are the same". */
export interface LogRankResult {
  chiSquare: number;
  df: number;                    // rank of the covariance matrix: groups − 1 unless a group is degenerate
  p: number;                     // P(χ²_df ≥ chiSquare)
  groups: LogRankGroup[];
}

/** The survival section of a report: one curve overall, one per segment value, and their test. */
export interface SurvivalReport {
  timeUnit: string;              // e.g. "months", "days"
  confidence: number;            // level of every band and median interval, e.g. 0.95
  overall: SurvivalCurve;
  segmentColumn: string | null;  // column the curves are split by; null = no split
  segments: SurvivalCurve[];     // empty when segmentColumn is null
  logRank: LogRankResult | null; // null when fewer than two segments have subjects
}

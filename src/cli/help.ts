/** --help text; every flag is documented here and in the README's "Command line" section. */
export const HELP = `retention-lens report <file.csv> [options]

Reads a CSV of orders or events, subscriptions or customers and writes a retention report.

Output (default: --out <file>-retention.html in the current folder, unless another output is given):
  --out FILE           standalone HTML report (opens offline in any browser; every period)
  --json [FILE]        the report as JSON (schemaVersion 1); no FILE or '-' = stdout
  --csv FILE           the retention table as CSV (formula-like cells neutralised with ')
  --markdown FILE      the retention table as a Markdown table
  --svg FILE           the retention curves as a self-contained SVG
  --png FILE           the retention curves as PNG (needs the optional @resvg/resvg-wasm package)
  --metric M           what --csv/--markdown/--svg/--png show: customers | revenue |
                       revenuePerCustomer | cumulativePerCustomer | revenueRetention (default customers)
  --display D          customers as percent | count in --csv/--markdown (default percent)
Analysis:
  --period P           day | week | month | quarter | year   (default month)
  --week-start DAY     monday … sunday                       (default monday = ISO weeks)
  --tz ZONE            IANA time zone for timestamps without an offset (default UTC)
Retention definition (DESIGN.md §4):
  --preset TOOL        mixpanel | amplitude | posthog | ga4: that tool's default definition;
                       any flag below overrides the preset
  --mode M             classic ("on" period k) | unbounded ("on or after" k) |
                       bracket (in an offset range) | streak (every period up to k)  (default classic)
  --brackets LIST      offset ranges for --mode bracket, ascending and not overlapping,
                       e.g. 0,1-3,4-7,8-14 (implies --mode bracket)
  --window W           calendar periods | rolling windows from each customer's first event (default calendar)
  --cohorts C          first (each customer once) | recurring (every active period) (default first)
  --relative-to R      cohort (rate = retained / cohort size) | previous (/ previous column) (default cohort)
  --average A          pooled | simple | mixpanel: how the average row is computed (default pooled)
  --min-occurrences N  rows a customer needs in a period to count as active there (default 1)
  --event COL          event-name column (detected when not given)
  --cohort-event NAME  only this event puts a customer in a cohort (needs an event column)
  --return-event NAME  only this event counts as coming back (needs an event column)
  --small-cohort N     cohorts with fewer customers are marked small (default 30)
Segments:
  --segment COL        compare customers by this column's value on their first row
  --segment-top N      largest values shown, the rest pooled as "Other" (1–50, default 5)
Churn:
  --churn-window W     days without a purchase after which a customer has churned, or auto (default:
                       the --churn-percentile of the gaps between a customer's purchases)
  --churn-percentile P gap percentile for --churn-window auto (0–100, default 90)
Columns (detected from the header and values when not given):
  --customer COL       customer id column
  --time COL           timestamp column
  --amount COL         amount column (rows with amount > 0 are purchases)
  --quantity COL       quantity column   } amount = quantity × unit price
  --unit-price COL     unit price column } when there is no amount column
  --order COL          order id column (orders = distinct ids)
  --date-format F      iso | year-month | dmy | mdy | compact | unix-s | unix-ms
                       (for subscriptions and customers: the format of --start and --end)
  --config FILE        JSON with any option of this help as a key, without dashes and in camelCase
                       (unitPrice, weekStart, dateFormat, relativeTo, minOccurrences, cohortEvent,
                       returnEvent, smallCohort, segmentTop, tenureUnit, samePeriodChurn, cancelAt;
                       brackets as "0,1-3" or [{"from":1,"to":3}]);
                       flags win over it
Data shape (detected from the columns when not given; a column flag below implies its shape):
  --shape S            events (one row per purchase or event) | subscriptions (one row per
                       subscription: start, end, MRR) | customers (one row per customer: tenure,
                       churned flag)
  --start COL          subscription (or customer) start date column
  --end COL            end / cancel date column; an empty end = still active (censored at the data end)
  --mrr COL            a subscription's monthly recurring revenue (same as --amount); empty = 0
  --plan COL           subscription plan column (also offered as a segment)
  --tenure COL         customers: tenure column (a number ≥ 0); without it, tenure = end (or the
                       data end) − start
  --tenure-unit U      days | weeks | months | years: the tenure column's unit (default: read from
                       its name, e.g. tenure_days, else months; days when computed from dates)
  --churned COL        customers: churned flag (yes/no, y/n, true/false, 1/0, churned/active);
                       a column named active / is_active is read inverted. Without it, churned =
                       has an end date
Subscription policies (--shape subscriptions):
  --same-period-churn P  count | ignore: a signup that churns in its first period counts as new and
                       churned, or as neither (default count)
  --cancel-at C        date | period-end: a cancellation is booked in the period of its end date, or
                       at the end of that period (default date)
  --reactivation R     original-cohort | new-cohort: where a returning customer is counted
                       (default original-cohort)
Other:
  -h, --help           this text

Predicted customer value (BG/NBD + Gamma-Gamma, in the JSON and HTML):
  --predict            fit the models (also implied by any flag below)
  --calibration-end D  last calibration day YYYY-MM-DD; later purchases form the holdout check
                       (default: the data's last day, no holdout)
  --time-unit U        day | week | month for t_x, T and α (default week)
  --horizon M          months of expected purchases and CLV (default 12)
  --discount-rate R    per month (default 0.01)
  --penalizer C        L2 penalty on the parameters, as lifetimes' penalizer_coef (default 0)
  --zero-amount-purchases  count zero-amount rows as purchases (CDNOW's published preparation)
Calculator:
  retention-lens crr --start S --end E --new N
                       customer retention rate ((E − N) / S) × 100 and churn = 100 − CRR

Exit status: 0 on success, 1 on bad input (one-line reason on stderr), 2 on a usage error.`;

// The one entry point host, worker and CLI call: every analysis on one Dataset, assembled into
// the ReportModel whose key order and stable core follow DESIGN.md §6.
import type { Dataset } from '../shared/dataset';
import type { ColumnMapping, IngestPlan } from '../shared/mapping';
import { PRESET_NAMES, resolveOptions, type AnalysisOptions } from '../shared/options';
import { SCHEMA_VERSION, type QualityReport, type ReportChoices, type ReportModel } from '../shared/report';
import { customerActivity } from './activity';
import { isoDateTime } from './civil';
import { explainOptions } from './explain';
import { datasetKpis } from './kpis';
import { retentionTable } from './retention';
import { revenueTable } from './revenue';
import { segmentReport } from './segments';
import { churnReport } from './churn/report';
import { predictiveReport } from './clv/predictive';
import { memo } from './memo';
import type { PredictiveOptions } from '../shared/predictiveReport';

/** What a report is computed from: the parsed data, how it was read, and the panel's controls. */
export interface ReportInput {
  dataset: Dataset;
  plan: IngestPlan;
  options: AnalysisOptions;
  predictive?: Partial<PredictiveOptions>;   // fit the customer-value models too (seconds on 1M customers)
}

/** The full report for one Dataset and one set of options (pure; re-run on every control change). */
export function buildReport(input: ReportInput): ReportModel {
  const { dataset, plan } = input;
  const options = resolveOptions(input.options);
  const quality = dataset.quality;
  return {
    schemaVersion: SCHEMA_VERSION,
    shape: 'events',
    input: { file: dataset.file, rows: quality.rowsRead, skipped: { ...quality.skipped } },
    mapping: reportMapping(plan.mapping),
    retention: retentionTable(dataset, options),
    kpis: datasetKpis(dataset),
    revenue: revenueTable(dataset, options),
    segments: segmentReport(dataset, options),
    explain: explainOptions(dataset, options),
    churn: memo(dataset, `churn ${options.period} ${options.weekStart} ${options.churnWindow} ${options.churnPercentile}`,
      () => churnReport(dataset, { period: options.period, weekStart: options.weekStart, window: options.churnWindow, percentile: options.churnPercentile })),
    predictive: input.predictive ? predictiveReport(dataset, input.predictive) : null,
    choices: reportChoices(dataset),
    quality: qualityReport(dataset, plan),
    settings: { timeZone: plan.timeZone, weekStart: options.weekStart },
  };
}

/** What the file offers the panel's controls. */
function reportChoices(ds: Dataset): ReportChoices {
  return { eventNames: [...ds.eventNames], segmentColumns: ds.segments.map((s) => s.column), presets: [...PRESET_NAMES] };
}

/**
 * The three core roles always (null when unmapped), the optional ones only when mapped, so a
 * plain orders file reports exactly { customerId, timestamp, amount } as in §6.
 */
function reportMapping(mapping: ColumnMapping): ReportModel['mapping'] {
  const out: ReportModel['mapping'] = { customerId: mapping.customerId, timestamp: mapping.timestamp, amount: mapping.amount };
  if (mapping.quantity !== null) out.quantity = mapping.quantity;
  if (mapping.unitPrice !== null) out.unitPrice = mapping.unitPrice;
  if (mapping.orderId !== null) out.orderId = mapping.orderId;
  if (mapping.eventName) out.eventName = mapping.eventName;
  return out;
}

function qualityReport(ds: Dataset, plan: IngestPlan): QualityReport {
  const q = ds.quality;
  const { firstTime } = customerActivity(ds);
  // Without a purchase there is nothing to date (and ingest may leave a placeholder data end).
  const dated = Number.isFinite(firstTime);
  return {
    rowsRead: q.rowsRead,
    rowsUsed: q.rowsUsed,
    skipped: { ...q.skipped },
    examples: { ...q.examples },
    returns: q.returns,
    zeroAmount: q.zeroAmount,
    dateFormat: plan.dateFormat,
    timePrecision: ds.timePrecision,
    firstActivity: dated ? isoDateTime(firstTime) : null,
    dataEnd: dated ? isoDateTime(ds.dataEnd) : null,
  };
}

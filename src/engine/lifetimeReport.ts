// The report of a subscriptions or customers file (issue 6): survival for both shapes, MRR and
// logo metrics for subscriptions; the counterpart of buildReport for the lifetime shapes.
import type { LifetimeDataset } from '../shared/lifetimes';
import { SHAPE_ROLES, type ColumnMapping, type IngestPlan } from '../shared/mapping';
import { resolveOptions, type AnalysisOptions } from '../shared/options';
import { SCHEMA_VERSION, type LifetimeQualityReport, type LifetimeReportModel } from '../shared/report';
import { isoDateTime } from './civil';
import { memo } from './memo';
import { customerTableSubjects, subscriptionSubjects } from './survival/subjects';
import { survivalReport } from './survival/survivalReport';
import { subscriptionReport } from './subscriptions/report';

/** What a lifetime report is computed from: the parsed data, how it was read, and the panel's controls. */
export interface LifetimeReportInput {
  dataset: LifetimeDataset;
  plan: IngestPlan;
  options: AnalysisOptions;
}

/** The full report for one subscriptions or customers Dataset (pure; re-run on every control change). */
export function buildLifetimeReport(input: LifetimeReportInput): LifetimeReportModel {
  const { dataset: ds, plan } = input;
  const options = resolveOptions(input.options);
  const subjects = ds.shape === 'subscriptions' ? subscriptionSubjects(ds) : customerTableSubjects(ds);
  // The curves depend on the split only: a period or policy change reuses them.
  const survival = memo(ds, `survival ${options.segment} ${options.segmentTopN}`, () => survivalReport(subjects, { segment: options.segment, segmentTopN: options.segmentTopN }));
  const subscriptions = ds.shape === 'subscriptions'
    ? subscriptionReport(ds, { period: options.period, weekStart: options.weekStart, samePeriodChurn: options.samePeriodChurn, cancelAt: options.cancelAt, reactivation: options.reactivation })
    : null;
  let active = 0;
  for (let i = 0; i < subjects.events.length; i++) if (subjects.events[i] === 0) active++;
  return {
    schemaVersion: SCHEMA_VERSION,
    shape: ds.shape,
    input: { file: ds.file, rows: ds.quality.rowsRead, skipped: { ...ds.quality.skipped } },
    mapping: shapeMapping(plan),
    survival,
    subscriptions,
    choices: { segmentColumns: ds.segments.map((s) => s.column) },
    quality: qualityOf(ds, plan, active),
    settings: { timeZone: plan.timeZone, weekStart: options.weekStart },
  };
}

/** The roles this shape reads that are mapped, in the shape's order. */
function shapeMapping(plan: IngestPlan): Partial<ColumnMapping> {
  const out: Partial<ColumnMapping> = {};
  for (const role of SHAPE_ROLES[plan.shape ?? 'events']) {
    const column = plan.mapping[role];
    if (column !== null && column !== undefined) out[role] = column;
  }
  return out;
}

function qualityOf(ds: LifetimeDataset, plan: IngestPlan, active: number): LifetimeQualityReport {
  const q = ds.quality;
  const dated = ds.shape === 'subscriptions' || plan.mapping.tenure === null;
  let firstStart = Infinity;
  if (ds.shape === 'subscriptions') for (let i = 0; i < ds.rowCount; i++) firstStart = Math.min(firstStart, ds.start[i]);
  return {
    rowsRead: q.rowsRead,
    rowsUsed: q.rowsUsed,
    skipped: { ...q.skipped },
    examples: { ...q.examples },
    dateFormat: dated ? plan.dateFormat : null,
    firstStart: Number.isFinite(firstStart) ? isoDateTime(firstStart) : null,
    dataEnd: ds.shape === 'subscriptions' && ds.rowCount > 0 ? isoDateTime(ds.dataEnd) : null,
    active,
  };
}

import { parseArgs } from 'node:util';
import { DATE_FORMATS, type ColumnMapping, type DateFormat } from '../shared/mapping';
import { PERIODS, WEEK_STARTS, type Period, type PresetName, type WeekStart } from '../shared/options';
import type { CellDisplay, Metric } from '../shared/protocol';
import { presetWeekStart } from '../engine/presets';
import { predictiveArgs } from './predictArgs';
import type { PredictiveOptions } from '../shared/predictiveReport';
import { exportArgs, labOptions, pick, presetArg, str, UsageError, type ExportTargets, type LabOptions, type Raw } from './labArgs';
import { mrrAlias, shapeArgs, type ShapeArgs } from './shapeArgs';

export { HELP } from './help';
export { UsageError } from './labArgs';

/**
 * The `report` command's options after flags and --config are merged (flags win). `shape` and
 * `tenureUnit` (ShapeArgs) are present only when given: absent = detected from the file.
 */
export interface ReportArgs extends ShapeArgs {
  file: string;
  out: string | null;          // HTML path
  json: string | null;         // JSON path, '-' for stdout
  period: Period;
  weekStart: WeekStart;
  timeZone: string;
  dateFormat: DateFormat | undefined;
  mapping: Partial<ColumnMapping>;
  lab: LabOptions;             // retention and segment options given explicitly
  preset: PresetName | null;   // applied under `lab` (explicit flags win)
  exports: ExportTargets;
  metric: Metric;              // what the table and chart exports show
  display: CellDisplay;        // customers as percent or count in CSV / Markdown
  predictive: Partial<PredictiveOptions> | null;   // --predict: fit BG/NBD + Gamma-Gamma
}

const text = { type: 'string' } as const;
const FLAGS = {
  out: text, json: { type: 'boolean' }, period: text, 'week-start': text,
  tz: text, customer: text, time: text, amount: text,
  shape: text, start: text, end: text, tenure: text, 'tenure-unit': text, churned: text, plan: text, mrr: text,
  'same-period-churn': text, 'cancel-at': text, reactivation: text,
  quantity: text, 'unit-price': text, order: text, 'date-format': text, event: text,
  mode: text, brackets: text, window: text, cohorts: text, 'relative-to': text, average: text,
  'min-occurrences': text, 'cohort-event': text, 'return-event': text, 'small-cohort': text,
  segment: text, 'segment-top': text, preset: text, 'churn-window': text, 'churn-percentile': text,
  predict: { type: 'boolean' }, 'calibration-end': text, 'time-unit': text, horizon: text, 'discount-rate': text,
  penalizer: text, 'zero-amount-purchases': { type: 'boolean' },
  csv: text, markdown: text, svg: text, png: text, metric: text, display: text,
  config: text, help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `report …` arguments; `readConfig` loads --config JSON (injected so this stays testable). */
export function parseReportArgs(argv: string[], readConfig: (path: string) => Raw): ReportArgs | 'help' {
  const jsonAt = argv.indexOf('--json');
  let jsonTarget: string | null = null;
  if (jsonAt >= 0 && argv[jsonAt + 1] !== undefined && (!argv[jsonAt + 1].startsWith('-') || argv[jsonAt + 1] === '-')) {
    jsonTarget = argv[jsonAt + 1];
    argv = [...argv.slice(0, jsonAt + 1), ...argv.slice(jsonAt + 2)];
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const flags = parsed.values as Raw;
  if (flags.help) return 'help';
  const [command, file, ...extra] = parsed.positionals;
  if (command !== 'report') throw new UsageError(command ? `unknown command '${command}'` : 'missing command: report');
  if (!file) throw new UsageError('missing the CSV file to analyse');
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const config = typeof flags.config === 'string' ? readConfig(flags.config) : {};
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new UsageError('--config must hold a JSON object');
  return toArgs(file, { ...camelKeys(config), ...camelKeys(flags) }, flags.json ? (jsonTarget ?? '-') : null);
}

function camelKeys(raw: Raw): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = v;
  return out;
}

const ROLES: [keyof ColumnMapping, string][] = [
  ['customerId', 'customer'], ['timestamp', 'time'], ['amount', 'amount'], ['quantity', 'quantity'],
  ['unitPrice', 'unitPrice'], ['orderId', 'order'], ['eventName', 'event'],
  ['start', 'start'], ['end', 'end'], ['tenure', 'tenure'], ['churned', 'churned'], ['plan', 'plan'],
];

function toArgs(file: string, o: Raw, json: string | null): ReportArgs {
  const mapping: Partial<ColumnMapping> = {};
  for (const [role, key] of ROLES) {
    const column = str(o[key]);
    if (column) mapping[role] = column;
  }
  mrrAlias(o, mapping);
  const lab = labOptions(o);
  const shape = shapeArgs(o, mapping, lab);
  const dateFormat = o.dateFormat === undefined ? undefined : pick(o.dateFormat, DATE_FORMATS, 'date-format', 'iso');
  const { exports, metric, display } = exportArgs(o);
  // Any other output asked for replaces the default HTML file; --out still adds it.
  const otherOutput = json !== null || Object.values(exports).some((p) => p !== null);
  const out = str(o.out) ?? (otherOutput ? null : defaultHtmlPath(file));
  const preset = presetArg(o);
  // A preset's documented week start (GA4: Sunday) unless --week-start says otherwise.
  const weekStart = pick(o.weekStart, WEEK_STARTS, 'week-start', (preset && presetWeekStart(preset)) ?? 'monday');
  return {
    file, out, json, mapping, dateFormat, weekStart,
    period: pick(o.period, PERIODS, 'period', 'month'),
    timeZone: str(o.tz) ?? 'UTC',
    lab, preset, exports, metric, display,
    predictive: predictiveArgs(o),
    ...shape,
  };
}

/** report.csv → report-retention.html in the current folder (never next to, nor over, the CSV). */
export function defaultHtmlPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? 'report';
  return `${base.replace(/\.[^.]*$/, '') || 'report'}-retention.html`;
}

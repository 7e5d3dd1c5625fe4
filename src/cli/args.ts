import { parseArgs } from 'node:util';
import { DATE_FORMATS, type ColumnMapping, type DateFormat } from '../shared/mapping';
import { PERIODS, WEEK_STARTS, type Period, type WeekStart } from '../shared/options';

/** The `report` command's options after flags and --config are merged (flags win). */
export interface ReportArgs {
  file: string;
  out: string | null;          // HTML path
  json: string | null;         // JSON path, '-' for stdout
  period: Period;
  weekStart: WeekStart;
  timeZone: string;
  dateFormat: DateFormat | undefined;
  mapping: Partial<ColumnMapping>;
}

/** A usage problem: printed with a hint to --help, exit code 2. */
export class UsageError extends Error {}

/** --help text; every flag is documented here and in the README. */
export const HELP = `retention-lens report <file.csv> [options]

Reads a CSV of orders or events and writes a cohort retention report.

Output (default: --out <file>-retention.html in the current folder):
  --out FILE           standalone HTML report (opens offline in any browser)
  --json [FILE]        the report as JSON (schemaVersion 1); no FILE or '-' = stdout
Analysis:
  --period P           day | week | month | quarter | year   (default month)
  --week-start DAY     monday … sunday                       (default monday = ISO weeks)
  --tz ZONE            IANA time zone for timestamps without an offset (default UTC)
Columns (detected from the header and values when not given):
  --customer COL       customer id column
  --time COL           timestamp column
  --amount COL         amount column (rows with amount > 0 are purchases)
  --quantity COL       quantity column   } amount = quantity × unit price
  --unit-price COL     unit price column } when there is no amount column
  --order COL          order id column (orders = distinct ids)
  --date-format F      iso | year-month | dmy | mdy | compact | unix-s | unix-ms
  --config FILE        JSON with any of the keys above (without dashes, camelCase: unitPrice, weekStart, dateFormat)
Other:
  -h, --help           this text

Exit status: 0 on success, 1 on bad input (one-line reason on stderr), 2 on a usage error.`;

const FLAGS = {
  out: { type: 'string' }, json: { type: 'boolean' }, period: { type: 'string' }, 'week-start': { type: 'string' },
  tz: { type: 'string' }, customer: { type: 'string' }, time: { type: 'string' }, amount: { type: 'string' },
  quantity: { type: 'string' }, 'unit-price': { type: 'string' }, order: { type: 'string' }, 'date-format': { type: 'string' },
  config: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

type Raw = Record<string, string | boolean | undefined>;

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
  return toArgs(file, { ...camelKeys(config), ...camelKeys(flags) }, flags.json ? (jsonTarget ?? '-') : null);
}

function camelKeys(raw: Raw): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = v;
  return out;
}

function pick<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${String(value)}')`);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toArgs(file: string, o: Raw, json: string | null): ReportArgs {
  const mapping: Partial<ColumnMapping> = {};
  const roles: [keyof ColumnMapping, string][] = [['customerId', 'customer'], ['timestamp', 'time'], ['amount', 'amount'], ['quantity', 'quantity'], ['unitPrice', 'unitPrice'], ['orderId', 'order']];
  for (const [role, key] of roles) {
    const column = str(o[key]);
    if (column) mapping[role] = column;
  }
  const dateFormat = o.dateFormat === undefined ? undefined : pick(o.dateFormat, DATE_FORMATS, 'date-format', 'iso');
  const out = str(o.out) ?? (json ? null : defaultHtmlPath(file));
  return {
    file, out, json, mapping, dateFormat,
    period: pick(o.period, PERIODS, 'period', 'month'),
    weekStart: pick(o.weekStart, WEEK_STARTS, 'week-start', 'monday'),
    timeZone: str(o.tz) ?? 'UTC',
  };
}

/** report.csv → report-retention.html in the current folder (never next to, nor over, the CSV). */
export function defaultHtmlPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? 'report';
  return `${base.replace(/\.[^.]*$/, '') || 'report'}-retention.html`;
}

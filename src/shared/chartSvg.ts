// The retention curves as one self-contained SVG file (Export → SVG in the panel, --svg in the CLI,
// and the source of the PNG). Fixed colours, not the editor theme: a file outlives the theme it
// was made in. No script, no links, no external fonts or images; every text is escaped. Pure.
import { averageLabel } from './options';
import type { Metric } from './protocol';
import type { ReportModel } from './report';

/** Size and title of the exported chart. */
export interface ChartSvgOptions {
  width?: number;
  height?: number;
  title?: string;
}

/** Plot margins: room for the title, the axis labels, and the legend on the right. */
const MARGIN = { top: 40, right: 170, bottom: 44, left: 60 };
const LEGEND_ROW = 16;
const AVERAGE_COLOR = '#111111';
/** Okabe–Ito-like palette: distinguishable for most colour-vision deficiencies, cycled past ten cohorts. */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0c000', '#7f7f7f', '#8c564b', '#17becf'];

const METRIC_TITLES: Record<Metric, string> = {
  customers: 'Customers retained',
  revenue: 'Revenue',
  revenuePerCustomer: 'Revenue per cohort customer',
  cumulativePerCustomer: 'Cumulative revenue per customer',
  revenueRetention: 'Revenue retention',
};

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Curve {
  label: string;
  values: (number | null)[];
  color: string;
  average: boolean;
}

function curvesOf(report: ReportModel, metric: Metric): Curve[] {
  const r = report.retention;
  const color = (i: number): string => PALETTE[i % PALETTE.length];
  const average = (values: (number | null)[]): Curve => ({ label: averageLabel(r.average.method), values, color: AVERAGE_COLOR, average: true });
  if (metric === 'customers') {
    return [...r.cohorts.map((c, i) => ({ label: c.cohort, values: c.rates, color: color(i), average: false })), average(r.average.rates)];
  }
  const rev = report.revenue;
  if (!rev) return [];
  const cohorts = rev.cohorts.map((c, i) => ({ label: c.cohort, values: c[metric], color: color(i), average: false }));
  // No average of total revenue exists (cohorts differ in size), so that metric has cohorts only.
  // Revenue's summary is a total, not a curve to compare with cohorts; the per-customer metrics'
  // average is the pooled one, whatever the retention table's method.
  return metric === 'revenue' ? cohorts : [...cohorts, { ...average(rev.average[metric]), label: 'Average (pooled)' }];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A step of 1, 2 or 5 × 10^k giving about five ticks over [min, max]. */
function niceStep(span: number): number {
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const m = raw / magnitude;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * magnitude;
}

/** The y range: 0–100 % for rates (wider if revenue retention exceeds it), nice bounds for money. */
function yRange(curves: Curve[], isRate: boolean): { min: number; max: number; step: number } {
  const values = curves.flatMap((c) => c.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const lo = Math.min(0, ...values);
  const hi = Math.max(isRate ? 1 : 0, ...values);
  const step = isRate && lo === 0 && hi === 1 ? 0.25 : niceStep(hi - lo || 1);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step || step, step };
}

interface Frame {
  x: (j: number) => number;
  y: (v: number) => number;
  plot: { left: number; top: number; right: number; bottom: number };
}

function frameOf(width: number, height: number, columns: number, range: { min: number; max: number }): Frame {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const dx = columns > 1 ? (plot.right - plot.left) / (columns - 1) : 0;
  const x0 = columns > 1 ? plot.left : (plot.left + plot.right) / 2;
  return {
    plot,
    x: (j) => round2(x0 + j * dx),
    y: (v) => round2(plot.bottom - ((v - range.min) / (range.max - range.min)) * (plot.bottom - plot.top)),
  };
}

function tickLabel(v: number, isRate: boolean): string {
  if (isRate) return `${round2(v * 100)}%`;
  return String(round2(v));
}

function axes(frame: Frame, columns: string[], range: { min: number; max: number; step: number }, isRate: boolean): string[] {
  const { plot } = frame;
  const out = [`<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#333333"/>`,
    `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#333333"/>`];
  const ticks = Math.min(50, Math.round((range.max - range.min) / range.step));
  for (let i = 0; i <= ticks; i++) {
    // Multiplying (not adding) keeps 0.1-steps from drifting to 0.30000000000000004.
    const v = range.min + i * range.step;
    const y = frame.y(v);
    out.push(`<line x1="${plot.left - 4}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="#e0e0e0"/>`,
      `<text x="${plot.left - 8}" y="${y + 4}" text-anchor="end">${escapeXml(tickLabel(v, isRate))}</text>`);
  }
  // Label every n-th column so long day tables stay readable (at most ~16 labels).
  const every = Math.max(1, Math.ceil(columns.length / 16));
  columns.forEach((label, j) => {
    if (j % every !== 0) return;
    const x = frame.x(j);
    out.push(`<line x1="${x}" y1="${plot.bottom}" x2="${x}" y2="${plot.bottom + 4}" stroke="#333333"/>`,
      `<text x="${x}" y="${plot.bottom + 18}" text-anchor="middle">${escapeXml(label)}</text>`);
  });
  return out;
}

function curveElements(curve: Curve, frame: Frame): string[] {
  const points: string[] = [];
  curve.values.forEach((v, j) => {
    if (v !== null && Number.isFinite(v)) points.push(`${frame.x(j)},${frame.y(v)}`);
  });
  const width = curve.average ? 3 : 1.5;
  const out = [`<polyline points="${points.join(' ')}" fill="none" stroke="${curve.color}" stroke-width="${width}" stroke-linejoin="round"><title>${escapeXml(curve.label)}</title></polyline>`];
  // A single point draws no line, so it gets a dot.
  if (points.length === 1) {
    const [x, y] = points[0].split(',');
    out.push(`<circle cx="${x}" cy="${y}" r="${width + 1}" fill="${curve.color}"/>`);
  }
  return out;
}

/** The legend, average first; entries that do not fit are summarised as "+ N more". */
function legend(curves: Curve[], width: number, height: number): string[] {
  const x = width - MARGIN.right + 16;
  const fits = Math.max(1, Math.floor((height - MARGIN.top - MARGIN.bottom) / LEGEND_ROW));
  const ordered = [...curves.filter((c) => c.average), ...curves.filter((c) => !c.average)];
  const shown = ordered.length > fits ? ordered.slice(0, fits - 1) : ordered;
  const out = shown.map((c, i) => {
    const y = MARGIN.top + i * LEGEND_ROW;
    return `<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="${c.color}" stroke-width="${c.average ? 3 : 1.5}"/>`
      + `<text x="${x + 24}" y="${y + 4}">${escapeXml(c.label)}</text>`;
  });
  if (shown.length < ordered.length) out.push(`<text x="${x}" y="${MARGIN.top + shown.length * LEGEND_ROW + 4}">+ ${ordered.length - shown.length} more</text>`);
  return out;
}

/**
 * A self-contained SVG of the retention curves for one metric: one polyline per cohort, the
 * average as a thicker black polyline, y ticks (percent for rates), x ticks with the column
 * labels, and a legend. Absent cells are left out of a curve.
 */
export function chartSvg(report: ReportModel, metric: Metric, opts: ChartSvgOptions = {}): string {
  const width = opts.width ?? 800;
  const height = opts.height ?? 480;
  const title = opts.title ?? `${METRIC_TITLES[metric]} by cohort (${report.retention.period}, ${report.retention.mode})`;
  const isRate = metric === 'customers' || metric === 'revenueRetention';
  const curves = curvesOf(report, metric);
  const range = yRange(curves, isRate);
  const frame = frameOf(width, height, report.retention.columns.length, range);
  const body = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    ...axes(frame, report.retention.columns, range, isRate),
    // Cohorts first, the average last so it is drawn on top.
    ...curves.filter((c) => !c.average).flatMap((c) => curveElements(c, frame)),
    ...curves.filter((c) => c.average).flatMap((c) => curveElements(c, frame)),
    ...legend(curves, width, height),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" `
    + `font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="11" fill="#222222">\n`
    + `<title>${escapeXml(title)}</title>\n${body.join('\n')}\n</svg>\n`;
}

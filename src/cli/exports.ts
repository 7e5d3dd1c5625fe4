// --csv, --markdown, --svg and --png: the same table and chart code the panel's Export menu uses
// (src/shared), written to files.
import { writeFileSync } from 'node:fs';
import { chartSvg } from '../shared/chartSvg';
import { tableRows, toCsv, toMarkdown } from '../shared/exportTable';
import type { CellDisplay, Metric } from '../shared/protocol';
import type { ReportModel } from '../shared/report';
import type { ExportTargets } from './labArgs';
import { svgToPng } from './png';

/** Writes every export asked for; returns the paths written, in flag order. */
export async function writeExports(report: ReportModel, targets: ExportTargets, metric: Metric, display: CellDisplay): Promise<string[]> {
  const written: string[] = [];
  if (!Object.values(targets).some((t) => t !== null)) return written;
  if (metric !== 'customers' && report.revenue === null) {
    // Empty revenue cells would look like zero revenue; say why instead.
    throw new Error(`${report.input.file}: --metric ${metric} needs amounts, and this file has none mapped (pass --amount COL, or --quantity and --unit-price)`);
  }
  const rows = targets.csv || targets.markdown ? tableRows(report, metric, display) : [];
  if (targets.csv) written.push(write(targets.csv, toCsv(rows)));
  if (targets.markdown) written.push(write(targets.markdown, toMarkdown(rows)));
  const svg = targets.svg || targets.png ? chartSvg(report, metric) : '';
  if (targets.svg) written.push(write(targets.svg, svg));
  if (targets.png) written.push(write(targets.png, await svgToPng(svg)));
  return written;
}

function write(path: string, content: string | Uint8Array): string {
  writeFileSync(path, content);
  return path;
}

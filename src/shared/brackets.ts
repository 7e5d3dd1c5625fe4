import type { OffsetRange } from './options';

/**
 * Parses offset brackets written as "0,1-3,4-7,8-14" (also "1–3" with an en dash): inclusive
 * ranges, ascending, not overlapping. Returns the ranges, or an error message naming the part
 * that is wrong.
 */
export function parseBrackets(text: string): OffsetRange[] | string {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return 'brackets: give at least one offset or range, e.g. 0,1-3,4-7';
  const out: OffsetRange[] = [];
  for (const part of parts) {
    const m = /^(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?$/.exec(part);
    if (!m) return `brackets: '${part}' is not an offset or a range like 1-3`;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return `brackets: '${part}' ends before it starts`;
    const last = out.at(-1);
    if (last && from <= last.to) return `brackets: '${part}' overlaps or comes before ${formatBracket(last)}`;
    out.push({ from, to });
  }
  return out;
}

/** "4-7", or "0" for a one-offset bracket (the inverse of parseBrackets for one range). */
export function formatBracket(range: OffsetRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

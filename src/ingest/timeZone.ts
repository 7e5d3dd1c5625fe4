// Converting UTC instants (values with an offset, Unix epochs) to civil time in the configured
// zone (docs/DESIGN.md §7: the Dataset stores wall-clock time encoded as UTC).

/** Whether the runtime knows this IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offsets are constant within a quarter hour everywhere, so results are cached per bucket. */
const BUCKET_MS = 15 * 60_000;
const MAX_CACHE = 200_000;

/** Returns a function mapping a UTC epoch (ms) to civil ms in `zone` (identity for UTC). */
export function utcToCivil(zone: string): (utcMs: number) => number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return (utcMs) => utcMs;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const cache = new Map<number, number>();
  const offsetAt = (utcMs: number): number => {
    const bucket = Math.floor(utcMs / BUCKET_MS);
    let offset = cache.get(bucket);
    if (offset === undefined) {
      const at = bucket * BUCKET_MS;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - at;
      if (cache.size >= MAX_CACHE) cache.clear();
      cache.set(bucket, offset);
    }
    return offset;
  };
  return (utcMs) => utcMs + offsetAt(utcMs);
}

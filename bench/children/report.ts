// What every benchmark child ends with: its result and its own peak RSS, as JSON in one file.
import { writeFileSync } from 'node:fs';

/** Writes `{ result, maxRssMiB, ms }` to `out` (ms since the process started). */
export function writeChildResult(out: string, result: unknown): void {
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  writeFileSync(out, JSON.stringify({ result, maxRssMiB, ms: performance.now() }));
}

/** Runs a child's main; a failure prints its stack and exits 1. */
export function runChild(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}

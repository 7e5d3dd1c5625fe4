// `retention-lens crr --start S --end E --new N`: the customer retention rate formula
// (DESIGN.md §4), CRR = ((E − N) / S) × 100 and churn = 100 − CRR, with the same validation as
// the VS Code calculator command.
import { parseArgs } from 'node:util';
import { crrFormula } from '../engine/churn/crr';
import { UsageError } from './labArgs';

/** Usage of the calculator, for --help. */
export const CRR_HELP = `retention-lens crr --start S --end E --new N

Customer retention rate over one period: S customers at its start, E at its end, N new ones
acquired during it. CRR = ((E − N) / S) × 100; churn = 100 − CRR.
Example: retention-lens crr --start 1000 --end 900 --new 200   →   CRR 70%, churn 30%`;

/** Runs the calculator; returns the lines to print. Bad numbers are usage errors (exit 2). */
export function runCrr(argv: string[]): string[] {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { start: { type: 'string' }, end: { type: 'string' }, new: { type: 'string' } }, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  for (const flag of ['start', 'end', 'new']) if (values[flag] === undefined) throw new UsageError(`crr needs --${flag}`);
  const result = crrFormula(String(values.start), String(values.end), String(values.new));
  if ('error' in result) throw new UsageError(`crr: ${result.error}`);
  const lines = [`CRR ${result.crr}%  churn ${result.churn}%  (S = ${values.start}, E = ${values.end}, N = ${values.new})`];
  if (result.warning) lines.push(`note: ${result.warning}`);
  return lines;
}

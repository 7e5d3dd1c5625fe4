// What the mapping prompts ask for each shape (DESIGN.md §3), kept free of vscode so the order of
// questions and the guesses behind them are unit-tested; prompts.ts only shows them.
import { guessLifetimeMapping, guessTenureUnit, detectLifetimeDates } from '../ingest/lifetimeRoles';
import type { SampleAnalysis } from '../ingest/prepare';
import { guessMapping } from '../ingest/roles';
import { DATA_SHAPES, SHAPE_LABELS, type ColumnMapping, type ColumnRole, type DataShape, type TenureUnit } from '../shared/mapping';
import type { DateDetection } from '../ingest/dates';
import { detectDateFormat } from '../ingest/dates';
import { columnValues } from '../ingest/roles';

/** One column question: which role, its title, and what "None" means when it may be left out. */
export interface RoleStep {
  role: ColumnRole;
  title: string;
  none: { label: string; description: string } | null;   // null = required
  /** Asked only when this holds for the answers so far (customers: start/end only without tenure). */
  when?: (mapping: ColumnMapping) => boolean;
}

const noTenure = (m: ColumnMapping): boolean => m.tenure === null;

/** The column questions of each shape, in order. */
export const ROLE_STEPS: Record<DataShape, readonly RoleStep[]> = {
  events: [
    { role: 'customerId', title: 'Customer id', none: null },
    { role: 'timestamp', title: 'Timestamp', none: null },
    { role: 'amount', title: 'Amount', none: { label: 'None', description: 'every row counts as activity; no revenue' } },
  ],
  subscriptions: [
    { role: 'customerId', title: 'Customer id', none: null },
    { role: 'start', title: 'Start date', none: null },
    { role: 'end', title: 'End / cancel date', none: { label: 'None', description: 'every subscription is active' } },
    { role: 'amount', title: 'MRR', none: { label: 'None', description: 'no revenue: logo churn only' } },
    { role: 'plan', title: 'Plan', none: { label: 'None', description: 'no plan column' } },
  ],
  customers: [
    { role: 'customerId', title: 'Customer id', none: null },
    { role: 'tenure', title: 'Tenure', none: { label: 'None', description: 'use start/end dates' } },
    { role: 'churned', title: 'Churned flag', none: { label: 'None', description: 'churned = has an end date (or nobody, without dates)' } },
    { role: 'start', title: 'Start date', none: null, when: noTenure },
    { role: 'end', title: 'End date', none: { label: 'None', description: 'every customer is still active' }, when: noTenure },
  ],
};

/** A shape in the shape picker: the detected one is marked and listed first. */
export interface ShapeChoice {
  shape: DataShape;
  label: string;
  detail?: string;
}

/** The shape picker's items, the detected shape first and marked. */
export function shapeChoices(detected: DataShape): ShapeChoice[] {
  const items = DATA_SHAPES.map((shape): ShapeChoice => ({ shape, label: SHAPE_LABELS[shape], ...(shape === detected ? { detail: '$(check) detected' } : {}) }));
  return [...items.filter((i) => i.shape === detected), ...items.filter((i) => i.shape !== detected)];
}

/** The mapping to start the questions from: the remembered one for that shape, else the guess for it. */
export function startingMapping(analysis: SampleAnalysis, shape: DataShape, remembered?: { mapping: ColumnMapping; shape?: DataShape }): ColumnMapping {
  if (remembered && (remembered.shape ?? 'events') === shape) return { ...remembered.mapping };
  if (shape === analysis.shape) return { ...analysis.guess.mapping };
  const guess = shape === 'events' ? guessMapping(analysis.sniff, {}) : guessLifetimeMapping(analysis.sniff, shape, {});
  return { ...guess.mapping };
}

/** The date column whose values decide the date format; null when the shape has none mapped. */
export function dateColumn(shape: DataShape, mapping: ColumnMapping): string | null {
  return shape === 'events' ? mapping.timestamp : (mapping.start ?? mapping.end);
}

/** The date format evidence for the mapped date columns (start and end together for lifetimes). */
export function dateDetectionFor(analysis: SampleAnalysis, shape: DataShape, mapping: ColumnMapping): DateDetection | null {
  const { sniff } = analysis;
  if (shape !== 'events') return detectLifetimeDates(sniff, mapping);
  const index = mapping.timestamp === null ? -1 : sniff.header.indexOf(mapping.timestamp);
  return index < 0 ? null : detectDateFormat(columnValues(sniff, index));
}

/** The tenure unit to offer first: remembered for the same column, else read from its name. */
export function tenureUnitFor(analysis: SampleAnalysis, tenure: string | null, remembered?: { mapping: ColumnMapping; tenureUnit?: TenureUnit }): TenureUnit {
  if (remembered?.tenureUnit && remembered.mapping.tenure === tenure) return remembered.tenureUnit;
  if (tenure !== null && tenure === analysis.guess.mapping.tenure) return analysis.tenureUnit;
  return guessTenureUnit(tenure);
}

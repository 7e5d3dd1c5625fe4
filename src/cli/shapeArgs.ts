// The data-shape flags (DESIGN.md §3, §6): --shape, the lifetime columns and --tenure-unit, the
// --mrr alias of --amount, and the subscription policies' fit with the shape. Validated before
// any file is read, so a wrong combination is a usage error (exit 2).
import { DATA_SHAPES, ROLE_LABELS, SHAPE_ROLES, TENURE_UNITS, type ColumnMapping, type ColumnRole, type DataShape, type TenureUnit } from '../shared/mapping';
import { pick, str, UsageError, type LabOptions, type Raw } from './labArgs';

/** The shape and tenure unit given on the command line (absent = detected from the file). */
export interface ShapeArgs {
  shape?: DataShape;
  tenureUnit?: TenureUnit;
}

/** Flag name of each column role, for messages. */
const ROLE_FLAGS: Partial<Record<ColumnRole, string>> = {
  customerId: 'customer', timestamp: 'time', amount: 'amount', quantity: 'quantity', unitPrice: 'unit-price', orderId: 'order', eventName: 'event',
  start: 'start', end: 'end', tenure: 'tenure', churned: 'churned', plan: 'plan',
};

/** --mrr is --amount under its subscription name; both at once must agree. */
export function mrrAlias(o: Raw, mapping: Partial<ColumnMapping>): void {
  const mrr = str(o.mrr);
  if (o.mrr !== undefined && !mrr) throw new UsageError('--mrr needs a column name');
  if (!mrr) return;
  if (mapping.amount !== undefined && mapping.amount !== mrr) throw new UsageError(`--mrr and --amount name different columns ('${mrr}', '${mapping.amount}'); --mrr is the amount of a subscription`);
  mapping.amount = mrr;
}

/** Column flags the given shape does not read (e.g. --tenure with --shape events). */
function checkRoles(shape: DataShape, mapping: Partial<ColumnMapping>): void {
  for (const role of Object.keys(mapping) as ColumnRole[]) {
    if (SHAPE_ROLES[shape].includes(role)) continue;
    throw new UsageError(`--${ROLE_FLAGS[role] ?? role} (the ${ROLE_LABELS[role]} column) does not apply to --shape ${shape}; it applies to ${DATA_SHAPES.filter((s) => SHAPE_ROLES[s].includes(role)).join(' or ')}`);
  }
}

/** --shape and --tenure-unit, checked against the column flags and the subscription policies. */
export function shapeArgs(o: Raw, mapping: Partial<ColumnMapping>, lab: LabOptions): ShapeArgs {
  const shape = o.shape === undefined ? undefined : pick(o.shape, DATA_SHAPES, 'shape', 'events');
  const tenureUnit = o.tenureUnit === undefined ? undefined : pick(o.tenureUnit, TENURE_UNITS, 'tenure-unit', 'months');
  if (shape) checkRoles(shape, mapping);
  if (tenureUnit && shape && shape !== 'customers') throw new UsageError(`--tenure-unit applies to --shape customers (got --shape ${shape})`);
  const policies = (['samePeriodChurn', 'cancelAt', 'reactivation'] as const).filter((k) => lab[k] !== undefined);
  if (policies.length && shape && shape !== 'subscriptions') {
    throw new UsageError(`--${policies[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} applies to --shape subscriptions (got --shape ${shape})`);
  }
  return { ...(shape ? { shape } : {}), ...(tenureUnit ? { tenureUnit } : {}) };
}

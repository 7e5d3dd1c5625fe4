import * as vscode from 'vscode';
import type { SampleAnalysis } from '../ingest/prepare';
import { TENURE_UNITS, type ColumnMapping, type DataShape, type DateFormat, type TenureUnit } from '../shared/mapping';
import type { RememberedMapping } from './mappingStore';
import { dateColumn, dateDetectionFor, ROLE_STEPS, shapeChoices, startingMapping, tenureUnitFor, type RoleStep } from './mappingSteps';

interface ColumnItem extends vscode.QuickPickItem { column: string | null; product?: boolean }

/** Up to four distinct non-empty example values of a column, for the picker's description. */
function examples(analysis: SampleAnalysis, column: string): string {
  const index = analysis.sniff.header.indexOf(column);
  const seen = new Set<string>();
  for (const row of analysis.sniff.sampleRows) {
    const value = (row[index] ?? '').trim();
    if (value) seen.add(value.length > 24 ? value.slice(0, 23) + '…' : value);
    if (seen.size >= 4) break;
  }
  return seen.size ? `e.g. ${[...seen].join(', ')}` : '(empty in the first rows)';
}

/** Shows a quick pick and resolves with the accepted item, undefined when dismissed. */
function showPick<T extends vscode.QuickPickItem>(items: T[], setup: { title: string; placeholder: string; step?: number; totalSteps?: number }): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  Object.assign(pick, { title: setup.title, placeholder: setup.placeholder, step: setup.step, totalSteps: setup.totalSteps, items, ignoreFocusOut: true });
  return new Promise((resolve) => {
    pick.onDidAccept(() => { resolve(pick.selectedItems[0]); pick.hide(); });
    pick.onDidHide(() => { resolve(undefined); pick.dispose(); });
    pick.show();
  });
}

async function pickColumn(analysis: SampleAnalysis, step: RoleStep, current: string | null, position: { step: number; total: number }): Promise<ColumnItem | undefined> {
  const items: ColumnItem[] = analysis.sniff.header.map((column) => ({
    column, label: column, description: examples(analysis, column), picked: column === current,
  }));
  items.sort((a, b) => Number(b.picked) - Number(a.picked));
  if (items[0]?.picked) items[0].detail = '$(check) detected';
  if (step.role === 'amount' && analysis.shape === 'events') {
    const { quantity, unitPrice } = analysis.guess.mapping;
    if (quantity && unitPrice) items.splice(current ? 1 : 0, 0, { column: null, product: true, label: `${quantity} × ${unitPrice}`, description: 'amount = quantity × unit price' });
  }
  if (step.none) items.push({ column: null, label: step.none.label, description: step.none.description });
  return showPick(items, { title: step.title, placeholder: `Which column is the ${step.title.toLowerCase()}?`, step: position.step, totalSteps: position.total });
}

/** Asks what one row of the file is; the detected shape comes first, marked. */
async function pickShape(detected: DataShape): Promise<DataShape | undefined> {
  const choice = await showPick(shapeChoices(detected), { title: 'What is one row of this file?', placeholder: 'Events, subscriptions or customers' });
  return choice?.shape;
}

/** Asks day-first or month-first when the data cannot tell. */
async function pickDayOrder(column: string, sample: string[]): Promise<DateFormat | undefined> {
  const shown = sample.slice(0, 3).join(', ');
  const choice = await vscode.window.showQuickPick(
    [{ label: 'Day first (DD/MM/YYYY)', format: 'dmy' as const }, { label: 'Month first (MM/DD/YYYY)', format: 'mdy' as const }],
    { title: `How are the dates in '${column}' written?`, placeHolder: `e.g. ${shown} — both readings are valid`, ignoreFocusOut: true });
  return choice?.format;
}

/** Asks the unit of a tenure column, the guessed one first. */
async function pickTenureUnit(column: string, guessed: TenureUnit): Promise<TenureUnit | undefined> {
  const units = [guessed, ...TENURE_UNITS.filter((u) => u !== guessed)];
  const choice = await vscode.window.showQuickPick(units.map((unit) => ({ label: unit, unit })), { title: `What unit is '${column}' in?`, ignoreFocusOut: true });
  return choice?.unit;
}

/** Walks the shape's column questions; undefined when the user backs out. */
async function pickRoles(analysis: SampleAnalysis, shape: DataShape, base: ColumnMapping): Promise<ColumnMapping | undefined> {
  const mapping: ColumnMapping = { ...base };
  const steps = ROLE_STEPS[shape];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.when && !step.when(mapping)) {
      mapping[step.role] = null;
      continue;
    }
    const picked = await pickColumn(analysis, step, base[step.role], { step: i + 1, total: steps.length });
    if (!picked || (!step.none && !picked.column)) return undefined;
    mapping[step.role] = picked.column;
    if (step.role === 'amount' && shape === 'events') {
      mapping.quantity = picked.product ? analysis.guess.mapping.quantity : null;
      mapping.unitPrice = picked.product ? analysis.guess.mapping.unitPrice : null;
    }
  }
  return mapping;
}

/** The date format of the mapped date columns, asking the day order when the data cannot tell. */
async function settleDateFormat(analysis: SampleAnalysis, file: string, shape: DataShape, mapping: ColumnMapping, current?: RememberedMapping): Promise<DateFormat | undefined> {
  const column = dateColumn(shape, mapping);
  // A customers table with a tenure column has no dates: the format is never read.
  if (column === null) return 'iso';
  const detection = dateDetectionFor(analysis, shape, mapping);
  const values = analysis.sniff.sampleRows.map((r) => (r[analysis.sniff.header.indexOf(column)] ?? '').trim()).filter(Boolean);
  const sameColumn = current && (current.shape ?? 'events') === shape && dateColumn(shape, current.mapping) === column;
  let dateFormat = detection?.format ?? (sameColumn ? current.dateFormat : undefined);
  if (!dateFormat && detection && detection.candidates.length > 1) dateFormat = await pickDayOrder(column, values);
  // An end column blank in every sampled row has nothing to decide from.
  if (!dateFormat && detection && detection.total === 0) dateFormat = 'iso';
  if (!dateFormat) void vscode.window.showErrorMessage(`${file}: column '${column}' does not look like dates (e.g. ${values.slice(0, 3).join(', ') || 'empty'}).`);
  return dateFormat;
}

/**
 * Confirms what a row is (events, subscriptions, customers), then that shape's column roles with
 * example values, then the day/month order if still ambiguous. Undefined when the user backs out.
 */
export async function confirmMapping(analysis: SampleAnalysis, file: string, current?: RememberedMapping): Promise<RememberedMapping | undefined> {
  const shape = await pickShape(current?.shape ?? analysis.shape);
  if (!shape) return undefined;
  const mapping = await pickRoles(analysis, shape, startingMapping(analysis, shape, current));
  if (!mapping) return undefined;
  const dateFormat = await settleDateFormat(analysis, file, shape, mapping, current);
  if (!dateFormat) return undefined;
  if (shape !== 'customers') return { mapping, dateFormat, shape };
  if (mapping.tenure === null) return { mapping, dateFormat, shape, tenureUnit: 'days' };
  const tenureUnit = await pickTenureUnit(mapping.tenure, tenureUnitFor(analysis, mapping.tenure, current));
  return tenureUnit ? { mapping, dateFormat, shape, tenureUnit } : undefined;
}

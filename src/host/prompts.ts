import * as vscode from 'vscode';
import type { SampleAnalysis } from '../ingest/prepare';
import { detectDateFormat } from '../ingest/dates';
import type { ColumnMapping, ColumnRole, DateFormat } from '../shared/mapping';
import type { RememberedMapping } from './mappingStore';

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

async function pickColumn(analysis: SampleAnalysis, role: ColumnRole, title: string, options: { current: string | null; optional: boolean; step: number }): Promise<ColumnItem | undefined> {
  const items: ColumnItem[] = analysis.sniff.header.map((column) => ({
    column, label: column, description: examples(analysis, column), picked: column === options.current,
  }));
  items.sort((a, b) => Number(b.picked) - Number(a.picked));
  if (items[0]?.picked) items[0].detail = '$(check) detected';
  if (role === 'amount') {
    const { quantity, unitPrice } = analysis.guess.mapping;
    if (quantity && unitPrice) items.splice(options.current ? 1 : 0, 0, { column: null, product: true, label: `${quantity} × ${unitPrice}`, description: 'amount = quantity × unit price' });
  }
  if (options.optional) items.push({ column: null, label: 'None', description: 'every row counts as activity; no revenue' });
  const pick = vscode.window.createQuickPick<ColumnItem>();
  pick.title = title;
  pick.step = options.step;
  pick.totalSteps = 3;
  pick.items = items;
  pick.placeholder = `Which column is the ${title.toLowerCase()}?`;
  pick.ignoreFocusOut = true;
  return new Promise((resolve) => {
    pick.onDidAccept(() => { resolve(pick.selectedItems[0]); pick.hide(); });
    pick.onDidHide(() => { resolve(undefined); pick.dispose(); });
    pick.show();
  });
}

/** Asks day-first or month-first when the data cannot tell. */
async function pickDayOrder(column: string, sample: string[]): Promise<DateFormat | undefined> {
  const shown = sample.slice(0, 3).join(', ');
  const choice = await vscode.window.showQuickPick(
    [{ label: 'Day first (DD/MM/YYYY)', format: 'dmy' as const }, { label: 'Month first (MM/DD/YYYY)', format: 'mdy' as const }],
    { title: `How are the dates in '${column}' written?`, placeHolder: `e.g. ${shown} — both readings are valid`, ignoreFocusOut: true });
  return choice?.format;
}

/**
 * Confirms the column roles with the user (customer id, timestamp, amount) with example values,
 * then the day/month order if still ambiguous. Undefined when the user backs out.
 */
export async function confirmMapping(analysis: SampleAnalysis, file: string, current?: RememberedMapping): Promise<RememberedMapping | undefined> {
  const base: ColumnMapping = { ...(current?.mapping ?? analysis.guess.mapping) };
  const customer = await pickColumn(analysis, 'customerId', 'Customer id', { current: base.customerId, optional: false, step: 1 });
  if (!customer?.column) return undefined;
  const time = await pickColumn(analysis, 'timestamp', 'Timestamp', { current: base.timestamp, optional: false, step: 2 });
  if (!time?.column) return undefined;
  const amount = await pickColumn(analysis, 'amount', 'Amount', { current: base.amount, optional: true, step: 3 });
  if (!amount) return undefined;
  const mapping: ColumnMapping = {
    ...base, customerId: customer.column, timestamp: time.column, amount: amount.column,
    quantity: amount.product ? analysis.guess.mapping.quantity : null,
    unitPrice: amount.product ? analysis.guess.mapping.unitPrice : null,
  };
  const index = analysis.sniff.header.indexOf(time.column);
  const values = analysis.sniff.sampleRows.map((r) => (r[index] ?? '').trim()).filter(Boolean);
  const detection = detectDateFormat(values);
  let dateFormat = detection.format ?? (time.column === current?.mapping.timestamp ? current.dateFormat : undefined);
  if (!dateFormat && detection.candidates.length > 1) dateFormat = await pickDayOrder(time.column, values);
  if (!dateFormat) {
    void vscode.window.showErrorMessage(`${file}: column '${time.column}' does not look like dates (e.g. ${values.slice(0, 3).join(', ') || 'empty'}).`);
    return undefined;
  }
  return { mapping, dateFormat };
}

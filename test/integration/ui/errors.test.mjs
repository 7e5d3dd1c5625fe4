// A CSV the tool cannot analyse: an error notification that names the file, and no report panel.
import assert from 'node:assert/strict';
import { T, useWorkbench } from './workbench.mjs';

describe('a CSV without a date column (UI)', function () {
  const ctx = useWorkbench();

  it('shows an error notification naming no-date.csv and opens no report', async () => {
    await ctx.wb.quickOpen('no-date.csv');
    await ctx.wb.runCommand('Retention Lens: Analyze Retention');
    const toast = ctx.wb.toast('no-date.csv');
    await toast.waitFor({ timeout: T.report });
    assert.equal(await toast.locator('.codicon-error').count(), 1, `not an error notification: ${await toast.textContent()}`);
    assert.match((await toast.locator('.notification-list-item-message').textContent()).trim(),
      /^Retention Lens: no-date\.csv: no column looks like a date \(columns: customer_id, product, amount\)/);
    assert.ok(!(await ctx.wb.tabLabels()).some((l) => l.includes('Retention: no-date.csv')), 'a report tab opened');
  });
});

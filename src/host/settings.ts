import * as vscode from 'vscode';
import { PERIODS, WEEK_STARTS, type Period, type WeekStart } from '../shared/options';
import { isValidTimeZone } from '../ingest/dates';

/** The extension's settings, validated (the one place they are read). */
export interface Settings {
  timeZone: string;
  weekStart: WeekStart;
  defaultPeriod: Period;
}

/** Reads `retentionLens.*`; invalid values fall back to defaults with a warning. */
export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('retentionLens');
  const timeZone = config.get<string>('timeZone', 'UTC');
  const weekStart = config.get<string>('weekStart', 'monday');
  const defaultPeriod = config.get<string>('defaultPeriod', 'month');
  const valid = isValidTimeZone(timeZone);
  if (!valid) void vscode.window.showWarningMessage(`Retention Lens: unknown time zone '${timeZone}' in retentionLens.timeZone; using UTC.`);
  return {
    timeZone: valid ? timeZone : 'UTC',
    weekStart: (WEEK_STARTS as readonly string[]).includes(weekStart) ? (weekStart as WeekStart) : 'monday',
    defaultPeriod: (PERIODS as readonly string[]).includes(defaultPeriod) ? (defaultPeriod as Period) : 'month',
  };
}

import type * as vscode from 'vscode';
import type { ColumnMapping, DataShape, DateFormat, TenureUnit } from '../shared/mapping';

/** A mapping the user confirmed for one file. `shape` absent = events (remembered before shapes existed). */
export interface RememberedMapping {
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  shape?: DataShape;
  tenureUnit?: TenureUnit;   // customers with a tenure column
}

const KEY_PREFIX = 'retentionLens.mapping:';

/** Per-file column mappings, kept in workspaceState so the next analysis asks nothing. */
export class MappingStore {
  constructor(private readonly memento: vscode.Memento) {}

  /** The remembered mapping for a file, if any. */
  get(fileUri: string): RememberedMapping | undefined {
    return this.memento.get<RememberedMapping>(KEY_PREFIX + fileUri);
  }

  /** Remembers a confirmed mapping. */
  set(fileUri: string, value: RememberedMapping): Thenable<void> {
    return this.memento.update(KEY_PREFIX + fileUri, value);
  }
}

// lifelines' g3 data set (../shared/data/lifelines_km/g3.csv): 17 subjects, T = `time`,
// event = `event` (True/False), split by `group` (RIT / Control). Read from disk so the test
// checks the very file whose published values are in ../shared/data/README.md; missing → throw.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The g3 columns as the engine takes them; group codes: 0 = Control, 1 = RIT. */
export interface G3 { durations: Float64Array; events: Uint8Array; groups: Int32Array }

/** Parses g3.csv (fails loudly when the shared data folder is absent). */
export function loadG3(): G3 {
  const file = resolve(__dirname, '../../../../../shared/data/lifelines_km/g3.csv');
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  const rows = lines.map((l) => l.split(','));
  return {
    durations: Float64Array.from(rows, (r) => Number(r[at('time')])),
    events: Uint8Array.from(rows, (r) => (r[at('event')] === 'True' ? 1 : 0)),
    groups: Int32Array.from(rows, (r) => (r[at('group')] === 'RIT' ? 1 : 0)),
  };
}

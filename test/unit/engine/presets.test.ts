import { strict as assert } from 'node:assert';
import { PRESET_LABELS, presetOptions, presetWeekStart } from '../../../src/engine/presets';
import { retentionTable } from '../../../src/engine/retention';
import { PRESET_NAMES, resolveOptions } from '../../../src/shared/options';
import { makeDataset, type Row } from './makeDataset';

describe('engine/presets', () => {
  it('sets each tool\'s default definition (research notes, retention-definitions.md §1)', () => {
    assert.deepEqual(presetOptions('mixpanel'), { mode: 'unbounded', window: 'rolling', cohorts: 'first', rateBase: 'cohort', average: 'mixpanel', minOccurrences: 1 });
    assert.deepEqual(presetOptions('amplitude'), { mode: 'unbounded', window: 'rolling', cohorts: 'first', rateBase: 'cohort', average: 'pooled', minOccurrences: 1 });
    assert.deepEqual(presetOptions('posthog'), { mode: 'classic', window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'simple', minOccurrences: 1 });
    assert.deepEqual(presetOptions('ga4'), { mode: 'classic', window: 'calendar', cohorts: 'first', rateBase: 'cohort', average: 'pooled', minOccurrences: 1 });
    assert.equal(presetWeekStart('ga4'), 'sunday');
    assert.equal(presetWeekStart('mixpanel'), null);
  });

  it('labels every preset and hands out copies', () => {
    assert.deepEqual(PRESET_NAMES.map((p) => PRESET_LABELS[p]), ['like Mixpanel', 'like Amplitude', 'like PostHog', 'like GA4']);
    const a = presetOptions('posthog');
    a.mode = 'streak';
    assert.equal(presetOptions('posthog').mode, 'classic');
  });

  it('gives different numbers on the PostHog #13748 vector: PostHog classic 33% at D2… vs Mixpanel on-or-after', () => {
    const rows: Row[] = [['a', '2024-01-01'], ['b', '2024-01-01'], ['c', '2024-01-01'], ['a', '2024-01-02'], ['b', '2024-01-06'], ['d', '2024-01-08']];
    const ds = makeDataset(rows);
    const at = (name: 'mixpanel' | 'posthog') => retentionTable(ds, resolveOptions({ period: 'day', weekStart: 'monday', ...presetOptions(name) })).cohorts[0].rates;
    assert.deepEqual(at('posthog'), [1, 0.3333, 0, 0, 0, 0.3333, 0, 0]);
    assert.deepEqual(at('mixpanel'), [1, 0.6667, 0.3333, 0.3333, 0.3333, 0.3333, 0, 0]);
  });
});

// The retention lab through the extension (issue 3): lab/lab-orders.csv analysed by the real
// command, with the definition taken from the retentionLens.* settings a new report opens with.
// Values worked out by hand; the full working is at the top of test/integration/ui/lab.test.mjs.
// In short (calendar months; purchases: a Jan Feb Mar, b Jan Mar, c Jan Feb, d Jan, e Feb Mar Apr,
// f Feb Apr, g Mar, h Apr; a also has a −3 refund on Apr 20, which is never activity):
//   cohorts 2024-01 {a,b,c,d}, 2024-02 {e,f}, 2024-03 {g}, 2024-04 {h}
//   classic counts [4,2,2,0] [2,1,2] [1,0] [1]; unbounded [4,3,2,0] [2,2,2] [1,0] [1]
const assert = require('assert');
const vscode = require('vscode');
const { api, workspaceFile, waitFor, analyze, tabLabels, closeAll } = require('./helpers');

const LAB = 'lab/lab-orders.csv';
const cohortsOf = (report) => report.retention.cohorts.map((c) => [c.cohort, c.size, c.counts]);
const CLASSIC = [['2024-01', 4, [4, 2, 2, 0]], ['2024-02', 2, [2, 1, 2, null]], ['2024-03', 1, [1, 0, null, null]], ['2024-04', 1, [1, null, null, null]]];

describe('Retention lab: lab/lab-orders.csv (extension host)', function () {
  let testApi;
  const TARGET = vscode.ConfigurationTarget.Global;   // see foundation.test.js: no .vscode/ in the workspace
  const KEYS = ['mode', 'brackets', 'relativeTo', 'average', 'window'];
  const read = (key) => vscode.workspace.getConfiguration('retentionLens').inspect(key).globalValue;

  async function setSettings(values) {
    for (const [key, value] of Object.entries(values)) await vscode.workspace.getConfiguration('retentionLens').update(key, value, TARGET);
    await waitFor(() => Object.entries(values).every(([key, value]) => read(key) === value), `the settings ${JSON.stringify(values)} to apply`);
  }

  /** Every panel closed: a new analysis then opens with the settings, not a panel's current options. */
  async function fresh() {
    await closeAll();
    await waitFor(() => testApi.panelCount() === 0, `panelCount() = 0 (is ${testApi.panelCount()}; tabs: ${tabLabels()})`);
  }

  async function analyzeLab() {
    const report = await analyze(workspaceFile(LAB));
    assert.ok(report, `analyze(${LAB}) failed: ${testApi.lastError()}`);
    return report;
  }

  before(async () => { testApi = await api(); });
  beforeEach(fresh);
  afterEach(async () => {
    await fresh();
    await setSettings(Object.fromEntries(KEYS.map((k) => [k, undefined])));
  });

  it('classic by default: cohorts, pooled average, number at risk, KPIs and the segment column', async () => {
    const report = await analyzeLab();
    assert.strictEqual(report.input.file, 'lab-orders.csv');
    assert.strictEqual(report.retention.mode, 'classic');
    assert.deepStrictEqual(cohortsOf(report), CLASSIC);
    // pooled: M1 (2+1+0)/(4+2+1) = 3/7, M2 (2+2)/(4+2) = 4/6, M3 0/4
    assert.deepStrictEqual(report.retention.average.rates, [1, 0.4286, 0.6667, 0]);
    assert.deepStrictEqual(report.retention.atRisk, [8, 7, 6, 4]);
    // 16 rows, one a refund: 15 purchases; 194 of purchases − 3 = 191; a, b, c, e, f bought twice or more: 5 of 8
    assert.deepStrictEqual([report.kpis.customers, report.kpis.orders, report.kpis.revenue, report.kpis.repeatPurchaseRate], [8, 15, 191, 0.625]);
    assert.deepStrictEqual(report.choices.segmentColumns, ['channel']);
    await waitFor(() => tabLabels().includes('Retention: lab-orders.csv'), `a "Retention: lab-orders.csv" tab (tabs: ${tabLabels()})`);
  });

  it('retentionLens.mode = unbounded: 2024-01 · M1 is 3 of 4 (b, active in M0 and M2, counts at M1)', async () => {
    await setSettings({ mode: 'unbounded' });
    const report = await analyzeLab();
    assert.strictEqual(report.retention.mode, 'unbounded');
    assert.deepStrictEqual(cohortsOf(report), [['2024-01', 4, [4, 3, 2, 0]], ['2024-02', 2, [2, 2, 2, null]], ['2024-03', 1, [1, 0, null, null]], ['2024-04', 1, [1, null, null, null]]]);
    assert.deepStrictEqual(report.retention.cohorts[0].rates, [1, 0.75, 0.5, 0]);
    // pooled M1 (3+2+0)/7 = 0.7143
    assert.deepStrictEqual(report.retention.average.rates, [1, 0.7143, 0.6667, 0]);
  });

  it('retentionLens.mode = bracket, brackets = 0,1-2: columns M0, M1–2; 2024-03 · M1–2 partial', async () => {
    await setSettings({ mode: 'bracket', brackets: '0,1-2' });
    const report = await analyzeLab();
    assert.deepStrictEqual(report.retention.columns, ['M0', 'M1–2']);
    assert.deepStrictEqual(cohortsOf(report), [['2024-01', 4, [4, 3]], ['2024-02', 2, [2, 2]], ['2024-03', 1, [1, 0]], ['2024-04', 1, [1, null]]]);
    assert.deepStrictEqual(report.retention.cohorts[2].partial, [false, true]);
    // complete cells only: (3+2)/(4+2) = 0.8333
    assert.deepStrictEqual(report.retention.average.rates, [1, 0.8333]);
  });

  it('retentionLens.relativeTo = previous, average = mixpanel: rates over the previous column, Σ b·c / Σ b²', async () => {
    await setSettings({ relativeTo: 'previous', average: 'mixpanel' });
    const report = await analyzeLab();
    assert.deepStrictEqual(cohortsOf(report), CLASSIC);
    // 2024-01: 2/4, 2/2, 0/2; 2024-02: 1/2, 2/1 (classic counts can rise: DESIGN-lab §3)
    assert.deepStrictEqual(report.retention.cohorts.map((c) => c.rates), [[1, 0.5, 1, 0], [1, 0.5, 2, null], [1, 0, null, null], [1, null, null, null]]);
    // bases M1 4, 2, 1 → (4·2 + 2·1 + 1·0)/(16+4+1) = 10/21; M2 bases 2, 1 → (2·2 + 1·2)/(4+1) = 6/5; M3 base 2 → 0
    assert.strictEqual(report.retention.average.method, 'mixpanel');
    assert.deepStrictEqual(report.retention.average.rates, [1, 0.4762, 1.2, 0]);
  });
});

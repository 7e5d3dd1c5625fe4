import { strict as assert } from 'node:assert';
import { lifetimeExportName, periodRows, periodsCsv, survivalCsv, survivalRows } from '../../../../src/webview/lifetime/lifetimeExport';
import { subscriptionSection, subscriptionsReport, telcoReport, tinyCurve } from '../sampleLifetimeReports';

describe('webview/lifetime/lifetimeExport', () => {
  it('writes every step of the survival curve with its band', () => {
    const rows = survivalRows(subscriptionsReport());
    assert.deepEqual(rows[0], ['Curve', 'Time (days)', 'At risk', 'Events', 'Censored', 'Survival', 'Lower 95%', 'Upper 95%']);
    assert.deepEqual(rows.slice(1), [
      ['All', '1', '5', '1', '0', '0.8', '0.2038', '0.9692'],
      ['All', '2', '4', '0', '1', '0.8', '0.2038', '0.9692'],
      ['All', '3', '3', '2', '0', '0.266667', '0.0104', '0.6694'],
      ['All', '5', '1', '0', '1', '0.266667', '0.0104', '0.6694'],
    ]);
  });

  it('writes the overall curve, then each segment, and an empty cell where the band is undefined', () => {
    const r = telcoReport();
    const rows = survivalRows(r);
    assert.equal(rows[0][0], 'Curve (Contract)');
    assert.deepEqual([...new Set(rows.slice(1).map((row) => row[0]))], ['All', ...r.survival.segments.map((s) => s.label)]);
    const zero = { ...subscriptionsReport(), survival: { ...subscriptionsReport().survival, overall: { ...tinyCurve(), points: [{ time: 2, atRisk: 1, events: 1, censored: 0, survival: 0, lower: null, upper: null }] } } };
    assert.deepEqual(survivalRows(zero)[1], ['All', '2', '1', '1', '0', '0', '', '']);
  });

  it('neutralises formulas in CSV-derived labels, and leaves generated negative numbers alone', () => {
    const r = telcoReport();
    r.survival.segments[0].label = '=HYPERLINK("http://x","y")';
    const csv = survivalCsv(r);
    assert.ok(csv.includes('"\'=HYPERLINK(""http://x"",""y"")"'), csv.split('\r\n').find((l) => l.includes('HYPERLINK')));
    assert.ok(!/(^|\r\n)=/.test(csv));
    const mrr = periodsCsv(subscriptionsReport())!;
    assert.ok(mrr.includes(',-100,'), 'net new -100 stays a number');
    assert.ok(mrr.endsWith('\r\n'));
  });

  it('writes the MRR periods with proportions and money as the report holds them', () => {
    const rows = periodRows(subscriptionSection());
    assert.equal(rows[0].length, 20);
    assert.deepEqual(rows[2], ['2024-02', 'no', '3', '1', '0', '1', '3', '0.3333', '300', '1000', '150.5', '0', '0', '100', '1050.5', '1350.5', '0.3333', '0.6667', '1.1683', '11.505']);
    assert.deepEqual(rows[1].slice(16), ['', '', '', ''], 'null rates are empty cells');
    assert.equal(rows[4][1], 'yes');
    assert.equal(periodsCsv(telcoReport()), null, 'customers files have no MRR table');
  });

  it('suggests names next to the CSV', () => {
    assert.equal(lifetimeExportName('WA_Fn-UseC_-Telco-Customer-Churn.csv', 'survival'), 'WA_Fn-UseC_-Telco-Customer-Churn-survival.csv');
    assert.equal(lifetimeExportName('/a/b/subs.tsv', 'mrr'), 'subs-mrr.csv');
    assert.equal(lifetimeExportName('', 'mrr'), 'report-mrr.csv');
  });
});

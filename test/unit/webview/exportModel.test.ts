import { strict as assert } from 'node:assert';
import { chartSvg } from '../../../src/shared/chartSvg';
import { tableRows, toCsv } from '../../../src/shared/exportTable';
import { exportFormats, exportMessage, exportText, pngBase64, suggestedName } from '../../../src/webview/exportModel';
import { exportContent } from '../../../src/webview/exporter';
import { ordersReport } from './sampleReports';

describe('webview/exportModel', () => {
  const report = ordersReport();

  it('suggests "<file>-retention.<ext>"', () => {
    assert.equal(suggestedName('orders.csv', 'csv'), 'orders-retention.csv');
    assert.equal(suggestedName('orders.csv', 'markdown'), 'orders-retention.md');
    assert.equal(suggestedName('shop.2024.tsv', 'svg'), 'shop.2024-retention.svg');
    assert.equal(suggestedName('data/in/orders', 'png'), 'orders-retention.png');
    assert.equal(suggestedName('.csv', 'html'), 'report-retention.html');
  });

  it('offers HTML only in VS Code (a standalone page is the HTML)', () => {
    assert.deepEqual(exportFormats(false), ['csv', 'markdown', 'svg', 'png', 'html']);
    assert.deepEqual(exportFormats(true), ['csv', 'markdown', 'svg', 'png']);
  });

  it('exports the shown table as CSV and Markdown through shared/exportTable', () => {
    assert.equal(exportText('csv', { report, metric: 'customers', display: 'percent' }),
      'Cohort,Customers,M0,M1,M2\r\n2024-01,3,100.0%,66.7%,33.3%\r\n2024-02,2,100.0%,50.0%,\r\nAverage (pooled),5,100.0%,60.0%,33.3%\r\nNumber at risk,,5,5,3\r\n');
    assert.equal(exportText('markdown', { report, metric: 'customers', display: 'count' }),
      '| Cohort | Customers | M0 | M1 | M2 |\n| --- | ---: | ---: | ---: | ---: |\n| 2024-01 | 3 | 3 | 2 | 1 |\n| 2024-02 | 2 | 2 | 1 |  |\n'
      + '| Average (pooled) | 5 | 5 | 3 | 1 |\n| Number at risk |  | 5 | 5 | 3 |\n');
    assert.equal(exportText('csv', { report, metric: 'revenue', display: 'percent' }), toCsv(tableRows(report, 'revenue', 'percent')));
    assert.match(exportText('csv', { report, metric: 'revenuePerCustomer', display: 'percent' }), /^Cohort,Customers,M0,M1,M2\r\n2024-01,3,15\.00,6\.67,3\.00\r\n/);
  });

  it('neutralises formula-like cohort labels in CSV', () => {
    const r = { ...report, retention: { ...report.retention, cohorts: [{ ...report.retention.cohorts[0], cohort: '=HYPERLINK("x")' }] } };
    assert.match(exportText('csv', { report: r, metric: 'customers', display: 'count' }), /\r\n"'=HYPERLINK\(""x""\)",3,3,2,1\r\n/);
  });

  it('exports the chart as SVG (shared/chartSvg) and HTML as empty content for the host', () => {
    const svg = exportText('svg', { report, metric: 'revenueRetention', display: 'percent' });
    assert.equal(svg, chartSvg(report, 'revenueRetention'));
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(exportText('html', { report, metric: 'customers', display: 'percent' }), '');
  });

  it('takes PNG content from the canvas data URL, without its prefix', () => {
    assert.equal(pngBase64('data:image/png;base64,iVBORw0KGgo='), 'iVBORw0KGgo=');
    assert.equal(pngBase64('data:,'), null);
    const view = { report, metric: 'customers' as const, display: 'percent' as const };
    assert.deepEqual(exportContent('png', view, () => 'data:image/png;base64,AAAA'), { content: 'AAAA' });
    assert.deepEqual(exportContent('png', view, () => null), { error: 'The chart is not drawn yet; nothing to export as PNG.' });
    assert.deepEqual(exportContent('html', view, () => null), { content: '' });
  });

  it('builds the export message the host saves', () => {
    assert.deepEqual(exportMessage('markdown', '| a |\n', report), { type: 'export', format: 'markdown', content: '| a |\n', suggestedName: 'orders-retention.md' });
    assert.deepEqual(exportMessage('html', '', report), { type: 'export', format: 'html', content: '', suggestedName: 'orders-retention.html' });
  });
});

import { strict as assert } from 'node:assert';
import { neutraliseCell, tableRows, toCsv, toMarkdown } from '../../../src/shared/exportTable';
import { ordersReport } from './fixtureReport';

const HOSTILE = ['=HYPERLINK("x")', '+1', '@SUM(A1)', '-2+3', '|pipe|', '\tTAB', '\rCR'];

describe('shared/exportTable', () => {
  describe('neutraliseCell', () => {
    it('prefixes an apostrophe to anything a spreadsheet would evaluate', () => {
      assert.deepEqual(HOSTILE.map(neutraliseCell), ["'=HYPERLINK(\"x\")", "'+1", "'@SUM(A1)", "'-2+3", '|pipe|', "'\tTAB", "'\rCR"]);
    });

    it('leaves the numbers we write, and ordinary text, alone', () => {
      for (const ok of ['-12.50', '-3', '33.3%', '-0.5%', '0', '2024-01', 'Average (pooled)', '', 'a=b']) assert.equal(neutraliseCell(ok), ok);
    });

    it('quotes what only looks like a number', () => {
      assert.equal(neutraliseCell('-3.00*'), "'-3.00*");
      assert.equal(neutraliseCell('-1e5'), "'-1e5");
      assert.equal(neutraliseCell('+5'), "'+5");
      assert.equal(neutraliseCell('-'), "'-");
    });
  });

  describe('tableRows', () => {
    it('customers as percentages: header, cohorts, named average, number at risk', () => {
      assert.deepEqual(tableRows(ordersReport(), 'customers', 'percent'), [
        ['Cohort', 'Customers', 'M0', 'M1', 'M2'],
        ['2024-01', '3', '100.0%', '66.7%', '33.3%'],
        ['2024-02', '2', '100.0%', '50.0%', ''],
        ['Average (pooled)', '5', '100.0%', '60.0%', '33.3%'],
        ['Number at risk', '', '5', '5', '3'],
      ]);
    });

    it('customers as counts; partial cells get a star', () => {
      const report = ordersReport();
      report.retention.cohorts[1].partial = [false, true, false];
      report.retention.average.method = 'mixpanel';
      assert.deepEqual(tableRows(report, 'customers', 'count').slice(1, 4), [
        ['2024-01', '3', '3', '2', '1'],
        ['2024-02', '2', '2', '1*', ''],
        ['Average (Mixpanel-compatible)', '5', '5', '3', '1'],
      ]);
    });

    it('revenue metrics: money with 2 decimals, revenue retention as %', () => {
      const report = ordersReport();
      // Revenue's summary row is the column total (45 + 35, 20 + 11, 9), as the panel shows it.
      const revenue = tableRows(report, 'revenue', 'percent');
      assert.deepEqual(revenue.slice(1, 4).map((r) => r.slice(2)), [['45.00', '20.00', '9.00'], ['35.00', '11.00', ''], ['80.00', '31.00', '9.00']]);
      assert.equal(revenue[3][0], 'Total');
      // Per-customer metrics have only the pooled average, whatever the retention table's method.
      report.retention.average.method = 'simple';
      assert.equal(tableRows(report, 'revenuePerCustomer', 'percent')[3][0], 'Average (pooled)');
      assert.equal(tableRows(report, 'customers', 'percent')[3][0], 'Average (simple mean)');
      assert.deepEqual(tableRows(report, 'revenuePerCustomer', 'count')[1].slice(2), ['15.00', '6.67', '3.00']);
      assert.deepEqual(tableRows(report, 'cumulativePerCustomer', 'percent')[3].slice(2), ['16.00', '22.20', '24.67']);
      assert.deepEqual(tableRows(report, 'revenueRetention', 'count')[2].slice(2), ['100.0%', '31.4%', '']);
    });

    it('without revenue the revenue cells are empty, the structure stays', () => {
      const report = ordersReport();
      report.revenue = null;
      const rows = tableRows(report, 'revenuePerCustomer', 'percent');
      assert.equal(rows.length, 5);
      assert.deepEqual(rows[1], ['2024-01', '3', '', '', '']);
      assert.deepEqual(rows[4], ['Number at risk', '', '5', '5', '3']);
    });
  });

  describe('toCsv', () => {
    it('writes the table with CRLF line ends', () => {
      assert.equal(toCsv(tableRows(ordersReport(), 'customers', 'percent')),
        'Cohort,Customers,M0,M1,M2\r\n2024-01,3,100.0%,66.7%,33.3%\r\n2024-02,2,100.0%,50.0%,\r\nAverage (pooled),5,100.0%,60.0%,33.3%\r\nNumber at risk,,5,5,3\r\n');
    });

    it('neutralises hostile cohort labels and segment names, and quotes per RFC 4180', () => {
      const csv = toCsv(tableRows(ordersReport(['=HYPERLINK("x")', '@SUM']), 'customers', 'count'));
      const lines = csv.split('\r\n');
      assert.equal(lines[1], `"'=HYPERLINK(""x"")",3,3,2,1`);
      assert.equal(lines[2], "'@SUM,2,2,1,");
      assert.equal(toCsv([['segment', 'n'], ['+1', '-2'], ['-2+3', '-12.50'], ['|pipe|', 'a,b'], ['line\nbreak', '\rCR']]),
        `segment,n\r\n'+1,-2\r\n'-2+3,-12.50\r\n|pipe|,"a,b"\r\n"line\nbreak","'\rCR"\r\n`);
    });

    it('negative revenue stays a number', () => {
      const report = ordersReport();
      report.revenue!.cohorts[0].revenue = [45, -12.5, 9];
      assert.match(toCsv(tableRows(report, 'revenue', 'percent')), /\r\n2024-01,3,45\.00,-12\.50,9\.00\r\n/);
    });
  });

  describe('toMarkdown', () => {
    it('writes a GitHub table', () => {
      assert.equal(toMarkdown(tableRows(ordersReport(), 'customers', 'percent')), [
        '| Cohort | Customers | M0 | M1 | M2 |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| 2024-01 | 3 | 100.0% | 66.7% | 33.3% |',
        '| 2024-02 | 2 | 100.0% | 50.0% |  |',
        '| Average (pooled) | 5 | 100.0% | 60.0% | 33.3% |',
        '| Number at risk |  | 5 | 5 | 3 |',
        ''].join('\n'));
    });

    it('escapes pipes, backslashes and line breaks so no cell can break the table', () => {
      const md = toMarkdown([['Segment', 'n'], ['|pipe|', '1'], ['a\\|b', '2'], ['two\r\nlines\nhere', '3'], ['=HYPERLINK("x")', '4']]);
      assert.deepEqual(md.split('\n').slice(2, 6), ['| \\|pipe\\| | 1 |', '| a\\\\\\|b | 2 |', '| two lines here | 3 |', '| =HYPERLINK("x") | 4 |']);
      for (const line of md.trimEnd().split('\n')) assert.equal(line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length, 4, line);
    });

    it('an empty table is empty', () => {
      assert.equal(toMarkdown([]), '');
    });
  });
});

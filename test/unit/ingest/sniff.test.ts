import { strict as assert } from 'node:assert';
import { delimiterName, sniffCsv } from '../../../src/ingest/sniff';
import { throwsIngest } from './helpers';

describe('ingest/sniff delimiters', () => {
  const rows = [['c1', '2024-01-05', '10'], ['c2', '2024-01-06', '5']];
  for (const [delimiter, name] of [[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']]) {
    it(`detects the ${name}`, () => {
      const text = [['customer', 'date', 'amount'], ...rows].map((r) => r.join(delimiter)).join('\n') + '\n';
      const s = sniffCsv(text, 'f.csv');
      assert.deepEqual(s.dialect, { delimiter, hasHeader: true, decimalComma: false });
      assert.deepEqual(s.header, ['customer', 'date', 'amount']);
      assert.deepEqual(s.sampleRows, rows);
      assert.equal(delimiterName(delimiter), name);
    });
  }

  it('prefers the delimiter that splits rows consistently over commas inside values', () => {
    const text = 'customer;note;date\nc1;a, b, c;2024-01-05\nc2;d;2024-01-06\nc3;e, f;2024-01-07\n';
    const s = sniffCsv(text, 'f.csv');
    assert.equal(s.dialect.delimiter, ';');
    assert.deepEqual(s.sampleRows[0], ['c1', 'a, b, c', '2024-01-05']);
  });

  it('names other delimiters in quotes', () => {
    assert.equal(delimiterName(':'), "':'");
  });
});

describe('ingest/sniff quoting', () => {
  it('keeps delimiters, doubled quotes and newlines inside quoted fields', () => {
    const text = 'id,note,date\n1,"a, b",2024-01-01\n2,"say ""hi""",2024-01-02\n3,"line1\nline2\nline3",2024-01-03\n';
    const s = sniffCsv(text, 'f.csv');
    assert.equal(s.dialect.delimiter, ',');
    assert.equal(s.dialect.hasHeader, true);
    assert.deepEqual(s.sampleRows.map((r) => r[1]), ['a, b', 'say "hi"', 'line1\nline2\nline3']);
    assert.deepEqual(s.sampleRows.map((r) => r[2]), ['2024-01-01', '2024-01-02', '2024-01-03']);
  });
});

describe('ingest/sniff header', () => {
  it('finds no header when the first row holds values, and names the columns "column N"', () => {
    const s = sniffCsv('c1,2024-01-05,10\nc2,2024-01-06,5\nc1,2024-02-01,7\n', 'f.csv');
    assert.equal(s.dialect.hasHeader, false);
    assert.deepEqual(s.header, ['column 1', 'column 2', 'column 3']);
    assert.deepEqual(s.sampleRows[0], ['c1', '2024-01-05', '10']);
    assert.equal(s.sampleRows.length, 3);
  });

  it('finds no header when a first-row text reappears further down its column', () => {
    const s = sniffCsv('alice,bob\ncarol,dave\nalice,erin\n', 'f.csv');
    assert.equal(s.dialect.hasHeader, false);
    assert.equal(s.sampleRows.length, 3);
  });

  it('names blank header cells by position and numbers repeated names', () => {
    const s = sniffCsv('id, ,id,date\nc1,x,y,2024-01-01\n', 'f.csv');
    assert.deepEqual(s.header, ['id', 'column 2', 'id (2)', 'date']);
  });

  it('trims header names', () => {
    assert.deepEqual(sniffCsv(' customer , date \nc1,2024-01-01\n', 'f.csv').header, ['customer', 'date']);
  });

  it('drops blank lines from the sample', () => {
    const s = sniffCsv('customer,date\n\nc1,2024-01-01\n   \nc2,2024-01-02\n\n', 'f.csv');
    assert.deepEqual(s.sampleRows, [['c1', '2024-01-01'], ['c2', '2024-01-02']]);
  });
});

describe('ingest/sniff decimal comma', () => {
  it("is on for ';' files whose numbers use a comma", () => {
    const s = sniffCsv('kunde;datum;betrag\nk1;05.03.2024;12,50\nk2;06.03.2024;1.234,50\nk3;07.03.2024;7\n', 'f.csv');
    assert.deepEqual(s.dialect, { delimiter: ';', hasHeader: true, decimalComma: true });
  });

  it('is on for tab files with comma decimals too', () => {
    assert.equal(sniffCsv('k\td\tb\nk1\t2024-03-05\t12,50\n', 'f.csv').dialect.decimalComma, true);
  });

  it("is off for ';' files whose numbers use a point", () => {
    assert.equal(sniffCsv('customer;date;amount\nc1;2024-03-05;12.50\nc2;2024-03-06;7.25\n', 'f.csv').dialect.decimalComma, false);
  });

  it("is always off for ',' files", () => {
    assert.equal(sniffCsv('customer,date,amount\nc1,2024-03-05,"12,50"\nc2,2024-03-06,"7,25"\n', 'f.csv').dialect.decimalComma, false);
  });
});

describe('ingest/sniff refusals', () => {
  it("refuses an empty or blank sample with 'empty'", () => {
    throwsIngest(() => sniffCsv('', 'f.csv'), 'empty');
    throwsIngest(() => sniffCsv(' \n\r\n\t', 'f.csv'), 'empty');
  });

  it("refuses a single column with 'one-column', naming the file and the delimiters tried", () => {
    const e = throwsIngest(() => sniffCsv('customer\nc1\nc2\nc3\n', 'list.csv'), 'one-column');
    assert.match(e.message, /^list\.csv: only one column found \(tried comma, semicolon, tab, pipe and space-aligned columns/);
  });

  it("refuses a header without rows with 'header-only'", () => {
    const e = throwsIngest(() => sniffCsv('customer_id,order_date,amount\n', 'h.csv'), 'header-only');
    assert.equal(e.message, 'h.csv: only a header row, no data rows');
    throwsIngest(() => sniffCsv('customer_id;order_date\n\n\n', 'h.csv'), 'header-only');
  });
});

// The byte path reads the same Dataset however its bytes are cut into chunks (a file read cuts
// them anywhere): at every byte offset — inside multi-byte UTF-8 characters, inside the byte-order
// mark, inside quoted fields and doubled quotes, between CR and LF — and at random sets of cuts.
import { strict as assert } from 'node:assert';
import { makeRng } from '../../../bench/rng';
import { bytesOf, datasetOf, sameBothWays } from './byteHelpers';
import { plan } from './helpers';

const HEADER = ['order', 'id', 'ts', 'amount', 'event', 'seg'];
const PLAN = plan(HEADER, { customerId: 'id', timestamp: 'ts', amount: 'amount', orderId: 'order', eventName: 'event' });

const ROWS = [
  '1,é,2024-01-01,1.50,buy,"a, b"',
  '2, 中文 ,2024-01-02T10:00:00,2,"sign\nup",x',
  '',
  '3,😀,2024-01-03 10:00:00.250Z,-3,buy,"say ""hi"""',
  '3,\u00a0c4\u3000,2024-01-04,0,buy,"two\r\nlines"',
  '4,c5,not a date,1,buy,y',
  '5,"c6",2024-01-05,"1,234.50",refund,"""q"""',
  '5,c6,2024-01-05,"1,234.50",refund,"""q"""',
  '6,c7,2024-01-06,abc,buy,z',
  '7,c8,2024-01-07',
  '8,ä,2024-01-08,8,büy,"ü\nü"',
];

/** The CSV: a byte-order mark, the header, the rows; LF or CRLF; no final line end. */
function csv(crlf: boolean): string {
  const text = '\uFEFF' + [HEADER.join(','), ...ROWS].join('\n');
  return crlf ? text.replace(/(?<!\r)\n/g, '\r\n') : text;
}

/** Random ascending cut offsets in (0, n). */
function randomCuts(rng: () => number, n: number): number[] {
  const k = 1 + Math.floor(rng() * 8);
  return [...new Set(Array.from({ length: k }, () => 1 + Math.floor(rng() * (n - 1))))].sort((a, b) => a - b);
}

describe('ingest/byteCsv chunking', function () {
  this.timeout(60_000);

  for (const crlf of [false, true]) {
    const text = csv(crlf);
    const bytes = bytesOf(text);
    const name = crlf ? 'CRLF' : 'LF';

    it(`${name}: the whole bytes give the expected Dataset`, async () => {
      const d = datasetOf(await sameBothWays(bytes, PLAN));
      assert.deepEqual(d.customerIds, ['é', '中文', '😀', 'c4', 'c6', 'ä']);
      assert.deepEqual(d.order, [0, 1, 2, 2, 3, 4]);
      assert.deepEqual(d.eventNames, ['buy', crlf ? 'sign\r\nup' : 'sign\nup', 'refund', 'büy']);
      const q = d.quality as { skipped: Record<string, number>; examples: Record<string, { line: number }[]> };
      assert.deepEqual(q.skipped, { 'invalid timestamp': 1, 'duplicate row': 1, 'invalid amount': 1, 'wrong number of fields': 1 });
      assert.deepEqual(Object.values(q.examples).map((e) => e[0].line), [9, 11, 12, 13]);
    });

    it(`${name}: cut in two at every byte offset`, async () => {
      // The cuts must fall inside a multi-byte character and between CR and LF for the test to mean anything.
      assert.ok(bytes.some((b) => b >= 0xf0));
      if (crlf) assert.ok(bytes.indexOf(13) >= 0 && bytes[bytes.indexOf(13) + 1] === 10);
      for (let at = 0; at <= bytes.length; at++) await sameBothWays(bytes, PLAN, [at], `cut at ${at}`);
    });

    it(`${name}: cut at random sets of offsets`, async () => {
      const rng = makeRng(crlf ? 2 : 1);
      for (let k = 0; k < 300; k++) await sameBothWays(bytes, PLAN, randomCuts(rng, bytes.length), `random cuts #${k}`);
    });

    it(`${name}: one byte a chunk`, async () => {
      await sameBothWays(bytes, PLAN, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1), 'one byte a chunk');
    });
  }

  it('a header-only file and a file of one short row, cut anywhere', async () => {
    for (const text of ['\uFEFForder,id,ts,amount,event,seg\r\n', 'order,id,ts,amount,event,seg\n1,"é",2024-01-01,1,e,"s"']) {
      const bytes = bytesOf(text);
      for (let at = 0; at <= bytes.length; at++) await sameBothWays(bytes, PLAN, [at], `cut at ${at}`);
    }
  });
});

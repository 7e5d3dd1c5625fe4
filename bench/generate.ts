// Seeded generator of a realistic event log (issue 5): customers acquired over 24 months at a
// growing rate, segment-dependent activity that decays with the customer's age, ISO-8601 UTC
// timestamps in time order, 2-decimal amounts (with refunds and zero-amount rows), segment and
// country columns, and a free-text note quoted when it needs to be (commas, doubled quotes, the
// odd line break). A little dirt exercises the ingest rules (DESIGN.md §3): rows without a
// customer id or a timestamp, and exact duplicate rows. Streams to disk; the same seed gives
// the same bytes.
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EventHeap } from './eventHeap';
import { makeRng, type Rng } from './rng';

/** Bumped whenever the output for a (rows, seed) changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 3;

/** [name, share of customers, mean days between events at acquisition, P(stop) after each event, days for the gap to double, mean log-amount]. */
const SEGMENTS: [string, number, number, number, number, number][] = [
  ['retail', 0.55, 26, 0.11, 240, 3.6],
  ['wholesale', 0.15, 9, 0.035, 420, 5.5],
  ['trial', 0.3, 12, 0.4, 60, 2.6],
];
const COUNTRIES: [string, number][] = [['US', 0.3], ['DE', 0.2], ['GB', 0.15], ['FR', 0.12], ['NL', 0.08], ['ES', 0.08], ['JP', 0.07]];
const NOTES = [
  'gift, wrapped', 'said "thanks" twice', 'left at door, side gate', 'call before delivery', 'promo SPRING10, 10% off',
  'size "L", colour blue', 'invoice to: ACME, Ltd.', 'no note', 'customer asked for "express" shipping', 'repeat order',
  'fragile', 'ship with next order, if possible', 'address changed; see ticket #4411', 'paid by card',
];
const MULTILINE_NOTES = ['repeat order\nsame as last time', 'deliver to:\n"Reception", 2nd floor', 'line one,\nline two'];

const START = Date.UTC(2023, 0, 1);
const DAY = 864e5;
const END = START + 731 * DAY;   // 2023-01-01 .. 2024-12-31: 24 calendar months
/** Data rows per customer the model gives on average (measured), to size the customer count for `rows`. */
const ROWS_PER_CUSTOMER = 5.92;

/** Share of rows: refunds (negative amount), zero-amount rows, no customer id, no timestamp, written twice. */
const DIRT = { refund: 0.02, zero: 0.01, noCustomer: 0.001, noTime: 0.0005, duplicate: 0.003, note: 0.45, multiline: 0.02 };

export const HEADER = 'order_id,customer_id,created_at,amount,segment,country,note';

/** What one generate() call wrote. */
export interface Generated {
  file: string;
  rows: number;         // data records (a record may span lines)
  customers: number;
  bytes: number;
}

/** The cached file for (rows, seed): os.tmpdir()/retention-lens-bench/events-v<version>-<rows>-s<seed>.csv. */
export function cachedPath(rows: number, seed: number, dir = join(tmpdir(), 'retention-lens-bench')): string {
  return join(dir, `events-v${GENERATOR_VERSION}-${rows}-s${seed}.csv`);
}

/** A customer id unique per index, not sequential (a 32-bit bijection in base 36). */
function customerId(i: number): string {
  let h = i >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  const tail = Math.imul(h ^ 0x9e3779b9, 0x27d4eb2d) >>> 0;
  return `cus_${h.toString(36).padStart(7, '0')}${(tail % 46656).toString(36).padStart(3, '0')}`;
}

function pickWeighted<T>(random: Rng, items: [T, number][]): number {
  let x = random();
  for (let i = 0; i < items.length - 1; i++) {
    x -= items[i][1];
    if (x < 0) return i;
  }
  return items.length - 1;
}

/** Per-customer state, in typed arrays (a million customers must not be a million objects). */
class Customers {
  readonly segment: Uint8Array;
  readonly country: Uint8Array;
  readonly acquired: Float64Array;

  constructor(readonly count: number, random: Rng) {
    this.segment = new Uint8Array(count);
    this.country = new Uint8Array(count);
    this.acquired = new Float64Array(count);
    const segmentShares = SEGMENTS.map((s): [string, number] => [s[0], s[1]]);
    for (let u = 0; u < count; u++) {
      this.segment[u] = pickWeighted(random, segmentShares);
      this.country[u] = pickWeighted(random, COUNTRIES);
      // Acquisitions grow linearly to 3× over the 24 months: density ∝ 1 + 2x, inverted.
      const x = (-1 + Math.sqrt(1 + 8 * random())) / 2;
      this.acquired[u] = START + Math.floor(x * (END - START));
    }
  }
}

/** The amount's text for a customer of `segment`: 2 decimals; a few zero-amount rows and refunds (negative). */
function amountText(random: Rng, segment: number): string {
  const r = random();
  if (r < DIRT.zero) return '0.00';
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const value = Math.max(0.5, Math.exp(SEGMENTS[segment][5] + 0.6 * normal));
  return (r < DIRT.zero + DIRT.refund ? -value : value).toFixed(2);
}

/** A free-text note for ~45 % of rows, quoted when it holds a comma, a quote or a line break. */
function noteText(random: Rng): string {
  if (random() >= DIRT.note) return '';
  const text = random() < DIRT.multiline ? MULTILINE_NOTES[Math.floor(random() * MULTILINE_NOTES.length)] : NOTES[Math.floor(random() * NOTES.length)];
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Days to the customer's next event: exponential, its mean growing with age (activity decays). */
function nextGap(random: Rng, segment: number, ageMs: number): number {
  const [, , meanDays, , doubling] = SEGMENTS[segment];
  const mean = meanDays * (1 + ageMs / (doubling * DAY));
  return Math.max(60_000, -Math.log(1 - random()) * mean * DAY);
}

/** One event's record line for customer u at `t`. */
function recordLine(random: Rng, c: Customers, u: number, t: number, order: number): string {
  const segment = c.segment[u];
  const id = random() < DIRT.noCustomer ? '' : customerId(u);
  const time = random() < DIRT.noTime ? '' : new Date(t).toISOString();
  const orderId = `ord_${order.toString(36).padStart(12, '0')}`;
  return `${orderId},${id},${time},${amountText(random, segment)},${SEGMENTS[segment][0]},${COUNTRIES[c.country[u]][0]},${noteText(random)}\n`;
}

/** Writes about `rows` records (the model decides the exact count; ±2 %) to `file`, in time order. */
export async function generate(file: string, rows: number, seed = 42): Promise<Generated> {
  const random = makeRng(seed);
  const customers = new Customers(Math.max(1, Math.round(rows / ROWS_PER_CUSTOMER)), random);
  const heap = new EventHeap(customers.acquired);
  const part = `${file}.part-${process.pid}`;
  const out = createWriteStream(part);
  let block = `${HEADER}\n`;
  let written = 0;
  let bytes = 0;
  while (heap.size > 0 && heap.minTime() < END) {
    const u = heap.minCustomer();
    const t = heap.minTime();
    const line = recordLine(random, customers, u, t, written + 1);
    const twice = random() < DIRT.duplicate;
    block += twice ? line + line : line;
    written += twice ? 2 : 1;
    if (random() < SEGMENTS[customers.segment[u]][3]) heap.popMin();
    else heap.updateMin(t + nextGap(random, customers.segment[u], t - customers.acquired[u]));
    if (block.length > 1 << 20) {
      bytes += Buffer.byteLength(block);
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  bytes += Buffer.byteLength(block);
  out.end(block);
  await once(out, 'finish');
  renameSync(part, file);
  return { file, rows: written, customers: customers.count, bytes };
}

/** The cached file for (rows, seed), generated first when missing. */
export async function ensureGenerated(rows: number, seed: number, dir?: string): Promise<{ file: string; generatedNow: Generated | null }> {
  const file = cachedPath(rows, seed, dir);
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) return { file, generatedNow: null };
  return { file, generatedNow: await generate(file, rows, seed) };
}

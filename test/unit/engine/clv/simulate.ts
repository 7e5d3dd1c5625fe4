// Event data drawn from the BG/NBD + Gamma-Gamma processes themselves, built straight into a
// Dataset's typed columns, so tests can check parameter recovery and the bench can fit a million
// customers whose true parameters are known.
import type { Dataset } from '../../../../src/shared/dataset';
import { random } from '../makeDataset';
import { customerIdsOf } from '../../../../src/shared/customerIds';

/** True parameters (rates per week) and the shape of the simulated file. */
export interface SimulationOptions {
  customers: number;
  seed: number;
  r: number; alpha: number; a: number; b: number;   // BG/NBD, α in weeks
  p: number; q: number; gamma: number;              // Gamma-Gamma spend
  birthDays: number;        // first purchases uniform over this many days from 1997-01-01
  days: number;             // the file covers this many days from 1997-01-01
}

/** Gamma(shape, rate) by Marsaglia–Tsang (boosted for shape < 1). */
function gammaSampler(next: () => number): (shape: number, rate: number) => number {
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const draw = (shape: number): number => {
    if (shape < 1) return draw(shape + 1) * Math.pow(1 - next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v <= 0) continue;
      const u = 1 - next();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return (shape, rate) => draw(shape) / rate;
}

/** Growable parallel columns (customer, time, amount). */
class Rows {
  n = 0;
  customer = new Uint32Array(1 << 16);
  time = new Float64Array(1 << 16);
  amount = new Float64Array(1 << 16);
  push(c: number, t: number, a: number): void {
    if (this.n === this.customer.length) {
      const grow = <T extends Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
        const next = make(old.length * 2);
        next.set(old);
        return next;
      };
      this.customer = grow(this.customer, (k) => new Uint32Array(k));
      this.time = grow(this.time, (k) => new Float64Array(k));
      this.amount = grow(this.amount, (k) => new Float64Array(k));
    }
    this.customer[this.n] = c;
    this.time[this.n] = t;
    this.amount[this.n++] = a;
  }
}

const DAY = 86_400_000;
const START = Date.UTC(1997, 0, 1);

/** A Dataset of BG/NBD purchases with Gamma-Gamma amounts (cents), rows in customer order. */
export function simulatedDataset(o: SimulationOptions): Dataset {
  const next = random(o.seed);
  const gamma = gammaSampler(next);
  const rows = new Rows();
  for (let c = 0; c < o.customers; c++) {
    const lambda = gamma(o.r, o.alpha) / 7;                 // purchases per day
    const g1 = gamma(o.a, 1);
    const dropout = g1 / (g1 + gamma(o.b, 1));
    const nu = gamma(o.q, o.gamma);
    const spend = (): number => Math.max(0.01, Math.round(gamma(o.p, nu) * 100) / 100);
    let t = Math.floor(next() * o.birthDays) + 0.5;
    rows.push(c, START + t * DAY, spend());
    for (;;) {
      t += -Math.log(1 - next()) / lambda;
      if (!(t < o.days)) break;
      rows.push(c, START + Math.floor(t * DAY), spend());
      if (next() < dropout) break;
    }
  }
  return toDataset(rows, o);
}

function toDataset(rows: Rows, o: SimulationOptions): Dataset {
  const n = rows.n;
  const firstLine = new Uint32Array(o.customers);
  const lastLine = new Uint32Array(o.customers);
  for (let i = n - 1; i >= 0; i--) firstLine[rows.customer[i]] = i + 2;
  for (let i = 0; i < n; i++) lastLine[rows.customer[i]] = i + 2;
  return {
    file: 'simulated.csv', rowCount: n, customer: rows.customer.slice(0, n), time: rows.time.slice(0, n),
    amount: rows.amount.slice(0, n), order: null,
    customerIds: customerIdsOf(Array.from({ length: o.customers }, (_, c) => `s${c}`)),
    customerFirstLine: firstLine, customerLastLine: lastLine, orderIdCount: 0,
    event: null, eventNames: [], segments: [], timePrecision: 'millisecond', dataEnd: START + o.days * DAY,
    quality: { rowsRead: n, rowsUsed: n, skipped: {}, examples: {}, returns: 0, zeroAmount: 0 },
  };
}

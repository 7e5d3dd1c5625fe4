// Seeded generator of a realistic order log: customers acquired over 24 months, activity that
// decays with age and depends on the segment, ISO timestamps, 2-decimal amounts, and a quoted
// free-text column with commas, doubled quotes and the odd line break.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Mulberry32: small, fast, seeded. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = [['retail', 0.75], ['wholesale', 0.9], ['trial', 0.45]];
const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'NL', 'ES'];
const NOTES = ['gift, wrapped', 'said "thanks"', 'first order', 'repeat\nline two', 'promo, 10%'];
const START = Date.UTC(2023, 0, 1);
const DAY = 864e5;

/** Writes about `rows` rows to `path`; resolves with the exact row count. */
export async function generate(path, rows, seed = 42) {
  const random = rng(seed);
  const out = createWriteStream(path);
  out.write('order_id,customer_id,created_at,amount,segment,country,note\n');
  let written = 0;
  let customer = 0;
  let block = '';
  while (written < rows) {
    const [segment, keep] = SEGMENTS[Math.floor(random() * SEGMENTS.length)];
    const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)];
    let day = Math.floor(random() * 730);
    const id = `C${(++customer).toString(36).toUpperCase()}`;
    do {
      const t = new Date(START + day * DAY + Math.floor(random() * DAY));
      const note = random() < 0.2 ? `"${NOTES[Math.floor(random() * NOTES.length)].replace(/"/g, '""')}"` : '';
      block += `${written + 1},${id},${t.toISOString().slice(0, 19)}Z,${(5 + random() * 120).toFixed(2)},${segment},${country},${note}\n`;
      written++;
      day += 1 + Math.floor(-Math.log(1 - random()) * 45);
    } while (written < rows && day < 730 && random() < keep);
    if (block.length > 1 << 20) {
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  out.write(block);
  out.end();
  await once(out, 'finish');
  return written;
}

// Mulberry32: a small, fast, seeded generator of uniform numbers in [0, 1).

/** A uniform [0, 1) source. */
export type Rng = () => number;

/** The Mulberry32 stream for `seed`. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

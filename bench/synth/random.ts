// Seeded randomness for the synthetic corpus: the same seed gives the same archive on every machine.

/** mulberry32: a tiny, well-distributed 32-bit PRNG; Math.random cannot be seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1+q)^s (Zipf–Mandelbrot): word frequencies in
 * natural text. q flattens the head: with q = 0 the commonest of 12,000 nouns would fill a tenth of all noun
 * slots, far more than any content word does in news copy.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    s = 1.05,
    q = 0,
  ) {
    if (n < 1) throw new Error('Zipf: n must be at least 1');
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) this.cumulative[r] = sum += 1 / Math.pow(r + 1 + q, s);
    for (let r = 0; r < n; r++) this.cumulative[r]! /= sum;
  }

  sample(rng: () => number): number {
    const x = rng();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

/** A Zipf-weighted picker over a list ordered from most to least common. */
export function zipfPicker<T>(list: readonly T[], s = 1.05, q = 0): (rng: () => number) => T {
  const z = new Zipf(list.length, s, q);
  return (rng) => list[z.sample(rng)]!;
}

/** Deterministic Fisher–Yates shuffle (a copy). */
export function shuffled<T>(rng: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

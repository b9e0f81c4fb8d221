/**
 * Seeded pseudo-random numbers: xoshiro128** seeded through splitmix32, so every figure and
 * experiment reproduces from an integer seed in Node and in the browser alike.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** The seed this generator started from. */
  readonly seed: number;
  /**
   * Writes the next `count` values of `next()` into out[0…count), in order: the same numbers as
   * `count` calls, without a call per number (hot loops such as shot sampling draw in bulk).
   */
  fill?(out: Float64Array, count: number): void;
  /**
   * Draws `count` values and returns how many land in [lo₀, hi₀) ∪ [lo₁, hi₁), for lo₀ ≤ hi₀ ≤ lo₁ ≤ hi₁
   * given as 32-bit words (next() = word / 2³², so a cut on the values is a cut on the words): shot
   * counting for a hot loop, which draws nothing into memory and compares integers.
   */
  countWordsIn?(count: number, lo0: number, hi0: number, lo1: number, hi1: number): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init(),
    b = init(),
    c = init(),
    d = init();
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | null = null;
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = () => nextU32() / 4294967296;
  return {
    seed,
    next,
    fill(out: Float64Array, count: number): void {
      if (count > out.length) throw new RangeError(`fill: ${count} values do not fit in ${out.length}`);
      // nextU32 with the state in locals: identical arithmetic, kept in registers across the loop.
      let A = a,
        B = b,
        C = c,
        D = d;
      for (let i = 0; i < count; i++) {
        const x = Math.imul(B, 5);
        const result = Math.imul(((x << 7) | (x >>> 25)) >>> 0, 9) >>> 0;
        const t = B << 9;
        C ^= A;
        D ^= B;
        B ^= C;
        A ^= D;
        C ^= t;
        D = ((D << 11) | (D >>> 21)) >>> 0;
        out[i] = result / 4294967296;
      }
      a = A;
      b = B;
      c = C;
      d = D;
    },
    countWordsIn(count: number, lo0: number, hi0: number, lo1: number, hi1: number): number {
      // As fill, comparing each word instead of storing it.
      let A = a,
        B = b,
        C = c,
        D = d,
        inside = 0;
      for (let i = 0; i < count; i++) {
        const x = Math.imul(B, 5);
        const w = Math.imul(((x << 7) | (x >>> 25)) >>> 0, 9) >>> 0;
        const t = B << 9;
        C ^= A;
        D ^= B;
        B ^= C;
        A ^= D;
        C ^= t;
        D = ((D << 11) | (D >>> 21)) >>> 0;
        // Unary + on a comparison is a flag move: no jump to mispredict on random draws.
        inside += +(w >= lo0) - +(w >= hi0) + +(w >= lo1) - +(w >= hi1);
      }
      a = A;
      b = B;
      c = C;
      d = D;
      return inside;
    },
    int: (n: number) => Math.floor(next() * n),
    normal: () => {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Derive an independent seed from a base seed and integer coordinates (e.g. seed, n, layer, sample). */
export function deriveSeed(base: number, ...coords: number[]): number {
  let h = (base ^ 0x6a09e667) >>> 0;
  for (const c of coords) {
    h = Math.imul(h ^ (c >>> 0), 0x9e3779b1) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
    h = Math.imul(h, 0x85ebca77) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h >>> 0;
}

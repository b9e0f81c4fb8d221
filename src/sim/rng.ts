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
  // xoshiro128** state words a, b, c, d.
  const s = Uint32Array.of(init(), init(), init(), init());
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  let spare: number | null = null;
  const nextU32 = (): number => xoshiroStep(s);
  const next = () => nextU32() / 4294967296;
  return {
    seed,
    next,
    fill(out: Float64Array, count: number): void {
      if (count > out.length) throw new RangeError(`fill: ${count} values do not fit in ${out.length}`);
      for (let i = 0; i < count; i++) out[i] = xoshiroStep(s) / 4294967296;
    },
    countWordsIn(count: number, lo0: number, hi0: number, lo1: number, hi1: number): number {
      // xoshiroStep with the state in locals (identical arithmetic, kept in registers across the loop), comparing
      // each word instead of storing it: the shot-sampling hot path, where calling xoshiroStep measured slower.
      let A = s[0]!,
        B = s[1]!,
        C = s[2]!,
        D = s[3]!,
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
      s[0] = A;
      s[1] = B;
      s[2] = C;
      s[3] = D;
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

/** One xoshiro128** step on the state words s = [a, b, c, d]: advances s and returns the output word. */
function xoshiroStep(s: Uint32Array): number {
  const a = s[0]!,
    b = s[1]!,
    c = s[2]! ^ a,
    d = s[3]! ^ b;
  s[0] = a ^ d;
  s[1] = b ^ c;
  s[2] = c ^ (b << 9);
  s[3] = rotl(d, 11);
  return Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
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

/**
 * Index arithmetic on basis-state indices (qubit q is bit q of the index), shared by every simulator in
 * src/sim. Small pure functions the JIT inlines into the amplitude loops.
 */

/** Parity (0 or 1) of the set bits of a 32-bit integer. */
export function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Mask of the bits below position p, for `insertZeroBelow`. */
export function lowMask(p: number): number {
  return (1 << p) - 1;
}

/** Inserts a zero bit into x above the bits of `mask = lowMask(p)` (bits ≥ p move up by one). */
export function insertZeroBelow(x: number, mask: number): number {
  return ((x & ~mask) << 1) | (x & mask);
}

/** Inserts a zero bit at position p into x (bits ≥ p move up by one). */
export function insertZero(x: number, p: number): number {
  return insertZeroBelow(x, lowMask(p));
}

/**
 * Three distinct bit positions in ascending order, written into `out` (no allocation: gate loops call
 * this once per gate). Inserting zeros at out[0], out[1], out[2] in that order enumerates the indices
 * whose three bits are all 0.
 */
export function sortThree(a: number, b: number, c: number, out: Int32Array): Int32Array {
  let p0 = a,
    p1 = b,
    p2 = c;
  if (p0 > p1) {
    const x = p0;
    p0 = p1;
    p1 = x;
  }
  if (p1 > p2) {
    const x = p1;
    p1 = p2;
    p2 = x;
  }
  if (p0 > p1) {
    const x = p0;
    p0 = p1;
    p1 = x;
  }
  out[0] = p0;
  out[1] = p1;
  out[2] = p2;
  return out;
}

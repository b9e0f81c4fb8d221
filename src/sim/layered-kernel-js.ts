/**
 * The layered kernel's amplitude passes in JavaScript, and the storage they run on: the fallback where
 * WebAssembly SIMD is unavailable and the oracle the WebAssembly passes (layered-kernel-wasm.ts) are tested
 * against bit for bit (tests/unit/experiments/kernel-wasm.test.ts). The orchestration (which pass runs
 * when, and the scaled-rotation bookkeeping) lives in layered-kernel.ts.
 */
import { insertZeroBelow, lowMask, sortThree } from './bits';

/**
 * Where a LayeredKernel keeps its amplitudes and tables, and the passes over them. `re` and `im` hold the
 * stacked buffer (2·half amplitudes: the top bit selects θ + π/2 or θ − π/2); loRe, loIm, hiRe, hiIm are the phase tables
 * of the low and high index bits (lowBits = ⌈m/2⌉).
 */
export interface KernelPasses {
  readonly engine: 'js' | 'wasm';
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly loRe: Float64Array;
  readonly loIm: Float64Array;
  readonly hiRe: Float64Array;
  readonly hiIm: Float64Array;
  /** A new table of `half` entries; its handle (never 0). May move the views above: read them again after. */
  allocTable(): number;
  table(handle: number): Float64Array;
  /** Rotation k of the queue on the first `len` amplitudes. */
  rotSingle(len: number, ops: RotationQueue, k: number): void;
  /** Rotations k, k + 1 of the queue (distinct qubits) in one pass. */
  rotPair(len: number, ops: RotationQueue, k: number): void;
  /** Rotations k, k + 1, k + 2 of the queue (distinct qubits) in one pass. */
  rotTriple(len: number, ops: RotationQueue, k: number): void;
  /** re, im ×= scale·table[sign][i mod half] (sign 0: ×= scale). */
  scaleDiagonal(half: number, sign: number, scale: number): void;
  /** re, im ×= scale·hi[i ≫ lowBits]·lo[i mod 2^lowBits] (complex) × table[sign][i mod half] when sign ≠ 0. */
  phaseDiagonal(half: number, lowBits: number, sign: number, scale: number): void;
}

/**
 * The scaled X/Y rotations a LayeredKernel has queued for its next passes: rotation k acts on qubit
 * `qubit[k]` as [[α, −iβ], [−iβ, α]] if `isX[k]` is 1, else [[α, −β], [β, α]], with α = coef[2k], β = coef[2k + 1].
 */
export interface RotationQueue {
  readonly qubit: Int32Array;
  readonly isX: Uint8Array;
  readonly coef: Float64Array;
}

/** Scratch for the triple pass's sorted qubit positions (the kernel is single-threaded). */
const SORTED = new Int32Array(3);

/** Rotation k of the queue on the first `len` amplitudes. */
export function rotSingle(re: Float64Array, im: Float64Array, len: number, ops: RotationQueue, k: number): void {
  const q = ops.qubit[k],
    isX = ops.isX[k] === 1,
    a = ops.coef[2 * k],
    b = ops.coef[2 * k + 1];
  const step = 1 << q,
    stride = step << 1;
  for (let base = 0; base < len; base += stride) {
    const end = base + step;
    for (let i = base; i < end; i++) {
      const j = i + step;
      const ar = re[i],
        ai = im[i],
        br = re[j],
        bi = im[j];
      if (isX) {
        re[i] = a * ar + b * bi;
        im[i] = a * ai - b * br;
        re[j] = a * br + b * ai;
        im[j] = a * bi - b * ar;
      } else {
        re[i] = a * ar - b * br;
        im[i] = a * ai - b * bi;
        re[j] = b * ar + a * br;
        im[j] = b * ai + a * bi;
      }
    }
  }
}

/** Rotations k (a) and k + 1 (b) of the queue, on distinct qubits, in one pass over amplitude quadruples. */
export function rotPair(re: Float64Array, im: Float64Array, len: number, ops: RotationQueue, k: number): void {
  const { qubit, isX, coef } = ops;
  const qa = qubit[k],
    xa = isX[k] === 1,
    aa = coef[2 * k],
    ba = coef[2 * k + 1];
  const qb = qubit[k + 1],
    xb = isX[k + 1] === 1,
    ab = coef[2 * k + 2],
    bb = coef[2 * k + 3];
  const sa = 1 << qa,
    sb = 1 << qb;
  const lo = qa < qb ? qa : qb,
    hi = qa < qb ? qb : qa;
  const mlo = lowMask(lo),
    mhi = lowMask(hi);
  const quarter = len >>> 2;
  for (let k = 0; k < quarter; k++) {
    const i0 = insertZeroBelow(insertZeroBelow(k, mlo), mhi);
    const i1 = i0 + sa,
      i2 = i0 + sb,
      i3 = i1 + sb;
    let r0 = re[i0],
      m0 = im[i0],
      r1 = re[i1],
      m1 = im[i1],
      r2 = re[i2],
      m2 = im[i2],
      r3 = re[i3],
      m3 = im[i3];
    let x, y, z, w;
    if (xa) {
      x = aa * r0 + ba * m1;
      y = aa * m0 - ba * r1;
      z = aa * r1 + ba * m0;
      w = aa * m1 - ba * r0;
      r0 = x;
      m0 = y;
      r1 = z;
      m1 = w;
      x = aa * r2 + ba * m3;
      y = aa * m2 - ba * r3;
      z = aa * r3 + ba * m2;
      w = aa * m3 - ba * r2;
      r2 = x;
      m2 = y;
      r3 = z;
      m3 = w;
    } else {
      x = aa * r0 - ba * r1;
      y = aa * m0 - ba * m1;
      z = ba * r0 + aa * r1;
      w = ba * m0 + aa * m1;
      r0 = x;
      m0 = y;
      r1 = z;
      m1 = w;
      x = aa * r2 - ba * r3;
      y = aa * m2 - ba * m3;
      z = ba * r2 + aa * r3;
      w = ba * m2 + aa * m3;
      r2 = x;
      m2 = y;
      r3 = z;
      m3 = w;
    }
    if (xb) {
      x = ab * r0 + bb * m2;
      y = ab * m0 - bb * r2;
      z = ab * r2 + bb * m0;
      w = ab * m2 - bb * r0;
      r0 = x;
      m0 = y;
      r2 = z;
      m2 = w;
      x = ab * r1 + bb * m3;
      y = ab * m1 - bb * r3;
      z = ab * r3 + bb * m1;
      w = ab * m3 - bb * r1;
      r1 = x;
      m1 = y;
      r3 = z;
      m3 = w;
    } else {
      x = ab * r0 - bb * r2;
      y = ab * m0 - bb * m2;
      z = bb * r0 + ab * r2;
      w = bb * m0 + ab * m2;
      r0 = x;
      m0 = y;
      r2 = z;
      m2 = w;
      x = ab * r1 - bb * r3;
      y = ab * m1 - bb * m3;
      z = bb * r1 + ab * r3;
      w = bb * m1 + ab * m3;
      r1 = x;
      m1 = y;
      r3 = z;
      m3 = w;
    }
    re[i0] = r0;
    im[i0] = m0;
    re[i1] = r1;
    im[i1] = m1;
    re[i2] = r2;
    im[i2] = m2;
    re[i3] = r3;
    im[i3] = m3;
  }
}

/**
 * Mode of rotation k of the queue: 0 = Y with α = 1, 1 = Y with β = 1, 2 = X with α = 1, 3 = X with β = 1.
 * One of α, β is exactly 1 (scaledCoefficients), and 1·x = x exactly, so dropping that multiplication
 * saves a third of the multiplications without changing a bit of the result.
 */
function modeAt(ops: RotationQueue, k: number): number {
  return (ops.isX[k] === 1 ? 2 : 0) + (ops.coef[2 * k] === 1 ? 0 : 1);
}

/** Rotations k (a), k + 1 (b) and k + 2 (c) of the queue, on distinct qubits, in one pass over amplitude octets. */
export function rotTriple(re: Float64Array, im: Float64Array, len: number, ops: RotationQueue, k: number): void {
  const { qubit, coef } = ops;
  const qa = qubit[k],
    qb = qubit[k + 1],
    qc = qubit[k + 2];
  const aa = coef[2 * k],
    ba = coef[2 * k + 1],
    ab = coef[2 * k + 2],
    bb = coef[2 * k + 3],
    ac = coef[2 * k + 4],
    bc = coef[2 * k + 5];
  const ma = modeAt(ops, k),
    mb = modeAt(ops, k + 1),
    mc = modeAt(ops, k + 2);
  const sa = 1 << qa,
    sb = 1 << qb,
    sc = 1 << qc;
  const order = sortThree(qa, qb, qc, SORTED);
  const k0 = lowMask(order[0]),
    k1 = lowMask(order[1]),
    k2 = lowMask(order[2]);
  const eighth = len >>> 3;
  let t0: number, t1: number, t2: number, t3: number;
  for (let k = 0; k < eighth; k++) {
    const i0 = insertZeroBelow(insertZeroBelow(insertZeroBelow(k, k0), k1), k2);
    const i1 = i0 + sa,
      i2 = i0 + sb,
      i3 = i1 + sb,
      i4 = i0 + sc,
      i5 = i1 + sc,
      i6 = i2 + sc,
      i7 = i3 + sc;
    let r0 = re[i0],
      m0 = im[i0];
    let r1 = re[i1],
      m1 = im[i1];
    let r2 = re[i2],
      m2 = im[i2];
    let r3 = re[i3],
      m3 = im[i3];
    let r4 = re[i4],
      m4 = im[i4];
    let r5 = re[i5],
      m5 = im[i5];
    let r6 = re[i6],
      m6 = im[i6];
    let r7 = re[i7],
      m7 = im[i7];
    if (ma === 0) {
      t0 = r0 - ba * r1;
      t1 = m0 - ba * m1;
      t2 = ba * r0 + r1;
      t3 = ba * m0 + m1;
    } else if (ma === 1) {
      t0 = aa * r0 - r1;
      t1 = aa * m0 - m1;
      t2 = r0 + aa * r1;
      t3 = m0 + aa * m1;
    } else if (ma === 2) {
      t0 = r0 + ba * m1;
      t1 = m0 - ba * r1;
      t2 = r1 + ba * m0;
      t3 = m1 - ba * r0;
    } else {
      t0 = aa * r0 + m1;
      t1 = aa * m0 - r1;
      t2 = aa * r1 + m0;
      t3 = aa * m1 - r0;
    }
    r0 = t0;
    m0 = t1;
    r1 = t2;
    m1 = t3;
    if (ma === 0) {
      t0 = r2 - ba * r3;
      t1 = m2 - ba * m3;
      t2 = ba * r2 + r3;
      t3 = ba * m2 + m3;
    } else if (ma === 1) {
      t0 = aa * r2 - r3;
      t1 = aa * m2 - m3;
      t2 = r2 + aa * r3;
      t3 = m2 + aa * m3;
    } else if (ma === 2) {
      t0 = r2 + ba * m3;
      t1 = m2 - ba * r3;
      t2 = r3 + ba * m2;
      t3 = m3 - ba * r2;
    } else {
      t0 = aa * r2 + m3;
      t1 = aa * m2 - r3;
      t2 = aa * r3 + m2;
      t3 = aa * m3 - r2;
    }
    r2 = t0;
    m2 = t1;
    r3 = t2;
    m3 = t3;
    if (ma === 0) {
      t0 = r4 - ba * r5;
      t1 = m4 - ba * m5;
      t2 = ba * r4 + r5;
      t3 = ba * m4 + m5;
    } else if (ma === 1) {
      t0 = aa * r4 - r5;
      t1 = aa * m4 - m5;
      t2 = r4 + aa * r5;
      t3 = m4 + aa * m5;
    } else if (ma === 2) {
      t0 = r4 + ba * m5;
      t1 = m4 - ba * r5;
      t2 = r5 + ba * m4;
      t3 = m5 - ba * r4;
    } else {
      t0 = aa * r4 + m5;
      t1 = aa * m4 - r5;
      t2 = aa * r5 + m4;
      t3 = aa * m5 - r4;
    }
    r4 = t0;
    m4 = t1;
    r5 = t2;
    m5 = t3;
    if (ma === 0) {
      t0 = r6 - ba * r7;
      t1 = m6 - ba * m7;
      t2 = ba * r6 + r7;
      t3 = ba * m6 + m7;
    } else if (ma === 1) {
      t0 = aa * r6 - r7;
      t1 = aa * m6 - m7;
      t2 = r6 + aa * r7;
      t3 = m6 + aa * m7;
    } else if (ma === 2) {
      t0 = r6 + ba * m7;
      t1 = m6 - ba * r7;
      t2 = r7 + ba * m6;
      t3 = m7 - ba * r6;
    } else {
      t0 = aa * r6 + m7;
      t1 = aa * m6 - r7;
      t2 = aa * r7 + m6;
      t3 = aa * m7 - r6;
    }
    r6 = t0;
    m6 = t1;
    r7 = t2;
    m7 = t3;
    if (mb === 0) {
      t0 = r0 - bb * r2;
      t1 = m0 - bb * m2;
      t2 = bb * r0 + r2;
      t3 = bb * m0 + m2;
    } else if (mb === 1) {
      t0 = ab * r0 - r2;
      t1 = ab * m0 - m2;
      t2 = r0 + ab * r2;
      t3 = m0 + ab * m2;
    } else if (mb === 2) {
      t0 = r0 + bb * m2;
      t1 = m0 - bb * r2;
      t2 = r2 + bb * m0;
      t3 = m2 - bb * r0;
    } else {
      t0 = ab * r0 + m2;
      t1 = ab * m0 - r2;
      t2 = ab * r2 + m0;
      t3 = ab * m2 - r0;
    }
    r0 = t0;
    m0 = t1;
    r2 = t2;
    m2 = t3;
    if (mb === 0) {
      t0 = r1 - bb * r3;
      t1 = m1 - bb * m3;
      t2 = bb * r1 + r3;
      t3 = bb * m1 + m3;
    } else if (mb === 1) {
      t0 = ab * r1 - r3;
      t1 = ab * m1 - m3;
      t2 = r1 + ab * r3;
      t3 = m1 + ab * m3;
    } else if (mb === 2) {
      t0 = r1 + bb * m3;
      t1 = m1 - bb * r3;
      t2 = r3 + bb * m1;
      t3 = m3 - bb * r1;
    } else {
      t0 = ab * r1 + m3;
      t1 = ab * m1 - r3;
      t2 = ab * r3 + m1;
      t3 = ab * m3 - r1;
    }
    r1 = t0;
    m1 = t1;
    r3 = t2;
    m3 = t3;
    if (mb === 0) {
      t0 = r4 - bb * r6;
      t1 = m4 - bb * m6;
      t2 = bb * r4 + r6;
      t3 = bb * m4 + m6;
    } else if (mb === 1) {
      t0 = ab * r4 - r6;
      t1 = ab * m4 - m6;
      t2 = r4 + ab * r6;
      t3 = m4 + ab * m6;
    } else if (mb === 2) {
      t0 = r4 + bb * m6;
      t1 = m4 - bb * r6;
      t2 = r6 + bb * m4;
      t3 = m6 - bb * r4;
    } else {
      t0 = ab * r4 + m6;
      t1 = ab * m4 - r6;
      t2 = ab * r6 + m4;
      t3 = ab * m6 - r4;
    }
    r4 = t0;
    m4 = t1;
    r6 = t2;
    m6 = t3;
    if (mb === 0) {
      t0 = r5 - bb * r7;
      t1 = m5 - bb * m7;
      t2 = bb * r5 + r7;
      t3 = bb * m5 + m7;
    } else if (mb === 1) {
      t0 = ab * r5 - r7;
      t1 = ab * m5 - m7;
      t2 = r5 + ab * r7;
      t3 = m5 + ab * m7;
    } else if (mb === 2) {
      t0 = r5 + bb * m7;
      t1 = m5 - bb * r7;
      t2 = r7 + bb * m5;
      t3 = m7 - bb * r5;
    } else {
      t0 = ab * r5 + m7;
      t1 = ab * m5 - r7;
      t2 = ab * r7 + m5;
      t3 = ab * m7 - r5;
    }
    r5 = t0;
    m5 = t1;
    r7 = t2;
    m7 = t3;
    if (mc === 0) {
      t0 = r0 - bc * r4;
      t1 = m0 - bc * m4;
      t2 = bc * r0 + r4;
      t3 = bc * m0 + m4;
    } else if (mc === 1) {
      t0 = ac * r0 - r4;
      t1 = ac * m0 - m4;
      t2 = r0 + ac * r4;
      t3 = m0 + ac * m4;
    } else if (mc === 2) {
      t0 = r0 + bc * m4;
      t1 = m0 - bc * r4;
      t2 = r4 + bc * m0;
      t3 = m4 - bc * r0;
    } else {
      t0 = ac * r0 + m4;
      t1 = ac * m0 - r4;
      t2 = ac * r4 + m0;
      t3 = ac * m4 - r0;
    }
    r0 = t0;
    m0 = t1;
    r4 = t2;
    m4 = t3;
    if (mc === 0) {
      t0 = r1 - bc * r5;
      t1 = m1 - bc * m5;
      t2 = bc * r1 + r5;
      t3 = bc * m1 + m5;
    } else if (mc === 1) {
      t0 = ac * r1 - r5;
      t1 = ac * m1 - m5;
      t2 = r1 + ac * r5;
      t3 = m1 + ac * m5;
    } else if (mc === 2) {
      t0 = r1 + bc * m5;
      t1 = m1 - bc * r5;
      t2 = r5 + bc * m1;
      t3 = m5 - bc * r1;
    } else {
      t0 = ac * r1 + m5;
      t1 = ac * m1 - r5;
      t2 = ac * r5 + m1;
      t3 = ac * m5 - r1;
    }
    r1 = t0;
    m1 = t1;
    r5 = t2;
    m5 = t3;
    if (mc === 0) {
      t0 = r2 - bc * r6;
      t1 = m2 - bc * m6;
      t2 = bc * r2 + r6;
      t3 = bc * m2 + m6;
    } else if (mc === 1) {
      t0 = ac * r2 - r6;
      t1 = ac * m2 - m6;
      t2 = r2 + ac * r6;
      t3 = m2 + ac * m6;
    } else if (mc === 2) {
      t0 = r2 + bc * m6;
      t1 = m2 - bc * r6;
      t2 = r6 + bc * m2;
      t3 = m6 - bc * r2;
    } else {
      t0 = ac * r2 + m6;
      t1 = ac * m2 - r6;
      t2 = ac * r6 + m2;
      t3 = ac * m6 - r2;
    }
    r2 = t0;
    m2 = t1;
    r6 = t2;
    m6 = t3;
    if (mc === 0) {
      t0 = r3 - bc * r7;
      t1 = m3 - bc * m7;
      t2 = bc * r3 + r7;
      t3 = bc * m3 + m7;
    } else if (mc === 1) {
      t0 = ac * r3 - r7;
      t1 = ac * m3 - m7;
      t2 = r3 + ac * r7;
      t3 = m3 + ac * m7;
    } else if (mc === 2) {
      t0 = r3 + bc * m7;
      t1 = m3 - bc * r7;
      t2 = r7 + bc * m3;
      t3 = m7 - bc * r3;
    } else {
      t0 = ac * r3 + m7;
      t1 = ac * m3 - r7;
      t2 = ac * r7 + m3;
      t3 = ac * m7 - r3;
    }
    r3 = t0;
    m3 = t1;
    r7 = t2;
    m7 = t3;
    re[i0] = r0;
    im[i0] = m0;
    re[i1] = r1;
    im[i1] = m1;
    re[i2] = r2;
    im[i2] = m2;
    re[i3] = r3;
    im[i3] = m3;
    re[i4] = r4;
    im[i4] = m4;
    re[i5] = r5;
    im[i5] = m5;
    re[i6] = r6;
    im[i6] = m6;
    re[i7] = r7;
    im[i7] = m7;
  }
}

/** re, im ×= scale·sign[i mod half] over both halves (no sign table: ×= scale). */
export function scaleDiagonal(
  re: Float64Array,
  im: Float64Array,
  half: number,
  sign: Float64Array | null,
  scale: number,
): void {
  if (sign) {
    for (let i = 0; i < half; i++) {
      const f = sign[i] * scale,
        j = i + half;
      re[i] *= f;
      im[i] *= f;
      re[j] *= f;
      im[j] *= f;
    }
  } else {
    for (let i = 0; i < 2 * half; i++) {
      re[i] *= scale;
      im[i] *= scale;
    }
  }
}

/** The diagonal pass with Z phases (KernelPasses.phaseDiagonal). */
export function phaseDiagonal(
  re: Float64Array,
  im: Float64Array,
  half: number,
  lowBits: number,
  loRe: Float64Array,
  loIm: Float64Array,
  hiRe: Float64Array,
  hiIm: Float64Array,
  sign: Float64Array | null,
  scale: number,
): void {
  const loSize = 1 << lowBits,
    hiSize = half >>> lowBits;
  for (let hi = 0; hi < hiSize; hi++) {
    const hr = hiRe[hi] * scale,
      hm = hiIm[hi] * scale;
    const base = hi << lowBits;
    for (let lo = 0; lo < loSize; lo++) {
      const i = base | lo;
      let pr = hr * loRe[lo] - hm * loIm[lo];
      let pm = hr * loIm[lo] + hm * loRe[lo];
      if (sign && sign[i] < 0) {
        pr = -pr;
        pm = -pm;
      }
      let r = re[i],
        m = im[i];
      re[i] = r * pr - m * pm;
      im[i] = r * pm + m * pr;
      const j = i + half;
      r = re[j];
      m = im[j];
      re[j] = r * pr - m * pm;
      im[j] = r * pm + m * pr;
    }
  }
}

/** The passes in JavaScript on ordinary typed arrays. */
export class JsPasses implements KernelPasses {
  readonly engine = 'js';
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly loRe: Float64Array;
  readonly loIm: Float64Array;
  readonly hiRe: Float64Array;
  readonly hiIm: Float64Array;
  private readonly half: number;
  /** tables[handle − 1]. */
  private readonly tables: Float64Array[] = [];

  constructor(m: number, lowBits: number) {
    this.half = 2 ** m;
    this.re = new Float64Array(2 * this.half);
    this.im = new Float64Array(2 * this.half);
    this.loRe = new Float64Array(1 << lowBits);
    this.loIm = new Float64Array(1 << lowBits);
    this.hiRe = new Float64Array(1 << (m - lowBits));
    this.hiIm = new Float64Array(1 << (m - lowBits));
  }

  allocTable(): number {
    this.tables.push(new Float64Array(this.half));
    return this.tables.length;
  }

  table(handle: number): Float64Array {
    return this.tables[handle - 1];
  }

  rotSingle(len: number, ops: RotationQueue, k: number): void {
    rotSingle(this.re, this.im, len, ops, k);
  }

  rotPair(len: number, ops: RotationQueue, k: number): void {
    rotPair(this.re, this.im, len, ops, k);
  }

  rotTriple(len: number, ops: RotationQueue, k: number): void {
    rotTriple(this.re, this.im, len, ops, k);
  }

  scaleDiagonal(half: number, sign: number, scale: number): void {
    scaleDiagonal(this.re, this.im, half, sign ? this.table(sign) : null, scale);
  }

  phaseDiagonal(half: number, lowBits: number, sign: number, scale: number): void {
    const { re, im, loRe, loIm, hiRe, hiIm } = this;
    phaseDiagonal(re, im, half, lowBits, loRe, loIm, hiRe, hiIm, sign ? this.table(sign) : null, scale);
  }
}

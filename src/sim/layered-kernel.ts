/**
 * A specialised simulator for layered programs (program.ts) that returns the parameter-shift gradient
 *   g = [C(θ + π/2) − C(θ − π/2)] / 2
 * of one rotation angle (layered-program.ts). It is checked against the generic simulators in
 * tests/unit/experiments/kernel.test.ts.
 *
 * How it is fast:
 * - Both shifted circuits run at once in one stacked buffer of 2·2^m amplitudes (the top bit selects
 *   θ + π/2 or θ − π/2), so every pass serves both forward runs with one loop.
 * - Rotations about X and Y are applied with the scalar factored out (c·[[1, −t], [t, 1]] or
 *   s·[[u, −1], [1, u]], whichever keeps |t|, |u| ≤ 1); the factors are collected and applied in the next
 *   diagonal pass. Rotations share passes in threes (amplitude octets) and pairs: a third of the loads and stores;
 *   in the triple pass the factor that is exactly 1 is not multiplied (a third fewer multiplications, same bits).
 * - Every run of diagonal gates (all RZ rotations of a layer and the whole CZ chain, plus the collected
 *   scale) is ONE pass: the phase is a product of two small tables (low and high index bits) and a cached
 *   ±1 CZ sign table. A trailing diagonal is never applied: it does not change probabilities.
 * - Noise: the density matrix ρ is the "state" vec(ρ)[a + 2^n·b] = ρ[a, b] on 2n virtual qubits;
 *   U ρ U† is U on qubit j and conj(U) on qubit j + n, and local depolarizing mixes (j, j + n).
 * - Buffers and tables are reused across samples; nothing is allocated per amplitude.
 */
import { insertZeroBelow, lowMask, parity, popcount, sortThree } from './bits';
import type { Block, LayeredProgram, Rotation } from './layered-program';

export type Cost = 'zz' | 'global' | 'local';
export const COSTS: readonly Cost[] = ['zz', 'global', 'local'];

const HALF_PI = Math.PI / 2;
/** Scratch for the triple pass's sorted qubit positions (the kernel is single-threaded). */
const SORTED = new Int32Array(3);

/**
 * Scaled rotations. R_Y(θ) = c·[[1, −t], [t, 1]] (t = s/c) or s·[[u, −1], [1, u]] (u = c/s), and
 * R_X(θ) = c·[[1, −it], [−it, 1]] or s·[[u, −i], [−i, u]]: in both cases [[α, ∓β…]] with one of α, β equal
 * to 1 and the other of magnitude ≤ 1, so the collected scale stays well conditioned.
 */
function scaledCoefficients(angle: number, out: Float64Array, k: number): number {
  const c = Math.cos(angle / 2),
    s = Math.sin(angle / 2);
  if (Math.abs(c) >= Math.abs(s)) {
    out[2 * k] = 1;
    out[2 * k + 1] = s / c;
    return c;
  }
  out[2 * k] = c / s;
  out[2 * k + 1] = 1;
  return s;
}

/** One scaled rotation (isX: [[α, −iβ], [−iβ, α]], else [[α, −β], [β, α]]) on qubit q of the whole buffer. */
function rotSingle(
  re: Float64Array,
  im: Float64Array,
  len: number,
  q: number,
  isX: boolean,
  a: number,
  b: number,
): void {
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

/** Two scaled rotations on distinct qubits qa, qb in one pass over amplitude quadruples. */
function rotPair(
  re: Float64Array,
  im: Float64Array,
  len: number,
  qa: number,
  xa: boolean,
  aa: number,
  ba: number,
  qb: number,
  xb: boolean,
  ab: number,
  bb: number,
): void {
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
 * Mode of a scaled rotation: 0 = Y with α = 1, 1 = Y with β = 1, 2 = X with α = 1, 3 = X with β = 1.
 * One of α, β is exactly 1 (scaledCoefficients), and 1·x = x exactly, so dropping that multiplication
 * saves a third of the multiplications without changing a bit of the result.
 */
function rotMode(isX: boolean, a: number): number {
  return (isX ? 2 : 0) + (a === 1 ? 0 : 1);
}

/** Three scaled rotations on distinct qubits in one pass over amplitude octets (modes: rotMode). */
function rotTriple(
  re: Float64Array,
  im: Float64Array,
  len: number,
  qa: number,
  ma: number,
  aa: number,
  ba: number,
  qb: number,
  mb: number,
  ab: number,
  bb: number,
  qc: number,
  mc: number,
  ac: number,
  bc: number,
): void {
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

/** Exact (unscaled) rotation on the amplitudes [offset, offset + len). */
function rotExact(
  re: Float64Array,
  im: Float64Array,
  offset: number,
  len: number,
  q: number,
  axis: number,
  angle: number,
): void {
  const c = Math.cos(angle / 2),
    s = Math.sin(angle / 2);
  const step = 1 << q,
    stride = step << 1,
    stop = offset + len;
  for (let base = offset; base < stop; base += stride) {
    const end = base + step;
    for (let i = base; i < end; i++) {
      const j = i + step;
      const ar = re[i],
        ai = im[i],
        br = re[j],
        bi = im[j];
      if (axis === 0) {
        re[i] = c * ar + s * bi;
        im[i] = c * ai - s * br;
        re[j] = c * br + s * ai;
        im[j] = c * bi - s * ar;
      } else if (axis === 1) {
        re[i] = c * ar - s * br;
        im[i] = c * ai - s * bi;
        re[j] = s * ar + c * br;
        im[j] = s * ai + c * bi;
      } else {
        re[i] = c * ar + s * ai;
        im[i] = c * ai - s * ar; // e^{−iθ/2}
        re[j] = c * br - s * bi;
        im[j] = c * bi + s * br; // e^{+iθ/2}
      }
    }
  }
}

/** Reusable workspace for one register size. */
export class LayeredKernel {
  readonly numQubits: number;
  /** Density-matrix mode: 2n virtual qubits. */
  readonly mixed: boolean;
  /** Virtual qubits of one half of the buffer. */
  private readonly m: number;
  private readonly half: number;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly lowBits: number;
  private readonly loRe: Float64Array;
  private readonly loIm: Float64Array;
  private readonly hiRe: Float64Array;
  private readonly hiIm: Float64Array;
  private readonly zAngle: Float64Array;
  /** Queue of scaled X/Y rotations of the current block (qubit, X?, α, β). */
  private readonly opQubit: Int32Array;
  private readonly opIsX: Uint8Array;
  private readonly opCoef: Float64Array;
  private readonly signCache = new Map<string, Float64Array>();
  private readonly weightCache = new Map<Cost, Float64Array>();
  // pending diagonal
  private pendingScale = 1;
  private pendingZ = false;
  private pendingPairs: Array<[number, number]> = [];

  constructor(numQubits: number, mixed: boolean) {
    if (!Number.isInteger(numQubits) || numQubits < 1)
      throw new RangeError(`qubits must be a whole number ≥ 1 (got ${numQubits})`);
    if (numQubits > (mixed ? 12 : 24))
      throw new RangeError(
        `the layered kernel refuses ${numQubits} qubits (${mixed ? 'density matrix' : 'state vector'})`,
      );
    this.numQubits = numQubits;
    this.mixed = mixed;
    this.m = mixed ? 2 * numQubits : numQubits;
    this.half = 2 ** this.m;
    this.re = new Float64Array(2 * this.half);
    this.im = new Float64Array(2 * this.half);
    this.lowBits = Math.ceil(this.m / 2);
    this.loRe = new Float64Array(1 << this.lowBits);
    this.loIm = new Float64Array(1 << this.lowBits);
    this.hiRe = new Float64Array(1 << (this.m - this.lowBits));
    this.hiIm = new Float64Array(1 << (this.m - this.lowBits));
    this.zAngle = new Float64Array(this.m);
    this.opQubit = new Int32Array(this.m);
    this.opIsX = new Uint8Array(this.m);
    this.opCoef = new Float64Array(2 * this.m);
  }

  /** ∂C/∂θ by parameter shift for the program's parameter. */
  gradient(program: LayeredProgram, cost: Cost): number {
    const [plus, minus] = this.shiftedCosts(program, cost);
    return (plus - minus) / 2;
  }

  /** [C(θ + π/2), C(θ − π/2)]. */
  shiftedCosts(program: LayeredProgram, cost: Cost): [number, number] {
    if (program.numQubits !== this.numQubits)
      throw new RangeError(`program has ${program.numQubits} qubits, kernel ${this.numQubits}`);
    const { re, im, half } = this;
    re.fill(0);
    im.fill(0);
    re[0] = 1;
    re[half] = 1;
    this.pendingScale = 1;
    this.pendingZ = false;
    this.zAngle.fill(0);
    this.pendingPairs = [];
    const blocks = program.blocks;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      if (block.kind === 'rot') this.rotBlock(block.rotations, b === program.param.block ? program.param.index : -1);
      else if (block.kind === 'cz') this.czBlock(block);
      else this.depolarize(block.p);
    }
    return this.readCosts(cost);
  }

  private rotBlock(rotations: Rotation[], paramIndex: number): void {
    this.flush();
    const { re, im, half, numQubits: n, mixed, opQubit, opIsX, opCoef } = this;
    const len = 2 * half;
    let scale = this.pendingScale;
    let count = 0;
    const queue = (q: number, isX: boolean, angle: number): void => {
      opQubit[count] = q;
      opIsX[count] = isX ? 1 : 0;
      scale *= scaledCoefficients(angle, opCoef, count);
      count++;
    };
    for (let i = 0; i < rotations.length; i++) {
      const r = rotations[i];
      if (i === paramIndex) {
        for (let h = 0; h < 2; h++) {
          const angle = r.angle + (h === 0 ? HALF_PI : -HALF_PI);
          rotExact(re, im, h * half, half, r.qubit, r.axis, angle);
          // conj(R_X(θ)) = R_X(−θ), conj(R_Y(θ)) = R_Y(θ), conj(R_Z(θ)) = R_Z(−θ)
          if (mixed) rotExact(re, im, h * half, half, r.qubit + n, r.axis, r.axis === 1 ? angle : -angle);
        }
      } else if (r.axis === 2) {
        this.zAngle[r.qubit] += r.angle;
        if (mixed) this.zAngle[r.qubit + n] -= r.angle;
        this.pendingZ = true;
      } else {
        queue(r.qubit, r.axis === 0, r.angle);
        if (mixed) queue(r.qubit + n, r.axis === 0, r.axis === 0 ? -r.angle : r.angle);
      }
    }
    let k = 0;
    for (; k + 2 < count; k += 3) {
      rotTriple(
        re,
        im,
        len,
        opQubit[k],
        rotMode(opIsX[k] === 1, opCoef[2 * k]),
        opCoef[2 * k],
        opCoef[2 * k + 1],
        opQubit[k + 1],
        rotMode(opIsX[k + 1] === 1, opCoef[2 * k + 2]),
        opCoef[2 * k + 2],
        opCoef[2 * k + 3],
        opQubit[k + 2],
        rotMode(opIsX[k + 2] === 1, opCoef[2 * k + 4]),
        opCoef[2 * k + 4],
        opCoef[2 * k + 5],
      );
    }
    for (; k + 1 < count; k += 2) {
      rotPair(
        re,
        im,
        len,
        opQubit[k],
        opIsX[k] === 1,
        opCoef[2 * k],
        opCoef[2 * k + 1],
        opQubit[k + 1],
        opIsX[k + 1] === 1,
        opCoef[2 * k + 2],
        opCoef[2 * k + 3],
      );
    }
    if (k < count) rotSingle(re, im, len, opQubit[k], opIsX[k] === 1, opCoef[2 * k], opCoef[2 * k + 1]);
    this.pendingScale = scale;
  }

  private czBlock(block: Extract<Block, { kind: 'cz' }>): void {
    for (const p of block.pairs) {
      this.pendingPairs.push(p);
      if (this.mixed) this.pendingPairs.push([p[0] + this.numQubits, p[1] + this.numQubits]);
    }
  }

  private signTable(pairs: Array<[number, number]>): Float64Array | null {
    if (pairs.length === 0) return null;
    const key = pairs.map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`)).join(',');
    let table = this.signCache.get(key);
    if (!table) {
      table = new Float64Array(this.half);
      const masks = pairs.map(([a, b]) => (1 << a) | (1 << b));
      for (let i = 0; i < this.half; i++) {
        let odd = 0;
        for (const mk of masks) if ((i & mk) === mk) odd ^= 1;
        table[i] = odd ? -1 : 1;
      }
      this.signCache.set(key, table);
    }
    return table;
  }

  /** Applies the pending diagonal (RZ phases × CZ signs × collected scale) in one pass. */
  private flush(): void {
    const pairs = this.pendingPairs;
    if (!this.pendingZ && pairs.length === 0 && this.pendingScale === 1) return;
    const { re, im, half, lowBits } = this;
    const sign = this.signTable(pairs);
    const scale = this.pendingScale;
    const loSize = 1 << lowBits,
      hiSize = half >>> lowBits;
    if (!this.pendingZ) {
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
    } else {
      this.phaseTable(0, lowBits, this.loRe, this.loIm);
      this.phaseTable(lowBits, this.m, this.hiRe, this.hiIm);
      const { loRe, loIm, hiRe, hiIm } = this;
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
      this.zAngle.fill(0);
    }
    this.pendingScale = 1;
    this.pendingZ = false;
    this.pendingPairs = [];
  }

  /** Phases Π_j e^{∓iθ_j/2} for qubits [from, to) indexed by those bits. */
  private phaseTable(from: number, to: number, outRe: Float64Array, outIm: Float64Array): void {
    outRe[0] = 1;
    outIm[0] = 0;
    let size = 1;
    for (let q = from; q < to; q++) {
      const a = this.zAngle[q] / 2;
      const c = Math.cos(a),
        s = Math.sin(a);
      for (let k = 0; k < size; k++) {
        const r = outRe[k],
          m = outIm[k];
        outRe[k + size] = r * c - m * s;
        outIm[k + size] = r * s + m * c; // bit set: e^{+ia}
        outRe[k] = r * c + m * s;
        outIm[k] = m * c - r * s; // bit clear: e^{−ia}
      }
      size <<= 1;
    }
  }

  /** ρ → (1 − p)ρ + p·Tr_j(ρ) ⊗ I/2 on every qubit j. */
  private depolarize(p: number): void {
    if (!this.mixed) throw new Error('depolarizing noise needs the density-matrix kernel');
    if (!(p >= 0 && p <= 1)) throw new RangeError(`depolarizing strength ${p} is not in [0, 1]`);
    this.flush();
    const { re, im, half, numQubits: n } = this;
    const len = 2 * half;
    const keep = 1 - p / 2,
      mix = p / 2,
      off = 1 - p;
    for (let j = 0; j < n; j++) {
      const rb = 1 << j,
        cb = 1 << (j + n),
        both = rb | cb;
      for (let i = 0; i < len; i++) {
        if (i & both) continue;
        const i01 = i | rb,
          i10 = i | cb,
          i11 = i | both;
        const ar = re[i],
          ai = im[i],
          br = re[i11],
          bi = im[i11];
        re[i] = keep * ar + mix * br;
        im[i] = keep * ai + mix * bi;
        re[i11] = keep * br + mix * ar;
        im[i11] = keep * bi + mix * ai;
        re[i01] *= off;
        im[i01] *= off;
        re[i10] *= off;
        im[i10] *= off;
      }
    }
  }

  /** Cost weights per basis state: C = offset + Σᵢ wᵢ pᵢ. */
  private weights(cost: Cost): Float64Array {
    let w = this.weightCache.get(cost);
    if (!w) {
      const n = this.numQubits,
        dim = 2 ** n;
      w = new Float64Array(dim);
      for (let i = 0; i < dim; i++) {
        if (cost === 'zz')
          w[i] = n < 2 ? NaN : parity(i & 3) ? -1 : 1; // ⟨Z₀Z₁⟩
        else if (cost === 'global')
          w[i] = i === 0 ? -1 : 0; // 1 − P(0…0)
        else w[i] = popcount(i) / n; // 1 − (1/n)Σⱼ P(qⱼ = 0) = (1/n) Σᵢ pᵢ·popcount(i)
      }
      this.weightCache.set(cost, w);
    }
    return w;
  }

  private readCosts(cost: Cost): [number, number] {
    const w = this.weights(cost);
    const offset = cost === 'global' ? 1 : 0;
    const { re, im, half, mixed } = this;
    const dim = w.length;
    // A trailing diagonal does not change probabilities; only the collected scale matters.
    const s = this.pendingScale;
    const probScale = mixed ? s : s * s;
    const out: [number, number] = [0, 0];
    for (let h = 0; h < 2; h++) {
      const o = h * half;
      let acc = 0;
      if (mixed) {
        for (let i = 0; i < dim; i++) acc += w[i] * re[o + i * (dim + 1)];
      } else {
        for (let i = 0; i < dim; i++) {
          const r = re[o + i],
            m = im[o + i];
          acc += w[i] * (r * r + m * m);
        }
      }
      out[h] = offset + probScale * acc;
    }
    return out;
  }
}

/**
 * State-vector simulator on two Float64Arrays (`re`, `im`) of length 2^n.
 *
 * Every gate is one pass (or less) over the amplitudes, in place, with no allocation: diagonal gates
 * (Z, S, T, P, RZ, CZ, CP, CRZ) are phase passes that touch only the amplitudes they change; X, CX,
 * SWAP and CCX are swaps; H and RY use a real 2×2 kernel; everything else uses the generic complex
 * 1-, 2- or 3-qubit kernel with the matrix written into a per-instance scratch buffer.
 */
import { controlledBase, validateGateOp, writeGateMatrix, writeTargetBlock, gateArity } from './gates';
import { insertZero, parity, sortThree } from './bits';
import { observableTerms, parsePauli, pauliExpectation, type Observable } from './pauli';
import { DEFAULT_LIMITS, SimulatorLimitError, type Circuit, type GateOp, type RunOptions } from './types';

export interface StateVectorOptions {
  /** Refuse more qubits than this (default DEFAULT_LIMITS.stateVectorQubits = 20). */
  maxQubits?: number;
}

/** Absolute ceiling independent of options: 2^30 amplitudes would need 16 GiB and bit tricks are 32-bit. */
export const STATE_VECTOR_HARD_MAX = 30;

/** Throws SimulatorLimitError unless a state vector of `numQubits` qubits is allowed. Allocates nothing. */
export function checkStateVectorSize(numQubits: number, maxQubits: number = DEFAULT_LIMITS.stateVectorQubits): void {
  if (!Number.isInteger(numQubits) || numQubits < 1) {
    throw new SimulatorLimitError(`A state vector needs a whole number of qubits ≥ 1 (got ${numQubits}).`);
  }
  const cap = Math.min(maxQubits, STATE_VECTOR_HARD_MAX);
  if (numQubits > cap) {
    const mib = (2 ** numQubits * 16) / 2 ** 20;
    throw new SimulatorLimitError(
      `State vector of ${numQubits} qubits refused: the limit is ${cap} qubits ` +
        `(${numQubits} qubits would need 2^${numQubits} amplitudes = ${mib >= 1024 ? `${(mib / 1024).toFixed(0)} GiB` : `${mib.toFixed(0)} MiB`}).`,
    );
  }
}

const SQRT1_2 = Math.SQRT1_2;

export class StateVector {
  readonly numQubits: number;
  readonly dim: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** Matrix scratch: up to 8×8 complex. */
  private readonly m = new Float64Array(128);
  /** Gather scratch for the 3-qubit generic kernel. */
  private readonly tr = new Float64Array(8);
  /** Three qubit positions in ascending order (three-qubit gates). */
  private readonly sorted = new Int32Array(3);
  private readonly ti = new Float64Array(8);

  constructor(numQubits: number, opts: StateVectorOptions = {}) {
    checkStateVectorSize(numQubits, opts.maxQubits ?? DEFAULT_LIMITS.stateVectorQubits);
    this.numQubits = numQubits;
    this.dim = 2 ** numQubits;
    this.re = new Float64Array(this.dim);
    this.im = new Float64Array(this.dim);
    this.re[0] = 1;
  }

  /** Back to |0…0⟩. */
  reset(): this {
    this.re.fill(0);
    this.im.fill(0);
    this.re[0] = 1;
    return this;
  }

  /** Sets the state to the basis state |index⟩. */
  setBasisState(index: number): this {
    if (!Number.isInteger(index) || index < 0 || index >= this.dim)
      throw new RangeError(`basis index ${index} out of range`);
    this.re.fill(0);
    this.im.fill(0);
    this.re[index] = 1;
    return this;
  }

  /** Loads amplitudes (imaginary parts default to 0). Does not normalise. */
  setAmplitudes(re: ArrayLike<number>, im?: ArrayLike<number>): this {
    if (re.length !== this.dim || (im && im.length !== this.dim)) {
      throw new RangeError(`expected ${this.dim} amplitudes, got ${re.length}`);
    }
    this.re.set(re);
    if (im) this.im.set(im);
    else this.im.fill(0);
    return this;
  }

  clone(): StateVector {
    const s = new StateVector(this.numQubits, { maxQubits: this.numQubits });
    s.re.set(this.re);
    s.im.set(this.im);
    return s;
  }

  copyFrom(other: StateVector): this {
    if (other.numQubits !== this.numQubits)
      throw new RangeError(`copyFrom: ${other.numQubits} qubits into ${this.numQubits}`);
    this.re.set(other.re);
    this.im.set(other.im);
    return this;
  }

  /**
   * Applies every gate of the circuit to the current state (measure and barrier are ignored).
   * `opts.onOp(i, total)` is called before each operation (progress; it may throw to stop a long run).
   */
  run(circuit: Circuit, opts?: RunOptions): this {
    if (circuit.numQubits > this.numQubits) {
      throw new RangeError(`circuit has ${circuit.numQubits} qubits, state has ${this.numQubits}`);
    }
    const { ops } = circuit;
    const onOp = opts?.onOp;
    for (let i = 0; i < ops.length; i++) {
      onOp?.(i, ops.length);
      const op = ops[i];
      if (op.kind === 'gate') this.apply(op);
    }
    return this;
  }

  /** Applies one gate in place. */
  apply(op: GateOp): this {
    validateGateOp(op, this.numQubits);
    const q = op.qubits;
    const p = op.params;
    switch (op.name) {
      case 'id':
        return this;
      case 'x':
        this.kX(q[0]);
        return this;
      case 'y':
        this.kY(q[0]);
        return this;
      case 'z':
        this.kPhase1(q[0], -1, 0);
        return this;
      case 's':
        this.kPhase1(q[0], 0, 1);
        return this;
      case 'sdg':
        this.kPhase1(q[0], 0, -1);
        return this;
      case 't':
        this.kPhase1(q[0], SQRT1_2, SQRT1_2);
        return this;
      case 'tdg':
        this.kPhase1(q[0], SQRT1_2, -SQRT1_2);
        return this;
      case 'p':
        this.kPhase1(q[0], Math.cos(p[0]), Math.sin(p[0]));
        return this;
      case 'rz': {
        const c = Math.cos(p[0] / 2),
          s = Math.sin(p[0] / 2);
        this.kDiag1(q[0], c, -s, c, s);
        return this;
      }
      case 'h':
        this.kReal1(q[0], SQRT1_2, SQRT1_2, SQRT1_2, -SQRT1_2);
        return this;
      case 'ry': {
        const c = Math.cos(p[0] / 2),
          s = Math.sin(p[0] / 2);
        this.kReal1(q[0], c, -s, s, c);
        return this;
      }
      case 'rx':
      case 'sx':
      case 'sxdg':
      case 'u':
        writeTargetBlock(op.name, p, this.m);
        this.kGeneric1(q[0], this.m);
        return this;
      case 'cx':
        this.kCX(q[0], q[1]);
        return this;
      case 'cz':
        this.kCPhase(q[0], q[1], -1, 0);
        return this;
      case 'cp':
        this.kCPhase(q[0], q[1], Math.cos(p[0]), Math.sin(p[0]));
        return this;
      case 'crz': {
        const c = Math.cos(p[0] / 2),
          s = Math.sin(p[0] / 2);
        this.kCDiag(q[0], q[1], c, -s, c, s);
        return this;
      }
      case 'cy':
      case 'crx':
      case 'cry':
        writeTargetBlock(controlledBase(op.name)!, p, this.m);
        this.kControlled1(q[0], q[1], this.m);
        return this;
      case 'swap':
        this.kSwap(q[0], q[1]);
        return this;
      case 'ccx':
        this.kCCX(q[0], q[1], q[2]);
        return this;
      case 'unitary':
        return this.applyMatrix(op.matrix as Float64Array, q);
      default: {
        const k = gateArity(op.name);
        writeGateMatrix(op, this.m);
        return this.applyMatrixUnchecked(this.m, q, k);
      }
    }
  }

  /**
   * Applies any 2^k × 2^k complex matrix (k = qubits.length ≤ 3, interleaved row-major, qubits[0] =
   * low bit of the matrix index). The matrix need not be unitary (used for gradient derivatives).
   */
  applyMatrix(matrix: Float64Array, qubits: number[]): this {
    const k = qubits.length;
    if (k < 1 || k > 3 || matrix.length !== 2 * (1 << (2 * k))) {
      throw new RangeError(
        `applyMatrix: a matrix on ${k} qubit(s) needs ${2 * (1 << (2 * k))} numbers, got ${matrix.length}`,
      );
    }
    for (let i = 0; i < k; i++) {
      const qi = qubits[i];
      if (!Number.isInteger(qi) || qi < 0 || qi >= this.numQubits)
        throw new RangeError(`applyMatrix: qubit ${qi} out of range`);
      for (let j = 0; j < i; j++) if (qubits[j] === qi) throw new RangeError(`applyMatrix: qubit ${qi} used twice`);
    }
    return this.applyMatrixUnchecked(matrix, qubits, k);
  }

  private applyMatrixUnchecked(matrix: Float64Array, qubits: number[], k: number): this {
    if (k === 1) this.kGeneric1(qubits[0], matrix);
    else if (k === 2) this.kGeneric2(qubits[0], qubits[1], matrix);
    else this.kGeneric3(qubits, matrix);
    return this;
  }

  // ---------- kernels ----------

  private kX(q: number): void {
    const { re, im, dim } = this;
    const step = 1 << q;
    for (let base = 0; base < dim; base += step << 1) {
      const end = base + step;
      for (let i = base; i < end; i++) {
        const j = i + step;
        const r = re[i];
        re[i] = re[j];
        re[j] = r;
        const m = im[i];
        im[i] = im[j];
        im[j] = m;
      }
    }
  }

  /** Y: new[i] = −i·old[j], new[j] = i·old[i]. */
  private kY(q: number): void {
    const { re, im, dim } = this;
    const step = 1 << q;
    for (let base = 0; base < dim; base += step << 1) {
      const end = base + step;
      for (let i = base; i < end; i++) {
        const j = i + step;
        const ar = re[i],
          ai = im[i],
          br = re[j],
          bi = im[j];
        re[i] = bi;
        im[i] = -br;
        re[j] = -ai;
        im[j] = ar;
      }
    }
  }

  /** diag(1, pr + i·pi): touches only amplitudes with bit q set. */
  private kPhase1(q: number, pr: number, pi: number): void {
    const { re, im, dim } = this;
    const step = 1 << q;
    for (let base = step; base < dim; base += step << 1) {
      const end = base + step;
      for (let j = base; j < end; j++) {
        const r = re[j],
          m = im[j];
        re[j] = r * pr - m * pi;
        im[j] = r * pi + m * pr;
      }
    }
  }

  /** diag(a, b) with complex a, b. */
  private kDiag1(q: number, ar: number, ai: number, br: number, bi: number): void {
    const { re, im, dim } = this;
    const step = 1 << q;
    for (let base = 0; base < dim; base += step << 1) {
      const end = base + step;
      for (let i = base; i < end; i++) {
        const j = i + step;
        let r = re[i],
          m = im[i];
        re[i] = r * ar - m * ai;
        im[i] = r * ai + m * ar;
        r = re[j];
        m = im[j];
        re[j] = r * br - m * bi;
        im[j] = r * bi + m * br;
      }
    }
  }

  /** Real 2×2 matrix [[a, b], [c, d]]. */
  private kReal1(q: number, a: number, b: number, c: number, d: number): void {
    const { re, im, dim } = this;
    const step = 1 << q;
    for (let base = 0; base < dim; base += step << 1) {
      const end = base + step;
      for (let i = base; i < end; i++) {
        const j = i + step;
        const xr = re[i],
          xi = im[i],
          yr = re[j],
          yi = im[j];
        re[i] = a * xr + b * yr;
        im[i] = a * xi + b * yi;
        re[j] = c * xr + d * yr;
        im[j] = c * xi + d * yi;
      }
    }
  }

  private kGeneric1(q: number, m: Float64Array): void {
    const { re, im, dim } = this;
    const m0 = m[0],
      m1 = m[1],
      m2 = m[2],
      m3 = m[3],
      m4 = m[4],
      m5 = m[5],
      m6 = m[6],
      m7 = m[7];
    const step = 1 << q;
    for (let base = 0; base < dim; base += step << 1) {
      const end = base + step;
      for (let i = base; i < end; i++) {
        const j = i + step;
        const ar = re[i],
          ai = im[i],
          br = re[j],
          bi = im[j];
        re[i] = m0 * ar - m1 * ai + m2 * br - m3 * bi;
        im[i] = m0 * ai + m1 * ar + m2 * bi + m3 * br;
        re[j] = m4 * ar - m5 * ai + m6 * br - m7 * bi;
        im[j] = m4 * ai + m5 * ar + m6 * bi + m7 * br;
      }
    }
  }

  private kCX(c: number, t: number): void {
    const { re, im } = this;
    const cb = 1 << c,
      tb = 1 << t;
    const lo = Math.min(c, t),
      hi = Math.max(c, t);
    const quarter = this.dim >>> 2;
    for (let k = 0; k < quarter; k++) {
      const i = insertZero(insertZero(k, lo), hi) | cb;
      const j = i | tb;
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }

  /** Multiplies amplitudes with both bits set by pr + i·pi (CZ, CP). */
  private kCPhase(a: number, b: number, pr: number, pi: number): void {
    const { re, im } = this;
    const both = (1 << a) | (1 << b);
    const lo = Math.min(a, b),
      hi = Math.max(a, b);
    const quarter = this.dim >>> 2;
    for (let k = 0; k < quarter; k++) {
      const i = insertZero(insertZero(k, lo), hi) | both;
      const r = re[i],
        m = im[i];
      re[i] = r * pr - m * pi;
      im[i] = r * pi + m * pr;
    }
  }

  /** Controlled diag(a, b) on the target (CRZ). */
  private kCDiag(c: number, t: number, ar: number, ai: number, br: number, bi: number): void {
    const { re, im } = this;
    const cb = 1 << c,
      tb = 1 << t;
    const lo = Math.min(c, t),
      hi = Math.max(c, t);
    const quarter = this.dim >>> 2;
    for (let k = 0; k < quarter; k++) {
      const i = insertZero(insertZero(k, lo), hi) | cb;
      const j = i | tb;
      let r = re[i],
        m = im[i];
      re[i] = r * ar - m * ai;
      im[i] = r * ai + m * ar;
      r = re[j];
      m = im[j];
      re[j] = r * br - m * bi;
      im[j] = r * bi + m * br;
    }
  }

  /** Controlled generic 2×2 on the target. */
  private kControlled1(c: number, t: number, m: Float64Array): void {
    const { re, im } = this;
    const m0 = m[0],
      m1 = m[1],
      m2 = m[2],
      m3 = m[3],
      m4 = m[4],
      m5 = m[5],
      m6 = m[6],
      m7 = m[7];
    const cb = 1 << c,
      tb = 1 << t;
    const lo = Math.min(c, t),
      hi = Math.max(c, t);
    const quarter = this.dim >>> 2;
    for (let k = 0; k < quarter; k++) {
      const i = insertZero(insertZero(k, lo), hi) | cb;
      const j = i | tb;
      const ar = re[i],
        ai = im[i],
        br = re[j],
        bi = im[j];
      re[i] = m0 * ar - m1 * ai + m2 * br - m3 * bi;
      im[i] = m0 * ai + m1 * ar + m2 * bi + m3 * br;
      re[j] = m4 * ar - m5 * ai + m6 * br - m7 * bi;
      im[j] = m4 * ai + m5 * ar + m6 * bi + m7 * br;
    }
  }

  private kSwap(a: number, b: number): void {
    const { re, im } = this;
    const ab = 1 << a,
      bb = 1 << b;
    const lo = Math.min(a, b),
      hi = Math.max(a, b);
    const quarter = this.dim >>> 2;
    for (let k = 0; k < quarter; k++) {
      const base = insertZero(insertZero(k, lo), hi);
      const i = base | ab,
        j = base | bb;
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }

  private kCCX(c0: number, c1: number, t: number): void {
    const { re, im } = this;
    const cb = (1 << c0) | (1 << c1),
      tb = 1 << t;
    const order = sortThree(c0, c1, t, this.sorted);
    const p0 = order[0],
      p1 = order[1],
      p2 = order[2];
    const eighth = this.dim >>> 3;
    for (let k = 0; k < eighth; k++) {
      const i = insertZero(insertZero(insertZero(k, p0), p1), p2) | cb;
      const j = i | tb;
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }

  /** Generic 4×4 on (q0 = low bit, q1 = high bit of the matrix index). */
  private kGeneric2(q0: number, q1: number, m: Float64Array): void {
    const { re, im } = this;
    const b0 = 1 << q0,
      b1 = 1 << q1;
    const lo = Math.min(q0, q1),
      hi = Math.max(q0, q1);
    const quarter = this.dim >>> 2;
    for (let k = 0; k < quarter; k++) {
      const i0 = insertZero(insertZero(k, lo), hi);
      const i1 = i0 | b0,
        i2 = i0 | b1,
        i3 = i1 | b1;
      const x0r = re[i0],
        x0i = im[i0],
        x1r = re[i1],
        x1i = im[i1];
      const x2r = re[i2],
        x2i = im[i2],
        x3r = re[i3],
        x3i = im[i3];
      re[i0] = m[0] * x0r - m[1] * x0i + m[2] * x1r - m[3] * x1i + m[4] * x2r - m[5] * x2i + m[6] * x3r - m[7] * x3i;
      im[i0] = m[0] * x0i + m[1] * x0r + m[2] * x1i + m[3] * x1r + m[4] * x2i + m[5] * x2r + m[6] * x3i + m[7] * x3r;
      re[i1] =
        m[8] * x0r - m[9] * x0i + m[10] * x1r - m[11] * x1i + m[12] * x2r - m[13] * x2i + m[14] * x3r - m[15] * x3i;
      im[i1] =
        m[8] * x0i + m[9] * x0r + m[10] * x1i + m[11] * x1r + m[12] * x2i + m[13] * x2r + m[14] * x3i + m[15] * x3r;
      re[i2] =
        m[16] * x0r - m[17] * x0i + m[18] * x1r - m[19] * x1i + m[20] * x2r - m[21] * x2i + m[22] * x3r - m[23] * x3i;
      im[i2] =
        m[16] * x0i + m[17] * x0r + m[18] * x1i + m[19] * x1r + m[20] * x2i + m[21] * x2r + m[22] * x3i + m[23] * x3r;
      re[i3] =
        m[24] * x0r - m[25] * x0i + m[26] * x1r - m[27] * x1i + m[28] * x2r - m[29] * x2i + m[30] * x3r - m[31] * x3i;
      im[i3] =
        m[24] * x0i + m[25] * x0r + m[26] * x1i + m[27] * x1r + m[28] * x2i + m[29] * x2r + m[30] * x3i + m[31] * x3r;
    }
  }

  /** Generic 8×8 on three qubits (qubits[0] = low bit of the matrix index). */
  private kGeneric3(qubits: number[], m: Float64Array): void {
    const { re, im, tr, ti } = this;
    const b0 = 1 << qubits[0],
      b1 = 1 << qubits[1],
      b2 = 1 << qubits[2];
    const order = sortThree(qubits[0], qubits[1], qubits[2], this.sorted);
    const p0 = order[0],
      p1 = order[1],
      p2 = order[2];
    const eighth = this.dim >>> 3;
    for (let k = 0; k < eighth; k++) {
      const base = insertZero(insertZero(insertZero(k, p0), p1), p2);
      for (let s = 0; s < 8; s++) {
        const idx = base | (s & 1 ? b0 : 0) | (s & 2 ? b1 : 0) | (s & 4 ? b2 : 0);
        tr[s] = re[idx];
        ti[s] = im[idx];
      }
      for (let r = 0; r < 8; r++) {
        let yr = 0,
          yi = 0;
        for (let s = 0; s < 8; s++) {
          const o = 2 * (8 * r + s);
          yr += m[o] * tr[s] - m[o + 1] * ti[s];
          yi += m[o] * ti[s] + m[o + 1] * tr[s];
        }
        const idx = base | (r & 1 ? b0 : 0) | (r & 2 ? b1 : 0) | (r & 4 ? b2 : 0);
        re[idx] = yr;
        im[idx] = yi;
      }
    }
  }

  // ---------- read-out ----------

  /** |amplitude|² for every basis state (qubit 0 = low bit of the index). */
  probabilities(out?: Float64Array): Float64Array {
    const { re, im, dim } = this;
    const p = out ?? new Float64Array(dim);
    if (p.length !== dim) throw new RangeError(`probabilities: output has length ${p.length}, need ${dim}`);
    for (let i = 0; i < dim; i++) p[i] = re[i] * re[i] + im[i] * im[i];
    return p;
  }

  probability(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.dim)
      throw new RangeError(`basis index ${index} out of range`);
    return this.re[index] * this.re[index] + this.im[index] * this.im[index];
  }

  amplitude(index: number): { re: number; im: number } {
    if (!Number.isInteger(index) || index < 0 || index >= this.dim)
      throw new RangeError(`basis index ${index} out of range`);
    return { re: this.re[index], im: this.im[index] };
  }

  /** Euclidean norm ‖ψ‖ (1 for a valid state). */
  norm(): number {
    const { re, im, dim } = this;
    let s = 0;
    for (let i = 0; i < dim; i++) s += re[i] * re[i] + im[i] * im[i];
    return Math.sqrt(s);
  }

  /** ⟨this|other⟩ = Σ conj(thisᵢ)·otherᵢ. */
  innerProduct(other: StateVector): { re: number; im: number } {
    if (other.numQubits !== this.numQubits)
      throw new RangeError(`innerProduct: ${this.numQubits} vs ${other.numQubits} qubits`);
    const ar = this.re,
      ai = this.im,
      br = other.re,
      bi = other.im;
    let sr = 0,
      si = 0;
    for (let i = 0; i < this.dim; i++) {
      sr += ar[i] * br[i] + ai[i] * bi[i];
      si += ar[i] * bi[i] - ai[i] * br[i];
    }
    return { re: sr, im: si };
  }

  /** |⟨this|other⟩|². */
  fidelity(other: StateVector): number {
    const z = this.innerProduct(other);
    return z.re * z.re + z.im * z.im;
  }

  /** ⟨ψ|O|ψ⟩ for a Qiskit-order Pauli string ("ZZI" = Z₂Z₁I₀) or a weighted sum of them. */
  expectation(observable: Observable): number {
    let total = 0;
    for (const term of observableTerms(observable)) {
      total += term.coeff * pauliExpectation(this.re, this.im, parsePauli(term.pauli, this.numQubits));
    }
    return total;
  }

  /** ⟨Z_{q₁} Z_{q₂} …⟩ (the product of Z on the listed qubits) in one pass. */
  expectationZ(qubits: number[]): number {
    let mask = 0;
    for (const q of qubits) {
      if (!Number.isInteger(q) || q < 0 || q >= this.numQubits)
        throw new RangeError(`expectationZ: qubit ${q} out of range`);
      mask ^= 1 << q;
    }
    const { re, im, dim } = this;
    let s = 0;
    for (let i = 0; i < dim; i++) {
      const p = re[i] * re[i] + im[i] * im[i];
      s += parity(i & mask) ? -p : p;
    }
    return s;
  }
}

/** Runs a circuit from |0…0⟩ and returns the final state. */
export function simulate(circuit: Circuit, opts: StateVectorOptions = {}): StateVector {
  const sv = new StateVector(circuit.numQubits, opts);
  return sv.run(circuit);
}

/**
 * Density-matrix simulator: ρ as a 2^n × 2^n complex matrix on two Float64Arrays (`re`, `im`),
 * row-major, entry ρ[r][c] at index r·2^n + c. Qubit k is bit k of both the row and the column index.
 *
 * Kernels. Seen as a vector of 2n bits, the flat index r·2^n + c has the column bits at positions
 * 0…n−1 and the row bits at n…2n−1. A gate U on qubits Q is then
 *   ρ → U ρ U†  =  (U on row bits Q + n) followed by (conj(U) on column bits Q),
 * two in-place passes of the small matrix, with no full-size matrix built. A Kraus channel
 * {K_i} on qubits Q is one pass of its superoperator S = Σ_i K_i ⊗ conj(K_i) (4×4 for one qubit,
 * 16×16 for two) on the bits (Q, Q + n). Both use fixed scratch buffers: no per-element allocation.
 *
 * Noisy runs fuse, per qubit, everything between two multi-qubit gates (1q gates, their channels, idle
 * relaxation) into one 4×4 superoperator pass, and a 2q gate with its 2q channels into one 16×16 pass.
 *
 * Measurements in `run`: a terminal measurement (no later gate on that qubit) is read out by
 * `probabilities()`. A mid-circuit measurement without classical feed-forward is the non-selective
 * projective measurement, i.e. complete dephasing of that qubit.
 */
import { matMul, superoperator, phaseDamping, thermalRelaxation, type Channel, type KrausSet } from './channels';
import { gateArity, gateMatrix, validateGateOp, writeGateMatrix } from './gates';
import { parity } from './bits';
import { observableTerms, parsePauli, type Observable } from './pauli';
import {
  DEFAULT_LIMITS,
  SimulatorLimitError,
  type Circuit,
  type GateOp,
  type RunOptions,
  type GateName,
} from './types';
import type { IdleNoise, NoiseModel } from './noise';
import { applyReadoutError } from './readout';

/** Absolute ceiling independent of options: 2^(2·14) complex entries would need 4 GiB. */
export const DENSITY_MATRIX_HARD_MAX = 14;

export interface DensityMatrixOptions {
  /** Refuse more qubits than this (default DEFAULT_LIMITS.densityMatrixQubits = 10). */
  maxQubits?: number;
}

/** Throws SimulatorLimitError unless a density matrix of `numQubits` qubits is allowed. Allocates nothing. */
export function checkDensityMatrixSize(
  numQubits: number,
  maxQubits: number = DEFAULT_LIMITS.densityMatrixQubits,
): void {
  if (!Number.isInteger(numQubits) || numQubits < 1) {
    throw new SimulatorLimitError(`A density matrix needs a whole number of qubits ≥ 1 (got ${numQubits}).`);
  }
  const cap = Math.min(maxQubits, DENSITY_MATRIX_HARD_MAX);
  if (numQubits > cap) {
    const mib = (4 ** numQubits * 16) / 2 ** 20;
    throw new SimulatorLimitError(
      `Density matrix of ${numQubits} qubits refused: the limit is ${cap} qubits ` +
        `(${numQubits} qubits would need 4^${numQubits} complex entries = ` +
        `${mib >= 1024 ? `${(mib / 1024).toFixed(0)} GiB` : `${mib.toFixed(0)} MiB`}).`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// kernels on a complex vector of `2^totalBits` entries

/** Gather/scatter scratch for matrices up to 64×64 (a 3-qubit gate is 8×8; a 2-qubit superoperator 16×16). */
const gRe = new Float64Array(64);
const gIm = new Float64Array(64);
const aRe = new Float64Array(64);
const aIm = new Float64Array(64);
const offsets = new Int32Array(64);
/** Sparse form of the matrix being applied (up to 64×64 non-zeros). */
const spRow = new Int32Array(4096);
const spCol = new Int32Array(4096);
const spRe = new Float64Array(4096);
const spIm = new Float64Array(4096);

/** Applies the 2×2 complex matrix m (conjugated when conj) to bit p of the vector (re, im). */
function applyOneBit(re: Float64Array, im: Float64Array, p: number, m: Float64Array, conj: boolean): void {
  const s = conj ? -1 : 1;
  const aR = m[0],
    aI = s * m[1],
    bR = m[2],
    bI = s * m[3];
  const cR = m[4],
    cI = s * m[5],
    dR = m[6],
    dI = s * m[7];
  const stride = 1 << p;
  const len = re.length;
  for (let block = 0; block < len; block += stride << 1) {
    const end = block + stride;
    for (let i0 = block; i0 < end; i0++) {
      const i1 = i0 + stride;
      const xR = re[i0],
        xI = im[i0],
        yR = re[i1],
        yI = im[i1];
      re[i0] = aR * xR - aI * xI + bR * yR - bI * yI;
      im[i0] = aR * xI + aI * xR + bR * yI + bI * yR;
      re[i1] = cR * xR - cI * xI + dR * yR - dI * yI;
      im[i1] = cR * xI + cI * xR + dR * yI + dI * yR;
    }
  }
}

/** Conjugation-aware copy of a 4×4 complex matrix (32 numbers), reused by `applyTwoBits`. */
const m4 = new Float64Array(32);

/** Applies the 4×4 complex matrix m (conjugated when conj) to bits (p0 = low, p1 = high) of the vector. */
function applyTwoBits(
  re: Float64Array,
  im: Float64Array,
  p0: number,
  p1: number,
  m: Float64Array,
  conj: boolean,
): void {
  for (let i = 0; i < 32; i += 2) {
    m4[i] = m[i];
    m4[i + 1] = conj ? -m[i + 1] : m[i + 1];
  }
  const o1 = 1 << p0,
    o2 = 1 << p1,
    o3 = o1 | o2;
  const lo = Math.min(p0, p1),
    hi = Math.max(p0, p1);
  const sLo = 1 << lo,
    sHi = 1 << hi;
  const len = re.length;
  for (let a = 0; a < len; a += sHi << 1) {
    for (let b = a; b < a + sHi; b += sLo << 1) {
      const end = b + sLo;
      for (let i = b; i < end; i++) {
        const i1 = i + o1,
          i2 = i + o2,
          i3 = i + o3;
        const x0r = re[i],
          x0i = im[i],
          x1r = re[i1],
          x1i = im[i1];
        const x2r = re[i2],
          x2i = im[i2],
          x3r = re[i3],
          x3i = im[i3];
        for (let r = 0; r < 4; r++) {
          const o = 8 * r;
          const ar = m4[o],
            ai = m4[o + 1],
            br = m4[o + 2],
            bi = m4[o + 3];
          const cr = m4[o + 4],
            ci = m4[o + 5],
            dr = m4[o + 6],
            di = m4[o + 7];
          const yr = ar * x0r - ai * x0i + br * x1r - bi * x1i + cr * x2r - ci * x2i + dr * x3r - di * x3i;
          const yi = ar * x0i + ai * x0r + br * x1i + bi * x1r + cr * x2i + ci * x2r + dr * x3i + di * x3r;
          const idx = r === 0 ? i : r === 1 ? i1 : r === 2 ? i2 : i3;
          re[idx] = yr;
          im[idx] = yi;
        }
      }
    }
  }
}

/**
 * Applies the 2^k × 2^k complex matrix m (conjugated when conj) to the bits `positions` of the
 * vector; positions[0] is the low bit of the matrix index. k ≤ 6.
 */
function applyBits(
  re: Float64Array,
  im: Float64Array,
  positions: readonly number[],
  m: Float64Array,
  conj: boolean,
): void {
  const k = positions.length;
  if (k === 1) {
    applyOneBit(re, im, positions[0], m, conj);
    return;
  }
  if (k === 2) {
    applyTwoBits(re, im, positions[0], positions[1], m, conj);
    return;
  }
  const dim = 1 << k;
  for (let j = 0; j < dim; j++) {
    let off = 0;
    for (let b = 0; b < k; b++) if ((j >> b) & 1) off |= 1 << positions[b];
    offsets[j] = off;
  }
  // The matrix as a sparse list: superoperators of Pauli channels and most gates are mostly zeros.
  let nnz = 0;
  const s = conj ? -1 : 1;
  for (let r = 0; r < dim; r++) {
    for (let c = 0; c < dim; c++) {
      const mR = m[2 * (r * dim + c)],
        mI = s * m[2 * (r * dim + c) + 1];
      if (mR === 0 && mI === 0) continue;
      spRow[nnz] = r;
      spCol[nnz] = c;
      spRe[nnz] = mR;
      spIm[nnz] = mI;
      nnz++;
    }
  }
  const sorted = Array.from(positions).sort((a, b) => a - b);
  const count = re.length >>> k;
  for (let i = 0; i < count; i++) {
    let base = i;
    for (let t = 0; t < k; t++) {
      const p = sorted[t];
      base = ((base >>> p) << (p + 1)) | (base & ((1 << p) - 1));
    }
    for (let j = 0; j < dim; j++) {
      gRe[j] = re[base + offsets[j]];
      gIm[j] = im[base + offsets[j]];
      aRe[j] = 0;
      aIm[j] = 0;
    }
    for (let e = 0; e < nnz; e++) {
      const c = spCol[e],
        r = spRow[e],
        mR = spRe[e],
        mI = spIm[e];
      const xR = gRe[c],
        xI = gIm[c];
      aRe[r] += mR * xR - mI * xI;
      aIm[r] += mR * xI + mI * xR;
    }
    for (let j = 0; j < dim; j++) {
      re[base + offsets[j]] = aRe[j];
      im[base + offsets[j]] = aIm[j];
    }
  }
}

/** Cached superoperators, keyed by the Kraus list's identity (channels are built once per model). */
const superopCache = new WeakMap<KrausSet, Float64Array>();

function cachedSuperop(kraus: KrausSet): Float64Array {
  let s = superopCache.get(kraus);
  if (!s) {
    s = superoperator(kraus);
    superopCache.set(kraus, s);
  }
  return s;
}

/**
 * A gate's superoperator followed by its channels' (channels[0] first). Fixed gates (no parameters)
 * are cached per noise model: a deep circuit applies the same CX hundreds of times, and each fusion is
 * a 16×16 complex product. The cached matrices are only read, never written.
 */
const fusedCache = new WeakMap<NoiseModel, Map<string, Float64Array>>();

function fusedGate(op: GateOp, noise: NoiseModel, channels: readonly Channel[]): Float64Array {
  const cacheable = op.params.length === 0 && op.name !== 'unitary';
  let byGate = fusedCache.get(noise);
  const key = `${op.name}|${channels.length}`;
  if (cacheable) {
    const hit = byGate?.get(key);
    if (hit) return hit;
  }
  let s = superoperator([gateMatrix(op)]);
  for (const ch of channels) s = matMul(cachedSuperop(ch.kraus), s);
  if (cacheable) {
    if (!byGate) fusedCache.set(noise, (byGate = new Map()));
    byGate.set(key, s);
  }
  return s;
}

/** A state given as amplitude arrays (a StateVector qualifies). */
export interface PureState {
  re: Float64Array;
  im: Float64Array;
}

export class DensityMatrix {
  readonly numQubits: number;
  /** 2^n. */
  readonly dim: number;
  /** Real parts of ρ, row-major (length 4^n). */
  readonly re: Float64Array;
  /** Imaginary parts of ρ, row-major (length 4^n). */
  readonly im: Float64Array;
  /** Gate-matrix scratch (up to 8×8 complex). */
  private readonly m = new Float64Array(128);

  /** |0…0⟩⟨0…0| on `numQubits` qubits; the size cap is checked before anything is allocated. */
  constructor(numQubits: number, opts: DensityMatrixOptions = {}) {
    checkDensityMatrixSize(numQubits, opts.maxQubits ?? DEFAULT_LIMITS.densityMatrixQubits);
    this.numQubits = numQubits;
    this.dim = 2 ** numQubits;
    this.re = new Float64Array(this.dim * this.dim);
    this.im = new Float64Array(this.dim * this.dim);
    this.re[0] = 1;
  }

  /** ρ = |ψ⟩⟨ψ| for amplitudes ψ (length 2^n). */
  static fromStateVector(sv: PureState, opts: DensityMatrixOptions = {}): DensityMatrix {
    const dim = sv.re.length;
    const n = Math.round(Math.log2(dim));
    if (2 ** n !== dim || sv.im.length !== dim)
      throw new RangeError(`fromStateVector: ${dim} amplitudes is not a power of two`);
    const rho = new DensityMatrix(n, opts);
    const { re, im } = rho;
    for (let r = 0; r < dim; r++) {
      const aR = sv.re[r],
        aI = sv.im[r];
      const row = r * dim;
      for (let c = 0; c < dim; c++) {
        // ψ_r · conj(ψ_c)
        const bR = sv.re[c],
          bI = -sv.im[c];
        re[row + c] = aR * bR - aI * bI;
        im[row + c] = aR * bI + aI * bR;
      }
    }
    return rho;
  }

  /** ρ from explicit entries (row-major, length 4^n); copied, not validated for positivity. */
  static fromMatrix(
    numQubits: number,
    re: ArrayLike<number>,
    im: ArrayLike<number>,
    opts: DensityMatrixOptions = {},
  ): DensityMatrix {
    const rho = new DensityMatrix(numQubits, opts);
    if (re.length !== rho.re.length || im.length !== rho.im.length) {
      throw new RangeError(`fromMatrix: expected ${rho.re.length} entries, got ${re.length} and ${im.length}`);
    }
    rho.re.set(re);
    rho.im.set(im);
    return rho;
  }

  clone(): DensityMatrix {
    const c = new DensityMatrix(this.numQubits, { maxQubits: this.numQubits });
    c.re.set(this.re);
    c.im.set(this.im);
    return c;
  }

  /** Back to |0…0⟩⟨0…0|. */
  reset(): this {
    this.re.fill(0);
    this.im.fill(0);
    this.re[0] = 1;
    return this;
  }

  /** ρ → U ρ U† for one gate, in place. */
  apply(op: GateOp): this {
    validateGateOp(op, this.numQubits);
    const k = gateArity(op.name, op.matrix);
    writeGateMatrix(op, this.m);
    const n = this.numQubits;
    const q = op.qubits;
    const m = k === 3 ? this.m : this.m.subarray(0, 2 * (1 << (2 * k)));
    if (k === 1) {
      applyOneBit(this.re, this.im, q[0] + n, m, false);
      applyOneBit(this.re, this.im, q[0], m, true);
    } else {
      applyBits(
        this.re,
        this.im,
        q.map((x) => x + n),
        m,
        false,
      );
      applyBits(this.re, this.im, q, m, true);
    }
    return this;
  }

  /**
   * ρ → Σ_i K_i ρ K_i† on one or two qubits (qubits[0] = low bit of the Kraus matrices' index).
   * The Kraus list is turned into its superoperator once (cached by identity) and applied in one pass.
   */
  applyKraus(qubits: readonly number[], kraus: KrausSet): this {
    if (kraus.length === 0) throw new Error('applyKraus: empty Kraus list');
    const k = qubits.length;
    if (k !== 1 && k !== 2) throw new Error(`applyKraus supports 1- and 2-qubit channels, got ${k} qubits`);
    const want = 2 * (1 << (2 * k));
    for (const op of kraus) {
      if (op.length !== want)
        throw new Error(`applyKraus: a ${k}-qubit Kraus operator needs ${want} numbers, got ${op.length}`);
    }
    for (let i = 0; i < k; i++) {
      const qi = qubits[i];
      if (!Number.isInteger(qi) || qi < 0 || qi >= this.numQubits)
        throw new RangeError(`applyKraus: qubit ${qi} out of range`);
      if (i > 0 && qubits[0] === qi) throw new RangeError(`applyKraus: qubit ${qi} used twice`);
    }
    const n = this.numQubits;
    const positions = k === 1 ? [qubits[0], qubits[0] + n] : [qubits[0], qubits[1], qubits[0] + n, qubits[1] + n];
    applyBits(this.re, this.im, positions, cachedSuperop(kraus), false);
    return this;
  }

  /** Applies a named channel on `qubits` (a 1-qubit channel on two qubits is applied to each). */
  applyChannel(qubits: readonly number[], channel: Channel): this {
    if (channel.numQubits === 2) return this.applyKraus(qubits, channel.kraus);
    for (const q of qubits) this.applyKraus([q], channel.kraus);
    return this;
  }

  /** Global depolarizing on all n qubits: ρ → (1 − p)ρ + p·tr(ρ)·I/2^n. One pass. */
  applyGlobalDepolarizing(p: number): this {
    if (!Number.isFinite(p) || p < 0 || p > 1)
      throw new RangeError(`global depolarizing p must be in [0, 1], got ${p}`);
    const t = this.trace();
    const keep = 1 - p;
    const { re, im } = this;
    for (let i = 0; i < re.length; i++) {
      re[i] *= keep;
      im[i] *= keep;
    }
    const add = (p * t) / this.dim;
    for (let i = 0; i < this.dim; i++) re[i * this.dim + i] += add;
    return this;
  }

  /**
   * Runs the circuit from the current state. With a noise model: channels after each gate, idle
   * relaxation in an ASAP schedule (if the model has one). Readout error is NOT applied here —
   * apply `noisyProbabilities` / readout.ts to `probabilities()`. `opts.onOp(i, total)` is called before
   * each operation (progress; it may throw to stop a long run).
   */
  run(circuit: Circuit, noise?: NoiseModel, opts?: RunOptions): this {
    if (circuit.numQubits > this.numQubits) {
      throw new RangeError(`circuit has ${circuit.numQubits} qubits, density matrix has ${this.numQubits}`);
    }
    const ops = circuit.ops;
    // Index of the last gate on each qubit: measurements after it are terminal.
    const lastGate = new Int32Array(this.numQubits).fill(-1);
    ops.forEach((op, i) => {
      if (op.kind === 'gate') for (const q of op.qubits) lastGate[q] = i;
    });
    if (noise) return this.runNoisy(circuit, noise, lastGate, opts?.onOp);
    for (let i = 0; i < ops.length; i++) {
      opts?.onOp?.(i, ops.length);
      const op = ops[i];
      if (op.kind === 'gate') this.apply(op);
      else if (op.kind === 'measure' && i < lastGate[op.qubit]) this.applyKraus([op.qubit], FULL_DEPHASING);
    }
    return this;
  }

  /**
   * The noisy run. Everything that happens to one qubit between two multi-qubit operations (1-qubit
   * gates, their channels, idle relaxation, mid-circuit dephasing) is fused into a single 4×4
   * superoperator and applied in one pass when a multi-qubit gate (or the end) needs that qubit. A
   * 2-qubit gate and its 2-qubit channels are fused into one 16×16 superoperator pass. Operations on
   * different qubits commute, so the fusion is exact.
   */
  private runNoisy(circuit: Circuit, noise: NoiseModel, lastGate: Int32Array, onOp?: RunOptions['onOp']): this {
    const n = this.numQubits;
    const pending: (Float64Array | null)[] = new Array(n).fill(null);
    const push = (q: number, superop: Float64Array): void => {
      const cur = pending[q];
      pending[q] = cur ? matMul(superop, cur) : superop;
    };
    const flush = (q: number): void => {
      const s = pending[q];
      if (s) {
        applyTwoBits(this.re, this.im, q, q + n, s, false);
        pending[q] = null;
      }
    };
    const sched = noise.idle ? new IdleScheduler(n, noise.idle) : null;
    const emitIdle = (q: number, kraus: KrausSet) => push(q, cachedSuperop(kraus));
    const virtual = new Set<GateName>(noise.virtualGates);
    const ops = circuit.ops;
    for (let i = 0; i < ops.length; i++) {
      onOp?.(i, ops.length);
      const op = ops[i];
      if (op.kind === 'barrier') continue;
      if (op.kind === 'measure') {
        if (i < lastGate[op.qubit]) {
          sched?.occupy([op.qubit], noise.idle?.measure_ns ?? 0, emitIdle);
          push(op.qubit, cachedSuperop(FULL_DEPHASING));
        }
        continue;
      }
      validateGateOp(op, n);
      const q = op.qubits;
      const k = q.length;
      const isVirtual = virtual.has(op.name);
      if (k > 2 && !isVirtual) {
        throw new Error(
          `noisy simulation of the ${k}-qubit gate '${op.name}' is not modelled; decompose it into 1- and 2-qubit gates`,
        );
      }
      if (sched && !isVirtual)
        sched.occupy(q, k === 1 ? noise.idle!.oneQubitGate_ns : noise.idle!.twoQubitGate_ns, emitIdle);
      if (k === 1) {
        push(q[0], fusedGate(op, noise, isVirtual ? [] : noise.oneQubitGate));
        continue;
      }
      for (const x of q) flush(x);
      if (isVirtual || k > 2) {
        this.apply(op);
        continue;
      }
      // 2-qubit gate fused with its 2-qubit channels; 1-qubit channels go to the qubits' pending maps.
      const s = fusedGate(
        op,
        noise,
        noise.twoQubitGate.filter((ch) => ch.numQubits === 2),
      );
      applyBits(this.re, this.im, [q[0], q[1], q[0] + n, q[1] + n], s, false);
      for (const ch of noise.twoQubitGate) {
        if (ch.numQubits === 1) for (const x of q) push(x, cachedSuperop(ch.kraus));
      }
    }
    sched?.finish(emitIdle);
    for (let x = 0; x < n; x++) flush(x);
    return this;
  }

  /** Measurement probabilities in the computational basis: the real diagonal (length 2^n). */
  probabilities(): Float64Array {
    const out = new Float64Array(this.dim);
    for (let i = 0; i < this.dim; i++) out[i] = Math.max(0, this.re[i * this.dim + i]);
    return out;
  }

  /** What a device records: `probabilities()` with the model's readout confusion applied (if any). */
  measuredProbabilities(noise?: NoiseModel): Float64Array {
    const p = this.probabilities();
    return noise?.readout ? applyReadoutError(p, noise.readout) : p;
  }

  /** tr(ρ). */
  trace(): number {
    let t = 0;
    for (let i = 0; i < this.dim; i++) t += this.re[i * this.dim + i];
    return t;
  }

  /** tr(ρ²) = Σ |ρ_rc|² (ρ Hermitian). 1 for pure states, 1/2^n for the maximally mixed state. */
  purity(): number {
    let s = 0;
    const { re, im } = this;
    for (let i = 0; i < re.length; i++) s += re[i] * re[i] + im[i] * im[i];
    return s;
  }

  /**
   * tr(ρ·O) for a Qiskit-order Pauli string (last letter = qubit 0) or a real combination of them.
   * For P|r⟩ = i^{nY}(−1)^{|r∧z|}|r⊕x⟩:  tr(ρP) = Σ_r ρ[r][r⊕x] · i^{nY}(−1)^{|r∧z|}.
   */
  expectation(observable: Observable): number {
    let total = 0;
    for (const term of observableTerms(observable)) {
      const { xMask, zMask, numY } = parsePauli(term.pauli, this.numQubits);
      let a = 0,
        b = 0;
      for (let r = 0; r < this.dim; r++) {
        const idx = r * this.dim + (r ^ xMask);
        const sign = parity(r & zMask) ? -1 : 1;
        a += sign * this.re[idx];
        b += sign * this.im[idx];
      }
      // multiply (a + ib) by i^{numY}; the result is real for Hermitian ρ
      const ph = numY & 3;
      const value = ph === 0 ? a : ph === 1 ? -b : ph === 2 ? -a : b;
      total += term.coeff * value;
    }
    return total;
  }

  /** Bloch vector (⟨X⟩, ⟨Y⟩, ⟨Z⟩) of qubit q's reduced state. */
  blochVector(q: number): [number, number, number] {
    if (!Number.isInteger(q) || q < 0 || q >= this.numQubits)
      throw new RangeError(`blochVector: qubit ${q} out of range`);
    const bit = 1 << q;
    let r01 = 0,
      i01 = 0,
      p0 = 0,
      p1 = 0;
    for (let i = 0; i < this.dim; i++) {
      if (i & bit) {
        p1 += this.re[i * this.dim + i];
        continue;
      }
      p0 += this.re[i * this.dim + i];
      const idx = i * this.dim + (i | bit);
      r01 += this.re[idx];
      i01 += this.im[idx];
    }
    return [2 * r01, -2 * i01, p0 - p1];
  }

  /** ⟨ψ|ρ|ψ⟩: the fidelity with a pure state (amplitude arrays of length 2^n). */
  fidelityWithPure(sv: PureState): number {
    if (sv.re.length !== this.dim || sv.im.length !== this.dim) {
      throw new RangeError(`fidelityWithPure: expected ${this.dim} amplitudes, got ${sv.re.length}`);
    }
    let f = 0;
    for (let r = 0; r < this.dim; r++) {
      // conj(ψ_r) · Σ_c ρ_rc ψ_c  (real part only: the total is real)
      let sR = 0,
        sI = 0;
      const row = r * this.dim;
      for (let c = 0; c < this.dim; c++) {
        const rR = this.re[row + c],
          rI = this.im[row + c];
        const pR = sv.re[c],
          pI = sv.im[c];
        sR += rR * pR - rI * pI;
        sI += rR * pI + rI * pR;
      }
      f += sv.re[r] * sR + sv.im[r] * sI;
    }
    return f;
  }
}

/** Complete dephasing of one qubit: the non-selective Z measurement. */
const FULL_DEPHASING = phaseDamping(1);

/**
 * ASAP schedule for idle relaxation: each qubit has a clock; a gate starts when all its qubits are
 * free, and a qubit that waited relaxes for the waiting time first. At the end every qubit relaxes
 * until the last one finishes (all measured together).
 */
class IdleScheduler {
  private readonly clock: Float64Array;
  private readonly cache = new Map<number, KrausSet>();

  constructor(
    numQubits: number,
    private readonly idle: IdleNoise,
  ) {
    this.clock = new Float64Array(numQubits);
  }

  private relax(q: number, until: number, emit: (q: number, kraus: KrausSet) => void): void {
    const wait = until - this.clock[q];
    if (wait > 1e-9) {
      let kraus = this.cache.get(wait);
      if (!kraus) {
        kraus = thermalRelaxation(this.idle.t1_ns, this.idle.t2_ns, wait, { onInvalidT2: 'clamp' });
        this.cache.set(wait, kraus);
      }
      emit(q, kraus);
    }
    this.clock[q] = until;
  }

  /** The qubits start an operation of `duration` ns: the ones that waited relax first. */
  occupy(qubits: readonly number[], duration: number, emit: (q: number, kraus: KrausSet) => void): void {
    let start = 0;
    for (const q of qubits) start = Math.max(start, this.clock[q]);
    for (const q of qubits) {
      this.relax(q, start, emit);
      this.clock[q] = start + duration;
    }
  }

  /** Every qubit waits until the last one is done (all are measured together). */
  finish(emit: (q: number, kraus: KrausSet) => void): void {
    let end = 0;
    for (const t of this.clock) end = Math.max(end, t);
    for (let q = 0; q < this.clock.length; q++) this.relax(q, end, emit);
  }
}

/** Runs a circuit from |0…0⟩⟨0…0| on a fresh density matrix (with an optional noise model). */
export function simulateDensity(circuit: Circuit, noise?: NoiseModel, opts: DensityMatrixOptions = {}): DensityMatrix {
  return new DensityMatrix(circuit.numQubits, opts).run(circuit, noise);
}

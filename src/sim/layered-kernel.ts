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
 * - The amplitude passes run in WebAssembly with 128-bit SIMD where available (layered-kernel-wasm.ts),
 *   bit-identical to their JavaScript versions (layered-kernel-js.ts), the fallback and the test oracle.
 */
import { parity, popcount } from './bits';
import { JsPasses, type KernelPasses, type RotationQueue } from './layered-kernel-js';
import { WasmPasses } from './layered-kernel-wasm';
import type { Block, Cost, LayeredProgram, Rotation } from './layered-program';

export { COSTS, type Cost } from './layered-program';

const HALF_PI = Math.PI / 2;

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

/** The sign-table cache key of a CZ pair list (pairs unordered within, listed in order). */
function pairsKey(pairs: Array<[number, number]>): string {
  return pairs.map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`)).join(',');
}

/** Which passes a kernel runs: WebAssembly where available ('auto'), or one of them by name. */
export type KernelEngine = 'auto' | 'js' | 'wasm';

/** Reusable workspace for one register size. */
export class LayeredKernel {
  readonly numQubits: number;
  /** Density-matrix mode: 2n virtual qubits. */
  readonly mixed: boolean;
  /** Virtual qubits of one half of the buffer. */
  private readonly m: number;
  private readonly half: number;
  private readonly lowBits: number;
  /** The amplitudes, phase tables and passes (their views may move when a sign table is added). */
  private readonly passes: KernelPasses;
  private readonly zAngle: Float64Array;
  /** Queue of scaled X/Y rotations of the current block (qubit, X?, α, β). */
  private readonly opQubit: Int32Array;
  private readonly opIsX: Uint8Array;
  private readonly opCoef: Float64Array;
  /** The three arrays above as the passes read them. */
  private readonly ops: RotationQueue;
  /** CZ sign tables by pair set: handles of passes.allocTable(). */
  private readonly signCache = new Map<string, number>();
  private readonly weightCache = new Map<Cost, Float64Array>();
  // pending diagonal
  private pendingScale = 1;
  private pendingZ = false;
  private pendingPairs: Array<[number, number]> = [];
  /** pairsKey(pendingPairs), built from the blocks' cached keys. */
  private pendingKey = '';
  /** Key of each CZ block's pairs array (with the mirrored pairs in density-matrix mode). */
  private readonly pairsKeys = new WeakMap<Array<[number, number]>, string>();

  constructor(numQubits: number, mixed: boolean, engine: KernelEngine = 'auto') {
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
    this.lowBits = Math.ceil(this.m / 2);
    const wasm = engine === 'js' ? null : WasmPasses.create(this.m, this.lowBits);
    if (engine === 'wasm' && !wasm) throw new Error('the WebAssembly layered kernel is unavailable here');
    this.passes = wasm ?? new JsPasses(this.m, this.lowBits);
    this.zAngle = new Float64Array(this.m);
    this.opQubit = new Int32Array(this.m);
    this.opIsX = new Uint8Array(this.m);
    this.opCoef = new Float64Array(2 * this.m);
    this.ops = { qubit: this.opQubit, isX: this.opIsX, coef: this.opCoef };
  }

  /** The passes in use: 'wasm' or 'js'. */
  get engine(): 'js' | 'wasm' {
    return this.passes.engine;
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
    const { half } = this;
    const { re, im } = this.passes;
    re.fill(0);
    im.fill(0);
    re[0] = 1;
    re[half] = 1;
    this.pendingScale = 1;
    this.pendingZ = false;
    this.zAngle.fill(0);
    this.pendingPairs = [];
    this.pendingKey = '';
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
    const { half, numQubits: n, mixed, opQubit, opIsX, opCoef, passes } = this;
    const { re, im } = passes;
    const len = 2 * half;
    let scale = this.pendingScale;
    let count = 0;
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
        const isX = r.axis === 0;
        opQubit[count] = r.qubit;
        opIsX[count] = isX ? 1 : 0;
        scale *= scaledCoefficients(r.angle, opCoef, count++);
        if (mixed) {
          opQubit[count] = r.qubit + n;
          opIsX[count] = isX ? 1 : 0;
          scale *= scaledCoefficients(isX ? -r.angle : r.angle, opCoef, count++);
        }
      }
    }
    const ops = this.ops;
    let k = 0;
    for (; k + 2 < count; k += 3) passes.rotTriple(len, ops, k);
    for (; k + 1 < count; k += 2) passes.rotPair(len, ops, k);
    if (k < count) passes.rotSingle(len, ops, k);
    this.pendingScale = scale;
  }

  private czBlock(block: Extract<Block, { kind: 'cz' }>): void {
    const from = this.pendingPairs.length;
    for (const p of block.pairs) {
      this.pendingPairs.push(p);
      if (this.mixed) this.pendingPairs.push([p[0] + this.numQubits, p[1] + this.numQubits]);
    }
    // Programs reuse one pairs array for every layer: its key is built once, not per layer.
    let key = this.pairsKeys.get(block.pairs);
    if (key === undefined) {
      key = pairsKey(this.pendingPairs.slice(from));
      this.pairsKeys.set(block.pairs, key);
    }
    if (key) this.pendingKey = this.pendingKey ? `${this.pendingKey},${key}` : key;
  }

  /** Handle of the ±1 sign table of a CZ pair set with key `pairsKey(pairs)` (0: no pairs). */
  private signTable(pairs: Array<[number, number]>, key: string): number {
    if (pairs.length === 0) return 0;
    let handle = this.signCache.get(key);
    if (handle === undefined) {
      handle = this.passes.allocTable();
      const table = this.passes.table(handle);
      const masks = pairs.map(([a, b]) => (1 << a) | (1 << b));
      for (let i = 0; i < this.half; i++) {
        let odd = 0;
        for (const mk of masks) if ((i & mk) === mk) odd ^= 1;
        table[i] = odd ? -1 : 1;
      }
      this.signCache.set(key, handle);
    }
    return handle;
  }

  /** Applies the pending diagonal (RZ phases × CZ signs × collected scale) in one pass. */
  private flush(): void {
    const pairs = this.pendingPairs;
    if (!this.pendingZ && pairs.length === 0 && this.pendingScale === 1) return;
    const { half, lowBits, passes } = this;
    const sign = this.signTable(pairs, this.pendingKey);
    const scale = this.pendingScale;
    if (!this.pendingZ) passes.scaleDiagonal(half, sign, scale);
    else {
      this.phaseTable(0, lowBits, passes.loRe, passes.loIm);
      this.phaseTable(lowBits, this.m, passes.hiRe, passes.hiIm);
      passes.phaseDiagonal(half, lowBits, sign, scale);
      this.zAngle.fill(0);
    }
    this.pendingScale = 1;
    this.pendingZ = false;
    this.pendingPairs = [];
    this.pendingKey = '';
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
    const { half, numQubits: n } = this;
    const { re, im } = this.passes;
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
    const { half, mixed } = this;
    const { re, im } = this.passes;
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

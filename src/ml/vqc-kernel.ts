/**
 * The VQC's circuits (vqc.ts) compiled once per configuration and run on a small reusable register,
 * so a training step costs arithmetic, not bookkeeping: a 2-qubit, 3-layer circuit is ~20 gates on 4
 * amplitudes, well under a microsecond of work, where the generic path (build GateOp objects, validate
 * each, dispatch by name, recompute cos/sin) spent ~10× that around it.
 *
 * The numbers are bit-for-bit those of running `vqcCircuitOps` on `StateVector` and sampling shots with
 * `CdfSampler` (tests/unit/ml/vqc-kernel.test.ts compares them), because:
 * - each gate kind performs exactly the floating-point operations of the StateVector kernel it stands
 *   for (RY = kReal1(c, −s, s, c), RZ = kDiag1(c, −s, c, s), H = kReal1, P = kPhase1, CZ = kCPhase(−1, 0),
 *   CX = the swap of kCX), with c, s computed from the same angle expression;
 * - parameter-shift circuits start from a snapshot of the forward circuit's state taken just before the
 *   shifted gate: the gates before it, and so their rounding, are identical in all three circuits;
 * - a shot is one `rng.next()` and the same search over the same cumulative sums as `CdfSampler.sample`.
 * Nothing is allocated per circuit, per gate or per shot.
 */
import type { Rng } from '../sim/rng';
import { cdfSearch } from '../sim/sampling';
import type { Point } from './datasets';
import type { VqcConfig } from './vqc';

const K_RY = 0,
  K_RZ = 1,
  K_H = 2,
  K_P = 3,
  K_CZ = 4,
  K_CX = 5;
const SQRT1_2 = Math.SQRT1_2;
const HALF_PI = Math.PI / 2;

/** Where a gate's angle comes from. */
const SRC_NONE = 0,
  SRC_TRAIN = 1,
  SRC_FEATURE = 2,
  SRC_ZZ_PAIR = 3;

export class VqcKernel {
  readonly n: number;
  readonly dim: number;
  /** Trainable angles P = 2·n·L. */
  readonly angles: number;
  private readonly nOps: number;
  private readonly kind: Int8Array;
  private readonly q0: Int32Array;
  private readonly q1: Int32Array;
  private readonly src: Int8Array;
  /** SRC_TRAIN: angle index; SRC_FEATURE: feature qubit i (angle 2·fᵢ for ZZ's P, fᵢ for RY); SRC_ZZ_PAIR: i·n + j. */
  private readonly arg: Int32Array;
  /** Op index of trainable angle k. */
  private readonly slot: Int32Array;
  private readonly zz: boolean;
  /** cos, sin of each op's half angle (or whole angle for P) for the current input and parameters. */
  private readonly cs: Float64Array;
  private readonly sn: Float64Array;
  /** Shifted coefficients of angle k: [c₊, s₊, c₋, s₋]. */
  private readonly shift: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** State before slot k: snapRe[k·dim + i]. */
  private readonly snapRe: Float64Array;
  private readonly snapIm: Float64Array;
  private readonly cdf: Float64Array;
  private readonly feats: Float64Array;
  /** Uniform draws of one circuit's shots (grown on demand). */
  private draws = new Float64Array(0);

  constructor(cfg: Pick<VqcConfig, 'qubits' | 'layers' | 'encoding' | 'reupload' | 'entangler'>) {
    const n = cfg.qubits;
    this.n = n;
    this.dim = 1 << n;
    this.angles = 2 * n * cfg.layers;
    this.zz = cfg.encoding === 'zz';
    const kind: number[] = [],
      q0: number[] = [],
      q1: number[] = [],
      src: number[] = [],
      arg: number[] = [],
      slot: number[] = [];
    const push = (k: number, a: number, b: number, s: number, g: number) => {
      kind.push(k);
      q0.push(a);
      q1.push(b);
      src.push(s);
      arg.push(g);
    };
    let k = 0;
    for (let l = 0; l < cfg.layers; l++) {
      if (l === 0 || cfg.reupload) {
        if (this.zz) {
          // zzFeatureMap(feats, 1) of src/encoding/circuits.ts, gate for gate.
          for (let i = 0; i < n; i++) push(K_H, i, 0, SRC_NONE, 0);
          for (let i = 0; i < n; i++) push(K_P, i, 0, SRC_FEATURE, i);
          for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
              push(K_CX, i, j, SRC_NONE, 0);
              push(K_P, j, 0, SRC_ZZ_PAIR, i * n + j);
              push(K_CX, i, j, SRC_NONE, 0);
            }
          }
        } else {
          for (let q = 0; q < n; q++) push(K_RY, q, 0, SRC_FEATURE, q);
        }
      }
      for (let q = 0; q < n; q++) {
        slot.push(kind.length);
        push(K_RZ, q, 0, SRC_TRAIN, k++);
      }
      for (let q = 0; q < n; q++) {
        slot.push(kind.length);
        push(K_RY, q, 0, SRC_TRAIN, k++);
      }
      if (l < cfg.layers - 1 && cfg.entangler !== 'none' && n > 1) {
        const pairs = n === 2 ? 1 : n;
        for (let q = 0; q < pairs; q++) push(cfg.entangler === 'cz' ? K_CZ : K_CX, q, (q + 1) % n, SRC_NONE, 0);
      }
    }
    this.nOps = kind.length;
    this.kind = Int8Array.from(kind);
    this.q0 = Int32Array.from(q0);
    this.q1 = Int32Array.from(q1);
    this.src = Int8Array.from(src);
    this.arg = Int32Array.from(arg);
    this.slot = Int32Array.from(slot);
    this.cs = new Float64Array(this.nOps);
    this.sn = new Float64Array(this.nOps);
    this.shift = new Float64Array(4 * this.angles);
    this.re = new Float64Array(this.dim);
    this.im = new Float64Array(this.dim);
    this.snapRe = new Float64Array(this.angles * this.dim);
    this.snapIm = new Float64Array(this.angles * this.dim);
    this.cdf = new Float64Array(this.dim);
    this.feats = new Float64Array(n);
  }

  /** Loads an input point and the trainable angles (params[0…P)): every gate coefficient is fixed from here on. */
  load(x: Point, params: ArrayLike<number>): void {
    const { n, feats, kind, src, arg, cs, sn } = this;
    for (let q = 0; q < n; q++) feats[q] = x[q % 2];
    for (let o = 0; o < this.nOps; o++) {
      const s = src[o];
      if (s === SRC_NONE) continue;
      let angle: number;
      if (s === SRC_TRAIN) angle = params[arg[o]];
      else if (s === SRC_FEATURE) angle = this.zz ? 2 * feats[arg[o]] : feats[arg[o]];
      else {
        const i = (arg[o] / n) | 0,
          j = arg[o] - i * n;
        angle = 2 * (Math.PI - feats[i]) * (Math.PI - feats[j]);
      }
      if (kind[o] === K_P) {
        cs[o] = Math.cos(angle);
        sn[o] = Math.sin(angle);
      } else {
        cs[o] = Math.cos(angle / 2);
        sn[o] = Math.sin(angle / 2);
      }
    }
    const sh = this.shift;
    for (let a = 0; a < this.angles; a++) {
      const theta = params[a];
      const plus = theta + HALF_PI,
        minus = theta - HALF_PI;
      sh[4 * a] = Math.cos(plus / 2);
      sh[4 * a + 1] = Math.sin(plus / 2);
      sh[4 * a + 2] = Math.cos(minus / 2);
      sh[4 * a + 3] = Math.sin(minus / 2);
    }
  }

  /** Runs the loaded circuit from |0…0⟩; with `snapshots`, keeps the state before every trainable gate. */
  forward(snapshots: boolean): void {
    const { re, im } = this;
    re.fill(0);
    im.fill(0);
    re[0] = 1;
    if (!snapshots) {
      this.applyRange(0, this.nOps);
      return;
    }
    const { slot, dim, snapRe, snapIm } = this;
    let o = 0;
    for (let a = 0; a < this.angles; a++) {
      const s = slot[a];
      this.applyRange(o, s);
      snapRe.set(re, a * dim);
      snapIm.set(im, a * dim);
      o = s;
    }
    this.applyRange(o, this.nOps);
  }

  /** Runs the loaded circuit with angle a shifted by +π/2 (sign > 0) or −π/2, from the forward pass's snapshot. */
  shifted(a: number, sign: number): void {
    const { re, im, dim, slot } = this;
    const off = a * dim;
    for (let i = 0; i < dim; i++) {
      re[i] = this.snapRe[off + i];
      im[i] = this.snapIm[off + i];
    }
    const o = slot[a];
    const c = sign > 0 ? this.shift[4 * a] : this.shift[4 * a + 2];
    const s = sign > 0 ? this.shift[4 * a + 1] : this.shift[4 * a + 3];
    this.apply1(this.kind[o], this.q0[o], c, s);
    this.applyRange(o + 1, this.nOps);
  }

  /** Exact ⟨Z₀⟩ of the current state (StateVector.expectationZ([0])). */
  expectationZ0(): number {
    const { re, im, dim } = this;
    let s = 0;
    for (let i = 0; i < dim; i++) {
      const p = re[i] * re[i] + im[i] * im[i];
      s += i & 1 ? -p : p;
    }
    return s;
  }

  /** Mean of (−1)^{bit 0} over `shots` shots of the current state (CdfSampler's draws, one rng.next() each). */
  sampleZ0(shots: number, rng: Rng): number {
    const { re, im, dim, cdf } = this;
    let acc = 0,
      last = -1;
    for (let i = 0; i < dim; i++) {
      const p = re[i] * re[i] + im[i] * im[i];
      acc += p;
      cdf[i] = acc;
      if (p > 0) last = i;
    }
    if (!(acc > 0)) throw new RangeError('cannot sample: probabilities sum to zero');
    if (this.draws.length < shots) this.draws = new Float64Array(shots);
    const u = this.draws;
    if (rng.fill) rng.fill(u, shots);
    else for (let t = 0; t < shots; t++) u[t] = rng.next();
    let sum = 0;
    if (dim === 4) {
      // CdfSampler.sample returns min(last, first i with cdf[i] > v) = #{i < last : cdf[i] ≤ v} (the cdf is
      // non-decreasing); its parity is [C₀ ≤ v] − [C₁ ≤ v] + [C₂ ≤ v] with Cᵢ = ∞ for i ≥ last. Counting it
      // without branches (unary + on a comparison compiles to a flag move) avoids a mispredicted jump per shot.
      const C0 = last > 0 ? cdf[0] : Infinity,
        C1 = last > 1 ? cdf[1] : Infinity,
        C2 = last > 2 ? cdf[2] : Infinity;
      let odd = 0;
      for (let t = 0; t < shots; t++) {
        const v = u[t] * acc;
        odd += +(C0 <= v) - +(C1 <= v) + +(C2 <= v);
      }
      sum = shots - 2 * odd;
    } else {
      for (let t = 0; t < shots; t++) {
        sum += cdfSearch(cdf, last, u[t] * acc) & 1 ? -1 : 1;
      }
    }
    return sum / shots;
  }

  private applyRange(from: number, to: number): void {
    const { kind, q0, q1, cs, sn } = this;
    for (let o = from; o < to; o++) {
      const k = kind[o];
      if (k === K_CZ) this.cz(q0[o], q1[o]);
      else if (k === K_CX) this.cx(q0[o], q1[o]);
      else this.apply1(k, q0[o], cs[o], sn[o]);
    }
  }

  /** One single-qubit gate with precomputed coefficients (the StateVector kernels' exact arithmetic). */
  private apply1(k: number, q: number, c: number, s: number): void {
    const { re, im, dim } = this;
    const step = 1 << q;
    if (k === K_RY || k === K_H) {
      // kReal1(a, b, c, d): RY = (c, −s, s, c); H = (√½, √½, √½, −√½)
      const a = k === K_H ? SQRT1_2 : c,
        b = k === K_H ? SQRT1_2 : -s,
        cc = k === K_H ? SQRT1_2 : s,
        d = k === K_H ? -SQRT1_2 : c;
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
          re[j] = cc * xr + d * yr;
          im[j] = cc * xi + d * yi;
        }
      }
    } else if (k === K_RZ) {
      // kDiag1(ar, ai, br, bi) = (c, −s, c, s)
      const ar = c,
        ai = -s,
        br = c,
        bi = s;
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
    } else {
      // K_P: kPhase1(pr, pi) = (cos φ, sin φ) on amplitudes with bit q set
      const pr = c,
        pi = s;
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
  }

  /** kCPhase(a, b, −1, 0). */
  private cz(a: number, b: number): void {
    const { re, im, dim } = this;
    const both = (1 << a) | (1 << b);
    for (let i = 0; i < dim; i++) {
      if ((i & both) !== both) continue;
      const r = re[i],
        m = im[i];
      re[i] = r * -1 - m * 0;
      im[i] = r * 0 + m * -1;
    }
  }

  /** kCX(c, t): swap the amplitudes with the control set and the target 0 / 1. */
  private cx(c: number, t: number): void {
    const { re, im, dim } = this;
    const cb = 1 << c,
      tb = 1 << t;
    for (let i = 0; i < dim; i++) {
      if ((i & cb) === 0 || (i & tb) !== 0) continue;
      const j = i | tb;
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const m = im[i];
      im[i] = im[j];
      im[j] = m;
    }
  }
}

const kernels = new Map<string, VqcKernel>();

/** The shared kernel of a circuit configuration (JavaScript is single-threaded per worker: one register per shape suffices). */
export function vqcKernel(
  cfg: Pick<VqcConfig, 'qubits' | 'layers' | 'encoding' | 'reupload' | 'entangler'>,
): VqcKernel {
  const key = `${cfg.qubits}|${cfg.layers}|${cfg.encoding}|${cfg.reupload}|${cfg.entangler}`;
  let k = kernels.get(key);
  if (!k) {
    if (kernels.size > 32) kernels.clear();
    kernels.set(key, (k = new VqcKernel(cfg)));
  }
  return k;
}

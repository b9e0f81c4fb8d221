/**
 * The VQC's circuits (vqc.ts) compiled once per configuration and run on a small reusable register,
 * so a training step costs arithmetic, not bookkeeping: a 2-qubit, 3-layer circuit is ~20 gates on 4
 * amplitudes, about 0.15 µs of work (bench: load + forward + shifted circuits), where the generic path
 * (build GateOp objects, validate each, dispatch by name, recompute cos/sin) spends microseconds around it. On two qubits the amplitudes stay in locals for
 * the whole circuit (run2); gate coefficients of the trainable angles are computed once per set of
 * angles (a mini-batch), not once per point; and 100 shots cost 100 draws and integer comparisons.
 *
 * The numbers are bit-for-bit those of running `vqcCircuitOps` on `StateVector` and sampling shots with
 * `CdfSampler` (tests/unit/ml/vqc-kernel.test.ts compares them), because:
 * - each gate kind performs exactly the floating-point operations of the StateVector kernel it stands
 *   for (RY = kReal1(c, −s, s, c), RZ = kDiag1(c, −s, c, s), H = kReal1, P = kPhase1, CZ = kCPhase(−1, 0),
 *   CX = the swap of kCX), with c, s computed from the same angle expression;
 * - parameter-shift circuits start from a snapshot of the forward circuit's state taken just before the
 *   shifted gate: the gates before it, and so their rounding, are identical in all three circuits;
 * - a shot is one `rng.next()` and the same search over the same cumulative sums as `CdfSampler.sample`
 *   (on two qubits the search's outcome, compared once per circuit as 32-bit thresholds: wordThreshold).
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
const TWO_32 = 4294967296;
const INV_TWO_32 = 1 / TWO_32;

/** Where a gate's angle comes from. */
const SRC_NONE = 0,
  SRC_TRAIN = 1,
  SRC_FEATURE = 2,
  SRC_ZZ_PAIR = 3;

/** Two-qubit register cases: gate family × qubit (see run2). */
const R2_REAL0 = 0,
  R2_REAL1 = 1,
  R2_DIAG0 = 2,
  R2_DIAG1 = 3,
  R2_PHASE0 = 4,
  R2_PHASE1 = 5,
  R2_CZ = 6,
  R2_CX01 = 7,
  R2_CX10 = 8;

/**
 * The smallest 32-bit word w with `cut ≤ (w / 2³²)·total` (2³² if none): a draw of word w lands at or
 * above the cumulative probability `cut` exactly when w ≥ this, because the rounded product is monotone
 * in w. The estimate ⌈cut/total·2³²⌉ is off by at most a word or two; the exact test settles it.
 */
export function wordThreshold(cut: number, total: number): number {
  if (!(cut > 0)) return 0;
  if (cut === Infinity) return TWO_32;
  // w·2⁻³² is the draw w/2³² exactly (a power of two), without a division.
  let w = Math.min(TWO_32, Math.max(0, Math.ceil((cut / total) * TWO_32)));
  while (w > 0 && cut <= (w - 1) * INV_TWO_32 * total) w--;
  while (w < TWO_32 && !(cut <= w * INV_TWO_32 * total)) w++;
  return w;
}

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
  /** Two qubits: each op's case in run2 (the register path); null otherwise. */
  private readonly r2: Int8Array | null;
  private readonly zz: boolean;
  /**
   * Each op's four coefficients for the current input and parameters, in the StateVector kernels' terms:
   * RY, H: kReal1(a, b, c, d); RZ: kDiag1(ar, ai, br, bi); P: kPhase1(cos φ, sin φ, –, –).
   */
  private readonly coef: Float64Array;
  /** Coefficients of trainable angle k shifted by +π/2 (8k…8k+3) and −π/2 (8k+4…8k+7). */
  private readonly shift: Float64Array;
  /** The trainable angles the coefficients were computed for (they change once per batch, not per point). */
  private readonly loadedAngles: Float64Array;
  private anglesLoaded = false;
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
    this.r2 = n === 2 ? Int8Array.from(kind, (kk, o) => registerCase(kk, q0[o])) : null;
    this.coef = new Float64Array(4 * this.nOps);
    this.shift = new Float64Array(8 * this.angles);
    this.loadedAngles = new Float64Array(this.angles);
    this.re = new Float64Array(this.dim);
    this.im = new Float64Array(this.dim);
    this.snapRe = new Float64Array(this.angles * this.dim);
    this.snapIm = new Float64Array(this.angles * this.dim);
    this.cdf = new Float64Array(this.dim);
    this.feats = new Float64Array(n);
    for (let o = 0; o < this.nOps; o++) if (kind[o] === K_H) setCoefficients(this.coef, 4 * o, K_H, 0);
  }

  /** Loads an input point and the trainable angles (params[0…P)): every gate coefficient is fixed from here on. */
  load(x: Point, params: ArrayLike<number>): void {
    const { n, feats, kind, src, arg, coef } = this;
    for (let q = 0; q < n; q++) feats[q] = x[q % 2];
    const fresh = this.loadAngles(params);
    for (let o = 0; o < this.nOps; o++) {
      const s = src[o];
      if (s === SRC_NONE || (s === SRC_TRAIN && !fresh)) continue;
      let angle: number;
      if (s === SRC_TRAIN) angle = params[arg[o]];
      else if (s === SRC_FEATURE) angle = this.zz ? 2 * feats[arg[o]] : feats[arg[o]];
      else {
        const i = (arg[o] / n) | 0,
          j = arg[o] - i * n;
        angle = 2 * (Math.PI - feats[i]) * (Math.PI - feats[j]);
      }
      setCoefficients(coef, 4 * o, kind[o], angle);
    }
  }

  /** Records the trainable angles; true when they differ from the last ones (their coefficients need computing). */
  private loadAngles(params: ArrayLike<number>): boolean {
    const { loadedAngles, angles } = this;
    let same = this.anglesLoaded;
    for (let a = 0; a < angles && same; a++) same = Object.is(loadedAngles[a], params[a]);
    if (same) return false;
    const sh = this.shift;
    for (let a = 0; a < angles; a++) {
      const theta = params[a];
      loadedAngles[a] = theta;
      const k = this.kind[this.slot[a]];
      setCoefficients(sh, 8 * a, k, theta + HALF_PI);
      setCoefficients(sh, 8 * a + 4, k, theta - HALF_PI);
    }
    this.anglesLoaded = true;
    return true;
  }

  /** Runs the loaded circuit from |0…0⟩; with `snapshots`, keeps the state before every trainable gate. */
  forward(snapshots: boolean): void {
    const { re, im } = this;
    re.fill(0);
    im.fill(0);
    re[0] = 1;
    if (!snapshots) {
      this.run(0, this.nOps);
      return;
    }
    const { slot, dim, snapRe, snapIm } = this;
    let o = 0;
    for (let a = 0; a < this.angles; a++) {
      const s = slot[a];
      this.run(o, s);
      snapRe.set(re, a * dim);
      snapIm.set(im, a * dim);
      o = s;
    }
    this.run(o, this.nOps);
  }

  /** Runs the loaded circuit with angle a shifted by +π/2 (sign > 0) or −π/2, from the forward pass's snapshot. */
  shifted(a: number, sign: number): void {
    const { re, im, dim, coef, shift } = this;
    const off = a * dim;
    for (let i = 0; i < dim; i++) {
      re[i] = this.snapRe[off + i];
      im[i] = this.snapIm[off + i];
    }
    // The shifted gate's coefficients stand in for its own while the rest of the circuit runs.
    const at = 4 * this.slot[a],
      from = 8 * a + (sign > 0 ? 0 : 4);
    const c0 = coef[at],
      c1 = coef[at + 1],
      c2 = coef[at + 2],
      c3 = coef[at + 3];
    coef[at] = shift[from];
    coef[at + 1] = shift[from + 1];
    coef[at + 2] = shift[from + 2];
    coef[at + 3] = shift[from + 3];
    this.run(this.slot[a], this.nOps);
    coef[at] = c0;
    coef[at + 1] = c1;
    coef[at + 2] = c2;
    coef[at + 3] = c3;
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
    if (dim === 4) return this.countZ0(shots, rng, acc, last);
    if (this.draws.length < shots) this.draws = new Float64Array(shots);
    const u = this.draws;
    if (rng.fill) rng.fill(u, shots);
    else for (let t = 0; t < shots; t++) u[t] = rng.next();
    let sum = 0;
    for (let t = 0; t < shots; t++) sum += cdfSearch(cdf, last, u[t] * acc) & 1 ? -1 : 1;
    return sum / shots;
  }

  /**
   * Two qubits: CdfSampler.sample returns min(last, first i with cdf[i] > v) = #{i < last : cdf[i] ≤ v}
   * (the cdf is non-decreasing), whose parity is [C₀ ≤ v] − [C₁ ≤ v] + [C₂ ≤ v] with Cᵢ = ∞ for i ≥ last.
   * Each comparison of v = (w/2³²)·total with Cᵢ is one of the word w with Wᵢ = wordThreshold(Cᵢ, total):
   * the odd outcomes are the words in [W₀, W₁) ∪ [W₂, 2³²), which the generator counts as it draws them.
   */
  private countZ0(shots: number, rng: Rng, acc: number, last: number): number {
    const { cdf } = this;
    const W0 = wordThreshold(last > 0 ? cdf[0] : Infinity, acc),
      W1 = wordThreshold(last > 1 ? cdf[1] : Infinity, acc),
      W2 = wordThreshold(last > 2 ? cdf[2] : Infinity, acc);
    let odd = 0;
    if (rng.countWordsIn) odd = rng.countWordsIn(shots, W0, W1, W2, TWO_32);
    else
      for (let t = 0; t < shots; t++) {
        const w = rng.next() * TWO_32;
        odd += +(w >= W0) - +(w >= W1) + +(w >= W2);
      }
    return (shots - 2 * odd) / shots;
  }

  private run(from: number, to: number): void {
    if (this.r2) this.run2(this.r2, from, to);
    else this.applyRange(from, to);
  }

  private applyRange(from: number, to: number): void {
    const { kind, q0, q1 } = this;
    for (let o = from; o < to; o++) {
      const k = kind[o];
      if (k === K_CZ) this.cz(q0[o], q1[o]);
      else if (k === K_CX) this.cx(q0[o], q1[o]);
      else this.apply1(k, q0[o], 4 * o);
    }
  }

  /**
   * applyRange for two qubits: the four amplitudes held in locals, one straight-line case per gate family and
   * qubit, each with exactly the arithmetic apply1, cz and cx perform on those amplitudes.
   */
  private run2(cases: Int8Array, from: number, to: number): void {
    const { coef, re, im } = this;
    let r0 = re[0],
      i0 = im[0],
      r1 = re[1],
      i1 = im[1],
      r2r = re[2],
      i2 = im[2],
      r3 = re[3],
      i3 = im[3];
    for (let o = from; o < to; o++) {
      const m = 4 * o;
      const a = coef[m],
        b = coef[m + 1],
        c = coef[m + 2],
        d = coef[m + 3];
      let xr: number, xi: number, yr: number, yi: number;
      switch (cases[o]) {
        case R2_REAL0:
          xr = r0;
          xi = i0;
          yr = r1;
          yi = i1;
          r0 = a * xr + b * yr;
          i0 = a * xi + b * yi;
          r1 = c * xr + d * yr;
          i1 = c * xi + d * yi;
          xr = r2r;
          xi = i2;
          yr = r3;
          yi = i3;
          r2r = a * xr + b * yr;
          i2 = a * xi + b * yi;
          r3 = c * xr + d * yr;
          i3 = c * xi + d * yi;
          break;
        case R2_REAL1:
          xr = r0;
          xi = i0;
          yr = r2r;
          yi = i2;
          r0 = a * xr + b * yr;
          i0 = a * xi + b * yi;
          r2r = c * xr + d * yr;
          i2 = c * xi + d * yi;
          xr = r1;
          xi = i1;
          yr = r3;
          yi = i3;
          r1 = a * xr + b * yr;
          i1 = a * xi + b * yi;
          r3 = c * xr + d * yr;
          i3 = c * xi + d * yi;
          break;
        case R2_DIAG0:
          xr = r0;
          xi = i0;
          r0 = xr * a - xi * b;
          i0 = xr * b + xi * a;
          xr = r1;
          xi = i1;
          r1 = xr * c - xi * d;
          i1 = xr * d + xi * c;
          xr = r2r;
          xi = i2;
          r2r = xr * a - xi * b;
          i2 = xr * b + xi * a;
          xr = r3;
          xi = i3;
          r3 = xr * c - xi * d;
          i3 = xr * d + xi * c;
          break;
        case R2_DIAG1:
          xr = r0;
          xi = i0;
          r0 = xr * a - xi * b;
          i0 = xr * b + xi * a;
          xr = r2r;
          xi = i2;
          r2r = xr * c - xi * d;
          i2 = xr * d + xi * c;
          xr = r1;
          xi = i1;
          r1 = xr * a - xi * b;
          i1 = xr * b + xi * a;
          xr = r3;
          xi = i3;
          r3 = xr * c - xi * d;
          i3 = xr * d + xi * c;
          break;
        case R2_PHASE0:
          xr = r1;
          xi = i1;
          r1 = xr * a - xi * b;
          i1 = xr * b + xi * a;
          xr = r3;
          xi = i3;
          r3 = xr * a - xi * b;
          i3 = xr * b + xi * a;
          break;
        case R2_PHASE1:
          xr = r2r;
          xi = i2;
          r2r = xr * a - xi * b;
          i2 = xr * b + xi * a;
          xr = r3;
          xi = i3;
          r3 = xr * a - xi * b;
          i3 = xr * b + xi * a;
          break;
        case R2_CZ:
          xr = r3;
          xi = i3;
          r3 = xr * -1 - xi * 0;
          i3 = xr * 0 + xi * -1;
          break;
        case R2_CX01:
          xr = r1;
          r1 = r3;
          r3 = xr;
          xi = i1;
          i1 = i3;
          i3 = xi;
          break;
        case R2_CX10:
          xr = r2r;
          r2r = r3;
          r3 = xr;
          xi = i2;
          i2 = i3;
          i3 = xi;
          break;
      }
    }
    re[0] = r0;
    im[0] = i0;
    re[1] = r1;
    im[1] = i1;
    re[2] = r2r;
    im[2] = i2;
    re[3] = r3;
    im[3] = i3;
  }

  /** One single-qubit gate with the coefficients at coef[m…m+3] (the StateVector kernels' exact arithmetic). */
  private apply1(k: number, q: number, m: number): void {
    const { re, im, dim, coef } = this;
    const step = 1 << q;
    const a = coef[m],
      b = coef[m + 1],
      cc = coef[m + 2],
      d = coef[m + 3];
    if (k === K_RY || k === K_H) {
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
      for (let base = 0; base < dim; base += step << 1) {
        const end = base + step;
        for (let i = base; i < end; i++) {
          const j = i + step;
          let r = re[i],
            mm = im[i];
          re[i] = r * a - mm * b;
          im[i] = r * b + mm * a;
          r = re[j];
          mm = im[j];
          re[j] = r * cc - mm * d;
          im[j] = r * d + mm * cc;
        }
      }
    } else {
      // K_P on the amplitudes with bit q set
      for (let base = step; base < dim; base += step << 1) {
        const end = base + step;
        for (let j = base; j < end; j++) {
          const r = re[j],
            mm = im[j];
          re[j] = r * a - mm * b;
          im[j] = r * b + mm * a;
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

/**
 * A gate's four coefficients at out[m…m+3] for its angle, from the same expressions as the StateVector
 * kernels: RY = kReal1(c, −s, s, c) and RZ = kDiag1(c, −s, c, s) with c, s of the half angle; H =
 * kReal1(√½, √½, √½, −√½); P = kPhase1(cos φ, sin φ).
 */
function setCoefficients(out: Float64Array, m: number, kind: number, angle: number): void {
  if (kind === K_H) {
    out[m] = SQRT1_2;
    out[m + 1] = SQRT1_2;
    out[m + 2] = SQRT1_2;
    out[m + 3] = -SQRT1_2;
  } else if (kind === K_P) {
    out[m] = Math.cos(angle);
    out[m + 1] = Math.sin(angle);
  } else {
    const c = Math.cos(angle / 2),
      s = Math.sin(angle / 2);
    out[m] = c;
    out[m + 1] = -s;
    out[m + 2] = kind === K_RY ? s : c;
    out[m + 3] = kind === K_RY ? c : s;
  }
}

/** The two-qubit register case of a gate on qubit q (controlled gates: CZ is symmetric, CX by its control). */
function registerCase(kind: number, q: number): number {
  if (kind === K_RY || kind === K_H) return q === 0 ? R2_REAL0 : R2_REAL1;
  if (kind === K_RZ) return q === 0 ? R2_DIAG0 : R2_DIAG1;
  if (kind === K_P) return q === 0 ? R2_PHASE0 : R2_PHASE1;
  if (kind === K_CZ) return R2_CZ;
  return q === 0 ? R2_CX01 : R2_CX10;
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

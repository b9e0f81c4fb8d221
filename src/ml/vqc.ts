/**
 * A variational quantum classifier run on our state-vector simulator (src/sim), the way it would run
 * on hardware: every expectation value is estimated from a finite number of shots (seeded), and every
 * gradient comes from the parameter-shift rule, two extra circuits per angle per example.
 *
 * Circuit on n qubits (feature i mod 2 goes to qubit i, so n > 2 repeats the features), L layers:
 *   for l = 0 … L−1:
 *     encode x        (layer 0 always; every layer when `reupload`, i.e. data re-uploading)
 *                     angle: RY(x_q) on each qubit
 *                     zz:    one repetition of the ZZ (IQP) feature map of src/encoding/circuits.ts
 *     RZ(θ), RY(θ)    on each qubit (2n trainable angles per layer)
 *     entangler       CZ (or CX) between neighbours q, q+1 (a ring for n > 2); omitted after the last
 *                     layer because a diagonal gate before a Z measurement does nothing
 *   measure all qubits; E = ⟨Z₀⟩ estimated as the mean of (−1)^{bit 0} over the shots.
 * Read-out:
 *   'logistic' (default) p = σ(α·E + β) with α, β trained classically (2 extra parameters);
 *   'direct'             p = (1 + E)/2.
 * Loss: binary cross-entropy (default) or mean squared error of p against the 0/1 label.
 *
 * Gradient: RZ and RY are exp(−iθσ/2), so ∂E/∂θ_k = [E(θ_k + π/2) − E(θ_k − π/2)] / 2 exactly.
 * Per training example: 1 circuit (forward, needed for the loss and for ∂L/∂E) + 2 per angle, so an
 * epoch costs N_train · (1 + 2P) circuits; evaluating accuracy afterwards costs one circuit per point.
 * `shots = 0` means exact expectations (the infinite-shot limit, for tests and for drawing the
 * decision function); circuits are still counted, shots are not.
 */
import { CdfSampler } from '../sim/sampling';
import { StateVector } from '../sim/statevector';
import type { Rng } from '../sim/rng';
import type { GateOp } from '../sim/types';
import { zzFeatureMap } from '../encoding/circuits';
import { bceWithLogit, epochBatches, sigmoid } from './common';
import type { Point } from './datasets';
import { createOptimizer, optimizerStep, type OptimizerKind, type OptimizerState } from './optim';
import { createRng } from '../sim/rng';
import { vqcKernel, type VqcKernel } from './vqc-kernel';

export const VQC_ENCODINGS = ['angle', 'zz'] as const;
export type VqcEncoding = (typeof VQC_ENCODINGS)[number];
export type VqcReadout = 'logistic' | 'direct';
export type VqcLoss = 'bce' | 'mse';
export type VqcEntangler = 'cz' | 'cx' | 'none';

export interface VqcConfig {
  qubits: number;
  layers: number;
  encoding: VqcEncoding;
  reupload: boolean;
  entangler: VqcEntangler;
  readout: VqcReadout;
  loss: VqcLoss;
  /** Shots per circuit; 0 = exact expectation values. */
  shots: number;
  optimizer: OptimizerKind;
  learningRate: number;
  batchSize: number;
}

export interface VqcState {
  /** P circuit angles, then (read-out 'logistic') α and β. */
  params: number[];
  opt: OptimizerState;
}

/** Circuits run and shots consumed (shots = circuits × shots per circuit in shot mode, 0 in exact mode). */
export interface QuantumCost {
  circuits: number;
  shots: number;
}

/** p = (1 + E)/2 is clipped to [ε, 1 − ε] for the cross-entropy of the 'direct' read-out. */
const DIRECT_EPS = 1e-3;
const MAX_QUBITS = 8;
const MAX_LAYERS = 12;

export function vqcAngleCount(cfg: Pick<VqcConfig, 'qubits' | 'layers'>): number {
  return 2 * cfg.qubits * cfg.layers;
}

export function vqcParamCount(cfg: Pick<VqcConfig, 'qubits' | 'layers' | 'readout'>): number {
  return vqcAngleCount(cfg) + (cfg.readout === 'logistic' ? 2 : 0);
}

/** Circuits per training epoch with this scheme: N · (1 + 2P). */
export function vqcTrainCircuitsPerEpoch(cfg: Pick<VqcConfig, 'qubits' | 'layers'>, nTrain: number): number {
  return nTrain * (1 + 2 * vqcAngleCount(cfg));
}

function checkConfig(cfg: VqcConfig): void {
  if (!Number.isInteger(cfg.qubits) || cfg.qubits < 1 || cfg.qubits > MAX_QUBITS)
    throw new RangeError(`VQC qubits must be an integer in 1…${MAX_QUBITS} (got ${cfg.qubits})`);
  if (!Number.isInteger(cfg.layers) || cfg.layers < 1 || cfg.layers > MAX_LAYERS)
    throw new RangeError(`VQC layers must be an integer in 1…${MAX_LAYERS} (got ${cfg.layers})`);
  if (!Number.isInteger(cfg.shots) || cfg.shots < 0)
    throw new RangeError(`shots must be an integer ≥ 0 (got ${cfg.shots})`);
  if (!(VQC_ENCODINGS as readonly string[]).includes(cfg.encoding))
    throw new RangeError(`unknown VQC encoding '${cfg.encoding}'`);
}

/**
 * Seeded initialisation: angles uniform in [−π, π); read-out α = 1, β = 0 (so p starts as a
 * monotone function of ⟨Z₀⟩ with no offset).
 */
export function vqcInit(cfg: VqcConfig, seed: number): VqcState {
  checkConfig(cfg);
  const rng = createRng(seed);
  const P = vqcAngleCount(cfg);
  const params: number[] = [];
  for (let k = 0; k < P; k++) params.push(Math.PI * (2 * rng.next() - 1));
  if (cfg.readout === 'logistic') params.push(1, 0);
  return { params, opt: createOptimizer(cfg.optimizer, params.length, cfg.learningRate) };
}

const g = (name: GateOp['name'], qubits: number[], params: number[] = [], paramIndex?: number): GateOp =>
  paramIndex === undefined
    ? { kind: 'gate', name, qubits, params }
    : { kind: 'gate', name, qubits, params, paramIndex };

function encodingOps(cfg: VqcConfig, x: Point): GateOp[] {
  const feats: number[] = [];
  for (let q = 0; q < cfg.qubits; q++) feats.push(x[q % 2]);
  if (cfg.encoding === 'angle') return feats.map((v, q) => g('ry', [q], [v]));
  return zzFeatureMap(feats, 1).ops.filter((op): op is GateOp => op.kind === 'gate');
}

/**
 * The gate list for input x and the given angles. Trainable gates carry `paramIndex`; `slots[k]` is
 * the position of angle k in the list (so parameter shifts can edit a single gate in place).
 */
export function vqcCircuitOps(cfg: VqcConfig, x: Point, angles: ArrayLike<number>): { ops: GateOp[]; slots: number[] } {
  checkConfig(cfg);
  const n = cfg.qubits;
  const ops: GateOp[] = [];
  const slots: number[] = [];
  let k = 0;
  for (let l = 0; l < cfg.layers; l++) {
    if (l === 0 || cfg.reupload) ops.push(...encodingOps(cfg, x));
    for (let q = 0; q < n; q++) {
      slots.push(ops.length);
      ops.push(g('rz', [q], [angles[k]], k));
      k++;
    }
    for (let q = 0; q < n; q++) {
      slots.push(ops.length);
      ops.push(g('ry', [q], [angles[k]], k));
      k++;
    }
    if (l < cfg.layers - 1 && cfg.entangler !== 'none' && n > 1) {
      const pairs = n === 2 ? 1 : n;
      for (let q = 0; q < pairs; q++) ops.push(g(cfg.entangler, [q, (q + 1) % n]));
    }
  }
  return { ops, slots };
}

/** Runs gate lists on one reusable state vector and estimates ⟨Z₀⟩, counting what it runs. */
export class ZExpectationRunner {
  /** The register of `run` (gate lists), made on first use: `measure` (a compiled kernel) needs none. */
  private sv: StateVector | null = null;
  private probs: Float64Array | null = null;
  readonly cost: QuantumCost = { circuits: 0, shots: 0 };

  constructor(
    private readonly numQubits: number,
    private readonly shots: number,
    private readonly rng: Rng | null,
  ) {
    if (shots > 0 && !rng) throw new Error('finite-shot estimation needs a seeded generator');
  }

  /** ⟨Z₀⟩ of the state the gates prepare from |0…0⟩: exact, or the mean of ±1 over `shots` samples. */
  run(ops: readonly GateOp[]): number {
    this.sv ??= new StateVector(this.numQubits);
    this.probs ??= new Float64Array(this.sv.dim);
    const sv = this.sv.reset();
    for (const op of ops) sv.apply(op);
    this.cost.circuits++;
    if (this.shots === 0) return sv.expectationZ([0]);
    const sampler = new CdfSampler(sv.probabilities(this.probs));
    let sum = 0;
    for (let s = 0; s < this.shots; s++) sum += sampler.sample(this.rng as Rng) & 1 ? -1 : 1;
    this.cost.shots += this.shots;
    return sum / this.shots;
  }

  /** As `run`, for the circuit a compiled kernel has just simulated (same numbers, same shots, same count). */
  measure(kernel: VqcKernel): number {
    this.cost.circuits++;
    if (this.shots === 0) return kernel.expectationZ0();
    this.cost.shots += this.shots;
    return kernel.sampleZ0(this.shots, this.rng as Rng);
  }
}

/** Read-out: p(E) and the loss, with ∂L/∂E and ∂L/∂(α, β). */
function readoutLoss(
  cfg: VqcConfig,
  params: ArrayLike<number>,
  E: number,
  y: number,
): { p: number; loss: number; dE: number; dAlpha: number; dBeta: number } {
  if (cfg.readout === 'logistic') {
    const P = vqcAngleCount(cfg);
    const alpha = params[P],
      beta = params[P + 1];
    const s = alpha * E + beta;
    const p = sigmoid(s);
    const loss = cfg.loss === 'bce' ? bceWithLogit(s, y) : (p - y) ** 2;
    const dS = cfg.loss === 'bce' ? p - y : 2 * (p - y) * p * (1 - p);
    return { p, loss, dE: dS * alpha, dAlpha: dS * E, dBeta: dS };
  }
  const p = (1 + E) / 2;
  if (cfg.loss === 'mse') return { p, loss: (p - y) ** 2, dE: p - y, dAlpha: 0, dBeta: 0 };
  const pc = Math.min(1 - DIRECT_EPS, Math.max(DIRECT_EPS, p));
  const loss = -(y * Math.log(pc) + (1 - y) * Math.log(1 - pc));
  const clipped = pc !== p;
  // d/dp of the clipped loss is 0 where clipping is active.
  const dP = clipped ? 0 : (pc - y) / (pc * (1 - pc));
  return { p, loss, dE: dP / 2, dAlpha: 0, dBeta: 0 };
}

/**
 * Mean loss over (X, Y) and its gradient by the parameter-shift rule (one forward circuit plus two
 * shifted circuits per angle per example), all expectations from `runner` (exact or shots).
 */
export function vqcLossAndGradient(
  cfg: VqcConfig,
  params: ArrayLike<number>,
  X: readonly Point[],
  Y: readonly number[],
  runner: ZExpectationRunner,
): { loss: number; grad: Float64Array } {
  checkConfig(cfg);
  const P = vqcAngleCount(cfg);
  const grad = new Float64Array(params.length);
  const kernel = vqcKernel(cfg);
  let loss = 0;
  for (let i = 0; i < X.length; i++) {
    // The circuits of vqcCircuitOps(cfg, X[i], params), compiled: the shifted ones restart from the
    // forward pass's state just before the shifted gate (see vqc-kernel.ts: same numbers, bit for bit).
    kernel.load(X[i], params);
    kernel.forward(true);
    const E = runner.measure(kernel);
    const r = readoutLoss(cfg, params, E, Y[i]);
    loss += r.loss;
    for (let k = 0; k < P; k++) {
      kernel.shifted(k, 1);
      const ePlus = runner.measure(kernel);
      kernel.shifted(k, -1);
      const eMinus = runner.measure(kernel);
      grad[k] += (r.dE * (ePlus - eMinus)) / 2;
    }
    if (cfg.readout === 'logistic') {
      grad[P] += r.dAlpha;
      grad[P + 1] += r.dBeta;
    }
  }
  const inv = X.length ? 1 / X.length : 0;
  for (let k = 0; k < grad.length; k++) grad[k] *= inv;
  return { loss: loss * inv, grad };
}

/** ⟨Z₀⟩ for input x (exact or from the runner's shots), counted by the runner. */
function expectationAt(cfg: VqcConfig, params: ArrayLike<number>, x: Point, runner: ZExpectationRunner): number {
  const kernel = vqcKernel(cfg);
  kernel.load(x, params);
  kernel.forward(false);
  return runner.measure(kernel);
}

/** Mean loss with exact expectations (no counting): the reference for finite-difference checks. */
export function vqcExactLoss(
  cfg: VqcConfig,
  params: ArrayLike<number>,
  X: readonly Point[],
  Y: readonly number[],
): number {
  checkConfig(cfg);
  const runner = new ZExpectationRunner(cfg.qubits, 0, null);
  let loss = 0;
  for (let i = 0; i < X.length; i++)
    loss += readoutLoss(cfg, params, expectationAt(cfg, params, X[i], runner), Y[i]).loss;
  return X.length ? loss / X.length : 0;
}

/**
 * One pass over the training set in seeded mini-batches, one optimiser step per batch; mutates
 * `state`. Shots for the whole epoch come from one generator seeded by `shotSeed`.
 */
export function vqcTrainEpoch(
  cfg: VqcConfig,
  state: VqcState,
  X: readonly Point[],
  Y: readonly number[],
  batchSeed: number,
  shotSeed: number,
): { loss: number; cost: QuantumCost; flops: number } {
  checkConfig(cfg);
  const runner = new ZExpectationRunner(cfg.qubits, cfg.shots, cfg.shots > 0 ? createRng(shotSeed) : null);
  let lossSum = 0,
    flops = 0;
  for (const batch of epochBatches(X.length, cfg.batchSize, batchSeed)) {
    const bx = batch.map((i) => X[i]);
    const by = batch.map((i) => Y[i]);
    const { loss, grad } = vqcLossAndGradient(cfg, state.params, bx, by, runner);
    lossSum += loss * batch.length;
    flops += optimizerStep(state.opt, state.params, grad);
  }
  return { loss: X.length ? lossSum / X.length : 0, cost: { ...runner.cost }, flops };
}

/** Accuracy on (X, Y), one circuit per point (with shots if configured). */
export function vqcEvaluate(
  cfg: VqcConfig,
  state: VqcState,
  X: readonly Point[],
  Y: readonly number[],
  shotSeed: number,
): { accuracy: number; cost: QuantumCost } {
  checkConfig(cfg);
  const runner = new ZExpectationRunner(cfg.qubits, cfg.shots, cfg.shots > 0 ? createRng(shotSeed) : null);
  let ok = 0;
  for (let i = 0; i < X.length; i++) {
    const E = expectationAt(cfg, state.params, X[i], runner);
    if ((readoutLoss(cfg, state.params, E, Y[i]).p >= 0.5 ? 1 : 0) === Y[i]) ok++;
  }
  return { accuracy: X.length ? ok / X.length : 0, cost: { ...runner.cost } };
}

/** P(class 1 | x) with the exact ⟨Z₀⟩ (the model's decision function without shot noise). */
export function vqcProba(
  cfg: VqcConfig,
  state: VqcState,
  x: Point,
  runner = new ZExpectationRunner(cfg.qubits, 0, null),
): number {
  const E = expectationAt(cfg, state.params, x, runner);
  return readoutLoss(cfg, state.params, E, 0).p;
}

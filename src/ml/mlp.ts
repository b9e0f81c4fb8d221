/**
 * A one-hidden-layer perceptron 2 → H (tanh) → 1 (logistic), trained on binary cross-entropy with
 * mini-batch Adam (or plain gradient descent). It has 4H + 1 parameters: H = 3 gives 13, next to the
 * VQC's 12 circuit angles + 2 read-out parameters.
 *
 * Parameter layout: W₁ (H×2, row-major) | b₁ (H) | w₂ (H) | b₂.
 * Initialisation (seeded): Glorot-normal weights, σ = √(2/(fan_in + fan_out)); zero biases.
 *
 * FLOPs per example, counted where they happen (convention in src/ml/optim.ts):
 *   forward   hidden 5H (2 multiply-adds + tanh per unit) + output 2H
 *   training  forward + BCE (8) + sigmoid (4) + residual (1)
 *             + backward: w₂ grads 2H, b₂ 1, hidden deltas 4H (δ·w₂, h², 1 − h², ×), W₁ grads 4H, b₁ grads H
 *   per batch P divisions (mean gradient) + optimiser step
 *   eval      forward + 1 comparison
 */
import { BCE_FLOPS, SIGMOID_FLOPS, bceWithLogit, epochBatches, sigmoid } from './common';
import type { Point } from './datasets';
import { createRng } from '../sim/rng';
import { createOptimizer, optimizerStep, type OptimizerKind, type OptimizerState } from './optim';

export interface MlpConfig {
  hidden: number;
  optimizer: OptimizerKind;
  learningRate: number;
  batchSize: number;
}

export interface MlpState {
  weights: number[];
  opt: OptimizerState;
}

export function mlpParamCount(hidden: number): number {
  return 4 * hidden + 1;
}

function checkConfig(cfg: MlpConfig): void {
  if (!Number.isInteger(cfg.hidden) || cfg.hidden < 1 || cfg.hidden > 256)
    throw new RangeError(`hidden units must be an integer in 1…256 (got ${cfg.hidden})`);
}

export function mlpInit(cfg: MlpConfig, seed: number): MlpState {
  checkConfig(cfg);
  const H = cfg.hidden;
  const rng = createRng(seed);
  const w = new Array<number>(mlpParamCount(H)).fill(0);
  const s1 = Math.sqrt(2 / (2 + H));
  const s2 = Math.sqrt(2 / (H + 1));
  for (let i = 0; i < 2 * H; i++) w[i] = s1 * rng.normal();
  for (let j = 0; j < H; j++) w[3 * H + j] = s2 * rng.normal();
  return { weights: w, opt: createOptimizer(cfg.optimizer, w.length, cfg.learningRate) };
}

/** Forward pass: fills h (hidden activations), returns the output logit. FLOPs: 7H. */
function forward(w: number[], H: number, x: Point, h: Float64Array): number {
  const b1 = 2 * H,
    w2 = 3 * H,
    b2 = 4 * H;
  let z = w[b2];
  for (let j = 0; j < H; j++) {
    h[j] = Math.tanh(w[b1 + j] + w[2 * j] * x[0] + w[2 * j + 1] * x[1]);
    z += w[w2 + j] * h[j];
  }
  return z;
}

export function mlpTrainEpoch(
  cfg: MlpConfig,
  state: MlpState,
  X: readonly Point[],
  Y: readonly number[],
  batchSeed: number,
): { loss: number; flops: number } {
  checkConfig(cfg);
  const H = cfg.hidden;
  const P = mlpParamCount(H);
  const b1 = 2 * H,
    w2 = 3 * H,
    b2 = 4 * H;
  const w = state.weights;
  const h = new Float64Array(H);
  const grad = new Float64Array(P);
  let flops = 0,
    lossSum = 0;
  for (const batch of epochBatches(X.length, cfg.batchSize, batchSeed)) {
    grad.fill(0);
    for (const i of batch) {
      const x = X[i];
      const z = forward(w, H, x, h);
      flops += 7 * H;
      lossSum += bceWithLogit(z, Y[i]);
      flops += BCE_FLOPS;
      const dz = sigmoid(z) - Y[i];
      flops += SIGMOID_FLOPS + 1;
      grad[b2] += dz;
      flops += 1;
      for (let j = 0; j < H; j++) {
        grad[w2 + j] += dz * h[j]; // 2
        const da = dz * w[w2 + j] * (1 - h[j] * h[j]); // 4
        grad[2 * j] += da * x[0]; // 2
        grad[2 * j + 1] += da * x[1]; // 2
        grad[b1 + j] += da; // 1
      }
      flops += 11 * H;
    }
    for (let k = 0; k < P; k++) grad[k] /= batch.length;
    flops += P;
    flops += optimizerStep(state.opt, w, grad);
  }
  return { loss: lossSum / X.length, flops };
}

export function mlpProba(cfg: MlpConfig, state: MlpState, x: Point): number {
  return sigmoid(forward(state.weights, cfg.hidden, x, new Float64Array(cfg.hidden)));
}

export function mlpEvaluate(
  cfg: MlpConfig,
  state: MlpState,
  X: readonly Point[],
  Y: readonly number[],
): { accuracy: number; flops: number } {
  const H = cfg.hidden;
  const h = new Float64Array(H);
  let ok = 0,
    flops = 0;
  for (let i = 0; i < X.length; i++) {
    const z = forward(state.weights, H, X[i], h);
    flops += 7 * H;
    if ((z >= 0 ? 1 : 0) === Y[i]) ok++;
    flops += 1;
  }
  return { accuracy: X.length ? ok / X.length : 0, flops };
}

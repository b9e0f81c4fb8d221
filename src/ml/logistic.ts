/**
 * Logistic regression on polynomial features of a 2-D input, trained on binary cross-entropy by
 * mini-batch gradient descent or Adam.
 *
 * Features: every monomial x₀ᵃ x₁ᵇ with 1 ≤ a + b ≤ degree (F = degree·(degree + 3)/2 of them),
 * plus a bias, so the model has F + 1 parameters: degree 1 → 3, degree 2 → 6, degree 3 → 10,
 * degree 4 → 15. The race uses degree 3 (10 parameters) against the VQC's 12 + 2.
 *
 * FLOPs are counted as the code performs them (convention in src/ml/optim.ts):
 *   features        2(D − 1) + D(D − 1)/2       (powers, then the mixed products)
 *   logit           2F                          (F multiply-adds onto the bias)
 *   training/example features + logit + BCE (8) + sigmoid (4) + residual (1) + gradient (2F + 1)
 *   per batch       P divisions (mean gradient) + optimiser step
 *   evaluation/example features + logit + 1 comparison
 */
import { BCE_FLOPS, SIGMOID_FLOPS, bceWithLogit, epochBatches, sigmoid } from './common';
import type { Point } from './datasets';
import { createOptimizer, optimizerStep, type OptimizerKind, type OptimizerState } from './optim';

export interface LogisticConfig {
  degree: number;
  optimizer: OptimizerKind;
  learningRate: number;
  batchSize: number;
}

export interface LogisticState {
  /** F feature weights followed by the bias. */
  weights: number[];
  opt: OptimizerState;
}

export function polyFeatureCount(degree: number): number {
  return (degree * (degree + 3)) / 2;
}

export function logisticParamCount(degree: number): number {
  return polyFeatureCount(degree) + 1;
}

/** Writes the monomials of x into `out` (degree by degree, x₀'s power descending); returns the FLOPs spent. */
export function polyFeatures(x: Point, degree: number, out: Float64Array): number {
  let flops = 0;
  const p0 = [1, x[0]],
    p1 = [1, x[1]];
  for (let k = 2; k <= degree; k++) {
    p0.push(p0[k - 1] * x[0]);
    p1.push(p1[k - 1] * x[1]);
    flops += 2;
  }
  let f = 0;
  for (let d = 1; d <= degree; d++) {
    for (let a = d; a >= 0; a--) {
      const b = d - a;
      if (a > 0 && b > 0) {
        out[f++] = p0[a] * p1[b];
        flops++;
      } else out[f++] = a > 0 ? p0[a] : p1[b];
    }
  }
  return flops;
}

function checkConfig(cfg: LogisticConfig): void {
  if (!Number.isInteger(cfg.degree) || cfg.degree < 1 || cfg.degree > 8)
    throw new RangeError(`polynomial degree must be an integer in 1…8 (got ${cfg.degree})`);
}

/** Zero initialisation (the loss is convex, so the start point does not matter for the optimum). */
export function logisticInit(cfg: LogisticConfig): LogisticState {
  checkConfig(cfg);
  const P = logisticParamCount(cfg.degree);
  return { weights: new Array<number>(P).fill(0), opt: createOptimizer(cfg.optimizer, P, cfg.learningRate) };
}

function logit(w: number[], phi: Float64Array, F: number): number {
  let z = w[F];
  for (let i = 0; i < F; i++) z += w[i] * phi[i];
  return z;
}

/** One pass over the training set in seeded mini-batches; mutates `state`. Loss = mean BCE at the pre-step weights. */
export function logisticTrainEpoch(
  cfg: LogisticConfig,
  state: LogisticState,
  X: readonly Point[],
  Y: readonly number[],
  batchSeed: number,
): { loss: number; flops: number } {
  checkConfig(cfg);
  const F = polyFeatureCount(cfg.degree);
  const P = F + 1;
  const phi = new Float64Array(F);
  const grad = new Float64Array(P);
  const w = state.weights;
  let flops = 0;
  let lossSum = 0;
  for (const batch of epochBatches(X.length, cfg.batchSize, batchSeed)) {
    grad.fill(0);
    for (const i of batch) {
      flops += polyFeatures(X[i], cfg.degree, phi);
      const z = logit(w, phi, F);
      flops += 2 * F;
      lossSum += bceWithLogit(z, Y[i]);
      flops += BCE_FLOPS;
      const r = sigmoid(z) - Y[i];
      flops += SIGMOID_FLOPS + 1;
      for (let k = 0; k < F; k++) grad[k] += r * phi[k];
      grad[F] += r;
      flops += 2 * F + 1;
    }
    for (let k = 0; k < P; k++) grad[k] /= batch.length;
    flops += P;
    flops += optimizerStep(state.opt, w, grad);
  }
  return { loss: lossSum / X.length, flops };
}

/** P(class 1 | x). */
export function logisticProba(cfg: LogisticConfig, state: LogisticState, x: Point): number {
  const F = polyFeatureCount(cfg.degree);
  const phi = new Float64Array(F);
  polyFeatures(x, cfg.degree, phi);
  return sigmoid(logit(state.weights, phi, F));
}

/** Accuracy on (X, Y): the class is 1 where the logit is ≥ 0. */
export function logisticEvaluate(
  cfg: LogisticConfig,
  state: LogisticState,
  X: readonly Point[],
  Y: readonly number[],
): { accuracy: number; flops: number } {
  const F = polyFeatureCount(cfg.degree);
  const phi = new Float64Array(F);
  let ok = 0,
    flops = 0;
  for (let i = 0; i < X.length; i++) {
    flops += polyFeatures(X[i], cfg.degree, phi);
    const z = logit(state.weights, phi, F);
    flops += 2 * F;
    if ((z >= 0 ? 1 : 0) === Y[i]) ok++;
    flops += 1;
  }
  return { accuracy: X.length ? ok / X.length : 0, flops };
}

/**
 * Pieces shared by the three models: the logistic link and its cross-entropy (with exact FLOP
 * counts, see src/ml/optim.ts for the convention), seeded mini-batch orders and cost counters.
 */
import { createRng, deriveSeed } from '../sim/rng';
import { shuffleInPlace } from './datasets';

/** FLOPs of `sigmoid`: negate, exp, add, divide. */
export const SIGMOID_FLOPS = 4;
/** FLOPs of `bceWithLogit`: max, abs, negate, exp, log1p, add, multiply, subtract. */
export const BCE_FLOPS = 8;

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Binary cross-entropy of a logit z against a 0/1 label, computed stably:
 * −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) + log1p(e^{−|z|}) − y·z.
 */
export function bceWithLogit(z: number, y: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
}

/** Per-epoch mini-batch order: a seeded permutation of 0…n−1 cut into batches of `batchSize`. */
export function epochBatches(n: number, batchSize: number, seed: number): number[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batch size must be an integer ≥ 1 (got ${batchSize})`);
  const order = shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    createRng(seed),
  );
  const batches: number[][] = [];
  for (let i = 0; i < n; i += batchSize) batches.push(order.slice(i, i + batchSize));
  return batches;
}

/** Number of optimiser steps per epoch. */
export function batchesPerEpoch(n: number, batchSize: number): number {
  return Math.ceil(n / batchSize);
}

/** Independent random streams per model and purpose (passed to deriveSeed). */
export const MODEL_STREAM = { logistic: 11, mlp: 12, vqc: 13 } as const;
export const PURPOSE = { init: 1, batches: 2, shotsTrain: 3, shotsEval: 4 } as const;

export function streamSeed(
  seed: number,
  model: keyof typeof MODEL_STREAM,
  purpose: keyof typeof PURPOSE,
  ...coords: number[]
): number {
  return deriveSeed(seed, MODEL_STREAM[model], PURPOSE[purpose], ...coords);
}

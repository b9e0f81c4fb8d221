import { describe, expect, it } from 'vitest';
import { makeDataset, prepareData, type Point } from '../../../src/ml/datasets';
import { bceWithLogit, sigmoid } from '../../../src/ml/common';
import {
  logisticEvaluate,
  logisticInit,
  logisticParamCount,
  logisticProba,
  logisticTrainEpoch,
  polyFeatureCount,
  polyFeatures,
  type LogisticConfig,
} from '../../../src/ml/logistic';
import { mlpEvaluate, mlpInit, mlpProba, mlpTrainEpoch, type MlpConfig } from '../../../src/ml/mlp';
import { createOptimizer, optimizerStep } from '../../../src/ml/optim';

function split(kind: 'linear' | 'moons', noise: number, seed = 1) {
  return prepareData(makeDataset({ kind, n: 120, noise, seed }), 'standard', 0.7, seed);
}

const LR: LogisticConfig = { degree: 3, optimizer: 'adam', learningRate: 0.1, batchSize: 10 };
const MLP: MlpConfig = { hidden: 3, optimizer: 'adam', learningRate: 0.1, batchSize: 10 };

function trainLogistic(cfg: LogisticConfig, d: ReturnType<typeof split>, epochs: number) {
  const s = logisticInit(cfg);
  for (let e = 0; e < epochs; e++) logisticTrainEpoch(cfg, s, d.trainX, d.trainY, 100 + e);
  return s;
}

function trainMlp(cfg: MlpConfig, d: ReturnType<typeof split>, epochs: number, seed = 1) {
  const s = mlpInit(cfg, seed);
  for (let e = 0; e < epochs; e++) mlpTrainEpoch(cfg, s, d.trainX, d.trainY, 200 + e);
  return s;
}

describe('accuracy on the standard tasks', () => {
  it('logistic regression (plain and degree 3) reaches ≥ 95% on the linearly separable set', () => {
    for (const seed of [1, 2, 3]) {
      const d = split('linear', 0.05, seed);
      for (const degree of [1, 3]) {
        const cfg = { ...LR, degree };
        expect(logisticEvaluate(cfg, trainLogistic(cfg, d, 40), d.testX, d.testY).accuracy).toBeGreaterThanOrEqual(
          0.95,
        );
      }
    }
  });

  it('the MLP reaches ≥ 95% on the linearly separable set and ≥ 90% on two moons', () => {
    for (const seed of [1, 2, 3]) {
      const lin = split('linear', 0.05, seed);
      expect(mlpEvaluate(MLP, trainMlp(MLP, lin, 40, seed), lin.testX, lin.testY).accuracy).toBeGreaterThanOrEqual(
        0.95,
      );
      const moons = split('moons', 0.15, seed);
      expect(
        mlpEvaluate(MLP, trainMlp(MLP, moons, 60, seed), moons.testX, moons.testY).accuracy,
      ).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('plain (degree-1) logistic regression cannot solve two moons as well as the MLP', () => {
    const d = split('moons', 0.15, 2);
    const cfg = { ...LR, degree: 1 };
    const lin = logisticEvaluate(cfg, trainLogistic(cfg, d, 60), d.testX, d.testY).accuracy;
    const mlp = mlpEvaluate(MLP, trainMlp(MLP, d, 60, 2), d.testX, d.testY).accuracy;
    expect(lin).toBeLessThan(0.92);
    expect(mlp).toBeGreaterThan(lin);
  });

  it('training is deterministic for a seed', () => {
    const d = split('moons', 0.15, 4);
    expect(trainMlp(MLP, d, 5, 4)).toEqual(trainMlp(MLP, d, 5, 4));
    expect(trainMlp(MLP, d, 5, 4).weights).not.toEqual(trainMlp(MLP, d, 5, 5).weights);
  });
});

/** Mean BCE over a set for given weights (reference for gradient checks). */
function meanLoss(proba: (x: Point) => number, X: Point[], Y: number[]): number {
  let s = 0;
  X.forEach((x, i) => {
    const p = proba(x);
    s += -(Y[i] * Math.log(p) + (1 - Y[i]) * Math.log(1 - p));
  });
  return s / X.length;
}

describe('gradients (one full-batch gradient-descent step equals −lr × finite-difference gradient)', () => {
  const d = split('moons', 0.15, 6);
  const X = d.trainX.slice(0, 12),
    Y = d.trainY.slice(0, 12);
  const lr = 1e-3;

  it('logistic regression', () => {
    const cfg: LogisticConfig = { degree: 2, optimizer: 'gd', learningRate: lr, batchSize: 12 };
    const s = logisticInit(cfg);
    s.weights = s.weights.map((_, i) => 0.1 * (i - 2));
    const before = s.weights.slice();
    logisticTrainEpoch(cfg, s, X, Y, 1);
    before.forEach((w, i) => {
      const h = 1e-6;
      const at = (v: number) => {
        const t = { ...s, weights: before.slice() };
        t.weights[i] = v;
        return meanLoss((x) => logisticProba(cfg, t, x), X, Y);
      };
      const fd = (at(w + h) - at(w - h)) / (2 * h);
      expect((before[i] - s.weights[i]) / lr).toBeCloseTo(fd, 5);
    });
  });

  it('MLP', () => {
    const cfg: MlpConfig = { hidden: 3, optimizer: 'gd', learningRate: lr, batchSize: 12 };
    const s = mlpInit(cfg, 3);
    s.weights = s.weights.map((w, i) => w + 0.05 * i);
    const before = s.weights.slice();
    mlpTrainEpoch(cfg, s, X, Y, 1);
    before.forEach((w, i) => {
      const h = 1e-6;
      const at = (v: number) => {
        const t = { ...s, weights: before.slice() };
        t.weights[i] = v;
        return meanLoss((x) => mlpProba(cfg, t, x), X, Y);
      };
      const fd = (at(w + h) - at(w - h)) / (2 * h);
      expect((before[i] - s.weights[i]) / lr).toBeCloseTo(fd, 5);
    });
  });
});

/**
 * FLOP counts against totals counted by hand, operation by operation, for tiny inputs (convention of
 * src/ml/optim.ts: each +, −, ×, ÷, max, abs, exp, log1p, tanh and √ is one FLOP). Four training points in
 * batches of two, so one epoch is four examples and two optimiser steps.
 */
describe('exact FLOP counts', () => {
  const X: Point[] = [
    [0.5, -1],
    [1.5, 0.25],
    [-0.75, 2],
    [0, 1],
  ];
  const Y = [0, 1, 1, 0];
  const gd = { optimizer: 'gd', learningRate: 0.1, batchSize: 2 } as const;

  it('polynomial features: count and cost', () => {
    expect([1, 2, 3, 4].map(polyFeatureCount)).toEqual([2, 5, 9, 14]);
    expect([1, 2, 3, 4].map(logisticParamCount)).toEqual([3, 6, 10, 15]);
    const out = new Float64Array(14);
    // Degree 3 from (2, 3): the powers 4, 9, 8, 27 (four products) and the mixed terms 6, 12, 18 (three).
    expect(polyFeatures([2, 3], 3, out)).toBe(7);
    expect(Array.from(out.subarray(0, 9))).toEqual([2, 3, 4, 6, 9, 8, 12, 18, 27]);
    expect(polyFeatures([0.5, -2], 1, out)).toBe(0);
  });

  it('logistic regression, degree 1: 22 per example and 9 per gradient-descent step', () => {
    // Per example: logit 2·2 (two multiply-adds) + cross-entropy 8 + sigmoid 4 + residual 1 + gradient
    // 2·2 + 1 = 22. Per batch: 3 divisions (mean gradient) + 3 × (multiply, subtract) = 9.
    const cfg: LogisticConfig = { ...gd, degree: 1 };
    const s = logisticInit(cfg);
    expect(logisticTrainEpoch(cfg, s, X, Y, 1).flops).toBe(4 * 22 + 2 * 9);
    // Evaluation: logit 4 + one comparison = 5 per point.
    expect(logisticEvaluate(cfg, s, X.slice(0, 3), Y.slice(0, 3)).flops).toBe(15);
  });

  it('logistic regression, degree 3: 57 per example and 30 per gradient-descent step', () => {
    // Nine features cost 7 (above); logit 18; cross-entropy 8; sigmoid 4; residual 1; gradient 19 → 57.
    // Per batch: 10 divisions + 10 × 2 = 30. Evaluation: 7 + 18 + 1 = 26 per point.
    const cfg: LogisticConfig = { ...gd, degree: 3 };
    const s = logisticInit(cfg);
    expect(logisticTrainEpoch(cfg, s, X, Y, 1).flops).toBe(4 * 57 + 2 * 30);
    expect(logisticEvaluate(cfg, s, X, Y).flops).toBe(4 * 26);
  });

  it('MLP with 3 hidden units: 68 per example and 39 per gradient-descent step', () => {
    // Forward: per hidden unit 2 multiplies, 2 adds and tanh (5), then 2 for the output → 21.
    // Training adds cross-entropy 8, sigmoid 4, residual 1, output-weight gradients 6, output bias 1,
    // hidden deltas 12 (δ·w₂, h², 1 − h², ×), input-weight gradients 12, hidden biases 3 → 68.
    // 13 parameters (6 + 3 + 3 + 1): per batch 13 divisions + 26 = 39. Evaluation: 21 + 1 per point.
    const cfg: MlpConfig = { ...gd, hidden: 3 };
    const s = mlpInit(cfg, 1);
    expect(mlpTrainEpoch(cfg, s, X, Y, 1).flops).toBe(4 * 68 + 2 * 39);
    expect(mlpEvaluate(cfg, s, X, Y).flops).toBe(4 * 22);
  });

  it('an odd example makes a third, smaller batch: 5 × 22 + 3 × 9 FLOPs', () => {
    const cfg: LogisticConfig = { ...gd, degree: 1 };
    expect(logisticTrainEpoch(cfg, logisticInit(cfg), [...X, [2, 2]], [...Y, 1], 1).flops).toBe(5 * 22 + 3 * 9);
  });

  it('optimiser step costs: gradient descent 2 per parameter; Adam 14 per parameter + 4', () => {
    // Adam per parameter: m (3), v (4), the two bias corrections (2), then θ −= lr·m̂/(√v̂ + ε) (5);
    // per step the two factors 1 − βᵗ (pow and subtract, twice).
    expect(optimizerStep(createOptimizer('adam', 3, 0.1), [1, 2, 3], [1, 1, 1])).toBe(46);
    expect(optimizerStep(createOptimizer('gd', 3, 0.1), [1, 2, 3], [1, 1, 1])).toBe(6);
  });
});

describe('optimisers and link functions', () => {
  it("Adam's first step moves every parameter by ≈ lr against the gradient's sign", () => {
    const theta = [0, 0, 0];
    optimizerStep(createOptimizer('adam', 3, 0.05), theta, [2, -0.001, 30]);
    expect(theta[0]).toBeCloseTo(-0.05, 6);
    expect(theta[1]).toBeCloseTo(0.05, 4);
    expect(theta[2]).toBeCloseTo(-0.05, 6);
  });

  it('bceWithLogit equals the naive cross-entropy and stays finite for large logits', () => {
    for (const z of [-3, -0.2, 0, 1.5, 4]) {
      for (const y of [0, 1]) {
        const p = sigmoid(z);
        expect(bceWithLogit(z, y)).toBeCloseTo(-(y * Math.log(p) + (1 - y) * Math.log(1 - p)), 12);
      }
    }
    expect(bceWithLogit(800, 0)).toBeCloseTo(800, 9);
    expect(bceWithLogit(-800, 0)).toBe(0);
  });
});

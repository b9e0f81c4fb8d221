import { describe, expect, it } from 'vitest';
import { makeDataset, prepareData, type Point } from '../../../src/ml/datasets';
import { BCE_FLOPS, SIGMOID_FLOPS, bceWithLogit, batchesPerEpoch, sigmoid } from '../../../src/ml/common';
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
import { mlpEvaluate, mlpInit, mlpParamCount, mlpProba, mlpTrainEpoch, type MlpConfig } from '../../../src/ml/mlp';
import { createOptimizer, optimizerStep, optimizerStepFlops } from '../../../src/ml/optim';

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

describe('exact FLOP counts', () => {
  const d = split('moons', 0.15, 1);
  const N = d.trainX.length,
    M = d.testX.length;

  it('polynomial features: count and cost', () => {
    expect([1, 2, 3, 4].map(polyFeatureCount)).toEqual([2, 5, 9, 14]);
    expect([1, 2, 3, 4].map(logisticParamCount)).toEqual([3, 6, 10, 15]);
    const out = new Float64Array(14);
    for (const D of [1, 2, 3, 4]) expect(polyFeatures([0.5, -2], D, out)).toBe(2 * (D - 1) + (D * (D - 1)) / 2);
    polyFeatures([2, 3], 3, out);
    expect(Array.from(out.subarray(0, 9))).toEqual([2, 3, 4, 6, 9, 8, 12, 18, 27]);
  });

  it('logistic regression per epoch = N·(features + 4F + 14) + batches·(P + Adam step)', () => {
    for (const D of [1, 3]) {
      const cfg = { ...LR, degree: D };
      const F = polyFeatureCount(D),
        P = F + 1;
      const feat = 2 * (D - 1) + (D * (D - 1)) / 2;
      const perExample = feat + 2 * F + BCE_FLOPS + SIGMOID_FLOPS + 1 + 2 * F + 1;
      const B = batchesPerEpoch(N, cfg.batchSize);
      const s = logisticInit(cfg);
      expect(logisticTrainEpoch(cfg, s, d.trainX, d.trainY, 1).flops).toBe(
        N * perExample + B * (P + optimizerStepFlops('adam', P)),
      );
      expect(logisticEvaluate(cfg, s, d.testX, d.testY).flops).toBe(M * (feat + 2 * F + 1));
    }
  });

  it('MLP per epoch = N·(7H + 14 + 11H) + batches·(P + Adam step), evaluation 7H + 1 per point', () => {
    for (const H of [3, 8]) {
      const cfg = { ...MLP, hidden: H };
      const P = mlpParamCount(H);
      const B = batchesPerEpoch(N, cfg.batchSize);
      const s = mlpInit(cfg, 1);
      expect(mlpTrainEpoch(cfg, s, d.trainX, d.trainY, 1).flops).toBe(N * (18 * H + 14) + B * (P + 4 + 14 * P));
      expect(mlpEvaluate(cfg, s, d.testX, d.testY).flops).toBe(M * (7 * H + 1));
    }
  });

  it('optimiser step costs', () => {
    const theta = [1, 2, 3];
    expect(optimizerStep(createOptimizer('adam', 3, 0.1), theta, [1, 1, 1])).toBe(optimizerStepFlops('adam', 3));
    expect(optimizerStep(createOptimizer('gd', 3, 0.1), theta, [1, 1, 1])).toBe(6);
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

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/sim/rng';
import { circuitStats } from '../../../src/sim/stats';
import type { Point } from '../../../src/ml/datasets';
import { makeDataset, prepareData } from '../../../src/ml/datasets';
import { referenceExpectation, type RefGate } from '../reference/quantum-circuit';
import {
  ZExpectationRunner,
  vqcAngleCount,
  vqcCircuitOps,
  vqcEvaluate,
  vqcExactLoss,
  vqcInit,
  vqcLossAndGradient,
  vqcParamCount,
  vqcProba,
  vqcTrainCircuitsPerEpoch,
  vqcTrainEpoch,
  type VqcConfig,
} from '../../../src/ml/vqc';

const BASE: VqcConfig = {
  qubits: 2,
  layers: 2,
  encoding: 'angle',
  reupload: true,
  entangler: 'cz',
  readout: 'logistic',
  loss: 'bce',
  shots: 0,
  optimizer: 'adam',
  learningRate: 0.1,
  batchSize: 5,
};

const exactE = (cfg: VqcConfig, x: Point, params: number[]) =>
  new ZExpectationRunner(cfg.qubits, 0, null).run(vqcCircuitOps(cfg, x, params).ops);

describe('VQC circuit', () => {
  it('has 2·n·L angles (+2 read-out parameters) and the documented gates', () => {
    const cfg = { ...BASE, qubits: 3, layers: 4 };
    expect(vqcAngleCount(cfg)).toBe(24);
    expect(vqcParamCount(cfg)).toBe(26);
    expect(vqcParamCount({ ...cfg, readout: 'direct' })).toBe(24);
    const { ops, slots } = vqcCircuitOps(cfg, [0.3, 1.2], new Array(24).fill(0.1));
    const stats = circuitStats({ numQubits: 3, numClbits: 0, ops });
    // per layer: 3 RY encodings + 6 rotations; a 3-CZ ring between layers (3 of them)
    expect(stats.singleQubitGates).toBe(4 * 9);
    expect(stats.twoQubitGates).toBe(3 * 3);
    expect(slots).toHaveLength(24);
    slots.forEach((s, k) => expect(ops[s].paramIndex).toBe(k));
    // without re-uploading only the first layer encodes
    const once = vqcCircuitOps({ ...cfg, reupload: false }, [0.3, 1.2], new Array(24).fill(0.1));
    expect(circuitStats({ numQubits: 3, numClbits: 0, ops: once.ops }).singleQubitGates).toBe(3 + 4 * 6);
  });

  it('one qubit, one layer: ⟨Z⟩ = cos x cos θ₂ − sin x cos θ₁ sin θ₂ (Bloch-sphere algebra)', () => {
    const cfg = { ...BASE, qubits: 1, layers: 1, readout: 'direct' as const };
    const rng = createRng(4);
    for (let t = 0; t < 20; t++) {
      const x = 3 * rng.next(),
        t1 = 6 * rng.next() - 3,
        t2 = 6 * rng.next() - 3;
      const want = Math.cos(x) * Math.cos(t2) - Math.sin(x) * Math.cos(t1) * Math.sin(t2);
      expect(exactE(cfg, [x, 0], [t1, t2])).toBeCloseTo(want, 12);
    }
  });

  it('the ZZ encoding is Havlíček et al.’s feature map: ⟨Z₀⟩ equals quantum-circuit on the map written from the paper', () => {
    // U_Φ(x) = CX·P(2(π − x₀)(π − x₁))₁·CX · P(2x₀)⊗P(2x₁) · H⊗H (Qiskit's ZZFeatureMap, one repetition); P is RZ up
    // to a global phase. Then the trainable RZ(θ₀), RZ(θ₁), RY(θ₂), RY(θ₃); no entangler after the last layer.
    const reference = (x: Point, t: number[]) =>
      referenceExpectation(
        2,
        [
          { name: 'h', qubit: 0 },
          { name: 'h', qubit: 1 },
          { name: 'rz', qubit: 0, angle: 2 * x[0] },
          { name: 'rz', qubit: 1, angle: 2 * x[1] },
          { name: 'cx', control: 0, target: 1 },
          { name: 'rz', qubit: 1, angle: 2 * (Math.PI - x[0]) * (Math.PI - x[1]) },
          { name: 'cx', control: 0, target: 1 },
          { name: 'rz', qubit: 0, angle: t[0] },
          { name: 'rz', qubit: 1, angle: t[1] },
          { name: 'ry', qubit: 0, angle: t[2] },
          { name: 'ry', qubit: 1, angle: t[3] },
        ],
        'IZ',
      );
    const cfg = { ...BASE, encoding: 'zz' as const, layers: 1, entangler: 'none' as const };
    // RZ = 0, RY(0.9) on qubit 0 turns the map's X–Y phase information into a Z bias.
    // (With all angles 0 one H + diagonal layer gives ⟨Z₀⟩ = 0 for every input.)
    const params = [0, 0, 0.9, 0.4];
    expect(exactE(cfg, [0.4, 0.5], [0, 0, 0, 0])).toBeCloseTo(0, 12);
    const a = exactE(cfg, [0.4, 0.5], params),
      b = exactE(cfg, [0.4, 1.7], params);
    expect(a).toBeCloseTo(reference([0.4, 0.5], params), 12);
    expect(b).toBeCloseTo(reference([0.4, 1.7], params), 12);
    expect(exactE(cfg, [2.2, 0.9], [0.3, -1.1, 0.7, 2.0])).toBeCloseTo(
      reference([2.2, 0.9], [0.3, -1.1, 0.7, 2.0]),
      12,
    );
    expect(Math.abs(a - b)).toBeGreaterThan(1e-3);
    const angle = { ...cfg, encoding: 'angle' as const };
    expect(exactE(angle, [0.4, 0.5], params)).toBeCloseTo(exactE(angle, [0.4, 1.7], params), 12);
  });
});

describe('VQC gradient', () => {
  const X: Point[] = [
    [0.3, 2.1],
    [1.7, 0.4],
    [2.9, 2.5],
    [0.9, 1.1],
  ];
  const Y = [0, 1, 1, 0];
  const variants: [string, Partial<VqcConfig>][] = [
    ['angle, logistic read-out, BCE', {}],
    ['angle, direct read-out, MSE', { readout: 'direct', loss: 'mse' }],
    ['angle, logistic read-out, MSE, CX, 3 qubits', { loss: 'mse', entangler: 'cx', qubits: 3 }],
    ['ZZ, logistic read-out, BCE, no re-upload', { encoding: 'zz', reupload: false }],
  ];

  it.each(variants)('parameter shift equals a central finite difference (%s)', (_name, over) => {
    const cfg = { ...BASE, ...over };
    const params = vqcInit(cfg, 11).params;
    if (cfg.readout === 'logistic') {
      params[params.length - 2] = 1.7;
      params[params.length - 1] = -0.3;
    }
    const runner = new ZExpectationRunner(cfg.qubits, 0, null);
    const { loss, grad } = vqcLossAndGradient(cfg, params, X, Y, runner);
    expect(loss).toBeCloseTo(vqcExactLoss(cfg, params, X, Y), 12);
    const h = 1e-5;
    params.forEach((v, k) => {
      const plus = params.slice();
      plus[k] = v + h;
      const minus = params.slice();
      minus[k] = v - h;
      const fd = (vqcExactLoss(cfg, plus, X, Y) - vqcExactLoss(cfg, minus, X, Y)) / (2 * h);
      expect(grad[k]).toBeCloseTo(fd, 7);
    });
    // 1 forward + 2 shifted circuits per angle per example
    expect(runner.cost).toEqual({ circuits: X.length * (1 + 2 * vqcAngleCount(cfg)), shots: 0 });
  });

  it('finite-shot estimates scatter around the exact value with the binomial standard error', () => {
    const cfg = { ...BASE, shots: 200 };
    const params = vqcInit(cfg, 2).params;
    const x: Point = [1.1, 0.6];
    const exact = exactE(cfg, x, params);
    const runner = new ZExpectationRunner(2, 200, createRng(99));
    const { ops } = vqcCircuitOps(cfg, x, params);
    const est = Array.from({ length: 400 }, () => runner.run(ops));
    const mean = est.reduce((a, b) => a + b, 0) / est.length;
    const sd = Math.sqrt(est.reduce((a, b) => a + (b - mean) ** 2, 0) / (est.length - 1));
    const sigma = Math.sqrt((1 - exact * exact) / 200);
    expect(Math.abs(mean - exact)).toBeLessThan((4 * sigma) / Math.sqrt(400));
    expect(sd / sigma).toBeGreaterThan(0.85);
    expect(sd / sigma).toBeLessThan(1.15);
    // every estimate is a multiple of 2/shots
    est.forEach((e) => expect(Math.abs(e * 100 - Math.round(e * 100))).toBeLessThan(1e-9));
    expect(runner.cost).toEqual({ circuits: 400, shots: 400 * 200 });
  });
});

describe('VQC training', () => {
  it('loss decreases on a trivial task with exact expectations', () => {
    // class = whether the first feature is above π/2: one rotation away from the initial model
    const rng = createRng(5);
    const X: Point[] = Array.from({ length: 16 }, () => [Math.PI * rng.next(), Math.PI * rng.next()]);
    const Y = X.map((x) => (x[0] > Math.PI / 2 ? 1 : 0));
    const cfg = { ...BASE, layers: 1, batchSize: 4 };
    const state = vqcInit(cfg, 3);
    const initial = vqcExactLoss(cfg, state.params, X, Y);
    const losses: number[] = [];
    for (let e = 0; e < 40; e++) {
      vqcTrainEpoch(cfg, state, X, Y, 10 + e, 0);
      losses.push(vqcExactLoss(cfg, state.params, X, Y));
    }
    expect(losses[4]).toBeLessThan(initial);
    expect(losses[39]).toBeLessThan(0.5 * initial);
    expect(vqcEvaluate(cfg, state, X, Y, 0).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('counts circuits and shots exactly: N·(1 + 2P) per training epoch, one per point to evaluate', () => {
    const data = prepareData(makeDataset({ kind: 'moons', n: 30, noise: 0.1, seed: 1 }), 'minmax-pi', 0.7, 1);
    // 30 points split 70/30 per class (11 + 11 to train): 22 to train, 8 to evaluate. Two qubits: 4 circuit angles per layer, and
    // parameter shift runs 1 + 2P circuits per training point.
    expect([data.trainX.length, data.testX.length]).toEqual([22, 8]);
    for (const [layers, shots, circuits] of [
      [1, 50, 22 * 9],
      [3, 20, 22 * 25],
      [2, 0, 22 * 17],
    ]) {
      const cfg = { ...BASE, layers, shots };
      const state = vqcInit(cfg, 1);
      const tr = vqcTrainEpoch(cfg, state, data.trainX, data.trainY, 1, 2);
      expect(tr.cost).toEqual({ circuits, shots: shots * circuits });
      expect(vqcTrainCircuitsPerEpoch(cfg, 22)).toBe(circuits);
      const ev = vqcEvaluate(cfg, state, data.testX, data.testY, 3);
      expect(ev.cost).toEqual({ circuits: 8, shots: shots * 8 });
    }
  });

  it('finite-shot training reproduces exactly from its seeds and changes with the shot seed', () => {
    const data = prepareData(makeDataset({ kind: 'moons', n: 30, noise: 0.1, seed: 2 }), 'minmax-pi', 0.7, 2);
    const cfg = { ...BASE, shots: 30 };
    const run = (shotSeed: number) => {
      const s = vqcInit(cfg, 7);
      for (let e = 0; e < 3; e++) vqcTrainEpoch(cfg, s, data.trainX, data.trainY, e, shotSeed + e);
      return s.params;
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(100));
  });

  it('vqcProba: σ(α⟨Z₀⟩ + β) and (1 + ⟨Z₀⟩)/2, with ⟨Z₀⟩ from quantum-circuit on the circuit written from its description', () => {
    // Two qubits, two layers, angle encoding re-uploaded, CZ between the layers (none after the last):
    // RY(x₀) q0, RY(x₁) q1, RZ(θ₀) q0, RZ(θ₁) q1, RY(θ₂) q0, RY(θ₃) q1, CZ, then the same with θ₄…θ₇.
    const x: Point = [0.7, 2.2];
    const reference = (t: number[]) => {
      const gates: RefGate[] = [];
      for (let l = 0; l < 2; l++) {
        gates.push({ name: 'ry', qubit: 0, angle: x[0] }, { name: 'ry', qubit: 1, angle: x[1] });
        gates.push({ name: 'rz', qubit: 0, angle: t[4 * l] }, { name: 'rz', qubit: 1, angle: t[4 * l + 1] });
        gates.push({ name: 'ry', qubit: 0, angle: t[4 * l + 2] }, { name: 'ry', qubit: 1, angle: t[4 * l + 3] });
        if (l === 0) gates.push({ name: 'cz', control: 0, target: 1 });
      }
      return referenceExpectation(2, gates, 'IZ');
    };
    const s = vqcInit(BASE, 3);
    s.params[8] = 2; // α
    s.params[9] = 0.5; // β
    const e = reference(s.params);
    expect(vqcProba(BASE, s, x)).toBeCloseTo(1 / (1 + Math.exp(-(2 * e + 0.5))), 12);
    const direct = { ...BASE, readout: 'direct' as const };
    const d = vqcInit(direct, 3);
    expect(vqcProba(direct, d, x)).toBeCloseTo((1 + reference(d.params)) / 2, 12);
    // By hand, without an entangler and with every angle 0, qubit 0 sees RY(x₀) twice: ⟨Z₀⟩ = cos 2x₀ =
    // cos 1.4 = 0.169967, so p = (1 + 0.169967)/2 = 0.584984.
    const unentangled = { ...direct, entangler: 'none' as const };
    const zero = { params: new Array(8).fill(0), opt: d.opt };
    expect(vqcProba(unentangled, zero, x)).toBeCloseTo(0.584984, 6);
  });

  it('rejects impossible configurations', () => {
    expect(() => vqcInit({ ...BASE, qubits: 0 }, 1)).toThrow(RangeError);
    expect(() => vqcInit({ ...BASE, layers: 99 }, 1)).toThrow(RangeError);
    expect(() => vqcInit({ ...BASE, shots: 1.5 }, 1)).toThrow(RangeError);
    expect(() => new ZExpectationRunner(2, 10, null)).toThrow();
  });
});

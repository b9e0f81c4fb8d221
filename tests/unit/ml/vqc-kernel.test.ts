/**
 * The compiled VQC kernel must give exactly (bit for bit) the numbers of the straightforward path: build
 * the gate list with vqcCircuitOps, run it on a fresh StateVector, read ⟨Z₀⟩ or draw shots one by one
 * with CdfSampler. Checked over random configurations, inputs, angles and shot counts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CdfSampler } from '../../../src/sim/sampling';
import { createRng, type Rng } from '../../../src/sim/rng';
import { StateVector } from '../../../src/sim/statevector';
import type { GateOp } from '../../../src/sim/types';
import type { Point } from '../../../src/ml/datasets';
import { bceWithLogit, sigmoid } from '../../../src/ml/common';
import {
  ZExpectationRunner,
  vqcAngleCount,
  vqcCircuitOps,
  vqcLossAndGradient,
  type VqcConfig,
} from '../../../src/ml/vqc';
import { VqcKernel, wordThreshold } from '../../../src/ml/vqc-kernel';
import { referenceExpectation, type RefGate } from '../reference/quantum-circuit';

function referenceE(ops: readonly GateOp[], n: number, shots: number, rng: Rng | null): number {
  const sv = new StateVector(n);
  for (const op of ops) sv.apply(op);
  if (shots === 0) return sv.expectationZ([0]);
  const sampler = new CdfSampler(sv.probabilities());
  let sum = 0;
  for (let s = 0; s < shots; s++) sum += sampler.sample(rng!) & 1 ? -1 : 1;
  return sum / shots;
}

/** vqcLossAndGradient (logistic read-out, cross-entropy) written out with the reference circuits, operation for operation. */
function referenceLossAndGradient(cfg: VqcConfig, params: number[], X: Point[], Y: number[], rng: Rng | null) {
  const P = vqcAngleCount(cfg);
  const grad = new Float64Array(params.length);
  let loss = 0;
  for (let i = 0; i < X.length; i++) {
    const { ops, slots } = vqcCircuitOps(cfg, X[i], params);
    const E = referenceE(ops, cfg.qubits, cfg.shots, rng);
    const alpha = params[P],
      beta = params[P + 1];
    const z = alpha * E + beta;
    const p = sigmoid(z);
    loss += bceWithLogit(z, Y[i]);
    const dS = p - Y[i];
    const dE = dS * alpha;
    for (let k = 0; k < P; k++) {
      const op = ops[slots[k]];
      const theta = op.params[0];
      op.params[0] = theta + Math.PI / 2;
      const plus = referenceE(ops, cfg.qubits, cfg.shots, rng);
      op.params[0] = theta - Math.PI / 2;
      const minus = referenceE(ops, cfg.qubits, cfg.shots, rng);
      op.params[0] = theta;
      grad[k] += (dE * (plus - minus)) / 2;
    }
    grad[P] += dS * E;
    grad[P + 1] += dS;
  }
  const inv = 1 / X.length;
  for (let k = 0; k < grad.length; k++) grad[k] *= inv;
  return { loss: loss * inv, grad };
}

const configArb = fc.record({
  qubits: fc.integer({ min: 1, max: 4 }),
  layers: fc.integer({ min: 1, max: 3 }),
  encoding: fc.constantFrom('angle' as const, 'zz' as const),
  reupload: fc.boolean(),
  entangler: fc.constantFrom('cz' as const, 'cx' as const, 'none' as const),
  shots: fc.constantFrom(0, 1, 7, 100),
  seed: fc.integer({ min: 0, max: 1000 }),
});

describe('VqcKernel', () => {
  it('3 qubits, 2 layers, CX ring, angle encoding re-uploaded: ⟨Z₀⟩ and its ±π/2 shifts equal quantum-circuit', () => {
    // Written from the documented structure: per layer RY(x_{q mod 2}) on qubit q, RZ(θ) on each qubit, RY(θ) on each
    // qubit (angles in that order), then CX(0,1), CX(1,2), CX(2,0) between the layers.
    const cfg: VqcConfig = {
      qubits: 3,
      layers: 2,
      encoding: 'angle',
      reupload: true,
      entangler: 'cx',
      readout: 'direct',
      loss: 'mse',
      shots: 0,
      optimizer: 'gd',
      learningRate: 0.1,
      batchSize: 1,
    };
    const x: Point = [0.8, 2.3];
    const theta = [0.3, -1.2, 2.5, 0.7, -0.4, 1.9, -2.8, 0.15, 1.1, -0.6, 2.2, -1.7];
    const reference = (t: number[]) => {
      const gates: RefGate[] = [];
      for (let l = 0; l < 2; l++) {
        for (let q = 0; q < 3; q++) gates.push({ name: 'ry', qubit: q, angle: x[q % 2] });
        for (let q = 0; q < 3; q++) gates.push({ name: 'rz', qubit: q, angle: t[6 * l + q] });
        for (let q = 0; q < 3; q++) gates.push({ name: 'ry', qubit: q, angle: t[6 * l + 3 + q] });
        if (l === 0)
          for (const [c, tg] of [
            [0, 1],
            [1, 2],
            [2, 0],
          ])
            gates.push({ name: 'cx', control: c, target: tg });
      }
      return referenceExpectation(3, gates, 'IIZ');
    };
    const kernel = new VqcKernel(cfg);
    kernel.load(x, theta);
    kernel.forward(true);
    expect(kernel.expectationZ0()).toBeCloseTo(reference(theta), 12);
    for (const k of [0, 4, 7, 11]) {
      for (const sign of [1, -1]) {
        kernel.shifted(k, sign);
        const t = theta.slice();
        t[k] += (sign * Math.PI) / 2;
        expect(kernel.expectationZ0(), `angle ${k}, shift ${sign}`).toBeCloseTo(reference(t), 12);
      }
    }
  });

  it('forward, shifted circuits and shots equal the StateVector + CdfSampler path exactly', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const cfg: VqcConfig = {
          ...c,
          readout: 'logistic',
          loss: 'bce',
          optimizer: 'adam',
          learningRate: 0.1,
          batchSize: 4,
        };
        const rng = createRng(c.seed);
        const P = vqcAngleCount(cfg);
        const params = Array.from({ length: P }, () => 6 * rng.next() - 3);
        const x: Point = [Math.PI * rng.next(), Math.PI * rng.next()];
        const kernel = new VqcKernel(cfg);
        const ref = createRng(c.seed + 1),
          fast = createRng(c.seed + 1);
        kernel.load(x, params);
        kernel.forward(true);
        const { ops, slots } = vqcCircuitOps(cfg, x, params);
        const e = c.shots ? kernel.sampleZ0(c.shots, fast) : kernel.expectationZ0();
        expect(Object.is(e, referenceE(ops, cfg.qubits, c.shots, ref))).toBe(true);
        for (let k = 0; k < P; k++) {
          for (const sign of [1, -1]) {
            kernel.shifted(k, sign);
            const theta = ops[slots[k]].params[0];
            ops[slots[k]].params[0] = theta + sign * (Math.PI / 2);
            const want = referenceE(ops, cfg.qubits, c.shots, ref);
            ops[slots[k]].params[0] = theta;
            const got = c.shots ? kernel.sampleZ0(c.shots, fast) : kernel.expectationZ0();
            expect(Object.is(got, want)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('vqcLossAndGradient (kernel) draws the same shots in the same order as the reference circuits', () => {
    const cfg: VqcConfig = {
      qubits: 2,
      layers: 3,
      encoding: 'angle',
      reupload: true,
      entangler: 'cz',
      readout: 'logistic',
      loss: 'bce',
      shots: 100,
      optimizer: 'adam',
      learningRate: 0.1,
      batchSize: 4,
    };
    const rng = createRng(3);
    const params = [...Array.from({ length: vqcAngleCount(cfg) }, () => 6 * rng.next() - 3), 1, 0];
    const X: Point[] = Array.from({ length: 5 }, () => [Math.PI * rng.next(), Math.PI * rng.next()] as Point);
    const Y = [0, 1, 1, 0, 1];
    const runner = new ZExpectationRunner(2, 100, createRng(9));
    const { loss, grad } = vqcLossAndGradient(cfg, params, X, Y, runner);
    const ref = referenceLossAndGradient(cfg, params, X, Y, createRng(9));
    expect(Object.is(loss, ref.loss)).toBe(true);
    expect([...grad]).toEqual([...ref.grad]);
    for (let k = 0; k < grad.length; k++) expect(Object.is(grad[k], ref.grad[k])).toBe(true);
    expect(runner.cost.circuits).toBe(X.length * (1 + 2 * vqcAngleCount(cfg)));
    expect(runner.cost.shots).toBe(runner.cost.circuits * 100);
  });
});

describe('VqcKernel across loads', () => {
  it('new angles on the same kernel (their coefficients are reused only while unchanged) give a fresh kernel’s numbers', () => {
    const cfg = { qubits: 2, layers: 2, encoding: 'zz' as const, reupload: true, entangler: 'cz' as const };
    const shared = new VqcKernel(cfg);
    const rng = createRng(11);
    const angles = () => Array.from({ length: 8 }, () => 6 * rng.next() - 3);
    const a = angles(),
      b = angles();
    const x: Point = [0.7, 2.1];
    for (const params of [a, a, b, a.slice(), b]) {
      const fresh = new VqcKernel(cfg);
      shared.load(x, params);
      fresh.load(x, params);
      shared.forward(true);
      fresh.forward(true);
      expect(Object.is(shared.expectationZ0(), fresh.expectationZ0())).toBe(true);
      for (const k of [0, 3, 7]) {
        shared.shifted(k, -1);
        fresh.shifted(k, -1);
        expect(Object.is(shared.expectationZ0(), fresh.expectationZ0())).toBe(true);
      }
    }
  });

  it('a generator without countWordsIn draws the same shots through next()', () => {
    const cfg = { qubits: 2, layers: 3, encoding: 'angle' as const, reupload: true, entangler: 'cz' as const };
    const kernel = new VqcKernel(cfg);
    kernel.load([1.1, 0.4], [0.3, -1.2, 2.5, 0.7, -0.4, 1.9, -2.8, 0.15, 1.1, -0.6, 2.2, -1.7]);
    kernel.forward(false);
    const plain = createRng(5);
    const nextOnly: Rng = { seed: 5, next: plain.next, int: plain.int, normal: plain.normal };
    const e = kernel.sampleZ0(1000, nextOnly);
    expect(e).toBe(kernel.sampleZ0(1000, createRng(5)));
    expect(Math.abs(e - kernel.expectationZ0())).toBeLessThan(0.15);
  });
});

describe('wordThreshold', () => {
  const above = (cut: number, total: number, w: number) => cut <= (w / 4294967296) * total;

  it('is the first 32-bit word whose draw reaches the cut (exactly, also next to the cut)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        (u, t) => {
          const cut = u * t;
          const w = wordThreshold(cut, t);
          if (w > 0) expect(above(cut, t, w - 1)).toBe(false);
          if (w < 4294967296) expect(above(cut, t, w)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('edges: nothing below 0, everything at or above a cut of 0, nothing reaches ∞', () => {
    expect(wordThreshold(0, 1)).toBe(0);
    expect(wordThreshold(-0, 1)).toBe(0);
    expect(wordThreshold(Infinity, 1)).toBe(4294967296);
    expect(wordThreshold(1, 1)).toBe(4294967296);
    expect(wordThreshold(0.5, 1)).toBe(2147483648);
  });
});

describe('Rng.countWordsIn', () => {
  it('counts the draws next() would return in the two word ranges, and continues the same stream', () => {
    const a = createRng(7),
      b = createRng(7);
    const [lo0, hi0, lo1, hi1] = [0x20000000, 0x70000000, 0x90000000, 0xf0000000];
    const n = a.countWordsIn!(5000, lo0, hi0, lo1, hi1);
    let want = 0;
    for (let i = 0; i < 5000; i++) {
      const w = b.next() * 4294967296;
      if ((w >= lo0 && w < hi0) || (w >= lo1 && w < hi1)) want++;
    }
    expect(n).toBe(want);
    expect(n).toBeGreaterThan(0);
    expect(a.next()).toBe(b.next());
  });
});

describe('Rng.fill', () => {
  it('writes exactly the values successive next() calls return, and continues the same stream', () => {
    const a = createRng(42),
      b = createRng(42);
    const buf = new Float64Array(1000);
    a.fill!(buf, 1000);
    for (let i = 0; i < 1000; i++) expect(buf[i]).toBe(b.next());
    expect(a.next()).toBe(b.next());
    expect(a.normal()).toBe(b.normal());
    expect(() => a.fill!(buf, 1001)).toThrow(RangeError);
  });
});

describe('results pinned to the pre-kernel implementation', () => {
  // Numbers printed by the generic path (vqcCircuitOps on StateVector, CdfSampler shots) before the
  // kernel replaced it: the race, the sweep and calibration-drift's model must reproduce them exactly.
  it('baseline race, default settings, first 6 epochs: VQC loss, test accuracy and shots', async () => {
    const { runRace, raceParams } = await import('../../../src/experiments/baseline-race/race');
    const res = runRace(raceParams({ epochs: 6 }));
    const got = res.data.epochs.map((e) => [e.models.vqc.loss, e.models.vqc.testAccuracy, e.models.vqc.cost.shots]);
    expect(got).toEqual([
      [0.5237752723841517, 0.9444444444444444, 222000],
      [0.34860480112862596, 1, 444000],
      [0.24432792836573292, 1, 666000],
      [0.17056913872780127, 0.9722222222222222, 888000],
      [0.13864373693889814, 1, 1110000],
      [0.12977891711342274, 0.9722222222222222, 1332000],
    ]);
  });

  it('IQP (ZZ) encoding, 2 layers, 37 shots on circles', async () => {
    const { runRace, raceParams } = await import('../../../src/experiments/baseline-race/race');
    const res = runRace(raceParams({ epochs: 3, dataset: 'circles', vqc: { encoding: 'zz', layers: 2, shots: 37 } }));
    expect(res.data.epochs.map((e) => e.models.vqc.loss)).toEqual([
      0.6585109710169007, 0.5932866045397932, 0.5530227896169672,
    ]);
  });

  it('calibration-drift: the trained model’s ideal loss', async () => {
    const { trainModel } = await import('../../../src/experiments/calibration-drift');
    expect(trainModel(1).idealLoss).toBe(0.3112850053313071);
  });
});

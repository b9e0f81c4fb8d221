import { describe, expect, it } from 'vitest';
import {
  CdfSampler,
  countsToBitstrings,
  estimateExpectation,
  formatBitstring,
  sampleCounts,
  sampleIndices,
} from '../../../src/sim/sampling';
import { StateVector, simulate } from '../../../src/sim/statevector';
import { randomCircuit } from '../../../src/sim/circuit-builder';
import { createRng } from '../../../src/sim/rng';

/** Upper-tail χ² critical value via the Wilson–Hilferty approximation (z = 3.09 → p ≈ 0.001). */
function chi2Critical(df: number, z = 3.09): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

function chi2(counts: Map<number, number>, probs: Float64Array, shots: number): { stat: number; df: number } {
  let stat = 0,
    df = -1;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] === 0) {
      expect(counts.has(i)).toBe(false);
      continue;
    }
    const e = probs[i] * shots,
      o = counts.get(i) ?? 0;
    stat += ((o - e) * (o - e)) / e;
    df++;
  }
  return { stat, df };
}

describe('sampleCounts', () => {
  // 10,000 shots over 64 outcomes are drawn shot by shot; 200,000 as a chain of binomials.
  it.each([10_000, 200_000])(
    'matches the probabilities of a random 6-qubit state (χ², fixed seed, %i shots)',
    (shots) => {
      const probs = simulate(randomCircuit(6, 60, 2024)).probabilities();
      const counts = sampleCounts(probs, shots, createRng(1));
      let total = 0;
      for (const v of counts.values()) total += v;
      expect(total).toBe(shots);
      const { stat, df } = chi2(counts, probs, shots);
      expect(df).toBe(63);
      expect(stat).toBeLessThan(chi2Critical(df));
    },
  );

  it('detects a wrong distribution (the χ² test has power)', () => {
    const probs = simulate(randomCircuit(4, 40, 5)).probabilities();
    const shifted = Float64Array.from(probs);
    shifted[0] += 0.02;
    shifted[1] = Math.max(0, shifted[1] - 0.02);
    const counts = sampleCounts(shifted, 200_000, createRng(2));
    const { stat, df } = chi2(counts, probs, 200_000);
    expect(stat).toBeGreaterThan(chi2Critical(df));
  });

  it('draws counts with the multinomial mean, variance and covariance (closed form), more shots than outcomes', () => {
    const probs = [0.2, 0.5, 0.3];
    const shots = 1000,
      reps = 4000;
    const rng = createRng(7);
    let s0 = 0,
      s1 = 0,
      s11 = 0,
      s01 = 0;
    for (let r = 0; r < reps; r++) {
      const c = sampleCounts(probs, shots, rng);
      const a = c.get(0) ?? 0,
        b = c.get(1) ?? 0;
      expect(a + b + (c.get(2) ?? 0)).toBe(shots);
      s0 += a;
      s1 += b;
      s11 += b * b;
      s01 += a * b;
    }
    const m0 = s0 / reps,
      m1 = s1 / reps;
    // E = Np, Var = Np(1−p), Cov = −Np₀p₁; tolerances ≈ 4 standard errors of each estimator.
    expect(Math.abs(m1 - 500)).toBeLessThan(4 * Math.sqrt(250 / reps));
    expect(Math.abs(m0 - 200)).toBeLessThan(4 * Math.sqrt(160 / reps));
    expect(s11 / reps - m1 * m1).toBeGreaterThan(250 * 0.9);
    expect(s11 / reps - m1 * m1).toBeLessThan(250 * 1.1);
    expect(s01 / reps - m0 * m1).toBeGreaterThan(-100 * 1.15);
    expect(s01 / reps - m0 * m1).toBeLessThan(-100 * 0.85);
  });

  it('a million shots of a two-outcome state: the estimate of ⟨Z⟩ has σ = √((1 − ⟨Z⟩²)/N)', () => {
    const p0 = 0.8,
      shots = 1_000_000,
      reps = 2000;
    const rng = createRng(11);
    let s = 0,
      ss = 0;
    for (let r = 0; r < reps; r++) {
      const n0 = sampleCounts([p0, 1 - p0], shots, rng).get(0) ?? 0;
      const z = (2 * n0 - shots) / shots;
      s += z;
      ss += z * z;
    }
    const mean = s / reps,
      sd = Math.sqrt(ss / reps - mean * mean);
    const sigma = Math.sqrt((1 - 0.6 ** 2) / shots);
    expect(Math.abs(mean - 0.6)).toBeLessThan((4 * sigma) / Math.sqrt(reps));
    expect(sd / sigma).toBeGreaterThan(0.93);
    expect(sd / sigma).toBeLessThan(1.07);
  });

  it('never draws zero-probability outcomes, and is reproducible from the seed', () => {
    const probs = new Float64Array([0, 0.25, 0, 0.75, 0, 0, 0, 0]);
    const a = sampleIndices(probs, 5000, createRng(42));
    const b = sampleIndices(probs, 5000, createRng(42));
    expect(Array.from(a)).toEqual(Array.from(b));
    for (const k of a) expect(k === 1 || k === 3).toBe(true);
    const counts = sampleCounts(probs, 5000, createRng(42));
    expect([...counts.keys()].sort()).toEqual([1, 3]);
  });

  it('handles unnormalised weights and rejects invalid input', () => {
    const s = new CdfSampler([2, 0, 6]);
    const rng = createRng(3);
    let threes = 0;
    for (let i = 0; i < 40_000; i++) if (s.sample(rng) === 2) threes++;
    expect(threes / 40_000).toBeGreaterThan(0.74);
    expect(threes / 40_000).toBeLessThan(0.76);
    expect(() => new CdfSampler([0, 0])).toThrow(/sum to zero/);
    expect(() => new CdfSampler([0.5, -0.1])).toThrow(/non-negative/);
    expect(() => sampleCounts([1], 1.5, createRng(1))).toThrow(/integer/);
  });
});

describe('bitstrings', () => {
  it('formats in Qiskit order (qubit n−1 first)', () => {
    expect(formatBitstring(1, 3)).toBe('001');
    expect(formatBitstring(6, 3)).toBe('110');
    expect(formatBitstring(5, 5)).toBe('00101');
    const sv = new StateVector(2).apply({ kind: 'gate', name: 'x', qubits: [1], params: [] });
    const counts = sampleCounts(sv.probabilities(), 10, createRng(0));
    expect(countsToBitstrings(counts, 2)).toEqual({ '10': 10 });
  });
});

describe('estimateExpectation', () => {
  it('is unbiased within a few standard errors for X, Y, Z strings', () => {
    const sv = simulate(randomCircuit(4, 40, 77));
    const rng = createRng(9);
    for (const pauli of ['ZIIZ', 'XXII', 'IYZX', 'YYYY', 'IIII']) {
      const exact = sv.expectation(pauli);
      const { mean, stderr } = estimateExpectation(sv, pauli, 20_000, rng);
      expect(Math.abs(mean - exact)).toBeLessThan(4 * stderr + 1e-12);
      expect(stderr).toBeCloseTo(Math.sqrt(Math.max(0, 1 - exact * exact) / 20_000), 2);
    }
  });

  it('does not modify the input state', () => {
    const sv = simulate(randomCircuit(3, 20, 8));
    const before = Float64Array.from(sv.re);
    estimateExpectation(sv, 'XYZ', 100, createRng(1));
    expect(Array.from(sv.re)).toEqual(Array.from(before));
  });

  it('gives ±1 exactly on eigenstates', () => {
    const plus = new StateVector(1).apply({ kind: 'gate', name: 'h', qubits: [0], params: [] });
    expect(estimateExpectation(plus, 'X', 1000, createRng(1))).toEqual({ mean: 1, stderr: 0 });
    const minusI = new StateVector(1)
      .apply({ kind: 'gate', name: 'h', qubits: [0], params: [] })
      .apply({ kind: 'gate', name: 'sdg', qubits: [0], params: [] });
    expect(estimateExpectation(minusI, 'Y', 1000, createRng(1)).mean).toBe(-1);
  });
});

describe('CdfSampler.sumSigns', () => {
  it('equals the sum of (−1)^parity over the same number of single draws, for generators with and without bulk fill', () => {
    const probs = [0.1, 0, 0.25, 0.05, 0, 0.3, 0.3, 0];
    const sampler = new CdfSampler(probs);
    for (const [shots, mask] of [
      [1, 1],
      [7, 3],
      [5000, 5],
      [9000, 6],
    ] as const) {
      const a = createRng(shots),
        b = createRng(shots);
      let want = 0;
      for (let s = 0; s < shots; s++) want += parityOf(sampler.sample(b) & mask) ? -1 : 1;
      expect(sampler.sumSigns(a, shots, mask)).toBe(want);
      expect(a.next()).toBe(b.next());
      const plain = createRng(shots);
      const noFill = { seed: plain.seed, next: plain.next, int: plain.int, normal: plain.normal };
      expect(sampler.sumSigns(noFill, shots, mask)).toBe(want);
    }
  });
});

function parityOf(x: number): number {
  let p = 0;
  for (; x; x &= x - 1) p ^= 1;
  return p;
}

/**
 * The encoding circuits prepare what they claim: each built circuit is simulated by the state-vector
 * simulator and the state is compared with a target built here from the input (x/‖x‖, zero-padded to a
 * power of two), |⟨ψ_target|ψ⟩|² > 1 − 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { amplitudeEncoding, angleEncoding, basisEncoding, normalisedAmplitudes } from '../../../src/encoding/circuits';
import { createRng } from '../../../src/sim/rng';
import { StateVector } from '../../../src/sim/statevector';

/** |⟨target|ψ⟩|² for a real target vector. */
function fidelity(sv: StateVector, target: ArrayLike<number>): number {
  let re = 0,
    im = 0;
  for (let i = 0; i < target.length; i++) {
    const a = sv.amplitude(i);
    re += target[i] * a.re;
    im += target[i] * a.im;
  }
  return re * re + im * im;
}

/** x/‖x‖ padded with zeros to 2^⌈log₂ d⌉ entries (at least two): what amplitude encoding must prepare. */
function target(x: readonly number[]): number[] {
  const norm = Math.hypot(...x);
  let size = 2;
  while (size < x.length) size *= 2;
  return Array.from({ length: size }, (_, i) => (i < x.length ? x[i] / norm : 0));
}

const rng = createRng(20_260_405);
const TOL = 1 - 1e-9;

describe('amplitude encoding (Möttönen) prepares the normalised input', () => {
  for (let d = 2; d <= 64; d++) {
    it(`d = ${d}, random entries of both signs`, () => {
      for (let trial = 0; trial < 3; trial++) {
        const x = Array.from({ length: d }, () => (rng.next() - 0.5) * 10);
        const circuit = amplitudeEncoding(x);
        const sv = new StateVector(circuit.numQubits).run(circuit);
        expect(2 ** circuit.numQubits).toBe(target(x).length);
        expect(fidelity(sv, target(x))).toBeGreaterThan(TOL);
      }
    });
  }

  it('handles zeros, a single non-zero entry and an all-negative vector', () => {
    const cases = [
      [0, 0, 0, 1],
      [-1, 0, 0, 0, 0],
      [-3, -1, -4, -1, -5, -9, -2, -6],
      [0, 2, 0, -2, 0, 0, 0, 0, 0, 1],
      [1e-6, 1, 1e6],
    ];
    for (const x of cases) {
      const circuit = amplitudeEncoding(x);
      const sv = new StateVector(circuit.numQubits).run(circuit);
      expect(fidelity(sv, target(x))).toBeGreaterThan(TOL);
    }
  });

  it('a wrong target is detected (the check can fail)', () => {
    const x = [1, 2, 3, 4];
    const circuit = amplitudeEncoding(x);
    const sv = new StateVector(circuit.numQubits).run(circuit);
    expect(fidelity(sv, target([1, 2, 4, 3]))).toBeLessThan(0.99);
    expect(fidelity(sv, target([1, 2, 3, -4]))).toBeLessThan(0.99);
  });

  it('normalisedAmplitudes pads and normalises: (3, 4) → (0.6, 0.8); (1, 2, 2) → (1, 2, 2, 0)/3', () => {
    const b = normalisedAmplitudes([3, 4]);
    expect(b).toHaveLength(2);
    [0.6, 0.8].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 15));
    const a = normalisedAmplitudes([1, 2, 2]);
    expect(a).toHaveLength(4);
    [1 / 3, 2 / 3, 2 / 3, 0].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 15));
    expect(() => normalisedAmplitudes([0, 0])).toThrow(RangeError);
  });
});

describe('angle encoding prepares ⊗ᵢ (cos(xᵢ/2)|0⟩ + sin(xᵢ/2)|1⟩)', () => {
  for (const d of [2, 3, 5, 8, 12, 16]) {
    it(`d = ${d}`, () => {
      const x = Array.from({ length: d }, () => (rng.next() - 0.5) * 4 * Math.PI);
      const circuit = angleEncoding(x);
      const sv = new StateVector(circuit.numQubits).run(circuit);
      const target = new Float64Array(2 ** d);
      for (let i = 0; i < target.length; i++) {
        let a = 1;
        for (let q = 0; q < d; q++) a *= (i >> q) & 1 ? Math.sin(x[q] / 2) : Math.cos(x[q] / 2);
        target[i] = a;
      }
      expect(fidelity(sv, target)).toBeGreaterThan(TOL);
    });
  }
});

describe('basis encoding prepares |b_{d−1} … b_0⟩', () => {
  for (const d of [2, 3, 5, 8, 12, 16]) {
    it(`d = ${d}`, () => {
      const bits: number[] = Array.from({ length: d }, () => (rng.next() < 0.5 ? 0 : 1));
      const circuit = basisEncoding(bits);
      const sv = new StateVector(circuit.numQubits).run(circuit);
      const index = bits.reduce((acc, b, q) => acc | (b << q), 0);
      const target = new Float64Array(2 ** d);
      target[index] = 1;
      expect(fidelity(sv, target)).toBeGreaterThan(TOL);
    });
  }
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StateVector, simulate, checkStateVectorSize } from '../../../src/sim/statevector';
import { gateMatrix, inverseGate } from '../../../src/sim/gates';
import { randomCircuit } from '../../../src/sim/circuit-builder';
import { pauliString } from '../../../src/sim/pauli';
import { createRng } from '../../../src/sim/rng';
import { GATE_PARAM_COUNT, SimulatorLimitError, type GateName, type GateOp } from '../../../src/sim/types';

const g = (name: GateName, qubits: number[], params: number[] = []): GateOp => ({ kind: 'gate', name, qubits, params });

/** Independent reference: applies a gate's full matrix by enumerating basis states (O(2^n · 2^k)). */
function applyDense(
  re: Float64Array,
  im: Float64Array,
  m: Float64Array,
  qubits: number[],
): [Float64Array, Float64Array] {
  const k = qubits.length,
    d = 1 << k;
  const outR = new Float64Array(re.length),
    outI = new Float64Array(re.length);
  for (let i = 0; i < re.length; i++) {
    let col = 0,
      rest = i;
    for (let b = 0; b < k; b++) {
      if ((i >> qubits[b]) & 1) col |= 1 << b;
      rest &= ~(1 << qubits[b]);
    }
    for (let row = 0; row < d; row++) {
      let j = rest;
      for (let b = 0; b < k; b++) if ((row >> b) & 1) j |= 1 << qubits[b];
      const mr = m[2 * (row * d + col)],
        mi = m[2 * (row * d + col) + 1];
      outR[j] += mr * re[i] - mi * im[i];
      outI[j] += mr * im[i] + mi * re[i];
    }
  }
  return [outR, outI];
}

/** Dense Pauli matrix action for a Qiskit-order string (reference for expectation()). */
function densePauliExpectation(sv: StateVector, pauli: string): number {
  const n = sv.numQubits;
  let re: Float64Array = Float64Array.from(sv.re),
    im: Float64Array = Float64Array.from(sv.im);
  const P: Record<string, number[]> = {
    I: [1, 0, 0, 0, 0, 0, 1, 0],
    X: [0, 0, 1, 0, 1, 0, 0, 0],
    Y: [0, 0, 0, -1, 0, 1, 0, 0],
    Z: [1, 0, 0, 0, 0, 0, -1, 0],
  };
  for (let q = 0; q < n; q++) [re, im] = applyDense(re, im, Float64Array.from(P[pauli[n - 1 - q]]), [q]);
  let s = 0;
  for (let i = 0; i < re.length; i++) s += sv.re[i] * re[i] + sv.im[i] * im[i];
  return s;
}

const ALL = Object.keys(GATE_PARAM_COUNT) as Exclude<GateName, 'unitary'>[];

describe('StateVector kernels', () => {
  it('every gate on every qubit placement matches the dense reference', () => {
    const n = 4;
    const rng = createRng(7);
    const start = new StateVector(n);
    start.run(randomCircuit(n, 30, 99)); // a generic entangled state
    for (const name of ALL) {
      const k = name === 'ccx' ? 3 : ['cx', 'cy', 'cz', 'swap', 'crx', 'cry', 'crz', 'cp'].includes(name) ? 2 : 1;
      for (let trial = 0; trial < 12; trial++) {
        const qubits: number[] = [];
        while (qubits.length < k) {
          const q = rng.int(n);
          if (!qubits.includes(q)) qubits.push(q);
        }
        const params = Array.from({ length: GATE_PARAM_COUNT[name] }, () => 6 * rng.next() - 3);
        const op = g(name, qubits, params);
        const sv = start.clone().apply(op);
        const [rr, ri] = applyDense(start.re, start.im, gateMatrix(op), qubits);
        for (let i = 0; i < sv.dim; i++) {
          expect(Math.abs(sv.re[i] - rr[i]), `${name} ${qubits}`).toBeLessThan(1e-13);
          expect(Math.abs(sv.im[i] - ri[i]), `${name} ${qubits}`).toBeLessThan(1e-13);
        }
      }
    }
  });

  it('applies arbitrary 1-, 2- and 3-qubit matrices (unitary ops and applyMatrix)', () => {
    const n = 5;
    const start = simulate(randomCircuit(n, 40, 3));
    const rng = createRng(11);
    for (const k of [1, 2, 3]) {
      const m = new Float64Array(2 * (1 << (2 * k)));
      for (let i = 0; i < m.length; i++) m[i] = rng.normal(); // not unitary on purpose
      const qubits = k === 1 ? [3] : k === 2 ? [4, 1] : [2, 0, 3];
      const sv = start.clone().applyMatrix(m, qubits);
      const [rr, ri] = applyDense(start.re, start.im, m, qubits);
      for (let i = 0; i < sv.dim; i++) {
        expect(sv.re[i]).toBeCloseTo(rr[i], 12);
        expect(sv.im[i]).toBeCloseTo(ri[i], 12);
      }
      if (k < 3) {
        const viaOp = start.clone().apply({ kind: 'gate', name: 'unitary', qubits, params: [], matrix: m });
        expect(Array.from(viaOp.re)).toEqual(Array.from(sv.re));
      }
    }
  });
});

describe('StateVector closed forms', () => {
  it('RY(θ)|0⟩ has ⟨Z⟩ = cos θ and ⟨X⟩ = sin θ', () => {
    fc.assert(
      fc.property(fc.double({ min: -7, max: 7, noNaN: true }), (theta) => {
        const sv = new StateVector(1).apply(g('ry', [0], [theta]));
        expect(sv.expectation('Z')).toBeCloseTo(Math.cos(theta), 12);
        expect(sv.expectationZ([0])).toBeCloseTo(Math.cos(theta), 12);
        expect(sv.expectation('X')).toBeCloseTo(Math.sin(theta), 12);
        expect(sv.expectation('Y')).toBeCloseTo(0, 12);
      }),
    );
  });

  it('RX(θ)|0⟩ has ⟨Y⟩ = −sin θ', () => {
    const sv = new StateVector(1).apply(g('rx', [0], [0.9]));
    expect(sv.expectation('Y')).toBeCloseTo(-Math.sin(0.9), 12);
  });

  it('prepares a Bell state', () => {
    const sv = new StateVector(2).apply(g('h', [0])).apply(g('cx', [0, 1]));
    const p = sv.probabilities();
    expect(p[0]).toBeCloseTo(0.5, 14);
    expect(p[3]).toBeCloseTo(0.5, 14);
    expect(p[1] + p[2]).toBeLessThan(1e-28);
    expect(sv.expectation('ZZ')).toBeCloseTo(1, 14);
    expect(sv.expectation('XX')).toBeCloseTo(1, 14);
    expect(sv.expectation('YY')).toBeCloseTo(-1, 14);
    expect(sv.expectation('ZI')).toBeCloseTo(0, 14);
  });

  it('prepares GHZ states on up to 12 qubits', () => {
    for (const n of [3, 7, 12]) {
      const sv = new StateVector(n).apply(g('h', [0]));
      for (let q = 1; q < n; q++) sv.apply(g('cx', [q - 1, q]));
      expect(sv.probability(0)).toBeCloseTo(0.5, 13);
      expect(sv.probability(2 ** n - 1)).toBeCloseTo(0.5, 13);
      expect(sv.expectation('X'.repeat(n))).toBeCloseTo(1, 12);
      expect(sv.expectationZ([0, n - 1])).toBeCloseTo(1, 13);
      expect(sv.expectationZ([0])).toBeCloseTo(0, 13);
    }
  });

  it('puts qubit 0 in the low bit: X on qubit 0 of 3 gives index 1', () => {
    const sv = new StateVector(3).apply(g('x', [0]));
    expect(sv.probability(1)).toBe(1);
    expect(sv.expectation(pauliString(3, { 0: 'Z' }))).toBe(-1);
    expect(sv.expectation('ZZI')).toBe(1);
  });
});

describe('StateVector properties', () => {
  const circuitArb = fc.record({
    n: fc.integer({ min: 1, max: 6 }),
    gates: fc.integer({ min: 0, max: 40 }),
    seed: fc.nat(),
  });

  it('preserves the norm', () => {
    fc.assert(
      fc.property(circuitArb, ({ n, gates, seed }) => {
        expect(simulate(randomCircuit(n, gates, seed)).norm()).toBeCloseTo(1, 12);
      }),
    );
  });

  it('U followed by U† restores |0…0⟩', () => {
    fc.assert(
      fc.property(circuitArb, ({ n, gates, seed }) => {
        const c = randomCircuit(n, gates, seed);
        const sv = simulate(c);
        for (let i = c.ops.length - 1; i >= 0; i--) sv.apply(inverseGate(c.ops[i] as GateOp));
        expect(sv.re[0]).toBeCloseTo(1, 11);
        expect(sv.probability(0)).toBeCloseTo(1, 11);
      }),
    );
  });

  it('expectation of random Pauli strings matches the dense reference', () => {
    fc.assert(
      fc.property(
        circuitArb,
        fc.array(fc.constantFrom('I', 'X', 'Y', 'Z'), { minLength: 6, maxLength: 6 }),
        ({ n, gates, seed }, letters) => {
          const sv = simulate(randomCircuit(n, gates, seed));
          const pauli = letters.slice(0, n).join('');
          expect(sv.expectation(pauli)).toBeCloseTo(densePauliExpectation(sv, pauli), 12);
        },
      ),
    );
  });

  it('weighted observables are linear', () => {
    const sv = simulate(randomCircuit(3, 25, 5));
    const combo = sv.expectation([
      { coeff: 0.5, pauli: 'XYZ' },
      { coeff: -2, pauli: 'ZIZ' },
    ]);
    expect(combo).toBeCloseTo(0.5 * sv.expectation('XYZ') - 2 * sv.expectation('ZIZ'), 13);
  });

  it('inner product and fidelity: ⟨0000|++++⟩ = 1/4, fidelity 1/16, conjugate symmetry; copy and reset', () => {
    // |++++⟩ has every amplitude 1/√16 = 1/4, so its overlap with |0000⟩ is 1/4 and the fidelity (1/4)² = 1/16.
    const plus = new StateVector(4).run({ numQubits: 4, numClbits: 0, ops: [0, 1, 2, 3].map((q) => g('h', [q])) });
    const zero = new StateVector(4);
    expect(zero.innerProduct(plus).re).toBeCloseTo(0.25, 14);
    expect(zero.innerProduct(plus).im).toBeCloseTo(0, 14);
    expect(plus.fidelity(zero)).toBeCloseTo(1 / 16, 14);
    const a = simulate(randomCircuit(4, 30, 1));
    const b = simulate(randomCircuit(4, 30, 2));
    const ab = a.innerProduct(b),
      ba = b.innerProduct(a);
    expect(ab.re).toBeCloseTo(ba.re, 14);
    expect(ab.im).toBeCloseTo(-ba.im, 14);
    expect(a.fidelity(a)).toBeCloseTo(1, 13);
    const c = new StateVector(4).copyFrom(b);
    expect(c.fidelity(b)).toBeCloseTo(1, 13);
    c.reset();
    expect(c.probability(0)).toBe(1);
    expect(c.norm()).toBe(1);
  });

  it('ignores measure and barrier when running a circuit: H, barrier, measure, CX still gives P(11) = 1/2', () => {
    const sv = simulate({
      numQubits: 2,
      numClbits: 2,
      ops: [g('h', [0]), { kind: 'barrier', qubits: [0, 1] }, { kind: 'measure', qubit: 0, clbit: 0 }, g('cx', [0, 1])],
    });
    expect(sv.probability(3)).toBeCloseTo(0.5, 14);
    expect(sv.probability(1)).toBeCloseTo(0, 14);
  });

  it('rejects malformed gates', () => {
    const sv = new StateVector(2);
    expect(() => sv.apply(g('cx', [0, 2]))).toThrow(/out of range/);
    expect(() => sv.apply(g('rx', [0]))).toThrow(/parameter/);
    expect(() => sv.expectation('ZZZ')).toThrow(/3 letters/);
    expect(() => sv.expectation('ZQ')).toThrow(/letters I, X, Y, Z/);
  });
});

describe('StateVector caps', () => {
  it('refuses more than 20 qubits by default, before allocating', () => {
    // 40 qubits would need 16 TiB: if allocation were attempted this would throw a RangeError instead.
    expect(() => new StateVector(40)).toThrow(SimulatorLimitError);
    expect(() => new StateVector(21)).toThrow(/limit is 20 qubits/);
    expect(() => new StateVector(21)).toThrow(/32 MiB/);
    expect(() => checkStateVectorSize(21)).toThrow(SimulatorLimitError);
    expect(() => new StateVector(0)).toThrow(SimulatorLimitError);
    expect(() => new StateVector(2.5)).toThrow(SimulatorLimitError);
  });

  it('honours an explicit cap and the hard maximum', () => {
    expect(() => new StateVector(6, { maxQubits: 5 })).toThrow(/limit is 5 qubits/);
    expect(() => new StateVector(31, { maxQubits: 64 })).toThrow(/limit is 30 qubits/);
    expect(new StateVector(5, { maxQubits: 5 }).dim).toBe(32);
    expect(() => simulate(randomCircuit(3, 2, 1), { maxQubits: 2 })).toThrow(SimulatorLimitError);
  });
});

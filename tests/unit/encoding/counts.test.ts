/**
 * Resource counts of the encodings, against numbers counted by hand from the circuit definitions and
 * against published gate counts. Both the built circuit (circuitStats) and the closed form
 * (encodingCounts, used for sizes too large to build) must give each expected number.
 */
import { describe, expect, it } from 'vitest';
import { encodeFeatures, type Encoding } from '../../../src/encoding/circuits';
import { encodingCounts } from '../../../src/encoding/counts';
import { circuitStats } from '../../../src/sim/stats';

interface Expected {
  qubits: number;
  cnots: number;
  single: number;
  depth: number;
}

/** Features that make every gate appear: all ones (basis encoding's worst case), else distinct angles. */
const features = (encoding: Encoding, d: number) =>
  Array.from({ length: d }, (_, i) => (encoding === 'basis' ? 1 : 0.3 + 0.7 * i));

function expectCounts(encoding: Encoding, d: number, expected: Expected): void {
  const s = circuitStats(encodeFeatures(encoding, features(encoding, d)));
  expect({ qubits: s.qubits, cnots: s.cnots, single: s.singleQubitGates, depth: s.depth }).toEqual(expected);
  const c = encodingCounts(encoding, d);
  expect({ qubits: c.qubits, cnots: c.cnots, single: c.singleQubitGates, depth: c.depth }).toEqual(expected);
}

describe('encoding counts, counted by hand', () => {
  it('basis and angle encoding: one gate per feature on its own qubit, depth 1, no CNOT', () => {
    for (const d of [1, 5, 32]) {
      expectCounts('basis', d, { qubits: d, cnots: 0, single: d, depth: 1 });
      expectCounts('angle', d, { qubits: d, cnots: 0, single: d, depth: 1 });
    }
  });

  it('amplitude encoding on one and two qubits', () => {
    // d = 1, 2: one RY on one qubit.
    expectCounts('amplitude', 1, { qubits: 1, cnots: 0, single: 1, depth: 1 });
    expectCounts('amplitude', 2, { qubits: 1, cnots: 0, single: 1, depth: 1 });
    // d = 3, 4 on two qubits: RY on q1, then RY(q0)–CX(q1→q0)–RY(q0)–CX(q1→q0). The first RY on q0 shares
    // layer 1 with the RY on q1: layers [RY, RY], [CX], [RY], [CX].
    expectCounts('amplitude', 3, { qubits: 2, cnots: 2, single: 3, depth: 4 });
    expectCounts('amplitude', 4, { qubits: 2, cnots: 2, single: 3, depth: 4 });
  });

  it('amplitude encoding on three qubits: 6 CNOTs, 7 RY, depth 11', () => {
    // Levels: RY(q2) | 2 RY + 2 CX on q1 (layers 1–4) | 4 RY + 4 CX on q0 controlled by q1, q2, q1, q2:
    // RY(q0) in layer 1, then CX(q1→q0) waits for q1 (layer 5), RY 6, CX(q2) 7, RY 8, CX 9, RY 10, CX 11.
    for (const d of [5, 7, 8]) expectCounts('amplitude', d, { qubits: 3, cnots: 6, single: 7, depth: 11 });
  });

  it('ZZ feature map (2 repetitions) on two and three features', () => {
    // Per repetition: H on each qubit, P on each qubit, and per pair CX–P–CX. d = 2: layers H, P, CX, P, CX
    // = 5 per repetition, 10 for two; 4 CNOTs; 2·(2 + 2 + 1) = 10 single-qubit gates.
    expectCounts('zz', 2, { qubits: 2, cnots: 4, single: 10, depth: 10 });
    // d = 3: three pairs → 12 CNOTs, 2·(3 + 3 + 3) = 18 single-qubit gates. Depth by hand: repetition 1
    // ends with the (1,2) gadget in layers 9–11; repetition 2's H on q0 starts in layer 9 (q0 is free after
    // layer 8), its (0,1) gadget in 14–16, (0,2) in 17–19, (1,2) in 20–22.
    expectCounts('zz', 3, { qubits: 3, cnots: 12, single: 18, depth: 22 });
    // d = 1: H and P twice.
    expectCounts('zz', 1, { qubits: 1, cnots: 0, single: 4, depth: 4 });
  });
});

describe('published gate counts', () => {
  it('Möttönen et al. 2004 (quant-ph/0407010): a k-fold uniformly controlled RY is 2ᵏ CNOTs and 2ᵏ RY', () => {
    // Amplitude encoding on n qubits is a tree of uniformly controlled RYs with k = 0 … n − 1 controls:
    // the CNOTs of the circuit, in order, come in blocks of 2ᵏ with a common target qubit n − 1 − k.
    const n = 5;
    const circuit = encodeFeatures('amplitude', features('amplitude', 2 ** n));
    const targets = circuit.ops.flatMap((op) => (op.kind === 'gate' && op.name === 'cx' ? [op.qubits[1]] : []));
    const expected: number[] = [];
    for (let k = 1; k < n; k++) for (let i = 0; i < 2 ** k; i++) expected.push(n - 1 - k);
    expect(targets).toEqual(expected);
  });

  it('Möttönen et al.: real amplitudes on n qubits need 2ⁿ − 2 CNOTs and 2ⁿ − 1 RY', () => {
    const table = [
      [3, 6, 7],
      [4, 14, 15],
      [6, 62, 63],
      [10, 1022, 1023],
      [20, 1_048_574, 1_048_575],
    ];
    for (const [n, cnots, ry] of table) {
      expect(encodingCounts('amplitude', 2 ** n)).toMatchObject({ qubits: n, cnots, singleQubitGates: ry });
    }
    // The built circuit agrees where it can be built.
    const built = circuitStats(encodeFeatures('amplitude', features('amplitude', 1024)));
    expect([built.cnots, built.singleQubitGates]).toEqual([1022, 1023]);
  });

  it('never more CNOTs than Möttönen et al.’s count for an arbitrary complex state', () => {
    // Their abstract: 2ⁿ⁺² − 4n − 4 CNOTs to turn one arbitrary n-qubit state into another, half of it,
    // 2ⁿ⁺¹ − 2n − 2, to prepare one from |0…0⟩: 2, 8, 22 and 52 for n = 2 … 5.
    for (const [n, bound] of [
      [2, 2],
      [3, 8],
      [4, 22],
      [5, 52],
    ]) {
      expect(encodingCounts('amplitude', 2 ** n).cnots).toBeLessThanOrEqual(bound);
    }
  });

  it('Havlíček et al. 2019 ZZ feature map, full entanglement, 2 repetitions: 2·d(d − 1) CNOTs', () => {
    for (const [d, cnots] of [
      [4, 24],
      [8, 112],
      [10, 180],
      [100, 19_800],
    ]) {
      expect(encodingCounts('zz', d)).toMatchObject({ qubits: d, cnots });
    }
    expect(circuitStats(encodeFeatures('zz', features('zz', 8))).cnots).toBe(112);
  });

  it('MNIST-sized amplitude encoding pads 784 features to 1,024 amplitudes on 10 qubits', () => {
    expect(encodingCounts('amplitude', 784)).toMatchObject({ qubits: 10, cnots: 1022 });
  });

  it('rejects a non-positive or fractional dimension', () => {
    expect(() => encodingCounts('angle', 0)).toThrow(RangeError);
    expect(() => encodingCounts('zz', 2.5)).toThrow(RangeError);
  });
});
